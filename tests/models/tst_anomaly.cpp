// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <cmath>

#include <QtTest>

#include "Anomaly.h"
#include "AnomalyModel.h"
#include "ChartMarkers.h"
#include "DashboardModels.h"
#include "ModelRoles.h"
#include "enrichment/Vocabulary.h"
#include "AnomalyWorld.h"

using dashboard::AnomalyDetector;
using dashboard::AnomalyEpisode;
using dashboard::AnomalyInput;
using dashboard::AnomalyMetric;
using dashboard::AnomalyPoint;
using dashboard::AnomalySettings;

namespace {
constexpr qint64 Step = 5 * 60'000;
constexpr qint64 Day = 24 * 3'600'000LL;
// A Monday, midnight UTC.
const qint64 T0 = QDateTime(QDate(2026, 10, 5), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();

QList<AnomalyInput> flat(int steps, double value, double volume = 100)
{
    QList<AnomalyInput> out;
    for (int i = 0; i < steps; ++i)
        out << AnomalyInput{T0 + (i + 1) * Step, value + (i % 2 ? 0.01 : -0.01) * value, volume,
                            true};
    return out;
}
} // namespace

namespace {
/// A snapshot every 5 s for 50 minutes: discogs and spotify make 60 calls a minute each,
/// 95 % successful, until discogs answers only 40 % from minute 35 on.
QList<dashboard::Snapshot> discogsDrops()
{
    QList<dashboard::Snapshot> out;
    const QString success = enrichment::toWire(enrichment::RequestStatus::Success);
    const QString error = enrichment::toWire(enrichment::RequestStatus::Error);
    double calls[2] = {0, 0}, ok[2] = {0, 0};
    for (int tick = 0; tick <= 50 * 12; ++tick) {
        dashboard::Snapshot s;
        s.timestamp = QDateTime::fromMSecsSinceEpoch(T0 + tick * 5'000LL, Qt::UTC);
        s.perMinute = 40;
        s.queue[std::size_t(dashboard::QueueStatus::Pending)] = 300;
        int i = 0;
        for (const char *name : {"spotify", "discogs"}) {
            const bool bad = i == 1 && tick >= 35 * 12;
            calls[i] += 5;
            ok[i] += bad ? 2 : (tick % 4 == 0 ? 4 : 5); // 95 %
            dashboard::SourceInfo src;
            src.name = QLatin1String(name);
            src.requestsByStatus.insert(success, qint64(ok[i]));
            src.requestsByStatus.insert(error, qint64(calls[i] - ok[i]));
            src.latency = enrichment::LatencyInfo{0.1, 0.3, 0.5, 300};
            s.sources << src;
            ++i;
        }
        out << s;
    }
    return out;
}
} // namespace

/// The detector against known answers (synthetic series whose bands and anomalies are
/// known), then against thirty replayed days with injected anomalies (AnomalyWorld).
class TestAnomaly : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theBandIsTheMedianAndMadOfTheSameWeekdayAndHour()
    {
        // Four weeks of a latency that is 1.0 s on Mondays 10:00-11:00 and 0.2 s otherwise,
        // with values 0.9, 1.0, 1.1 in turn in that hour (median 1.0, MAD 0.1).
        QList<AnomalyInput> series;
        for (int i = 0; i < 4 * 7 * 288 + 13 * 12; ++i) {
            const qint64 end = T0 + (i + 1) * Step;
            const QDateTime t = QDateTime::fromMSecsSinceEpoch(end, Qt::UTC);
            const bool mondayTen = t.date().dayOfWeek() == 1 && t.time().hour() == 10;
            series << AnomalyInput{end, mondayTen ? 0.9 + 0.1 * (i % 3) : 0.2, 100, true};
        }
        AnomalyDetector detector;
        const QList<AnomalyPoint> points = detector.evaluate(series, AnomalyMetric::LatencyP95);
        // The fifth Monday, 10:30.
        const qint64 at = T0 + 4 * 7 * Day + 10 * 3'600'000LL + 30 * 60'000;
        const auto p = std::find_if(points.begin(), points.end(),
                                    [at](const AnomalyPoint &q) { return q.ms == at; });
        QVERIFY(p != points.end());
        QCOMPARE(p->basis, AnomalyPoint::Basis::WeekdayHour);
        QCOMPARE(p->expected, 1.0);
        const double sigma = 1.4826 * 0.1;
        QVERIFY(std::abs(p->high - (1.0 + 3.5 * sigma)) < 1e-9);
        QVERIFY(std::abs(p->low - (1.0 - 3.5 * sigma)) < 1e-9);
        QVERIFY(p->judged);
        // Tuesday at 10:30 expects 0.2: the weekday matters, not only the hour.
        const auto tue = std::find_if(points.begin(), points.end(),
                                      [at](const AnomalyPoint &q) { return q.ms == at - 6 * Day; });
        QVERIFY(tue != points.end());
        QVERIFY(std::abs(tue->expected - 0.2) < 1e-9);
    }

