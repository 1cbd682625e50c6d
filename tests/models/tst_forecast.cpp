// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <random>

#include <QtTest>

#include "Forecast.h"

using dashboard::Forecast;

/// The backlog forecast on synthetic series whose answer is known.
class TestForecast : public QObject
{
    Q_OBJECT
private:
    static constexpr qint64 Minute = 60'000;
    static constexpr qint64 T0 = 1'794'999'960'000; // a whole minute (UTC)

    /// One sample a minute for @p minutes, value f(t) with t in minutes.
    template<typename F> static QList<QPair<qint64, double>> series(int minutes, F f)
    {
        QList<QPair<qint64, double>> out;
        for (int t = 0; t < minutes; ++t)
            out.append({T0 + t * Minute, f(t)});
        return out;
    }

private Q_SLOTS:
    void steadyDrainIsProjectedToItsEnd()
    {
        // 1000 pending, 10 fewer each minute: 710 left after 29 minutes, empty 71 later.
        const Forecast f =
            Forecast::holt(series(30, [](int t) { return 1000.0 - 10.0 * t; }), Minute, 120);
        QVERIFY2(f.ok, qPrintable(f.reason));
        QVERIFY(qAbs(f.trendPerStep + 10.0) < 0.01);
        QVERIFY(qAbs(f.trendPerHour() + 600.0) < 1.0);
        QVERIFY(f.drainAtMs);
        const double drainMinutes = double(*f.drainAtMs - (T0 + 29 * Minute)) / Minute;
        QVERIFY2(qAbs(drainMinutes - 71.0) < 0.5, qPrintable(QString::number(drainMinutes)));
        // A perfect line: no uncertainty; the projection follows it and stops at zero.
        QVERIFY(f.sigma < 1e-6);
        QCOMPARE(f.projection.size(), 121);
        QVERIFY(qAbs(f.projection.at(10).value - 610.0) < 0.1);
        QCOMPARE(f.projection.last().value, 0.0);
    }

    void aGrowingBacklogDoesNotDrain()
    {
        const Forecast f =
            Forecast::holt(series(40, [](int t) { return 100.0 + 5.0 * t; }), Minute, 60);
        QVERIFY(f.ok);
        QVERIFY(!f.drainAtMs);
        QVERIFY(qAbs(f.trendPerHour() - 300.0) < 1.0);
        QVERIFY(f.projection.last().value > f.projection.first().value);
    }

    void aFlatBacklogIsFlat()
    {
        const Forecast f = Forecast::holt(series(30, [](int) { return 500.0; }), Minute, 60);
        QVERIFY(f.ok);
        QVERIFY(!f.drainAtMs);
        QVERIFY(qAbs(f.trendPerStep) < 1e-6);
        QVERIFY(qAbs(f.projection.last().value - 500.0) < 1e-6);

        // An empty queue has drained now.
        const Forecast empty = Forecast::holt(series(30, [](int) { return 0.0; }), Minute, 60);
        QVERIFY(empty.ok);
        QCOMPARE(*empty.drainAtMs, T0 + 29 * Minute);
    }

    void noiseWidensTheBandAndTheTruthStaysInIt()
    {
        std::mt19937 rng(20261129);
        std::normal_distribution<double> noise(0.0, 20.0);
        auto truth = [](double t) {
            return 3000.0 - 10.0 * t;
        };
        const Forecast f =
            Forecast::holt(series(120, [&](int t) { return truth(t) + noise(rng); }), Minute, 60);
        QVERIFY(f.ok);
        QVERIFY2(f.trendPerStep < -7 && f.trendPerStep > -13,
                 qPrintable(QString::number(f.trendPerStep)));
        QVERIFY2(f.sigma > 10 && f.sigma < 40, qPrintable(QString::number(f.sigma)));
        // The band grows with the horizon ...
        const auto width = [&f](int h) {
            return f.projection.at(h).high - f.projection.at(h).low;
        };
        QVERIFY(width(1) > 0);
        QVERIFY(width(60) > width(10));
        QVERIFY(width(10) > width(1));
        // ... and holds the true line (95 % band, a margin for one seed).
        int inside = 0;
        for (int h = 1; h <= 60; ++h) {
            const double y = truth(119 + h);
            inside += f.projection.at(h).low <= y && y <= f.projection.at(h).high;
        }
        QVERIFY2(inside >= 54, qPrintable(QString::number(inside)));
        // Drain time near the true one: 3000 / 10 = 300 minutes from the start.
        QVERIFY(f.drainAtMs);
        const double drainMinute = double(*f.drainAtMs - T0) / Minute;
        QVERIFY2(drainMinute > 260 && drainMinute < 350, qPrintable(QString::number(drainMinute)));
    }

    void irregularSamplesAreResampled()
    {
        // Every 13 s, with a gap of five minutes: a minute grid, gaps carried.
        QList<QPair<qint64, double>> s;
        for (qint64 ms = 0; ms < 30 * Minute; ms += 13'000)
            if (ms < 10 * Minute || ms > 15 * Minute)
                s.append({T0 + ms, 1000.0 - double(ms) / Minute * 10.0});
        const Forecast f = Forecast::holt(s, Minute, 30);
        QVERIFY(f.ok);
        QCOMPARE(f.observed.size(), 30);
        QVERIFY(f.trendPerStep < -5);
        QVERIFY(f.drainAtMs);
    }

    void tooLittleHistorySaysSo()
    {
        const Forecast none = Forecast::holt({}, Minute, 30);
        QVERIFY(!none.ok);
        QVERIFY(!none.reason.isEmpty());
        const Forecast few = Forecast::holt(series(5, [](int t) { return 10.0 * t; }), Minute, 30);
        QVERIFY(!few.ok);
        QVERIFY(few.reason.contains(QStringLiteral("8 minutes")));
    }
};

QTEST_GUILESS_MAIN(TestForecast)
#include "tst_forecast.moc"
