// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <cmath>

#include <QtTest>

#include "CategoryTableModel.h"
#include "DashboardModels.h"
#include "ModelRoles.h"
#include "SourcesModel.h"
#include "TripForecast.h"
#include "TripForecastModel.h"
#include "enrichment/Vocabulary.h"
#include "TripWorld.h"

using dashboard::TripForecast;
using dashboard::TripRule;
using dashboard::TripStep;

namespace {
constexpr qint64 T0 = 1'790'000'000'000;

/// @p minutes steps of 30 calls whose failure share goes from @p from to @p to.
QList<TripStep> ramp(int minutes, double from, double to, std::optional<double> latency = {})
{
    QList<TripStep> out;
    for (int i = 0; i < minutes; ++i) {
        const double p = from + (to - from) * i / std::max(1, minutes - 1);
        out << TripStep{T0 + i * 60'000LL, 30, std::round(30 * p), latency};
    }
    return out;
}
} // namespace

/// The breaker-trip forecast against known answers (the chance of a run of failures under
/// a constant share, a rising trend, the breaker's rule), then against replayed days with
/// trips of known times (TripWorld).
class TestTripForecast : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aConstantShareGivesTheRunFormula()
    {
        // p = 0.3, 30 calls a minute, 5 in a row: runs start at 30 x 0.7 x 0.3^5 a minute.
        const TripRule rule;
        const double rate = 30 * 0.7 * std::pow(0.3, 5);
        const double expected = 1 - (1 - std::pow(0.3, 5)) * std::exp(-60 * rate);
        const double got = TripForecast::chanceWithin(60, rule, 30, [](double) { return 0.3; });
        QVERIFY2(std::abs(got - expected) < 1e-12, qPrintable(QString::number(got)));
        // A healthy 2 %: practically never.
        QVERIFY(TripForecast::chanceWithin(60, rule, 30, [](double) { return 0.02; }) < 1e-5);
        // Four failures in a row already: the next call decides a lot.
        TripRule four;
        four.failuresInARow = 4;
        QVERIFY(TripForecast::chanceWithin(1, four, 30, [](double) { return 0.3; }) > 0.3);
    }

    void aSteadySourceIsNotExpectedToTrip()
    {
        const TripForecast f = TripForecast::compute(ramp(30, 0.03, 0.03), TripRule());
        QVERIFY(f.ok);
        QVERIFY(f.pTrip1h < 0.01);
        QVERIFY(!f.minutesToTrip);
        QVERIFY(std::abs(f.failureShare - 0.033) < 0.01); // 1 of 30
        QVERIFY(std::abs(f.trendPerHour) < 0.01);
        // A steady 30 %: the forecast is the run formula of step 2 at that share.
        const TripForecast risky = TripForecast::compute(ramp(30, 0.3, 0.3), TripRule());
        const double expected =
            TripForecast::chanceWithin(60, TripRule(), 30, [](double) { return 0.3; });
        QVERIFY2(std::abs(risky.pTrip1h - expected) < 1e-9,
                 qPrintable(QStringLiteral("%1 vs %2").arg(risky.pTrip1h).arg(expected)));
        QCOMPARE(risky.pLow, risky.pTrip1h); // an exact fit has no band
        const QList<double> curve =
            TripForecast::chanceCurve(360, TripRule(), 30, [](double) { return 0.3; });
        const auto half =
            std::find_if(curve.begin(), curve.end(), [](double c) { return c >= 0.5; });
        QCOMPARE(*risky.minutesToTrip, double(half - curve.begin()));
    }

    void aRisingShareIsForecastBeforeItTrips()
    {
        // From 3 % to 20 % over 30 minutes: at this pace it passes 40 % within the hour.
        const TripForecast f = TripForecast::compute(ramp(30, 0.03, 0.20), TripRule());
        QVERIFY(f.ok);
        QVERIFY2(f.pTrip1h > 0.5, qPrintable(QString::number(f.pTrip1h)));
        QVERIFY(f.minutesToTrip);
        QVERIFY(*f.minutesToTrip > 5 && *f.minutesToTrip < 60);
        QVERIFY(f.trendPerHour > 0.25);
        // The band holds the estimate, earliest before latest.
        QVERIFY(f.pLow <= f.pTrip1h && f.pTrip1h <= f.pHigh);
        QVERIFY(f.minutesEarliest && *f.minutesEarliest <= *f.minutesToTrip);
        QVERIFY(!f.minutesLatest || *f.minutesLatest >= *f.minutesToTrip);
        // A stricter breaker (10 in a row) trips later.
        TripRule strict;
        strict.failureThreshold = 10;
        const TripForecast later = TripForecast::compute(ramp(30, 0.03, 0.20), strict);
        QVERIFY(later.pTrip1h < f.pTrip1h);
    }