    void withoutHistoryTheBaselineIsRolling()
    {
        QList<AnomalyInput> series = flat(40, 100);
        AnomalyDetector detector;
        const QList<AnomalyPoint> points = detector.evaluate(series, AnomalyMetric::RequestRate);
        QCOMPARE(points.at(5).basis, AnomalyPoint::Basis::None); // fewer than 10 before it
        QVERIFY(!points.at(5).judged);
        QCOMPARE(points.at(30).basis, AnomalyPoint::Basis::Rolling);
        QVERIFY(points.at(30).judged);
        QVERIFY(std::abs(points.at(30).expected - 100) < 1.01);
        // sigma is floored at 5 % of the median: the band is 100 +- 17.5.
        QVERIFY(std::abs(points.at(30).high - points.at(30).expected - 17.5) < 0.1);
    }

    void aStepOutsideIsNotAnAnomalyUntilTheHoldTime()
    {
        QList<AnomalyInput> series = flat(40, 0.95);
        series[30].value = 0.5; // one bad step
        for (int i = 34; i < 37; ++i)
            series[i].value = 0.5; // three in a row
        AnomalyDetector detector;
        QList<AnomalyPoint> points = detector.evaluate(series, AnomalyMetric::SuccessRate);
        QVERIFY(points.at(30).outside);
        const QList<AnomalyEpisode> episodes =
            detector.episodes(points, QStringLiteral("discogs"), AnomalyMetric::SuccessRate);
        QCOMPARE(episodes.size(), 1);
        QCOMPARE(episodes.first().startMs, series.at(34).ms);
        QCOMPARE(episodes.first().endMs, series.at(36).ms);
        QVERIFY(!episodes.first().ongoing);
        QVERIFY(episodes.first().peakScore < -3.5);
        QVERIFY(!points.at(30).anomalous);
        QVERIFY(points.at(35).anomalous);
    }

    void aHandfulOfCallsIsNotJudged()
    {
        QList<AnomalyInput> series = flat(40, 0.95);
        for (int i = 34; i < 40; ++i) {
            series[i].value = 0.0; // every call failed, but there were only five
            series[i].volume = 5;
        }
        AnomalyDetector detector;
        QList<AnomalyPoint> points = detector.evaluate(series, AnomalyMetric::SuccessRate);
        QVERIFY(!points.at(35).judged);
        QVERIFY(detector.episodes(points, {}, AnomalyMetric::SuccessRate).isEmpty());
    }

