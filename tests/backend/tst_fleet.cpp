// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <csignal>
#include <memory>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include <QNetworkAccessManager>

#include "BackendProcess.h"
#include "DashboardModels.h"
#include "BackendFeed.h"
#include "WorkersModel.h"
#include "Http.h"
#include "InProcessBackend.h"
#include "PostgresServer.h"
#include "ServiceInternals.h"
#include "Pipeline.h"
#include "enrichment/BackendService.h"

using testsupport::BackendProcess;
using testsupport::httpGet;

namespace {
/// A source that finds every track, always after @p latency seconds, and reports a fixed
/// rate-limit budget: what two workers of a fleet each see of one provider.
class FixedSource final : public enrichment::EnrichmentSource
{
public:
    FixedSource(QString name, double latency, qint64 remaining, qint64 resetMs)
        : m_name(std::move(name)), m_latency(latency), m_remaining(remaining), m_reset(resetMs)
    {}
    QString name() const override { return m_name; }
    enrichment::SourceResponse fetch(const enrichment::TrackLookup &) override
    {
        enrichment::SourceResponse r;
        r.status = enrichment::RequestStatus::Success;
        r.latencySeconds = m_latency;
        r.fields.insert(QStringLiteral("isrc"), QStringLiteral("x"));
        return r;
    }
    enrichment::RateLimitState rateLimit() override { return {100, m_remaining, m_reset}; }

private:
    QString m_name;
    double m_latency;
    qint64 m_remaining;
    qint64 m_reset;
};
} // namespace

/// Several real `enrichment-backend` workers on one real PostgreSQL database: the seed's
/// production shape. Each case gets a database of its own on a private server.
class TestFleet : public QObject
{
    Q_OBJECT
private:
    testsupport::PostgresServer m_pg;
    int m_databases = 0;

    struct Fleet
    {
        QString url;
        QString database;
        std::vector<std::unique_ptr<BackendProcess>> workers;
    };

    QString newDatabase(QString *name)
    {
        *name = QStringLiteral("fleet_%1").arg(++m_databases);
        QString url, error;
        if (!m_pg.createDatabase(*name, &url, &error))
            qFatal("%s", qPrintable(error));
        return url;
    }

    /// Starts a worker on @p databaseUrl; @p extra: more options.
    static std::unique_ptr<BackendProcess>
    startWorker(const QString &databaseUrl, const QString &id, const QStringList &extra = {})
    {
        auto w = std::make_unique<BackendProcess>();
        const QStringList args = QStringList{QStringLiteral("--port"),
                                             QStringLiteral("0"),
                                             QStringLiteral("--database"),
                                             databaseUrl,
                                             QStringLiteral("--worker-id"),
                                             id,
                                             QStringLiteral("--batch-size"),
                                             QStringLiteral("100"),
                                             QStringLiteral("--batch-interval-ms"),
                                             QStringLiteral("0"),
                                             QStringLiteral("--retry-backoff"),
                                             QStringLiteral("0"),
                                             QStringLiteral("--heartbeat-seconds"),
                                             QStringLiteral("1"),
                                             QStringLiteral("--quota-scale"),
                                             QStringLiteral("0")} +
                                 extra;
        if (!w->start(QStringLiteral(BACKEND_BINARY), args))
            return nullptr;
        return w;
    }

    static QJsonObject snapshot(const BackendProcess &w)
    {
        const testsupport::HttpReply r = httpGet(w.port(), "/monitoring/enrichment");
        return QJsonDocument::fromJson(r.body).object();
    }

    static qint64 queueCount(const QJsonObject &snap, const char *status)
    {
        return snap.value(QStringLiteral("queue"))
            .toObject()
            .value(QLatin1String(status))
            .toInteger(-1);
    }