    void risingLatencyWarnsWhenFailuresFollowIt()
    {
        // The share follows the latency (timeouts): latency climbs steadily, the share with
        // it, but flattened by noise in its own trend; the latency's trend carries it on.
        QList<TripStep> steps;
        for (int i = 0; i < 30; ++i) {
            const double latency = 0.3 + 0.05 * i;
            const double share = 0.02 + 0.1 * (latency - 0.3) + (i % 2 ? 0.03 : -0.03) * (i > 20);
            steps << TripStep{T0 + i * 60'000LL, 30, std::round(30 * std::max(0.0, share)),
                              latency};
        }
        const TripForecast withLatency = TripForecast::compute(steps, TripRule());
        for (TripStep &s : steps)
            s.latencyP95.reset();
        const TripForecast without = TripForecast::compute(steps, TripRule());
        QVERIFY(withLatency.ok && without.ok);
        QVERIFY2(
            withLatency.pTrip1h >= without.pTrip1h,
            qPrintable(QStringLiteral("%1 < %2").arg(withLatency.pTrip1h).arg(without.pTrip1h)));
    }

    void anOpenBreakerIsCertainAndFewCallsAreNoForecast()
    {
        TripRule open;
        open.open = true;
        const TripForecast f = TripForecast::compute(ramp(30, 0.03, 0.03), open);
        QCOMPARE(f.pTrip1h, 1.0);
        QCOMPARE(*f.minutesToTrip, 0.0);
        QList<TripStep> quiet;
        for (int i = 0; i < 30; ++i)
            quiet << TripStep{T0 + i * 60'000LL, i % 10 == 0 ? 1.0 : 0.0, 1, {}};
        const TripForecast none = TripForecast::compute(quiet, TripRule());
        QVERIFY(!none.ok);
        QVERIFY(!none.reason.isEmpty());
    }

    void liveSnapshotsForecastEachSourceAndFillTheTable()
    {
        // A snapshot every 5 s for 25 minutes: spotify fails 2 % of 60 calls a minute
        // throughout, discogs climbs from 2 % to 30 %; breakers closed, five in a row.
        dashboard::DashboardModels models;
        dashboard::TripForecastModel *model = models.tripForecasts();
        QSignalSpy updated(model, &dashboard::TripForecastModel::updated);
        const QString success = enrichment::toWire(enrichment::RequestStatus::Success);
        const QString error = enrichment::toWire(enrichment::RequestStatus::Error);
        double calls[2] = {0, 0}, failed[2] = {0, 0}, owed[2] = {0, 0};
        const int ticks = 25 * 12;
        for (int tick = 0; tick <= ticks; ++tick) {
            dashboard::Snapshot s;
            s.timestamp = QDateTime::fromMSecsSinceEpoch(T0 + tick * 5'000LL, Qt::UTC);
            int i = 0;
            for (const char *name : {"spotify", "discogs"}) {
                const double share = i == 0 ? 0.02 : 0.02 + 0.28 * tick / ticks;
                calls[i] += 5;
                // Each 5 s adds its share of failures (whole ones; the rest carried on).
                owed[i] += 5 * share;
                failed[i] += std::floor(owed[i]);
                owed[i] -= std::floor(owed[i]);
                dashboard::SourceInfo src;
                src.name = QLatin1String(name);
                src.requestsByStatus.insert(success, qint64(calls[i] - failed[i]));
                src.requestsByStatus.insert(error, qint64(failed[i]));
                dashboard::BreakerInfo breaker;
                breaker.state = dashboard::BreakerState::Closed;
                breaker.failureCount = 0;
                breaker.failureThreshold = 5;
                src.breaker = breaker;
                s.sources << src;
                ++i;
            }
            models.applySnapshot(s);
        }
        QVERIFY(updated.count() >= 24);
        const TripForecast spotify = model->forecast(QStringLiteral("spotify"));
        const TripForecast discogs = model->forecast(QStringLiteral("discogs"));
        QVERIFY(spotify.ok && discogs.ok);
        QVERIFY(spotify.pTrip1h < 0.01);
        QVERIFY2(discogs.pTrip1h > 0.5, qPrintable(QString::number(discogs.pTrip1h)));
        QVERIFY(discogs.minutesToTrip && *discogs.minutesToTrip < 60);
        // The table (the chart and its CSV) and the sources table's column.
        dashboard::CategoryTableModel *table = model->table();
        QCOMPARE(table->headerData(1, Qt::Horizontal, dashboard::ModelRole::Export).toString(),
                 QStringLiteral("p_trip_1h"));
        QCOMPARE(table->headerData(2, Qt::Horizontal, dashboard::ModelRole::Export).toString(),
                 QStringLiteral("expected_minutes_to_trip"));
        QCOMPARE(table->category(1), QStringLiteral("discogs"));
        QVERIFY(std::abs(table->cell(1, 1).toDouble() - discogs.pTrip1h) < 1e-9);
        dashboard::SourcesModel *sources = models.sources();
        const QString text =
            sources->data(sources->index(1, dashboard::SourcesModel::TripColumn)).toString();
        QVERIFY2(text.startsWith(QStringLiteral("may trip in ~")), qPrintable(text));
        QCOMPARE(sources->data(sources->index(0, dashboard::SourcesModel::TripColumn)).toString(),
                 QStringLiteral("steady"));
        QVERIFY(
            sources->data(sources->index(1, dashboard::SourcesModel::TripColumn), Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("Chance of opening within the hour")));
        // The breaker opens: certain, and said so.
        dashboard::Snapshot open = dashboard::Snapshot();
        open.timestamp = QDateTime::fromMSecsSinceEpoch(T0 + (ticks + 13) * 5'000LL, Qt::UTC);
        dashboard::SourceInfo src;
        src.name = QStringLiteral("discogs");
        dashboard::BreakerInfo breaker;
        breaker.state = dashboard::BreakerState::Open;
        src.breaker = breaker;
        open.sources << src;
        models.applySnapshot(open);
        QVERIFY(model->forecast(QStringLiteral("discogs")).open);
        QCOMPARE(
            dashboard::TripForecastModel::shortText(model->forecast(QStringLiteral("discogs"))),
            QStringLiteral("open now"));
        // It closes again two seconds later, within the same minute: said at once, not at
        // the next step (a closed breaker is never "open now").
        breaker.state = dashboard::BreakerState::Closed;
        src.breaker = breaker;
        open.sources = {src};
        open.timestamp = open.timestamp.addSecs(2);
        models.applySnapshot(open);
        QVERIFY(!model->forecast(QStringLiteral("discogs")).open);
    }

    void replayedDaysWarnBeforeDegradationsTrip()
    {
        int trips = 0, warned = 0, warnings = 0, right = 0, degradationTrips = 0;
        QList<double> leads, degradationLeads;
        for (unsigned seed : {11u, 12u, 13u}) {
            const testsupport::TripWorld world(seed, 10);
            const testsupport::TripScore s = testsupport::TripScore::measure(world);
            trips += s.trips;
            warned += s.warned;
            warnings += s.warnings;
            right += s.rightWarnings;
            degradationTrips += s.degradationTrips;
            leads += s.leads;
            degradationLeads += s.degradationLeads;
        }
        std::sort(degradationLeads.begin(), degradationLeads.end());
        const double median =
            degradationLeads.isEmpty() ? 0 : degradationLeads.at(degradationLeads.size() / 2);
        const double precision = warnings ? double(right) / warnings : 1.0;
        qInfo("trips %d, warned %d; degradation trips %d, median lead %.0f min; warnings %d, "
              "followed by a trip %d (precision %.2f)",
              trips, warned, degradationTrips, median, warnings, right, precision);
        QVERIFY(degradationTrips >= 10);
        QVERIFY2(median >= 8, qPrintable(QString::number(median)));
        QVERIFY2(precision >= 0.8, qPrintable(QString::number(precision)));
    }
};

QTEST_GUILESS_MAIN(TestTripForecast)
#include "tst_tripforecast.moc"
