// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include "SnapshotWriter.h"

using namespace enrichment;

/// The snapshot document as a pure function of plain state: no server, no clock.
class TestSnapshotWriter : public QObject
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
};

QTEST_GUILESS_MAIN(TestSnapshotWriter)
#include "tst_snapshotwriter.moc"
