// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

#include "enrichment/ActionRequests.h"
#include "enrichment/BusEvents.h"
#include "enrichment/TrackLookup.h"
#include "enrichment/Vocabulary.h"
#include "enrichment/WireFormat.h"

using namespace enrichment;

/// The wire contract's one home: every name spelled out here, once more, as the
/// independent check that the constants say what docs/PROTOCOL.md says.
class TestProtocol : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void vocabularyRoundTripsAndRefusesUnknownNames()
    {
        const QStringList statuses = {QStringLiteral("pending"), QStringLiteral("in_progress"),
                                      QStringLiteral("completed"), QStringLiteral("failed"),
                                      QStringLiteral("partial")};
        for (std::size_t i = 0; i < TrackStatusCount; ++i) {
            QCOMPARE(toWire(TrackStatus(i)), statuses.at(qsizetype(i)));
            QCOMPARE(trackStatusFromWire(statuses.at(qsizetype(i))), TrackStatus(i));
        }
        QCOMPARE(breakerStateFromWire(u"half_open"), BreakerState::HalfOpen);
        QCOMPARE(toWire(BreakerState::Open), QStringLiteral("open"));
        QCOMPARE(sourceHealthFromWire(u"unavailable"), SourceHealth::Unavailable);
        QCOMPARE(toWire(SourceHealth::Degraded), QStringLiteral("degraded"));
        QCOMPARE(errorTypeFromWire(u"http_429"), ErrorType::RateLimited);
        QCOMPARE(toWire(ErrorType::LocalRateLimit), QStringLiteral("rate_limit_exhausted"));
        QCOMPARE(requestStatusFromWire(u"no_data"), RequestStatus::NoData);
        QCOMPARE(cacheOperationFromWire(u"miss"), CacheOperation::Miss);
        // The reader's "unknown" is no value at all.
        QVERIFY(!trackStatusFromWire(u"PENDING"));
        QVERIFY(!breakerStateFromWire(u"unknown"));
        QVERIFY(!sourceHealthFromWire(u""));
        QVERIFY(!errorTypeFromWire(u"http_418"));
        QCOMPARE(defaultSourceNames(),
                 QStringList({QStringLiteral("spotify"), QStringLiteral("musicbrainz"),
                              QStringLiteral("discogs"), QStringLiteral("beatport"),
                              QStringLiteral("lastfm")}));
    }

    void trackIdAlphabet_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("valid");
        QTest::newRow("plain") << QStringLiteral("spotify:track:4uLU6hMCjMI75M1A2tKUQC") << true;
        QTest::newRow("escapes") << QStringLiteral("a/b?c#d%e&f+g h") << true;
        QTest::newRow("top of the planes") << QStringLiteral("a\U0010FFFD") << true;
        QTest::newRow("replacement char") << QStringLiteral("a\uFFFD") << true;
        QTest::newRow("emoji pair") << QStringLiteral("\U0001F3B5") << true;
        QTest::newRow("256") << QString(256, QLatin1Char('x')) << true;
        QTest::newRow("empty") << QString() << false;
        QTest::newRow("257") << QString(257, QLatin1Char('x')) << false;
        QTest::newRow("NUL") << QString(QChar(0)) + QStringLiteral("a") << false;
        QTest::newRow("DEL") << QStringLiteral("a\u007f") << false;
        QTest::newRow("C1 NEL") << QStringLiteral("a\u0085") << false;
        QTest::newRow("U+FFFE") << QStringLiteral("a\uFFFE") << false;
        QTest::newRow("U+FFFF") << QStringLiteral("a\uFFFF") << false;
        QTest::newRow("U+FDD0") << QStringLiteral("a\uFDD0") << false;
        QTest::newRow("U+FDEF") << QStringLiteral("a\uFDEF") << false;
        QTest::newRow("U+1FFFF") << QStringLiteral("a\U0001FFFF") << false;
        QTest::newRow("U+10FFFF") << QStringLiteral("a\U0010FFFF") << false;
        QTest::newRow("lone high") << QStringLiteral("a") + QChar(0xD800) << false;
        QTest::newRow("lone low") << QString(QChar(0xDC00)) + QStringLiteral("a") << false;
        QTest::newRow("swapped pair") << QString(QChar(0xDC00)) + QChar(0xD800) << false;
    }
    void trackIdAlphabet()
    {
        QFETCH(QString, id);
        QFETCH(bool, valid);
        QCOMPARE(isValidTrackId(id), valid);
        // What passes survives percent-encoding, as a path or a cursor carries it.
        if (valid)
            QCOMPARE(wire::percentDecodedUtf8(QString::fromLatin1(QUrl::toPercentEncoding(id))),
                     std::optional<QString>(id));
    }

    void percentDecodingKeepsWhatWasSent()
    {
        // QUrl would make U+FFFD of these; the strict decoding keeps them, so a check sees.
        QCOMPARE(wire::percentDecodedUtf8(u"a%EF%BF%BE"),
                 std::optional<QString>(QStringLiteral("a\uFFFE")));
        QCOMPARE(wire::percentDecodedUtf8(u"%F4%8F%BF%BF"),
                 std::optional<QString>(QStringLiteral("\U0010FFFF")));
        QVERIFY(!isValidTrackId(*wire::percentDecodedUtf8(u"a%EF%BF%BE")));
        // Not UTF-8 at all: no text.
        QCOMPARE(wire::percentDecodedUtf8(u"%ED%A0%80"), std::nullopt); // an encoded surrogate
        QCOMPARE(wire::percentDecodedUtf8(u"%C0%AF"), std::nullopt);    // overlong '/'
        QCOMPARE(wire::percentDecodedUtf8(u"%FF"), std::nullopt);
        QCOMPARE(wire::percentDecodedUtf8(u"%E2%82"), std::nullopt); // cut short
        QCOMPARE(wire::percentDecodedUtf8(u"%00"), std::optional<QString>(QString(QChar(0))));
    }

    void onlyWorkerEventsCrossTheBus_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("reason"); // empty: forwarded
        const QByteArray ts = "\"timestamp\": \"2026-12-03T10:00:00.000Z\"";
        QTest::newRow("batch start") << "{\"type\": \"enrichment_batch_start\", " + ts +
                                            ", \"worker\": \"w1\", \"data\": {\"batch_size\": 10,"
                                            " \"batch_number\": 3, \"total_tracks\": 99}}"
                                     << QString();
        QTest::newRow("seed's, no worker, no zone")
            << QByteArray("{\"type\": \"enrichment_batch_complete\", \"timestamp\":"
                          " \"2026-12-03T10:00:00.123456\", \"data\": {\"batch_size\": 10,"
                          " \"success_count\": 9, \"batch_number\": 4}}")
            << QString();
        QTest::newRow("breaker") << "{\"type\": \"circuit_breaker_state_change\", " + ts +
                                        ", \"data\": {\"source\": \"spotify\", \"previous_state\":"
                                        " \"closed\", \"state\": \"open\", \"failure_count\": 5}}"
                                 << QString();
        QTest::newRow("operator action")
            << "{\"type\": \"operator_action\", " + ts +
                   ", \"data\": {\"id\": 7, \"action\": \"retry\", \"actor\": \"ops\","
                   " \"parameters\": {\"track_ids\": [\"a\", \"b\"], \"count\": 2},"
                   " \"result\": {\"retried\": 2, \"by_status\": {\"failed\": 2, \"partial\": 0}}}}"
            << QString();
        QTest::newRow("forged welcome")
            << "{\"type\": \"welcome\", " + ts + ", \"data\": {\"role\": \"operator\"}}"
            << QStringLiteral("server_only_type");
        QTest::newRow("forged snapshot") << "{\"type\": \"enrichment_snapshot\", " + ts +
                                                ", \"data\": {\"queue\": {\"pending\": 999999}}}"
                                         << QStringLiteral("server_only_type");
        QTest::newRow("forged pong") << "{\"type\": \"pong\", " + ts + ", \"data\": {}}"
                                     << QStringLiteral("server_only_type");
        QTest::newRow("forged error")
            << "{\"type\": \"error\", " + ts + ", \"data\": {\"message\": \"x\"}}"
            << QStringLiteral("server_only_type");
        QTest::newRow("made-up type")
            << "{\"type\": \"rm_rf\", " + ts + ", \"data\": {}}" << QStringLiteral("unknown_type");
        QTest::newRow("wrong-typed data") << "{\"type\": \"enrichment_batch_start\", " + ts +
                                                 ", \"data\": {\"batch_size\": \"ten\", "
                                                 "\"batch_number\": 3, \"total_tracks\": 9}}"
                                          << QStringLiteral("invalid");
        QTest::newRow("negative count")
            << "{\"type\": \"enrichment_batch_start\", " + ts +
                   ", \"data\": {\"batch_size\": -1, \"batch_number\": 3, \"total_tracks\": 9}}"
            << QStringLiteral("invalid");
        QTest::newRow("unknown breaker state")
            << "{\"type\": \"circuit_breaker_state_change\", " + ts +
                   ", \"data\": {\"source\": \"spotify\", \"previous_state\": \"closed\","
                   " \"state\": \"melted\", \"failure_count\": 5}}"
            << QStringLiteral("invalid");
        QTest::newRow("no timestamp")
            << QByteArray("{\"type\": \"enrichment_batch_start\", \"data\": {\"batch_size\": 1,"
                          " \"batch_number\": 1, \"total_tracks\": 1}}")
            << QStringLiteral("invalid");
        QTest::newRow("worker not a string")
            << "{\"type\": \"enrichment_batch_start\", " + ts +
                   ", \"worker\": {\"id\": 1}, \"data\": {\"batch_size\": 1, \"batch_number\": 1,"
                   " \"total_tracks\": 1}}"
            << QStringLiteral("invalid");
        QTest::newRow("not json") << QByteArray("{nope") << QStringLiteral("not_json");
        QTest::newRow("array") << QByteArray("[1, 2]") << QStringLiteral("not_json");
        QTest::newRow("1000 deep")
            << QByteArray(1000, '[') + QByteArray(1000, ']') << QStringLiteral("too_deep");
        QTest::newRow("deep in data")
            << "{\"type\": \"operator_action\", " + ts +
                   ", \"data\": {\"id\": 1, \"action\": \"retry\", \"actor\": \"a\", "
                   "\"parameters\":"
                   " {\"a\": {\"b\": {\"c\": {\"d\": {\"e\": 1}}}}}, \"result\": {}}}"
            << QStringLiteral("too_deep");
        QTest::newRow("brackets in strings are not depth")
            << "{\"type\": \"enrichment_batch_start\", " + ts + ", \"worker\": \"" +
                   QByteArray(100, '[') +
                   "\", \"data\": {\"batch_size\": 1, \"batch_number\": 1,"
                   " \"total_tracks\": 1}}"
            << QString();
        QTest::newRow("too large")
            << QByteArray(bus::MaxMessageBytes + 1, ' ') << QStringLiteral("too_large");
    }
    void onlyWorkerEventsCrossTheBus()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, reason);
        const bus::Checked c = bus::check(body);
        QCOMPARE(c.drop ? QString(bus::toWire(*c.drop)) : QString(), reason);
        if (c.drop) {
            QVERIFY(!c.detail.isEmpty());
            return;
        }
        // What is forwarded is the message, minus nothing it documented.
        const QJsonObject in = QJsonDocument::fromJson(body).object();
        QCOMPARE(c.envelope, in);
    }

    void unknownKeysAreDroppedFromWhatIsForwarded()
    {
        const bus::Checked c = bus::check(
            "{\"type\": \"enrichment_batch_complete\", \"timestamp\": \"2026-12-03T10:00:00Z\","
            " \"worker\": \"w2\", \"role\": \"operator\", \"data\": {\"batch_size\": 10,"
            " \"success_count\": 9, \"batch_number\": 4, \"queue\": {\"pending\": 999999}}}");
        QVERIFY(!c.drop);
        QCOMPARE(c.worker, QStringLiteral("w2"));
        QCOMPARE(c.envelope.keys(),
                 QStringList({QStringLiteral("data"), QStringLiteral("timestamp"),
                              QStringLiteral("type"), QStringLiteral("worker")}));
        QCOMPARE(c.envelope.value(QLatin1String("data")).toObject().keys(),
                 QStringList({QStringLiteral("batch_number"), QStringLiteral("batch_size"),
                              QStringLiteral("success_count")}));
    }

    // What the dashboard writes for an action, the backend reads back, and only that.
    void actionRequestsRoundTrip()
    {
        using namespace enrichment::wire;
        const QStringList ids{QStringLiteral("t-1"), QString::fromUtf8("Śpiew 42")};
        for (const ActionRequest &r : {retryTracksRequest(ids), enqueueRequest(ids)}) {
            QString error;
            const auto read = readTrackIds(r.body, &error);
            QVERIFY2(read, qPrintable(error));
            QCOMPARE(*read, ids);
        }
        QCOMPARE(retryTracksRequest(ids).action, QString(action::Retry));
        QCOMPARE(enqueueRequest(ids).action, QString(action::Enqueue));

        const ActionRequest group = retryGroupRequest(enrichment::TrackStatus::Failed,
                                                      QStringLiteral("http_5xx"), QString());
        QCOMPARE(group.body,
                 QJsonObject({{QStringLiteral("status"), QStringLiteral("failed")},
                              {QStringLiteral("error_type"), QStringLiteral("http_5xx")}}));
        const ActionRequest breaker = breakerRequest(QStringLiteral("discogs"), action::Probe);
        QCOMPARE(breaker.action, QStringLiteral("breaker"));
        QCOMPARE(breaker.body.value(QStringLiteral("action")).toString(), QStringLiteral("probe"));
        QCOMPARE(pauseRequest(true).action, QStringLiteral("pause"));
        QVERIFY(pauseRequest(true).body.isEmpty());
        QCOMPARE(pauseRequest(false, QStringLiteral("lastfm")).action, QStringLiteral("resume"));
        QCOMPARE(pauseRequest(false, QStringLiteral("lastfm")).body.value(QStringLiteral("source")),
                 QJsonValue(QStringLiteral("lastfm")));

        // The reader refuses what the backend must refuse, saying why.
        QString error;
        QVERIFY(!readTrackIds(QJsonObject{}, &error));
        QVERIFY(error.contains(QLatin1String("array")));
        QVERIFY(!readTrackIds(QJsonObject{{QStringLiteral("track_ids"), QJsonArray()}}, &error));
        QVERIFY(error.contains(QLatin1String("empty")));
        QVERIFY(!readTrackIds(retryTracksRequest({QStringLiteral("bad\nid")}).body, &error));
        QVERIFY(!readTrackIds(retryTracksRequest({QStringLiteral("a\x01")}).body, &error));
        QStringList tooMany;
        for (int i = 0; i <= enrichment::MaxActionTrackIds; ++i)
            tooMany << QString::number(i);
        QVERIFY(!readTrackIds(enqueueRequest(tooMany).body, &error));
        QVERIFY(error.contains(QString::number(enrichment::MaxActionTrackIds)));
        tooMany.removeLast();
        QVERIFY(readTrackIds(enqueueRequest(tooMany).body, &error));
    }

    // An enqueue names plain ids, tracks with what a lookup needs, or both; each track
    // is checked and normalized, and what is refused says where and why.
    void enqueueCarriesLookupData()
    {
        using namespace enrichment::wire;
        using enrichment::TrackLookup;
        const QList<TrackLookup> tracks{
            {QStringLiteral("t-1"), QStringLiteral("Björk"), QStringLiteral("Jóga"),
             QStringLiteral("GBAAP9700032"), 305'000},
            {QStringLiteral("t-2"), QStringLiteral("Burial"), QStringLiteral("Archangel"), {}, 0}};
        QString error;
        auto read = readEnqueue(enqueueRequest(tracks).body, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(*read, tracks);
        QJsonObject both = enqueueRequest(tracks).body;
        both.insert(QStringLiteral("track_ids"), QJsonArray{QStringLiteral("plain")});
        read = readEnqueue(both, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->size(), 3);
        QCOMPARE(read->at(0), (TrackLookup{QStringLiteral("plain"), {}, {}, {}, 0}));
        // Trimmed artist and title, an ISRC written with hyphens and in lower case.
        const QJsonObject loose{
            {QStringLiteral("tracks"),
             QJsonArray{QJsonObject{{QStringLiteral("id"), QStringLiteral("x")},
                                    {QStringLiteral("artist"), QStringLiteral(" A ")},
                                    {QStringLiteral("title"), QStringLiteral("T")},
                                    {QStringLiteral("isrc"), QStringLiteral("gb-aap-97-00032")}}}}};
        read = readEnqueue(loose, &error);
        QVERIFY2(read, qPrintable(error));
        QCOMPARE(read->at(0).artist, QStringLiteral("A"));
        QCOMPARE(read->at(0).isrc, QStringLiteral("GBAAP9700032"));

        auto refused = [&](const QJsonObject &track, const char *why) {
            QString e;
            const QJsonObject body{{QStringLiteral("tracks"), QJsonArray{track}}};
            if (readEnqueue(body, &e))
                return QStringLiteral("accepted");
            return e.contains(QLatin1String(why)) && e.startsWith(QLatin1String("tracks[0]"))
                       ? QString()
                       : e;
        };
        const QJsonObject good{{QStringLiteral("id"), QStringLiteral("x")},
                               {QStringLiteral("artist"), QStringLiteral("A")},
                               {QStringLiteral("title"), QStringLiteral("T")}};
        auto with = [&](const char *key, const QJsonValue &v) {
            QJsonObject o = good;
            if (v.isUndefined())
                o.remove(QLatin1String(key));
            else
                o.insert(QLatin1String(key), v);
            return o;
        };
        QCOMPARE(refused(with("title", QJsonValue::Undefined), "title"), QString());
        QCOMPARE(refused(with("artist", QStringLiteral("  ")), "artist is empty"), QString());
        QCOMPARE(refused(with("isrc", QStringLiteral("US1234")), "ISRC"), QString());
        QCOMPARE(refused(with("duration_ms", -5), "duration_ms"), QString());
        QCOMPARE(refused(with("duration_ms", 1.5), "duration_ms"), QString());
        QCOMPARE(refused(with("id", QStringLiteral("a\x01")), "track id"), QString());
        QCOMPARE(refused(with("genre", QStringLiteral("house")), "unknown member"), QString());
        QCOMPARE(refused(with("title", QString(enrichment::TrackTextMaxChars + 1, u'x')), "title"),
                 QString());
        QVERIFY(!readEnqueue(QJsonObject{}, &error));
        QVERIFY(!readEnqueue(QJsonObject{{QStringLiteral("tracks"), QJsonArray{}}}, &error));
    }

    void trackCsvIsReadWithItsLineNumbers()
    {
        using enrichment::readTrackCsv;
        const QByteArray csv =
            "\xEF\xBB\xBF"
            "ID,Artist,Title,isrc,duration_ms\r\n"
            "t1,Massive Attack,Teardrop,GBAAA9800001,330000\r\n"
            "\r\n"
            "t2,\"Crosby, Stills & Nash\",\"Suite: \"\"Judy\"\" Blue Eyes\",,\r\n"
            "t9,\"Two\nLines\",B,,\n"
            "t3,Nobody,,,\n"
            "t4,A,B,NOTANISRC,\n"
            "t1,Again,Again,,\n"
            "t5,A,B,,12x\n"
            "t6,A,B\n"
            "t7,\"open,B,,\n";
        const enrichment::TrackCsv read = readTrackCsv(csv);
        QVERIFY2(read.error.isEmpty(), qPrintable(read.error));
        QCOMPARE(read.tracks.size(), 2);
        QCOMPARE(read.tracks.at(0).id, QStringLiteral("t1"));
        QCOMPARE(read.tracks.at(0).durationMs, 330000);
        QCOMPARE(read.tracks.at(1).artist, QStringLiteral("Crosby, Stills & Nash"));
        QCOMPARE(read.tracks.at(1).title, QStringLiteral("Suite: \"Judy\" Blue Eyes"));
        // Each problem names the line its row starts on (a quoted line break counts).
        const QStringList expected{QStringLiteral("line 5: artist must be"),
                                   QStringLiteral("line 7: title is empty"),
                                   QStringLiteral("line 8: isrc"),
                                   QStringLiteral("line 9: track \"t1\" is already on line 2"),
                                   QStringLiteral("line 10: duration_ms"),
                                   QStringLiteral("line 11: 3 cells where the header names 5"),
                                   QStringLiteral("line 12: a quote that is never closed")};
        QCOMPARE(read.problems.size(), expected.size());
        for (int i = 0; i < expected.size(); ++i)
            QVERIFY2(read.problems.at(i).startsWith(expected.at(i)),
                     qPrintable(read.problems.at(i)));

        QVERIFY(readTrackCsv("").error.contains(QLatin1String("empty")));
        QVERIFY(readTrackCsv("id,artist\nx,y\n").error.contains(QLatin1String("required")));
        QVERIFY(readTrackCsv("id,artist,title,genre\n").error.contains(QLatin1String("genre")));
        QVERIFY(readTrackCsv("id,id,artist,title\n").error.contains(QLatin1String("twice")));
        QVERIFY(
            readTrackCsv("id,artist,title\n\xff\xfe,a,b\n").error.contains(QLatin1String("UTF-8")));
        // Columns in any order.
        const auto reordered = readTrackCsv("title,id,artist\nT,i,A");
        QCOMPARE(reordered.tracks.size(), 1);
        QCOMPARE(reordered.tracks.at(0),
                 (enrichment::TrackLookup{
                     QStringLiteral("i"), QStringLiteral("A"), QStringLiteral("T"), {}, 0}));
    }

    void timesAreUtcWithMillisecondsAndReadTolerantly()
    {
        QCOMPARE(wire::formatTime(1795911145302), QStringLiteral("2026-11-29T00:12:25.302Z"));
        const qint64 ms = 1795911145302;
        QCOMPARE(wire::parseTime(wire::formatTime(ms)).toMSecsSinceEpoch(), ms);
        // The seed's Python: naive UTC with microseconds.
        const QDateTime seed = wire::parseTime(QStringLiteral("2026-11-29T00:12:25.302000"));
        QVERIFY(seed.isValid());
        QCOMPARE(seed.toMSecsSinceEpoch(), ms);
        QCOMPARE(wire::parseTime(QStringLiteral("2026-11-29T00:12:25Z")).toMSecsSinceEpoch(),
                 ms - 302);
        QVERIFY(!wire::parseTime(QStringLiteral("yesterday")).isValid());
    }

    void envelopeHasTypeDataAndTimestamp()
    {
        const QJsonObject e =
            QJsonDocument::fromJson(wire::envelopeText(wire::event::BatchComplete,
                                                       QJsonObject{{wire::key::BatchSize, 10}},
                                                       1795911145302)
                                        .toUtf8())
                .object();
        QCOMPARE(e.keys(), QStringList({QStringLiteral("data"), QStringLiteral("timestamp"),
                                        QStringLiteral("type")}));
        QCOMPARE(e.value(QStringLiteral("type")).toString(),
                 QStringLiteral("enrichment_batch_complete"));
        QCOMPARE(e.value(QStringLiteral("data")).toObject().value(QStringLiteral("batch_size")),
                 QJsonValue(10));
        QCOMPARE(e.value(QStringLiteral("timestamp")).toString(),
                 QStringLiteral("2026-11-29T00:12:25.302Z"));
        QCOMPARE(QString(wire::RoomId), QStringLiteral("enrichment_monitor"));
        QCOMPARE(QString(wire::event::BreakerStateChange),
                 QStringLiteral("circuit_breaker_state_change"));
        QCOMPARE(QString(wire::event::Snapshot), QStringLiteral("enrichment_snapshot"));
    }
};

QTEST_GUILESS_MAIN(TestProtocol)
#include "tst_protocol.moc"
