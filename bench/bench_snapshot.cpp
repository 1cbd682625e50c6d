// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// GET /monitoring/enrichment over real loopback HTTP with 10 k, 1 M and 5 M rows in the
// queue, against the seed's way: SELECT status, COUNT(*) ... GROUP BY status on the same
// database. The databases are built once into ENRICHMENT_BENCH_DIR (default
// /var/tmp/enrichment-bench) and reused.
#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include "enrichment/BackendThread.h"
#include "BenchSupport.h"
#include "enrichment/Clock.h"
#include "SqliteQueueStore.h"

using namespace enrichment;

namespace {
QString dataDir()
{
    const QString d =
        qEnvironmentVariable("ENRICHMENT_BENCH_DIR", QStringLiteral("/var/tmp/enrichment-bench"));
    QDir().mkpath(d);
    return d;
}

qint64 countRows(const QString &path)
{
    qint64 n = -1;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("count"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(QStringLiteral("SELECT COUNT(*) FROM enrichment_status"), db);
            if (q.next())
                n = q.value(0).toLongLong();
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("count"));
    return n;
}

/// A queue of @p rows tracks: 25 % pending, 60 % completed, 10 % partial, 4 % failed,
/// 1 % in progress (leased for a day), last attempts spread over two hours.
QString database(qint64 rows)
{
    const QString path = dataDir() + QStringLiteral("/queue-%1.sqlite").arg(rows);
    if (QFile::exists(path) && countRows(path) == rows)
        return path;
    QFile::remove(path);
    QFile::remove(path + QStringLiteral("-wal"));
    QFile::remove(path + QStringLiteral("-shm"));
    {
        SystemClock clock;
        SqliteQueueStore schema(clock, {});
        schema.open(path); // the real schema and indexes
    }
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("fill"));
        db.setDatabaseName(path);
        db.open();
        QSqlQuery q(db);
        q.exec(QStringLiteral("PRAGMA synchronous=OFF"));
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        q.exec(QStringLiteral(
                   "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < %1) "
                   "INSERT INTO enrichment_status (track_id, status, sources_enriched, "
                   "last_attempt, retry_count,"
                   " created_at, updated_at, available_at, lease_owner, lease_expires_at) "
                   "SELECT 'bench-' || x,"
                   " CASE WHEN x % 100 < 60 THEN 'completed' WHEN x % 100 < 85 THEN 'pending'"
                   "      WHEN x % 100 < 95 THEN 'partial' WHEN x % 100 < 99 THEN 'failed' ELSE "
                   "'in_progress' END,"
                   " 'spotify,musicbrainz', %2 - (x % 7200000), 0, %2, %2, %2,"
                   " CASE WHEN x % 100 = 99 THEN 'bench-worker' END,"
                   " CASE WHEN x % 100 = 99 THEN %2 + 86400000 END FROM c")
                   .arg(rows)
                   .arg(now));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("fill"));
    return path;
}

struct Served
{
    std::unique_ptr<BackendThread> thread;
    quint16 port = 0;
};

std::map<qint64, Served> &servers()
{
    static std::map<qint64, Served> all;
    return all;
}

Served &serve(qint64 rows)
{
    Served &s = servers()[rows];
    if (!s.thread) {
        BackendOptions o;
        o.port = 0;
        o.runPipeline = false;
        o.databasePath = database(rows);
        o.reconcileIntervalMs = 0;
        s.thread = std::make_unique<BackendThread>(o);
        s.thread->start();
        QString error;
        s.port = quint16(s.thread->waitUntilReady(600'000, &error).port());
        if (!s.port)
            qFatal("backend did not start: %s", qPrintable(error));
    }
    return s;
}
} // namespace

static void BM_Snapshot_HTTP(benchmark::State &state)
{
    Served &s = serve(state.range(0));
    bench::HttpClient client;
    if (!client.connectTo(s.port)) {
        state.SkipWithError("cannot connect");
        return;
    }
    std::size_t bytes = 0;
    std::vector<double> latencies;
    for (auto _ : state) {
        const auto t0 = std::chrono::steady_clock::now();
        const QByteArray body = client.get("/monitoring/enrichment");
        latencies.push_back(
            std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0)
                .count());
        if (body.isEmpty()) {
            state.SkipWithError("empty answer");
            break;
        }
        bytes = std::size_t(body.size());
    }
    state.counters["rows"] = double(state.range(0));
    state.counters["bytes"] = double(bytes);
    state.counters["p50_ms"] = bench::percentile(latencies, 0.50);
    state.counters["p99_ms"] = bench::percentile(latencies, 0.99);
}
BENCHMARK(BM_Snapshot_HTTP)
    ->Arg(10'000)
    ->Arg(1'000'000)
    ->Arg(5'000'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime()
    ->MinTime(2.0);

static void BM_Metrics_HTTP(benchmark::State &state)
{
    Served &s = serve(10'000);
    bench::HttpClient client;
    if (!client.connectTo(s.port)) {
        state.SkipWithError("cannot connect");
        return;
    }
    for (auto _ : state) {
        if (client.get("/metrics").isEmpty()) {
            state.SkipWithError("empty answer");
            break;
        }
    }
}
BENCHMARK(BM_Metrics_HTTP)->Unit(benchmark::kMillisecond)->UseRealTime();

static void BM_Baseline_GroupByStatus(benchmark::State &state)
{
    const QString path = database(state.range(0));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("baseline"));
        db.setDatabaseName(path);
        db.open();
        for (auto _ : state) {
            QSqlQuery q(
                QStringLiteral("SELECT status, COUNT(*) FROM enrichment_status GROUP BY status"),
                db);
            qint64 total = 0;
            while (q.next())
                total += q.value(1).toLongLong();
            benchmark::DoNotOptimize(total);
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("baseline"));
    state.counters["rows"] = double(state.range(0));
}
BENCHMARK(BM_Baseline_GroupByStatus)
    ->Arg(10'000)
    ->Arg(1'000'000)
    ->Arg(5'000'000)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    servers().clear(); // stop the backends while the application object exists
    return 0;
}
