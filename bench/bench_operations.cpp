// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The operator endpoints at scale, each next to its baseline in the same run:
// - one page of a track search over real loopback HTTP at 1 M rows (filtered by status,
//   error type and source, or by id prefix, each from a random keyset cursor), against
//   paging the id-ordered rows with OFFSET in plain SQL, the way a page number would;
// - a retry of 100 k failed tracks through the store (one transaction, counts checked
//   against the table afterwards), against the same retry sent as ten 10 k-id requests.
// The database is built once into ENRICHMENT_BENCH_DIR (default /var/tmp/enrichment-bench).
#include <benchmark/benchmark.h>

#include <random>

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include "BenchSupport.h"
#include "SqliteQueueStore.h"
#include "enrichment/BackendThread.h"
#include "enrichment/Clock.h"

using namespace enrichment;

namespace {
constexpr qint64 Rows = 1'000'000;
constexpr qint64 Failed = 100'000; ///< every tenth track

QString dataDir()
{
    const QString d =
        qEnvironmentVariable("ENRICHMENT_BENCH_DIR", QStringLiteral("/var/tmp/enrichment-bench"));
    QDir().mkpath(d);
    return d;
}

/// Runs @p sql on the file at @p path with a connection of its own; returns the first value.
QVariant sqlOn(const QString &path, const QString &sql)
{
    QVariant out;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("ops"));
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery q(db);
            q.exec(QStringLiteral("PRAGMA synchronous=OFF"));
            if (q.exec(sql) && q.next())
                out = q.value(0);
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("ops"));
    return out;
}

