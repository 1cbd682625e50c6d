// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include "ModelRoles.h"
#include "OperatorClient.h"
#include "OperatorModels.h"
#include "enrichment/SnapshotParser.h"
#include "enrichment/SnapshotWriter.h"

using namespace dashboard;

namespace {
/// Exactly what the seed's Python service returns (datetime.utcnow().isoformat(), no
/// extensions, breakers only for configured clients).
const char SeedOnly[] = R"({
  "timestamp": "2026-11-28T10:15:30.123456",
  "queue": {"pending": 1200, "in_progress": 10, "completed": 5400, "failed": 12, "partial": 300},
  "processing_rate": {"completed_last_hour": 600, "per_minute": 10.0},
  "circuit_breakers": {
    "spotify": {"state": "closed", "failure_count": 0, "last_failure_time": null},
    "discogs": {"state": "open", "failure_count": 7, "last_failure_time": 1795900000.5}
  },
  "source_health": {"spotify": "healthy", "musicbrainz": "unavailable", "discogs": "down",
                    "beatport": "unavailable", "lastfm": "unavailable"},
  "metrics": {}
})";
} // namespace

class TestSnapshotParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void seedOnlyShape()
    {
        QString error;
        const auto s = enrichment::SnapshotParser::parseSnapshot(SeedOnly, &error);
        QVERIFY2(s, qPrintable(error));
        QVERIFY(s->timestamp.isValid());
        QCOMPARE(s->timestamp.timeSpec(), Qt::UTC);
        QCOMPARE(s->timestamp.time().hour(), 10);
        QCOMPARE(s->schemaVersion, 0);
        QCOMPARE(*s->queueCount(QueueStatus::Pending), 1200);
        QCOMPARE(*s->queueCount(QueueStatus::Partial), 300);
        QCOMPARE(*s->completedLastHour, 600);
        QCOMPARE(*s->perMinute, 10.0);
        QCOMPARE(*s->minutesToDrain(), 120.0);
        QVERIFY(!s->tracksInProgress);
        // Pipeline order, union of breaker and health keys.
        QStringList names;
        for (const SourceInfo &src : s->sources)
            names << src.name;
        QCOMPARE(names.join(QLatin1Char(',')),
                 QStringLiteral("spotify,musicbrainz,discogs,beatport,lastfm"));
        const SourceInfo *discogs = s->source(QStringLiteral("discogs"));
        QCOMPARE(discogs->health, Health::Down);
        QCOMPARE(discogs->breaker->state, BreakerState::Open);
        QCOMPARE(*discogs->breaker->failureCount, 7);
        QCOMPARE(*discogs->breaker->lastFailureTime, 1795900000.5);
        QVERIFY(!discogs->breaker->nextProbeInSeconds);
        const SourceInfo *mb = s->source(QStringLiteral("musicbrainz"));
        QCOMPARE(mb->health, Health::Unavailable);
        QVERIFY(!mb->breaker);
        QVERIFY(!s->source(QStringLiteral("spotify"))->breaker->lastFailureTime);
        // No extensions: no invented numbers.
        for (const SourceInfo &src : s->sources) {
            QVERIFY(!src.successRate1h);
            QVERIFY(!src.latency);
            QVERIFY(!src.rateLimit);
            QVERIFY(src.errors.isEmpty());
        }
        QVERIFY(!s->cache);
        QVERIFY(!s->coverage);
    }

    void fullShape()
    {
        const QByteArray json = R"({"schema_version": 1, "timestamp": "2026-11-29T00:12:25.302Z",
          "queue": {"pending": 3, "in_progress": 1, "completed": 2, "failed": 0, "partial": 1},
          "processing_rate": {"completed_last_hour": 3, "per_minute": 1.5},
          "circuit_breakers": {"spotify": {"state": "half_open", "failure_count": 5, "last_failure_time": 1.0e9,
                               "next_probe_in_seconds": null}},
          "source_health": {"spotify": "degraded"},
          "metrics": {"timestamp": 1.0e9, "queue_processing_rate": 1.5, "tracks_in_progress": 1},
          "sources": {"spotify": {"success_rate_1h": 0.75, "success_rate_24h": 0.8,
             "latency_seconds": {"p50": 0.1, "p95": 0.2, "p99": 0.4, "window_seconds": 300},
             "rate_limit": {"limit": 180, "remaining": 20, "reset_timestamp": 1.0e9},
             "errors": {"timeout": 2, "http_5xx": 1, "brand_new_error": 4},
             "requests": {"success": 6, "no_data": 1, "error": 3}}},
          "cache": {"hits": 1, "misses": 3, "sets": 3, "errors": 0, "hit_ratio": 0.25},
          "field_coverage": {"tracks_enriched": 4, "fields": {"isrc": {"count": 3, "ratio": 0.75}}},
          "service": {"version": "0.1.0"}})";
        QString error;
        const auto s = enrichment::SnapshotParser::parseSnapshot(json, &error);
        QVERIFY2(s, qPrintable(error));
        QCOMPARE(s->schemaVersion, 1);
        QCOMPARE(s->timestamp, QDateTime(QDate(2026, 11, 29), QTime(0, 12, 25, 302), Qt::UTC));
        QCOMPARE(*s->tracksInProgress, 1);
        const SourceInfo &sp = s->sources.at(0);
        QCOMPARE(sp.health, Health::Degraded);
        QCOMPARE(sp.breaker->state, BreakerState::HalfOpen);
        QCOMPARE(*sp.successRate1h, 0.75);
        QCOMPARE(*sp.latency->p99, 0.4);
        QCOMPARE(sp.rateLimit->remaining, 20.0);
        QCOMPARE(sp.errors.value(QStringLiteral("brand_new_error")), 4);
        QCOMPARE(*sp.requests(), 10);
        QCOMPARE(*s->cache->hitRatio, 0.25);
        QCOMPARE(s->coverage->fields.size(), 1);
        QCOMPARE(*s->coverage->fields.at(0).ratio, 0.75);
        QCOMPARE(s->serviceVersion, QStringLiteral("0.1.0"));
    }

    void rejectsWhatIsNotASnapshot_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("garbage") << QByteArray("\x01\x02 not json at all");
        QTest::newRow("truncated") << QByteArray(R"({"queue": {"pending": 1)");
        QTest::newRow("array") << QByteArray("[1,2,3]");
        QTest::newRow("string") << QByteArray("\"queue\"");
        QTest::newRow("unrelated object") << QByteArray(R"({"hello": "world"})");
        QTest::newRow("queue not object") << QByteArray(R"({"queue": [1, 2]})");
        QTest::newRow("html error page") << QByteArray("<html><body>502 Bad Gateway</body></html>");
    }
    void rejectsWhatIsNotASnapshot()
    {
        QFETCH(QByteArray, json);
        QString error;
        QVERIFY(!enrichment::SnapshotParser::parseSnapshot(json, &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!error.contains(QLatin1Char('\n')));
    }

    void wrongTypesAndAbsurdValuesBecomeNoData()
    {
        const QByteArray json = R"({"timestamp": 12345,
          "queue": {"pending": "many", "in_progress": -4, "completed": 1e300, "failed": 3.0, "partial": null},
          "processing_rate": {"completed_last_hour": true, "per_minute": -2},
          "circuit_breakers": {"spotify": {"state": "exploded", "failure_count": "x", "last_failure_time": "yesterday"},
                               "discogs": "open"},
          "source_health": {"spotify": 42, "": "healthy"},
          "sources": {"spotify": {"success_rate_1h": 7.5, "latency_seconds": "fast",
                                  "rate_limit": {"limit": 0, "remaining": 5}, "errors": {"timeout": -1}}},
          "cache": {"hits": "lots"},
          "field_coverage": {"fields": {"isrc": {"count": -5}}}})";
        QString error;
        const auto s = enrichment::SnapshotParser::parseSnapshot(json, &error);
        QVERIFY2(s, qPrintable(error));
        QVERIFY(!s->timestamp.isValid());
        QVERIFY(!s->queueCount(QueueStatus::Pending));
        QVERIFY(!s->queueCount(QueueStatus::InProgress));
        QVERIFY(!s->queueCount(QueueStatus::Completed));
        QCOMPARE(*s->queueCount(QueueStatus::Failed), 3);
        QVERIFY(!s->queueCount(QueueStatus::Partial));
        QVERIFY(!s->completedLastHour);
        QVERIFY(!s->perMinute);
        QVERIFY(!s->minutesToDrain());
        const SourceInfo *sp = s->source(QStringLiteral("spotify"));
        QVERIFY(!sp->breaker->state); // an unknown state is "not said", not a default
        QVERIFY(!sp->breaker->failureCount);
        QVERIFY(!sp->breaker->lastFailureTime);
        QVERIFY(!sp->health);
        QVERIFY(!sp->successRate1h);
        QVERIFY(!sp->latency);
        QVERIFY(!sp->rateLimit);
        QVERIFY(sp->errors.isEmpty());
        QVERIFY(!s->source(QStringLiteral("discogs"))->breaker);
        QVERIFY(!s->source(QString()));
        QVERIFY(!s->cache);
        QVERIFY(!s->coverage);
    }

    void hugeDocumentsAreBounded()
    {
        QByteArray json = R"({"source_health": {)";
        for (int i = 0; i < 5000; ++i)
            json +=
                (i ? "," : "") + QByteArray("\"src") + QByteArray::number(i) + "\": \"healthy\"";
        json += "}}";
        QString error;
        const auto s = enrichment::SnapshotParser::parseSnapshot(json, &error);
        QVERIFY(s);
        QCOMPARE(s->sources.size(), 64);
    }

    void pipelineControlIsRead()
    {
        const QJsonObject queue{{QStringLiteral("pending"), 1}, {QStringLiteral("failed"), 0}};
        const QJsonObject doc{
            {QStringLiteral("queue"), queue},
            {QStringLiteral("pipeline"),
             QJsonObject{{QStringLiteral("paused"), true},
                         {QStringLiteral("paused_sources"),
                          QJsonArray{QStringLiteral("discogs"), 7, QStringLiteral("\x1b[31mx")}}}}};
        QString error;
        const auto s = enrichment::SnapshotParser::parseSnapshot(doc, &error);
        QVERIFY2(s && s->pipeline, qPrintable(error));
        QVERIFY(s->pipeline->paused);
        QCOMPARE(s->pipeline->pausedSources.size(), 2); // the number is not a source
        QCOMPARE(s->pipeline->pausedSources.at(0), QStringLiteral("discogs"));
        QVERIFY(!s->pipeline->pausedSources.at(1).contains(QChar(0x1b))); // plain text only
    }

    void sourcesThatAreOffAreNamesOnly()
    {
        QString error;
        const auto s = enrichment::SnapshotParser::parseSnapshot(
            R"({"circuit_breakers": {"musicbrainz": {"state": "closed"}},
                "sources_off": ["spotify", "musicbrainz", 7, "", "spotify", "last\u001bfm"]})",
            &error);
        QVERIFY2(s, qPrintable(error));
        // Not a source that is on, not twice, no control characters, no non-strings.
        QCOMPARE(s->sourcesOff,
                 QStringList({QStringLiteral("spotify"), QStringLiteral("last fm")}));
        // Written back, it reads the same.
        const auto again = enrichment::SnapshotParser::parseSnapshot(
            QJsonDocument(enrichment::SnapshotWriter::write(*s)).toJson(), &error);
        QVERIFY2(again, qPrintable(error));
        QCOMPARE(again->sourcesOff, s->sourcesOff);
    }

    void operatorAnswersAreReadTolerantly()
    {
        // A track without an id is no track; wrong types become empty, never a crash.
        QVERIFY(!OperatorClient::parseTrack(QJsonObject{{QStringLiteral("status"), 3}}));
        const auto t = OperatorClient::parseTrack(
            QJsonObject{{QStringLiteral("track_id"), QStringLiteral("a\ab")},
                        {QStringLiteral("status"), QStringLiteral("lost")},
                        {QStringLiteral("retry_count"), -4},
                        {QStringLiteral("sources_enriched"), QStringLiteral("spotify")},
                        {QStringLiteral("last_attempt"), QStringLiteral("yesterday")},
                        {QStringLiteral("error_type"), QJsonArray{QStringLiteral("x")}}});
        QVERIFY(t);
        QVERIFY(!t->trackId.contains(QChar(7)));
        QVERIFY(!t->status);
        QCOMPARE(t->retryCount, 0);
        QVERIFY(t->sourcesEnriched.isEmpty());
        QVERIFY(!t->lastAttempt.isValid());
        QVERIFY(t->errorType.isEmpty());
        QVERIFY(!t->nextAttempt.isValid());
        // A pending track's next attempt shows in the Tracks table as a countdown.
        const auto pending = OperatorClient::parseTrack(QJsonObject{
            {QStringLiteral("track_id"), QStringLiteral("p1")},
            {QStringLiteral("status"), QStringLiteral("pending")},
            {QStringLiteral("next_attempt_at"), QStringLiteral("2026-12-03T10:04:10.000Z")}});
        QVERIFY(pending && pending->nextAttempt.isValid());
        TracksModel tracks;
        tracks.setPage({*pending}, {}, false);
        QCOMPARE(tracks.headerData(TracksModel::NextAttemptColumn, Qt::Horizontal).toString(),
                 QStringLiteral("Next attempt"));
        QCOMPARE(tracks.data(tracks.index(0, TracksModel::NextAttemptColumn), ModelRole::Export)
                     .toString(),
                 QStringLiteral("2026-12-03T10:04:10.000Z"));
        const QDateTime at = pending->nextAttempt;
        QCOMPARE(TracksModel::nextAttemptText(at, at.addSecs(-250)),
                 QStringLiteral("in 4 min 10 s"));
        QCOMPARE(TracksModel::nextAttemptText(at, at.addSecs(5)), QStringLiteral("due"));
        QCOMPARE(TracksModel::nextAttemptText({}, at), QString());
        // Failure groups with no status or no tracks are dropped; examples are capped.
        QJsonArray examples;
        for (int i = 0; i < 50; ++i)
            examples.append(QStringLiteral("t%1").arg(i));
        const QList<FailureGroupInfo> groups = OperatorClient::parseFailures(QJsonObject{
            {QStringLiteral("groups"),
             QJsonArray{QJsonObject{{QStringLiteral("status"), QStringLiteral("failed")},
                                    {QStringLiteral("error_type"), QStringLiteral("http_429")},
                                    {QStringLiteral("count"), 12},
                                    {QStringLiteral("examples"), examples}},
                        QJsonObject{{QStringLiteral("status"), QStringLiteral("nonsense")},
                                    {QStringLiteral("count"), 3}},
                        QJsonObject{{QStringLiteral("status"), QStringLiteral("partial")},
                                    {QStringLiteral("count"), 0}},
                        QStringLiteral("not an object")}}});
        QCOMPARE(groups.size(), 1);
        QCOMPARE(groups.at(0).count, 12);
        QCOMPARE(groups.at(0).examples.size(), 5);
        // A detail's attempts without a source are dropped.
        const auto d = OperatorClient::parseDetail(QJsonObject{
            {QStringLiteral("track_id"), QStringLiteral("t")},
            {QStringLiteral("attempts"),
             QJsonArray{QJsonObject{{QStringLiteral("source"), QStringLiteral("spotify")},
                                    {QStringLiteral("outcome"), QStringLiteral("error")},
                                    {QStringLiteral("latency_ms"), -3}},
                        QJsonObject{{QStringLiteral("outcome"), QStringLiteral("error")}}, 5}}});
        QVERIFY(d);
        QCOMPARE(d->attempts.size(), 1);
        QCOMPARE(d->attempts.at(0).latencyMs, 0.0);
    }

    void history()
    {
        const QByteArray json = R"({"samples": [
          {"timestamp": "2026-11-29T00:00:00.000Z", "queue": {"pending": 10}, "processing_rate": {"per_minute": 2}},
          {"timestamp": "garbage", "queue": {"pending": 99}},
          {"timestamp": "2026-11-29T00:00:05.000Z", "queue": {"pending": 8}, "processing_rate": {"per_minute": 3}}]})";
        QString error;
        const auto h = enrichment::SnapshotParser::parseHistory(json, &error);
        QVERIFY2(h, qPrintable(error));
        QCOMPARE(h->size(), 2);
        QCOMPARE(*h->at(1).queue[0], 8);
        QCOMPARE(*h->at(1).perMinute, 3.0);
        QVERIFY(!enrichment::SnapshotParser::parseHistory("{}", &error));
        QVERIFY(!enrichment::SnapshotParser::parseHistory("nope", &error));
    }
};

QTEST_GUILESS_MAIN(TestSnapshotParser)
#include "tst_snapshotparser.moc"
