// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QCryptographicHash>
#include <QRegularExpression>
#include <QDate>
#include <QtTest>

#include "enrichment/Clock.h"
#include "SimulatedSource.h"

using namespace enrichment;

class TestSources : public QObject
{
    Q_OBJECT
private:
    static QStringList run(quint64 seed, const SimulatedSource::Profile &profile, int calls)
    {
        ManualClock clock;
        SimulatedSource src(profile, clock, seed);
        QStringList trace;
        for (int i = 0; i < calls; ++i) {
            const SourceResponse r = src.fetch({QStringLiteral("track-%1").arg(i)});
            trace << QStringLiteral("%1/%2/%3/%4")
                         .arg(int(r.status))
                         .arg(int(r.error))
                         .arg(r.latencySeconds, 0, 'f', 6)
                         .arg(r.fields.keys().join(QLatin1Char(',')));
            clock.advanceMs(250);
        }
        return trace;
    }

private Q_SLOTS:
    // The demo's values read like a catalogue's, and one track gets the same value of a
    // field from every source.
    void simulatedMetadataLooksReal()
    {
        const QByteArray a = QCryptographicHash::hash("demo-1", QCryptographicHash::Md5);
        const QByteArray b = QCryptographicHash::hash("demo-2", QCryptographicHash::Md5);
        const QString isrc = SimulatedSource::simulatedValue(QStringLiteral("isrc"), a);
        QVERIFY2(QRegularExpression(QStringLiteral("^[A-Z]{2}[A-Z0-9]{3}[0-9]{7}$"))
                     .match(isrc)
                     .hasMatch(),
                 qPrintable(isrc));
        QVERIFY2(
            QRegularExpression(
                QStringLiteral("^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$"))
                .match(SimulatedSource::simulatedValue(QStringLiteral("musicbrainz_id"), a))
                .hasMatch(),
            "not a UUID");
        const int bpm = SimulatedSource::simulatedValue(QStringLiteral("bpm"), a).toInt();
        QVERIFY(bpm >= 80 && bpm < 170);
        QVERIFY(QDate::fromString(
                    SimulatedSource::simulatedValue(QStringLiteral("release_date"), a), Qt::ISODate)
                    .isValid());
        QCOMPARE(SimulatedSource::simulatedValue(QStringLiteral("spotify_id"), a).size(), 22);
        QCOMPARE(SimulatedSource::simulatedValue(QStringLiteral("isrc"), a), isrc); // stable
        QVERIFY(SimulatedSource::simulatedValue(QStringLiteral("isrc"), b) != isrc);
    }

    void sameSeedSameRun()
    {
        for (const SimulatedSource::Profile &p : SimulatedSource::defaultProfiles())
            QCOMPARE(run(7, p, 400), run(7, p, 400));
    }

    void differentSeedDifferentRun()
    {
        const SimulatedSource::Profile p = SimulatedSource::defaultProfiles().at(0);
        QVERIFY(run(7, p, 200) != run(8, p, 200));
    }

    void outcomeMixFollowsTheProfile()
    {
        SimulatedSource::Profile p;
        p.name = QStringLiteral("mix");
        p.pNoData = 0.2;
        p.pTimeout = 0.1;
        p.p429 = 0;
        p.p5xx = 0.1;
        p.pConnection = 0;
        p.quota = 0;
        p.fields = {{QStringLiteral("isrc"), 1.0}};
        ManualClock clock;
        SimulatedSource src(p, clock, 1);
        int success = 0, noData = 0, timeout = 0, server = 0;
        for (int i = 0; i < 5000; ++i) {
            const SourceResponse r = src.fetch({QString::number(i)});
            if (r.status == RequestStatus::Success) {
                ++success;
                QVERIFY(r.fields.contains(QStringLiteral("isrc")));
            } else if (r.status == RequestStatus::NoData) {
                ++noData;
            } else if (r.error == ErrorType::Timeout) {
                ++timeout;
                QCOMPARE(r.latencySeconds, p.timeoutSeconds);
            } else if (r.error == ErrorType::ServerError) {
                ++server;
            }
        }
        QVERIFY2(qAbs(success - 3000) < 200, qPrintable(QString::number(success)));
        QVERIFY2(qAbs(noData - 1000) < 150, qPrintable(QString::number(noData)));
        QVERIFY2(qAbs(timeout - 500) < 100, qPrintable(QString::number(timeout)));
        QVERIFY2(qAbs(server - 500) < 100, qPrintable(QString::number(server)));
    }

    void latencyIsAroundTheMedian()
    {
        SimulatedSource::Profile p;
        p.name = QStringLiteral("lat");
        p.medianLatencyMs = 200;
        p.latencySigma = 0.3;
        p.pNoData = p.pTimeout = p.p429 = p.p5xx = p.pConnection = 0;
        p.quota = 0;
        ManualClock clock;
        SimulatedSource src(p, clock, 3);
        QList<double> l;
        for (int i = 0; i < 2001; ++i)
            l << src.fetch({QString::number(i)}).latencySeconds;
        std::sort(l.begin(), l.end());
        QVERIFY2(qAbs(l.at(1000) - 0.2) < 0.02, qPrintable(QString::number(l.at(1000))));
    }

    void quotaIsEnforcedAndResets()
    {
        SimulatedSource::Profile p;
        p.name = QStringLiteral("quota");
        p.pNoData = p.pTimeout = p.p429 = p.p5xx = p.pConnection = 0;
        p.quota = 10;
        p.windowMs = 60'000;
        ManualClock clock;
        SimulatedSource src(p, clock, 3);
        RateLimitState rl = src.rateLimit();
        QCOMPARE(rl.limit, 10);
        QCOMPARE(rl.remaining, 10);
        QCOMPARE(rl.resetAtMs, clock.nowMs() + 60'000);
        for (int i = 0; i < 10; ++i)
            QCOMPARE(src.fetch({QString::number(i)}).status, RequestStatus::Success);
        QCOMPARE(src.rateLimit().remaining, 0);
        const SourceResponse over = src.fetch({QStringLiteral("x")});
        QCOMPARE(over.status, RequestStatus::Error);
        QCOMPARE(over.error, ErrorType::RateLimited);
        clock.advanceMs(60'000);
        rl = src.rateLimit();
        QCOMPARE(rl.remaining, 10);
        QCOMPARE(rl.resetAtMs, clock.nowMs() + 60'000);
        QCOMPARE(src.fetch({QStringLiteral("y")}).status, RequestStatus::Success);
    }

    void outagesFollowTheSchedule()
    {
        SimulatedSource::Profile p;
        p.name = QStringLiteral("outage");
        p.pNoData = p.pTimeout = p.p429 = p.p5xx = p.pConnection = 0;
        p.quota = 0;
        p.outagePeriodMs = 100'000;
        p.outageOffsetMs = 10'000;
        p.outageDurationMs = 20'000;
        ManualClock clock;
        SimulatedSource src(p, clock, 3);
        QVERIFY(!src.inOutage());
        QCOMPARE(src.fetch({QStringLiteral("a")}).status, RequestStatus::Success);
        clock.advanceMs(10'000);
        QVERIFY(src.inOutage());
        QCOMPARE(src.fetch({QStringLiteral("b")}).status, RequestStatus::Error);
        clock.advanceMs(20'000);
        QVERIFY(!src.inOutage());
        clock.advanceMs(80'000); // next period
        QVERIFY(src.inOutage());
    }
};

QTEST_GUILESS_MAIN(TestSources)
#include "tst_sources.moc"