/// 1 M tracks `op-0000000`...: every tenth failed, its first error one of four (type,
/// source) pairs; the rest completed.
QString database()
{
    const QString path = dataDir() + QStringLiteral("/operators-%1.sqlite").arg(Rows);
    if (QFile::exists(path) &&
        sqlOn(path, QStringLiteral("SELECT COUNT(*) FROM enrichment_status")).toLongLong() ==
            Rows) {
        // A run stopped inside a retry case leaves retried tracks behind: put them back.
        sqlOn(path, QStringLiteral("UPDATE enrichment_status SET status = 'failed', retry_count = 3"
                                   " WHERE error_type IS NOT NULL AND status <> 'failed'"));
        return path;
    }
    for (const QString &suffix : {QString(), QStringLiteral("-wal"), QStringLiteral("-shm")})
        QFile::remove(path + suffix);
    {
        SystemClock clock;
        SqliteQueueStore schema(clock, {});
        schema.open(path); // the real schema and indexes
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    sqlOn(path, QStringLiteral(
                    "WITH RECURSIVE c(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM c WHERE x < %1) "
                    "INSERT INTO enrichment_status (track_id, status, sources_enriched, "
                    " last_attempt, retry_count, created_at, updated_at, available_at, "
                    " error_type, error_source) "
                    "SELECT printf('op-%07d', x), "
                    " CASE WHEN x % 10 = 0 THEN 'failed' ELSE 'completed' END, "
                    " CASE WHEN x % 10 = 0 THEN '' ELSE 'spotify,musicbrainz' END, "
                    " %2, CASE WHEN x % 10 = 0 THEN 3 ELSE 0 END, %2, %2, %2, "
                    " CASE WHEN x % 10 <> 0 THEN NULL WHEN x % 40 = 0 THEN 'http_429' "
                    "  WHEN x % 40 = 10 THEN 'timeout' WHEN x % 40 = 20 THEN 'http_5xx' "
                    "  ELSE 'circuit_open' END, "
                    " CASE WHEN x % 10 <> 0 THEN NULL WHEN x % 40 = 0 THEN 'spotify' "
                    "  WHEN x % 40 = 10 THEN 'musicbrainz' WHEN x % 40 = 20 THEN 'discogs' "
                    "  ELSE 'beatport' END FROM c")
                    .arg(Rows - 1)
                    .arg(now));
    return path;
}

/// The backend on the 1 M-row queue, on its own thread, for the HTTP cases.
quint16 servedPort()
{
    static std::unique_ptr<BackendThread> thread;
    static quint16 port = 0;
    if (!thread) {
        BackendOptions o;
        o.port = 0;
        o.runPipeline = false;
        o.databasePath = database();
        o.reconcileIntervalMs = 0;
        thread = std::make_unique<BackendThread>(o);
        thread->start();
        QString error;
        port = quint16(thread->waitUntilReady(600'000, &error).port());
        if (!port)
            qFatal("backend did not start: %s", qPrintable(error));
    }
    return port;
}

/// Times @p page (one request each, returning its rows) @p n times; reports p50 and p99
/// in milliseconds. Every page must be full (100 rows).
template<typename Page> void timePages(benchmark::State &state, int n, Page page)
{
    for (auto _ : state) {
        std::vector<double> ms;
        ms.reserve(std::size_t(n));
        for (int i = 0; i < n; ++i) {
            QElapsedTimer t;
            t.start();
            const qsizetype rows = page(i);
            ms.push_back(double(t.nsecsElapsed()) / 1e6);
            if (rows != 100) {
                state.SkipWithError("a page was not full");
                return;
            }
        }
        state.counters["p50_ms"] = bench::percentile(ms, 0.5);
        state.counters["p99_ms"] = bench::percentile(ms, 0.99);
    }
}

QByteArray cursor(std::mt19937 &rng, int step)
{
    // A random point in the id space, on the grid of the filtered rows.
    std::uniform_int_distribution<qint64> pick(0, Rows / step - 200);
    return QByteArray("op-") + QByteArray::number(pick(rng) * step).rightJustified(7, '0');
}
} // namespace

static void BM_SearchPage_Filtered_HTTP(benchmark::State &state)
{
    bench::HttpClient http;
    if (!http.connectTo(servedPort()))
        return state.SkipWithError("cannot connect");
    std::mt19937 rng(7);
    timePages(state, 500, [&](int) {
        return http
            .get("/monitoring/enrichment/tracks?status=failed&error_type=http_429&source=spotify"
                 "&limit=100&after=" +
                 cursor(rng, 40))
            .count("\"track_id\"");
    });
}
BENCHMARK(BM_SearchPage_Filtered_HTTP)->Iterations(1)->Unit(benchmark::kMillisecond);

static void BM_SearchPage_Prefix_HTTP(benchmark::State &state)
{
    bench::HttpClient http;
    if (!http.connectTo(servedPort()))
        return state.SkipWithError("cannot connect");
    std::mt19937 rng(11);
    timePages(state, 500, [&](int) {
        return http.get("/monitoring/enrichment/tracks?q=op-0&limit=100&after=" + cursor(rng, 1))
            .count("\"track_id\"");
    });
}
BENCHMARK(BM_SearchPage_Prefix_HTTP)->Iterations(1)->Unit(benchmark::kMillisecond);

/// The count behind the Failures tab: 100 k failed tracks grouped by error type and source,
/// with three example ids per group, straight from the store.
static void BM_Failures_Count(benchmark::State &state)
{
    SystemClock clock;
    SqliteQueueStore store(clock, {});
    store.open(database());
    timePages(state, 20, [&](int) {
        const QList<FailureGroup> groups = store.failures(3);
        qint64 total = 0;
        for (const FailureGroup &g : groups)
            total += g.count;
        return total == Failed ? qsizetype(100) : qsizetype(0);
    });
}
BENCHMARK(BM_Failures_Count)->Iterations(1)->Unit(benchmark::kMillisecond);

/// The Failures tab's request over HTTP, as dashboards repeat it: the backend counts at
/// most every 2 s and answers the others from that count.
static void BM_Failures_HTTP(benchmark::State &state)
{
    bench::HttpClient http;
    if (!http.connectTo(servedPort()))
        return state.SkipWithError("cannot connect");
    timePages(state, 50, [&](int) {
        // Four groups; answer "100" rows when they hold every failed track.
        const QByteArray body = http.get("/monitoring/enrichment/failures");
        return body.count("\"count\":25000") == 4 ? qsizetype(100) : qsizetype(0);
    });
}
BENCHMARK(BM_Failures_HTTP)->Iterations(1)->Unit(benchmark::kMillisecond);

/// Baseline: pages of the id-ordered list by page number (LIMIT 100 OFFSET k), straight in
/// SQL (no HTTP, no JSON): what the prefix case would cost paged by number.
static void BM_Baseline_SearchPage_Offset(benchmark::State &state)
{
    const QString path = database();
    QSqlDatabase db =
        QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("offset"));
    db.setDatabaseName(path);
    db.open();
    {
        QSqlQuery q(db);
        q.prepare(QStringLiteral(
            "SELECT track_id, status, retry_count, sources_enriched, error_message, error_type,"
            " error_source, last_attempt, created_at, updated_at, available_at, lease_owner"
            " FROM enrichment_status ORDER BY track_id LIMIT 100 OFFSET ?"));
        std::mt19937 rng(11);
        std::uniform_int_distribution<int> page(0, int(Rows / 100) - 2);
        timePages(state, 100, [&](int) {
            q.addBindValue(page(rng) * 100);
            q.exec();
            qsizetype n = 0;
            while (q.next())
                ++n;
            return n;
        });
    }
    db = QSqlDatabase();
    QSqlDatabase::removeDatabase(QStringLiteral("offset"));
}
BENCHMARK(BM_Baseline_SearchPage_Offset)->Iterations(1)->Unit(benchmark::kMillisecond);

namespace {
/// Puts the retried tracks back to failed (not timed) and reopens the counts.
void resetFailed(const QString &path)
{
    sqlOn(path, QStringLiteral("UPDATE enrichment_status SET status = 'failed', retry_count = 3"
                               " WHERE error_type IS NOT NULL AND status <> 'failed'"));
}

/// Runs @p retry on a fresh store over the 1 M-row file; checks it retried exactly the
/// failed tracks and that the counts agree with the table.
template<typename Retry> void timeRetry(benchmark::State &state, Retry retry)
{
    const QString path = database();
    SystemClock clock;
    for (auto _ : state) {
        state.PauseTiming();
        resetFailed(path);
        SqliteQueueStore store(clock, {});
        store.open(path);
        const qint64 failedBefore = store.count(TrackStatus::Failed);
        state.ResumeTiming();
        const qint64 retried = retry(store);
        state.PauseTiming();
        if (retried != Failed || failedBefore != Failed || store.count(TrackStatus::Failed) != 0 ||
            store.count(TrackStatus::Pending) != Failed) {
            qWarning("retried %lld of %lld failed; now %lld failed, %lld pending", retried,
                     failedBefore, store.count(TrackStatus::Failed),
                     store.count(TrackStatus::Pending));
            state.SkipWithError("the counts are not exact");
            break;
        }
        if (store.reconcile()) {
            state.SkipWithError("the counts drifted from the table");
            break;
        }
        state.ResumeTiming();
    }
    resetFailed(path); // the next cases find the queue as it was built
    state.counters["tracks"] = double(Failed);
}
} // namespace

static void BM_Retry100k_Filter(benchmark::State &state)
{
    timeRetry(state, [](SqliteQueueStore &store) {
        TrackFilter f;
        f.status = TrackStatus::Failed;
        AuditEntry audit;
        audit.actor = QStringLiteral("bench");
        audit.action = QStringLiteral("retry");
        audit.parameters = R"({"status":"failed"})";
        QString error;
        return store.retry(f, &audit, &error);
    });
}
BENCHMARK(BM_Retry100k_Filter)->Iterations(3)->Unit(benchmark::kMillisecond);

/// Baseline: the same tracks named by id, ten requests of 10 k ids (the most one takes).
static void BM_Baseline_Retry100k_ByIds(benchmark::State &state)
{
    QStringList ids;
    ids.reserve(Failed);
    for (qint64 x = 0; x < Rows; x += 10)
        ids << QStringLiteral("op-%1").arg(x, 7, 10, QLatin1Char('0'));
    timeRetry(state, [&](SqliteQueueStore &store) {
        qint64 total = 0;
        for (qsizetype at = 0; at < ids.size(); at += MaxActionTrackIds) {
            TrackFilter f;
            f.ids = ids.mid(at, MaxActionTrackIds);
            AuditEntry audit;
            audit.actor = QStringLiteral("bench");
            audit.action = QStringLiteral("retry");
            QString error;
            total += store.retry(f, &audit, &error);
        }
        return total;
    });
}
BENCHMARK(BM_Baseline_Retry100k_ByIds)->Iterations(3)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
