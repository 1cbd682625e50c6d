// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

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