    void onlyTheSideThatHurtsCounts()
    {
        QList<AnomalyInput> series = flat(40, 0.5);
        for (int i = 34; i < 40; ++i)
            series[i].value = 0.2; // latency falls: good news
        AnomalyDetector detector;
        QList<AnomalyPoint> points = detector.evaluate(series, AnomalyMetric::LatencyP95);
        QVERIFY(points.at(35).judged);
        QVERIFY(points.at(35).score < -3.5);
        QVERIFY(!points.at(35).outside);
        points = detector.evaluate(series, AnomalyMetric::RequestRate); // a rate: both ways
        QVERIFY(points.at(35).outside);
    }

    void aLowRateWithNoWorkWaitingIsNotAnAnomaly()
    {
        QList<AnomalyInput> series = flat(40, 100);
        for (int i = 34; i < 40; ++i) {
            series[i].value = 20;
            series[i].busy = false; // the queue ran empty
        }
        AnomalyDetector detector;
        QList<AnomalyPoint> points = detector.evaluate(series, AnomalyMetric::ProcessingRate);
        QVERIFY(points.at(35).judged);
        QVERIFY(!points.at(35).outside);
        for (int i = 34; i < 40; ++i)
            series[i].busy = true; // the same rate while tracks wait: a stall
        points = detector.evaluate(series, AnomalyMetric::ProcessingRate);
        const QList<AnomalyEpisode> episodes =
            detector.episodes(points, {}, AnomalyMetric::ProcessingRate);
        QCOMPARE(episodes.size(), 1);
        QVERIFY(episodes.first().ongoing);
        QCOMPARE(episodes.first().scope, AnomalyEpisode::Scope::Pipeline);
    }

    void oneSourceIsTheProvidersProblemAllAtOnceIsOurs()
    {
        const QStringList sources =
            QStringLiteral("spotify musicbrainz discogs beatport lastfm").split(QLatin1Char(' '));
        const auto run = [&](const QStringList &bad) {
            QList<AnomalyEpisode> all;
            AnomalyDetector detector;
            for (const QString &s : sources) {
                QList<AnomalyInput> series = flat(40, 0.95);
                if (bad.contains(s)) {
                    for (int i = 32; i < 40; ++i)
                        series[i].value = 0.6;
                }
                QList<AnomalyPoint> points = detector.evaluate(series, AnomalyMetric::SuccessRate);
                all += detector.episodes(points, s, AnomalyMetric::SuccessRate);
            }
            AnomalyDetector::classify(all, int(sources.size()));
            return all;
        };
        QList<AnomalyEpisode> one = run({QStringLiteral("discogs")});
        QCOMPARE(one.size(), 1);
        QCOMPARE(one.first().source, QStringLiteral("discogs"));
        QCOMPARE(one.first().scope, AnomalyEpisode::Scope::Source);
        QList<AnomalyEpisode> most =
            run({QStringLiteral("spotify"), QStringLiteral("discogs"), QStringLiteral("beatport")});
        QCOMPARE(most.size(), 3);
        for (const AnomalyEpisode &e : std::as_const(most))
            QCOMPARE(e.scope, AnomalyEpisode::Scope::AllSources);
    }

    void liveSnapshotsMakeOneMinuteStepsAndFindTheDrop()
    {
        dashboard::AnomalyModel model;
        QSignalSpy evaluated(&model, &dashboard::AnomalyModel::evaluated);
        for (const dashboard::Snapshot &s : discogsDrops())
            model.applySnapshot(s);
        QVERIFY(evaluated.count() >= 49); // one per closed minute
        QVERIFY(!model.hasHistory());
        QVERIFY(model.basis().contains(QStringLiteral("live")));
        const QList<AnomalyPoint> steps =
            model.points(QStringLiteral("discogs"), AnomalyMetric::SuccessRate);
        QVERIFY(steps.size() >= 49);
        QVERIFY(std::abs(steps.at(20).observed - 0.95) < 0.02);
        QCOMPARE(steps.at(20).basis, AnomalyPoint::Basis::Rolling);
        const QList<AnomalyEpisode> now = model.current();
        QCOMPARE(now.size(), 1);
        QCOMPARE(now.first().source, QStringLiteral("discogs"));
        QCOMPARE(now.first().metric, AnomalyMetric::SuccessRate);
        QCOMPARE(now.first().scope, AnomalyEpisode::Scope::Source);
        QVERIFY(std::abs(now.first().observed - 0.4) < 0.02);
        // The rows of the export: every evaluated step of both sources and the pipeline.
        QCOMPARE(model
                     .headerData(dashboard::AnomalyModel::ScoreColumn, Qt::Horizontal,
                                 dashboard::ModelRole::Export)
                     .toString(),
                 QStringLiteral("score"));
        QCOMPARE(model.rowCount(), int(steps.size()) * 7); // 2 sources x 3 figures + 1
    }

