// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QSignalSpy>
#include <QtTest>

#include "CircuitBreaker.h"
#include "enrichment/Clock.h"
#include "PipelineMetrics.h"

using namespace enrichment;

class TestCircuitBreaker : public QObject
{
    Q_OBJECT
private:
    struct Fixture
    {
        ManualClock clock;
        PipelineMetrics monitor{defaultSourceNames(), clock, QStringLiteral("1")};
        CircuitBreaker breaker{QStringLiteral("discogs"), CircuitBreaker::Config{5, 60'000, 2},
                               clock, &monitor, 2};
    };
    static void fail(CircuitBreaker &b, int n)
    {
        for (int i = 0; i < n; ++i)
            b.recordFailure();
    }

private Q_SLOTS:
    void initialState()
    {
        Fixture f;
        QCOMPARE(f.breaker.state(), BreakerState::Closed);
        QVERIFY(f.breaker.allowRequest());
        QCOMPARE(f.breaker.failureCount(), 0);
        QVERIFY(!f.breaker.lastFailureMs());
        QVERIFY(!f.breaker.msUntilHalfOpen());
    }

    void closedToOpenAfterThresholdConsecutiveFailures()
    {
        Fixture f;
        QSignalSpy spy(&f.breaker, &CircuitBreaker::stateChanged);
        fail(f.breaker, 4);
        QCOMPARE(f.breaker.state(), BreakerState::Closed);
        QCOMPARE(spy.count(), 0);
        f.breaker.recordFailure();
        QCOMPARE(f.breaker.state(), BreakerState::Open);
        QVERIFY(!f.breaker.allowRequest());
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).toString(), QStringLiteral("discogs"));
        QCOMPARE(spy.at(0).at(1).value<BreakerState>(), BreakerState::Closed);
        QCOMPARE(spy.at(0).at(2).value<BreakerState>(), BreakerState::Open);
        QCOMPARE(spy.at(0).at(3).toInt(), 5);
        QCOMPARE(*f.breaker.lastFailureMs(), f.clock.nowMs());
        QCOMPARE(f.monitor.tripCount(2), 1);
    }

    void successResetsConsecutiveFailures()
    {
        Fixture f;
        fail(f.breaker, 4);
        f.breaker.recordSuccess();
        QCOMPARE(f.breaker.failureCount(), 0);
        fail(f.breaker, 4);
        QCOMPARE(f.breaker.state(), BreakerState::Closed);
    }

    void openToHalfOpenAfterTimeout()
    {
        Fixture f;
        fail(f.breaker, 5);
        f.clock.advanceMs(59'999);
        QCOMPARE(f.breaker.state(), BreakerState::Open);
        QCOMPARE(*f.breaker.msUntilHalfOpen(), 1);
        QSignalSpy spy(&f.breaker, &CircuitBreaker::stateChanged);
        f.clock.advanceMs(1);
        QVERIFY(f.breaker.allowRequest());
        QCOMPARE(f.breaker.state(), BreakerState::HalfOpen);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(1).value<BreakerState>(), BreakerState::Open);
        QCOMPARE(spy.at(0).at(2).value<BreakerState>(), BreakerState::HalfOpen);
        QVERIFY(!f.breaker.msUntilHalfOpen());
    }

    void halfOpenToClosedAfterSuccessThreshold()
    {
        Fixture f;
        fail(f.breaker, 5);
        f.clock.advanceMs(60'000);
        QCOMPARE(f.breaker.state(), BreakerState::HalfOpen);
        f.breaker.recordSuccess();
        QCOMPARE(f.breaker.state(), BreakerState::HalfOpen);
        f.breaker.recordSuccess();
        QCOMPARE(f.breaker.state(), BreakerState::Closed);
        QCOMPARE(f.breaker.failureCount(), 0);
    }

    void halfOpenToOpenOnAnyFailure()
    {
        Fixture f;
        fail(f.breaker, 5);
        f.clock.advanceMs(60'000);
        QCOMPARE(f.breaker.state(), BreakerState::HalfOpen);
        f.breaker.recordSuccess();
        f.breaker.recordFailure();
        QCOMPARE(f.breaker.state(), BreakerState::Open);
        QCOMPARE(f.monitor.tripCount(2), 2);
        // The timeout starts again from the re-opening.
        f.clock.advanceMs(30'000);
        QCOMPARE(f.breaker.state(), BreakerState::Open);
        f.clock.advanceMs(30'000);
        QCOMPARE(f.breaker.state(), BreakerState::HalfOpen);
    }

    void metricsFollowEveryTransition()
    {
        Fixture f;
        const QString before = QString::fromStdString(f.monitor.serialize());
        QVERIFY(before.contains(QStringLiteral("circuit_breaker_state{source=\"discogs\"} 0")));
        fail(f.breaker, 5);
        QString t = QString::fromStdString(f.monitor.serialize());
        QVERIFY(t.contains(QStringLiteral("circuit_breaker_state{source=\"discogs\"} 2")));
        QVERIFY(t.contains(QStringLiteral("enrichment_source_health{source=\"discogs\"} 0")));
        QVERIFY(t.contains(QStringLiteral("circuit_breaker_failures_total{source=\"discogs\"} 5")));
        f.clock.advanceMs(60'000);
        f.breaker.state();
        t = QString::fromStdString(f.monitor.serialize());
        QVERIFY(t.contains(QStringLiteral("circuit_breaker_state{source=\"discogs\"} 1")));
        QVERIFY(t.contains(QStringLiteral("enrichment_source_health{source=\"discogs\"} 1")));
        f.breaker.recordSuccess();
        f.breaker.recordSuccess();
        t = QString::fromStdString(f.monitor.serialize());
        QVERIFY(t.contains(QStringLiteral("circuit_breaker_state{source=\"discogs\"} 0")));
        QVERIFY(t.contains(QStringLiteral("enrichment_source_health{source=\"discogs\"} 2")));
        QVERIFY(t.contains(QStringLiteral("circuit_breaker_trips_total{source=\"discogs\"} 1")));
    }
};

QTEST_GUILESS_MAIN(TestCircuitBreaker)
#include "tst_circuitbreaker.moc"