    /// True once the fleet finished every track: nothing pending or in progress.
    bool drained(const QString &database, qint64 total)
    {
        return m_pg.scalar(database,
                           QStringLiteral("SELECT COUNT(*) FROM enrichment_status WHERE"
                                          " status IN ('completed', 'partial', 'failed')"))
                   .toLongLong() == total;
    }

    qint64 tableCount(const QString &database, const char *status)
    {
        return m_pg
            .scalar(database, QStringLiteral("SELECT COUNT(*) FROM enrichment_status"
                                             " WHERE status = '%1'")
                                  .arg(QLatin1String(status)))
            .toLongLong();
    }

    /// Every worker's snapshot shows the table's own counts (the fleet's, not its own).
    void checkEveryWorkerReportsTheTable(const QString &database,
                                         const std::vector<BackendProcess *> &workers)
    {
        for (BackendProcess *w : workers)
            for (const char *status : {"pending", "in_progress", "completed", "failed", "partial"})
                QTRY_COMPARE_WITH_TIMEOUT(queueCount(snapshot(*w), status),
                                          tableCount(database, status), 5000);
    }

    static qint64 metric(const BackendProcess &w, const QByteArray &series)
    {
        const QByteArray body = httpGet(w.port(), "/metrics").body;
        for (const QByteArray &line : body.split('\n'))
            if (line.startsWith(QByteArray(series + ' ')))
                return line.mid(series.size() + 1).toDouble();
        return 0;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!testsupport::PostgresServer::available())
            QFAIL("PostgreSQL 15 is not installed (scripts/dev.sh installs it)");
        QString error;
        QVERIFY2(m_pg.start(&error), qPrintable(error));
    }

    void threeWorkersDrainEveryTrackExactlyOnce()
    {
        QString db;
        const QString url = newDatabase(&db);
        constexpr int Tracks = 5000;
        // Two workers wait on the empty queue; the third fills it as it starts.
        // A batch takes a little wall time (5 % of the simulated latency), so no worker
        // drains the queue alone before the others' next look at it.
        const QStringList pace = {QStringLiteral("--time-scale"), QStringLiteral("0.05")};
        auto b = startWorker(url, QStringLiteral("worker-b"), pace);
        auto c = startWorker(url, QStringLiteral("worker-c"), pace);
        QVERIFY(b && c);
        auto a = startWorker(url, QStringLiteral("worker-a"),
                             QStringList{QStringLiteral("--seed-tracks"), QString::number(Tracks)} +
                                 pace);
        QVERIFY(a);
        QTRY_VERIFY_WITH_TIMEOUT(drained(db, Tracks), 120'000);
        checkEveryWorkerReportsTheTable(db, {a.get(), b.get(), c.get()});
        // Each finished track was recorded by exactly one worker: their counters add up to
        // the table (a worker whose lease was lost records nothing).
        for (const char *status : {"completed", "partial"}) {
            const QByteArray series =
                QByteArray("enrichment_tracks_processed_total{status=\"") + status + "\"}";
            QCOMPARE(metric(*a, series) + metric(*b, series) + metric(*c, series),
                     tableCount(db, status));
        }
        // All three took part (as their next heartbeats say), and each one's snapshot lists
        // the three.
        auto workersWithBatches = [&] {
            int n = 0;
            for (const QJsonValue &w : snapshot(*b).value(QStringLiteral("workers")).toArray())
                n += w[QStringLiteral("batches_completed")].toInt() > 0 &&
                     w[QStringLiteral("state")].toString() != QStringLiteral("lost");
            return n;
        };
        QTRY_COMPARE_WITH_TIMEOUT(workersWithBatches(), 3, 5000);
        const QJsonObject snap = snapshot(*b);
        QCOMPARE(snap.value(QStringLiteral("workers")).toArray().size(), 3);
        QCOMPARE(snap[QStringLiteral("service")][QStringLiteral("worker_id")].toString(),
                 QStringLiteral("worker-b"));
        QCOMPARE(snap[QStringLiteral("processing_rate")][QStringLiteral("completed_last_hour")]
                     .toInteger(),
                 tableCount(db, "completed") + tableCount(db, "partial"));
        // A worker stopped the way systemd stops it says so: stopped, not lost.
        ::kill(pid_t(c->pid()), SIGTERM);
        QVERIFY(c->process.waitForFinished(10'000));
        QCOMPARE(c->process.exitCode(), 0);
        auto stateOfC = [&] {
            for (const QJsonValue &w : snapshot(*b).value(QStringLiteral("workers")).toArray())
                if (w[QStringLiteral("id")].toString() == QLatin1String("worker-c"))
                    return w[QStringLiteral("state")].toString();
            return QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(stateOfC(), QStringLiteral("stopped"), 5000);
    }

    void killedWorkersTracksAreTakenOver()
    {
        QString db;
        const QString url = newDatabase(&db);
        constexpr int Tracks = 600;
        // The victim works slowly (real simulated latency), so a batch is in flight when
        // it dies; its lease is short.
        auto victim = startWorker(url, QStringLiteral("victim"),
                                  {QStringLiteral("--seed-tracks"), QString::number(Tracks),
                                   QStringLiteral("--lease-seconds"), QStringLiteral("2")});
        QVERIFY(victim);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_pg.scalar(db, QStringLiteral("SELECT COUNT(*) FROM enrichment_status WHERE"
                                           " status = 'in_progress' AND lease_owner = 'victim'"))
                    .toInt() > 0,
            15'000);
        ::kill(pid_t(victim->pid()), SIGKILL);
        QVERIFY(victim->process.waitForFinished(5000));
        auto heir = startWorker(url, QStringLiteral("heir"),
                                {QStringLiteral("--time-scale"), QStringLiteral("0"),
                                 QStringLiteral("--lease-seconds"), QStringLiteral("2")});
        QVERIFY(heir);
        // A dashboard watches the heir.
        QNetworkAccessManager nam;
        dashboard::BackendFeed feed(&nam);
        dashboard::DashboardModels models;
        models.follow(&feed);
        feed.setBaseUrl(heir->url);
        feed.start();
        QTRY_VERIFY_WITH_TIMEOUT(drained(db, Tracks), 60'000);
        QCOMPARE(tableCount(db, "in_progress"), 0);
        QCOMPARE(tableCount(db, "pending"), 0);
        checkEveryWorkerReportsTheTable(db, {heir.get()});
        // The dead worker is shown as lost (three missed heartbeats), the heir is not.
        auto stateOf = [&](const QString &id) {
            for (const QJsonValue &w : snapshot(*heir).value(QStringLiteral("workers")).toArray())
                if (w[QStringLiteral("id")].toString() == id)
                    return w[QStringLiteral("state")].toString();
            return QString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(stateOf(QStringLiteral("victim")), QStringLiteral("lost"),
                                  10'000);
        QVERIFY(stateOf(QStringLiteral("heir")) != QStringLiteral("lost"));
        // ... and so does the dashboard's Workers panel, with the heir as "this backend".
        const dashboard::WorkersModel *workers = models.workers();
        auto dashboardState = [workers](const QString &id) {
            for (const dashboard::FleetWorker &w : workers->workers())
                if (w.id == id)
                    return dashboard::WorkersModel::stateKey(w.state);
            return QString();
        };
        feed.refresh();
        QTRY_COMPARE_WITH_TIMEOUT(dashboardState(QStringLiteral("victim")), QStringLiteral("lost"),
                                  10'000);
        QVERIFY(workers->hasFleet());
        QCOMPARE(workers->self(), QStringLiteral("heir"));
        QVERIFY(dashboardState(QStringLiteral("heir")) != QStringLiteral("lost"));
        QVERIFY2(workers->summary().contains(QStringLiteral("1 lost")),
                 qPrintable(workers->summary()));
        feed.stop();
    }

    // Every backend of the shared queue shows the fleet's figures: requests, errors and
    // success from sums over the live workers, latency percentiles from their summed
    // histograms (a mean of percentiles would be wrong), the tightest rate limit, cache and
    // fields summed, in progress from the queue. A worker gone past the lost threshold
    // stops counting, and is shown lost with nothing in flight, no rate, no breakers.
    void fleetFiguresAreTheLiveWorkersSums()
    {
        QString db;
        const QString url = newDatabase(&db);
        auto make = [&](const QString &id, double latency, qint64 remaining, qint64 resetMs) {
            enrichment::BackendOptions o = testsupport::testBackendOptions();
            o.heartbeatIntervalMs = 1000;
            o.retryBackoffMs = 0;
            o.breakerFailureThreshold = 1000;
            o.batchSize = 10;
            o.workerId = id;
            std::vector<std::unique_ptr<enrichment::EnrichmentSource>> sources;
            sources.push_back(std::make_unique<FixedSource>(QStringLiteral("spotify"), latency,
                                                            remaining, resetMs));
            return testsupport::startBackend(o, url, nullptr, std::move(sources));
        };
        // a: 90 calls at 10 ms, 40 calls left; b: 10 calls at 2 s, 25 left (tightest).
        auto a = make(QStringLiteral("a"), 0.010, 40, 2'000'000'000'000);
        auto b = make(QStringLiteral("b"), 2.0, 25, 2'000'000'000'001);
        QStringList ids;
        for (int i = 0; i < 100; ++i)
            ids << QStringLiteral("ok-%1").arg(i, 3, 10, QLatin1Char('0'));
        a->enqueue(ids);
        for (int i = 0; i < 9; ++i)
            enrichment::internals(*a).pipeline().runBatchNow();
        enrichment::internals(*b).pipeline().runBatchNow();
        QCOMPARE(tableCount(db, "partial"), 100); // one source: partial

        auto spotify = [](enrichment::BackendService &s) {
            return s.snapshot()[QStringLiteral("sources")][QStringLiteral("spotify")].toObject();
        };
        // Once b's heartbeat carried its batch: a's snapshot is the fleet's.
        QTRY_COMPARE_WITH_TIMEOUT(
            spotify(*a)[QStringLiteral("requests")][QStringLiteral("success")].toInt(), 100, 5000);
        QJsonObject s = spotify(*a);
        QCOMPARE(s[QStringLiteral("requests_1h")].toInt(), 100);
        QCOMPARE(s[QStringLiteral("success_rate_1h")].toDouble(), 1.0);
        const QJsonObject latency = s[QStringLiteral("latency_seconds")].toObject();
        QVERIFY2(latency[QStringLiteral("p50")].toDouble() < 0.02,
                 qPrintable(QString::number(latency[QStringLiteral("p50")].toDouble())));
        QVERIFY2(latency[QStringLiteral("p99")].toDouble() > 1.5, // b's calls are the tail
                 qPrintable(QString::number(latency[QStringLiteral("p99")].toDouble())));
        const QJsonObject rl = s[QStringLiteral("rate_limit")].toObject();
        QCOMPARE(rl[QStringLiteral("remaining")].toInt(), 25);
        QCOMPARE(rl[QStringLiteral("reset_timestamp")].toDouble(), 2'000'000'000.001);
        QJsonObject snap = a->snapshot();
        QCOMPARE(snap[QStringLiteral("field_coverage")][QStringLiteral("tracks_enriched")].toInt(),
                 100);
        QCOMPARE(snap[QStringLiteral("metrics")][QStringLiteral("tracks_in_progress")].toInt(), 0);
        // b's own snapshot says the same of the fleet.
        QTRY_COMPARE_WITH_TIMEOUT(
            spotify(*b)[QStringLiteral("requests")][QStringLiteral("success")].toInt(), 100, 5000);
        // A worker that just finished a batch is active, not idle.
        auto workerField = [](const QJsonObject &snap, const QString &id, const char *key) {
            for (const QJsonValue &w : snap[QStringLiteral("workers")].toArray())
                if (w[QStringLiteral("id")].toString() == id)
                    return w[QLatin1String(key)];
            return QJsonValue(QJsonValue::Undefined);
        };
        QTRY_COMPARE_WITH_TIMEOUT(workerField(a->snapshot(), QStringLiteral("a"), "state"),
                                  QJsonValue(QStringLiteral("active")), 5000);

        // b dies without a word (as SIGKILL leaves it): its row stays as it was, and it is
        // not heard from again.
        b.reset();
        m_pg.scalar(db, QStringLiteral("UPDATE enrichment_workers SET stopped = false,"
                                       " current_batch = 10, last_seen = now() - interval"
                                       " '1 minute' WHERE worker_id = 'b' RETURNING 1"));
        QTRY_COMPARE_WITH_TIMEOUT(workerField(a->snapshot(), QStringLiteral("b"), "state"),
                                  QJsonValue(QStringLiteral("lost")), 5000);
        snap = a->snapshot();
        QCOMPARE(workerField(snap, QStringLiteral("b"), "current_batch"), QJsonValue(0));
        QVERIFY(workerField(snap, QStringLiteral("b"), "tracks_per_minute").isNull());
        QVERIFY(workerField(snap, QStringLiteral("b"), "circuit_breakers").toObject().isEmpty());
        s = spotify(*a);
        QCOMPARE(s[QStringLiteral("requests")][QStringLiteral("success")].toInt(), 90);
        QCOMPARE(s[QStringLiteral("rate_limit")][QStringLiteral("remaining")].toInt(), 40);
        QVERIFY(s[QStringLiteral("latency_seconds")][QStringLiteral("p99")].toDouble() < 0.02);
        QCOMPARE(snap[QStringLiteral("field_coverage")][QStringLiteral("tracks_enriched")].toInt(),
                 90);
        // a, with nothing to do for long enough, is idle.
        QTRY_COMPARE_WITH_TIMEOUT(workerField(a->snapshot(), QStringLiteral("a"), "state"),
                                  QJsonValue(QStringLiteral("idle")), 10'000);
    }

    void postgresRestartLosesNothing()
    {
        QString db;
        const QString url = newDatabase(&db);
        constexpr int Tracks = 3000;
        auto a = startWorker(url, QStringLiteral("a"),
                             {QStringLiteral("--seed-tracks"), QString::number(Tracks),
                              QStringLiteral("--time-scale"), QStringLiteral("0.01"),
                              QStringLiteral("--lease-seconds"), QStringLiteral("3")});
        auto b = startWorker(url, QStringLiteral("b"),
                             {QStringLiteral("--time-scale"), QStringLiteral("0.01"),
                              QStringLiteral("--lease-seconds"), QStringLiteral("3")});
        QVERIFY(a && b);
        QTRY_VERIFY_WITH_TIMEOUT(tableCount(db, "completed") > 300, 30'000);
        QVERIFY2(!drained(db, Tracks), "the fleet finished before the restart: make it slower");
        m_pg.stopServer();
        // The workers say so on /health and keep running.
        QTRY_COMPARE_WITH_TIMEOUT(httpGet(a->port(), "/health").status, 503, 10'000);
        QTRY_COMPARE_WITH_TIMEOUT(httpGet(b->port(), "/health").status, 503, 10'000);
        QVERIFY(a->process.state() == QProcess::Running);
        QString error;
        QVERIFY2(m_pg.startServer(&error), qPrintable(error));
        QTRY_COMPARE_WITH_TIMEOUT(httpGet(a->port(), "/health").status, 200, 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(drained(db, Tracks), 90'000);
        QCOMPARE(tableCount(db, "in_progress"), 0);
        checkEveryWorkerReportsTheTable(db, {a.get(), b.get()});
    }
};

QTEST_GUILESS_MAIN(TestFleet)
#include "tst_fleet.moc"