    void anomaliesAreBandsOnTheTimeCharts()
    {
        dashboard::DashboardModels models;
        for (const dashboard::Snapshot &s : discogsDrops())
            models.applySnapshot(s);
        QStringList labels;
        for (const dashboard::ChartMarkers::Marker &m : models.markers()->markers())
            if (m.kind == dashboard::ChartMarkers::Kind::Anomaly) {
                labels << m.label;
                QCOMPARE(m.toMs, 0); // still going on
            }
        QCOMPARE(labels.size(), 1);
        QVERIFY2(labels.first().startsWith(QStringLiteral("discogs · ")),
                 qPrintable(labels.first()));
    }

    void thirtyReplayedDaysAreMostlyRight()
    {
        // Several seeds, so that one lucky world does not carry the figure.
        int truths = 0, found = 0, detected = 0, matched = 0, scopeRight = 0;
        double falsePerDay = 0;
        QList<double> delays;
        const QList<unsigned> seeds{20261204, 7, 1234};
        for (unsigned seed : seeds) {
            testsupport::AnomalyWorld world(seed);
            QVERIFY(world.truths().size() >= 20);
            const auto score = testsupport::AnomalyScore::measure(world, AnomalyDetector());
            truths += score.truths;
            found += score.found;
            detected += score.detected;
            matched += score.matched;
            scopeRight += score.scopeRight;
            falsePerDay += score.falseAlarmsPerDay / seeds.size();
            delays += score.delaysMinutes;
        }
        const double precision = double(matched) / detected;
        const double recall = double(found) / truths;
        qInfo("anomalies: %d injected, %d found (recall %.2f), %d detected, %d right "
              "(precision %.2f), scope right %d of %d, %.2f false alarms per day, median "
              "delay %.0f min",
              truths, found, recall, detected, matched, precision, scopeRight, found, falsePerDay,
              AnomalyDetector::median(delays));
        QVERIFY2(precision >= 0.8, qPrintable(QString::number(precision)));
        QVERIFY2(recall >= 0.8, qPrintable(QString::number(recall)));
        QVERIFY(scopeRight >= 0.8 * found);
    }

    void holidaysNightsAndWeekendsRaiseNothing()
    {
        // The same kind of world with nothing injected: whatever is found is a false alarm.
        for (unsigned seed : {99u, 100u, 101u}) {
            testsupport::AnomalyWorld world(seed, 30, false);
            QVERIFY(world.truths().isEmpty());
            QList<AnomalyEpisode> episodes;
            const auto score =
                testsupport::AnomalyScore::measure(world, AnomalyDetector(), &episodes);
            for (const AnomalyEpisode &e : std::as_const(episodes))
                qInfo(
                    "false alarm: %s %s at %s", qPrintable(e.source),
                    qPrintable(dashboard::anomalyMetricKey(e.metric)),
                    qPrintable(
                        QDateTime::fromMSecsSinceEpoch(e.startMs, Qt::UTC).toString(Qt::ISODate)));
            QVERIFY2(score.falseAlarmsPerDay <= 0.1, qPrintable(QString::number(score.detected)));
        }
    }
};

QTEST_GUILESS_MAIN(TestAnomaly)
#include "tst_anomaly.moc"
