// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include "DocumentWriter.h"
#include "enrichment/SnapshotParser.h"
#include "enrichment/SnapshotWriter.h"

using namespace enrichment;

/// The snapshot, history and health documents as pure functions of plain state: no
/// server, no store, no clock.
class TestDocumentWriter : public QObject
{
    Q_OBJECT
private:
    static SnapshotState sample()
    {
        SnapshotState st;
        st.nowMs = 1795911145302;
        st.queue = {350, 10, 139, 0, 1};
        st.completedLastHour = 140;
        st.perMinute = 28.0;
        st.tracksInProgress = 10;
        SnapshotState::Source open;
        open.name = QStringLiteral("discogs");
        open.state = BreakerState::Open;
        open.failureCount = 5;
        open.lastFailureMs = 1795911140000;
        open.msUntilHalfOpen = 1500;
        open.requests = {90, 0, 5};
        open.errors[std::size_t(ErrorType::ServerError)] = 5;
        open.rateLimit = {240, 100, 1795911200000};
        open.window.p50 = 0.12;
        open.window.p95 = 0.4;
        open.window.p99 = 0.9;
        open.window.successRate1h = 0.9473;
        open.trips = 1;
        SnapshotState::Source quiet;
        quiet.name = QStringLiteral("lastfm");
        quiet.monitored = false;
        st.sources = {open, quiet};
        st.cache = {3, 1, 1, 0};
        st.tracksEnriched = 0;
        st.fieldCounts = {0, 0};
        st.version = QStringLiteral("9.9.9");
        st.batchSize = 10;
        return st;
    }

private Q_SLOTS:
    void writesTheDocumentFromStateAlone()
    {
        const QJsonObject j = writeSnapshot(sample());
        QCOMPARE(j.value(QStringLiteral("schema_version")).toInt(), 1);
        QCOMPARE(j.value(QStringLiteral("timestamp")).toString(),
                 QStringLiteral("2026-11-29T00:12:25.302Z"));
        const QJsonObject queue = j.value(QStringLiteral("queue")).toObject();
        QCOMPARE(queue.value(QStringLiteral("pending")).toInt(), 350);
        QCOMPARE(queue.value(QStringLiteral("in_progress")).toInt(), 10);
        QCOMPARE(queue.value(QStringLiteral("partial")).toInt(), 1);
        QCOMPARE(j.value(QStringLiteral("processing_rate"))
                     .toObject()
                     .value(QStringLiteral("per_minute"))
                     .toDouble(),
                 28.0);

        const QJsonObject cb = j.value(QStringLiteral("circuit_breakers"))
                                   .toObject()
                                   .value(QStringLiteral("discogs"))
                                   .toObject();
        QCOMPARE(cb.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
        QCOMPARE(cb.value(QStringLiteral("next_probe_in_seconds")).toDouble(), 1.5);
        QCOMPARE(cb.value(QStringLiteral("last_failure_time")).toDouble(), 1795911140.0);
        QCOMPARE(j.value(QStringLiteral("source_health"))
                     .toObject()
                     .value(QStringLiteral("discogs"))
                     .toString(),
                 QStringLiteral("down"));

        // A source without figures is in the breakers and health, not in "sources"; its
        // absent times are null, not zero.
        const QJsonObject quiet = j.value(QStringLiteral("circuit_breakers"))
                                      .toObject()
                                      .value(QStringLiteral("lastfm"))
                                      .toObject();
        QVERIFY(quiet.value(QStringLiteral("last_failure_time")).isNull());
        QVERIFY(quiet.value(QStringLiteral("next_probe_in_seconds")).isNull());
        const QJsonObject sources = j.value(QStringLiteral("sources")).toObject();
        QCOMPARE(sources.keys(), QStringList({QStringLiteral("discogs")}));
        const QJsonObject discogs = sources.value(QStringLiteral("discogs")).toObject();
        QCOMPARE(discogs.value(QStringLiteral("success_rate_1h")).toDouble(), 0.9473);
        QVERIFY(discogs.value(QStringLiteral("success_rate_24h")).isNull());
        QCOMPARE(discogs.value(QStringLiteral("rate_limit"))
                     .toObject()
                     .value(QStringLiteral("remaining"))
                     .toInt(),
                 100);
        QCOMPARE(discogs.value(QStringLiteral("errors"))
                     .toObject()
                     .value(QStringLiteral("http_5xx"))
                     .toInt(),
                 5);

        QCOMPARE(j.value(QStringLiteral("cache"))
                     .toObject()
                     .value(QStringLiteral("hit_ratio"))
                     .toDouble(),
                 0.75);
        // Nothing enriched yet: coverage ratios are "no data".
        const QJsonObject fields = j.value(QStringLiteral("field_coverage"))
                                       .toObject()
                                       .value(QStringLiteral("fields"))
                                       .toObject();
        QVERIFY(fields.value(QStringLiteral("isrc"))
                    .toObject()
                    .value(QStringLiteral("ratio"))
                    .isNull());
        QCOMPARE(j.value(QStringLiteral("service"))
                     .toObject()
                     .value(QStringLiteral("version"))
                     .toString(),
                 QStringLiteral("9.9.9"));
    }

    // The writer and the reader of the document are each other's inverse: what the backend
    // writes, read and written again, is the same document, key for key (a field the
    // model lacked, or one the parser skipped, would be missing the second time).
    void whatIsWrittenReadsBackTheSame()
    {
        SnapshotState st = sample();
        st.rateWindowSeconds = 120;
        st.enqueuedPerMinute = 12.3456;
        st.oldestPendingSeconds = 42.25;
        st.tracksEnriched = 8;
        st.fieldCounts = {8, 3};
        st.uptimeSeconds = 3600.5;
        st.batchesCompleted = 12;
        st.leaseSeconds = 60;
        st.workerId = QStringLiteral("relay-1");
        st.control.paused = true;
        st.control.pausedSources = {QStringLiteral("beatport")};
        WorkerInfo busy;
        busy.id = QStringLiteral("w-busy");
        busy.host = QStringLiteral("host-a");
        busy.startedMs = st.nowMs - 600'000;
        busy.lastSeenMs = st.nowMs - 1'000;
        busy.currentBatch = 10;
        busy.batches = 7;
        busy.tracksPerMinute = 31.456;
        busy.lastBatchMs = st.nowMs - 2'000;
        busy.breakers = {{QStringLiteral("discogs"), BreakerState::HalfOpen}};
        WorkerInfo gone = busy;
        gone.id = QStringLiteral("w-gone");
        gone.lastSeenMs = st.nowMs - 600'000;
        gone.lastBatchMs = 0;
        st.workers = QList<WorkerInfo>{busy, gone};
        st.fleetBreakers = fleetBreakers(*st.workers, st.nowMs, st.workerLostAfterMs);
        st.fleetBreakers[QStringLiteral("musicbrainz")] = {
            {QStringLiteral("w-busy"), BreakerState::Open}};

        const QJsonObject written = writeSnapshot(st);
        QString error;
        const auto read = SnapshotParser::parseSnapshot(written, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->service.batchesCompleted, std::optional<qint64>(12));
        QVERIFY(read->source(QStringLiteral("musicbrainz"))->breaker->workers);
        const QJsonObject again = SnapshotWriter::write(*read);
        QCOMPARE(QString::fromUtf8(QJsonDocument(again).toJson(QJsonDocument::Compact)),
                 QString::fromUtf8(QJsonDocument(written).toJson(QJsonDocument::Compact)));
    }

    void sameStateSameDocument()
    {
        const SnapshotState st = sample();
        QCOMPARE(QJsonDocument(writeSnapshot(st)).toJson(),
                 QJsonDocument(writeSnapshot(st)).toJson());
        SnapshotState noCache = st;
        noCache.cache = {};
        QVERIFY(writeSnapshot(noCache)
                    .value(QStringLiteral("cache"))
                    .toObject()
                    .value(QStringLiteral("hit_ratio"))
                    .isNull());
    }

    void workersAreActiveIdleOrLost()
    {
        SnapshotState st = sample();
        QVERIFY(!writeSnapshot(st).contains(QStringLiteral("workers"))); // a backend of its own
        st.workerId = QStringLiteral("b");
        st.workerLostAfterMs = 15'000;
        const qint64 now = st.nowMs;
        st.workers = QList<WorkerInfo>{
            {QStringLiteral("a"), QStringLiteral("host-a"), 11, now - 60'000, now - 2000, 25, 7,
             120.456},
            {QStringLiteral("b"), QStringLiteral("host-b"), 12, now - 30'000, now - 1000, 0, 3, 0},
            {QStringLiteral("c"), QStringLiteral("host-c"), 13, now - 90'000, now - 15'001, 40, 9,
             50}};
        const QJsonObject doc = writeSnapshot(st);
        const QJsonArray workers = doc.value(QStringLiteral("workers")).toArray();
        QCOMPARE(workers.size(), 3);
        QCOMPARE(workers.at(0)[u"state"].toString(), QStringLiteral("active"));
        QCOMPARE(workers.at(0)[u"current_batch"].toInt(), 25);
        QCOMPARE(workers.at(0)[u"tracks_per_minute"].toDouble(), 120.46);
        QCOMPARE(workers.at(0)[u"host"].toString(), QStringLiteral("host-a"));
        QCOMPARE(workers.at(1)[u"state"].toString(), QStringLiteral("idle"));
        // Silent for longer than three heartbeats: lost, whatever it last said it was doing.
        QCOMPARE(workers.at(2)[u"state"].toString(), QStringLiteral("lost"));
        QCOMPARE(workers.at(2)[u"last_seen"].toString(),
                 QDateTime::fromMSecsSinceEpoch(now - 15'001, Qt::UTC).toString(Qt::ISODateWithMs));
        QCOMPARE(doc[u"service"][u"worker_id"].toString(), QStringLiteral("b"));
        // A worker that stopped cleanly says so, however long ago.
        (*st.workers)[2].stopped = true;
        QCOMPARE(
            writeSnapshot(st).value(QStringLiteral("workers")).toArray().at(2)[u"state"].toString(),
            QStringLiteral("stopped"));
        // Each worker's breakers, and a relay's view of them: per source the worst state
        // among the live workers (a stopped or lost one no longer counts).
        (*st.workers)[0].breakers = {{QStringLiteral("discogs"), BreakerState::Closed},
                                     {QStringLiteral("spotify"), BreakerState::HalfOpen}};
        (*st.workers)[1].breakers = {{QStringLiteral("discogs"), BreakerState::Open},
                                     {QStringLiteral("spotify"), BreakerState::Closed}};
        (*st.workers)[2].breakers = {{QStringLiteral("spotify"), BreakerState::Open}};
        st.sources.clear(); // a relay asks no source
        st.fleetBreakers = fleetBreakers(*st.workers, now, st.workerLostAfterMs);
        const QJsonObject relay = writeSnapshot(st);
        QCOMPARE(relay[u"workers"].toArray().at(1)[u"circuit_breakers"][u"discogs"].toString(),
                 QStringLiteral("open"));
        QCOMPARE(relay[u"circuit_breakers"][u"discogs"][u"state"].toString(),
                 QStringLiteral("open"));
        QCOMPARE(relay[u"circuit_breakers"][u"discogs"][u"workers"][u"a"].toString(),
                 QStringLiteral("closed"));
        QCOMPARE(relay[u"circuit_breakers"][u"spotify"][u"state"].toString(),
                 QStringLiteral("half_open")); // c's open breaker is gone with c
        QVERIFY(!relay[u"circuit_breakers"][u"spotify"][u"workers"].toObject().contains(u"c"));
        QCOMPARE(relay[u"source_health"][u"discogs"].toString(), QStringLiteral("down"));
        QCOMPARE(relay[u"source_health"][u"spotify"].toString(), QStringLiteral("degraded"));
        // An empty fleet is still a fleet: the list is there, empty.
        st.workers = QList<WorkerInfo>{};
        QVERIFY(writeSnapshot(st).value(QStringLiteral("workers")).isArray());
    }

    void historyKeepsTheRequestedMinutes()
    {
        HistoryRing ring(10);
        const qint64 now = 1795911145000;
        for (int k = 0; k < 5; ++k) { // one sample a minute, the last one now
            HistorySample s;
            s.timestampMs = now - qint64(4 - k) * 60'000;
            s.queue = {100 - k, 1, qint64(k), 0, 0};
            s.perMinute = k;
            HistorySample::Source src;
            src.breakerState = qint8(k == 4 ? BreakerState::Open : BreakerState::Closed);
            src.health = qint8(healthForBreaker(BreakerState(src.breakerState)));
            s.sources.push_back(src);
            ring.append(std::move(s));
        }
        HistoryState st;
        st.nowMs = now;
        st.minutes = 2; // samples newer than two minutes ago: the last two
        st.intervalSeconds = 60;
        st.sourceNames = {QStringLiteral("spotify")};
        st.ring = &ring;
        const QJsonObject doc = writeHistory(st);
        QCOMPARE(doc.value(QStringLiteral("minutes")).toInt(), 2);
        QCOMPARE(doc.value(QStringLiteral("interval_seconds")).toDouble(), 60.0);
        QCOMPARE(doc.value(QStringLiteral("timestamp")).toString(),
                 QStringLiteral("2026-11-29T00:12:25.000Z"));
        QCOMPARE(doc.value(QStringLiteral("sources")).toArray(),
                 QJsonArray{QStringLiteral("spotify")});
        const QJsonArray samples = doc.value(QStringLiteral("samples")).toArray();
        QCOMPARE(samples.size(), 2);
        QCOMPARE(samples.at(1)[u"queue"][u"pending"].toInt(), 96);
        QCOMPARE(samples.at(1)[u"sources"][u"spotify"][u"breaker_state"].toString(),
                 QStringLiteral("open"));
        QCOMPARE(samples.at(0)[u"sources"][u"spotify"][u"health"].toString(),
                 QStringLiteral("healthy"));
        // The reader beside the writer reads the points back as they were sampled.
        QString error;
        const auto points =
            SnapshotParser::parseHistory(QJsonDocument(doc).toJson(QJsonDocument::Compact), &error);
        QVERIFY2(points, qPrintable(error));
        QCOMPARE(points->size(), 2);
        for (int k = 0; k < 2; ++k) {
            QCOMPARE(points->at(k).timestamp.toMSecsSinceEpoch(), now - qint64(1 - k) * 60'000);
            QCOMPARE(points->at(k).queue[0], std::optional<qint64>(97 - k));
            QCOMPARE(points->at(k).queue[2], std::optional<qint64>(3 + k));
            QCOMPARE(points->at(k).perMinute, std::optional<double>(3 + k));
        }
        // The same state gives the same document; no ring gives no samples.
        QCOMPARE(writeHistory(st), doc);
        st.ring = nullptr;
        QVERIFY(writeHistory(st).value(QStringLiteral("samples")).toArray().isEmpty());
    }

    void healthSaysWhyTheStoreIsUnavailable()
    {
        HealthState st;
        st.nowMs = 1795911145000;
        st.reachable = true;
        st.writable = true;
        st.version = QStringLiteral("1.2.3");
        st.uptimeSeconds = 12.5;
        QJsonObject doc = writeHealth(st);
        QCOMPARE(doc.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(doc[u"database"][u"writable"].toBool(), true);
        QVERIFY(doc[u"database"][u"error"].isNull());
        QCOMPARE(doc.value(QStringLiteral("uptime_seconds")).toDouble(), 12.5);

        st.writable = false;
        st.error = QString(800, QLatin1Char('x')); // long driver text is cut to 500
        QVERIFY(!st.healthy());
        doc = writeHealth(st);
        QCOMPARE(doc.value(QStringLiteral("status")).toString(), QStringLiteral("unavailable"));
        QCOMPARE(doc[u"database"][u"reachable"].toBool(), true);
        QCOMPARE(doc[u"database"][u"writable"].toBool(), false);
        QCOMPARE(doc[u"database"][u"error"].toString().size(), 500);

        // A worker whose broker is away keeps working: degraded, still 200.
        st.writable = true;
        st.broker = HealthState::Broker{false, QStringLiteral("connection refused"), 12, 3};
        QVERIFY(st.healthy());
        doc = writeHealth(st);
        QCOMPARE(doc.value(QStringLiteral("status")).toString(), QStringLiteral("degraded"));
        QCOMPARE(doc[u"broker"][u"backlog"].toInt(), 12);
        QCOMPARE(doc[u"broker"][u"error"].toString(), QStringLiteral("connection refused"));
        // A relay exists to carry events: without its broker it is unavailable.
        st.brokerRequired = true;
        QVERIFY(!st.healthy());
        QCOMPARE(writeHealth(st).value(QStringLiteral("status")).toString(),
                 QStringLiteral("unavailable"));
        st.broker->connected = true;
        doc = writeHealth(st);
        QCOMPARE(doc.value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QVERIFY(doc[u"broker"][u"error"].isNull());
    }
};

QTEST_GUILESS_MAIN(TestDocumentWriter)
#include "tst_documentwriter.moc"
