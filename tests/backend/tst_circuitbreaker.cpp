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

    void eachReopenDoublesTheOpenPeriodWithJitterUpToTheCap()
    {
        ManualClock clock;
        CircuitBreaker::Config c{1, 30'000, 1};
        c.maxTimeoutMs = 200'000;
        c.reopenLimit = 0; // never waits for an operator here
        c.jitter = 0.1;
        CircuitBreaker b(QStringLiteral("musicbrainz"), c, clock);
        b.recordFailure();
        QCOMPARE(*b.msUntilHalfOpen(), 30'000); // the first open: exactly the timeout
        for (int k = 1; k <= 5; ++k) {
            clock.advanceMs(*b.msUntilHalfOpen());
            QCOMPARE(b.state(), BreakerState::HalfOpen);
            b.recordFailure(); // the probe failed: reopened
            QCOMPARE(b.reopens(), k);
            const qint64 ceiling = std::min<qint64>(200'000, 30'000LL << k);
            const qint64 period = *b.msUntilHalfOpen();
            QVERIFY2(period <= ceiling && period >= ceiling * 9 / 10,
                     qPrintable(QStringLiteral("reopen %1: %2 ms").arg(k).arg(period)));
        }
        // A probe that succeeds closes it and starts the count again.
        clock.advanceMs(*b.msUntilHalfOpen());
        b.recordSuccess();
        QCOMPARE(b.state(), BreakerState::Closed);
        QCOMPARE(b.reopens(), 0);
        b.recordFailure();
        QCOMPARE(*b.msUntilHalfOpen(), 30'000);
    }

    void aProvidersResetLaterThanThePeriodWins()
    {
        ManualClock clock;
        CircuitBreaker b(QStringLiteral("spotify"), CircuitBreaker::Config{1, 30'000, 1}, clock);
        b.recordFailure(clock.nowMs() + 90'000); // Retry-After: 90
        QCOMPARE(*b.msUntilHalfOpen(), 90'000);
        clock.advanceMs(30'000);
        QCOMPARE(b.state(), BreakerState::Open);
        clock.advanceMs(60'000);
        QCOMPARE(b.state(), BreakerState::HalfOpen);
        b.recordFailure(clock.nowMs() + 1000); // earlier than the doubled period: ignored
        QVERIFY(*b.msUntilHalfOpen() >= 54'000);
    }

    void afterKReopensItWaitsForAnOperator()
    {
        ManualClock clock;
        CircuitBreaker::Config c{1, 1000, 1};
        c.reopenLimit = 3;
        c.jitter = 0;
        CircuitBreaker b(QStringLiteral("discogs"), c, clock);
        QSignalSpy attention(&b, &CircuitBreaker::attentionChanged);
        b.recordFailure();
        for (int k = 1; k <= 3; ++k) {
            QVERIFY(!b.needsAttention());
            clock.advanceMs(*b.msUntilHalfOpen());
            QVERIFY(b.allowRequest()); // the probe goes out
            b.recordFailure();
        }
        QVERIFY(b.needsAttention());
        QCOMPARE(attention.count(), 1);
        QCOMPARE(attention.at(0).at(0).toString(), QStringLiteral("discogs"));
        QCOMPARE(attention.at(0).at(1).toBool(), true);
        QCOMPARE(attention.at(0).at(2).toInt(), 3);
        // No probe comes by itself, however long it waits.
        QVERIFY(!b.msUntilHalfOpen());
        QCOMPARE(b.msUntilAllowed(), 60'000);
        clock.advanceMs(24 * 3600 * 1000LL);
        QCOMPARE(b.state(), BreakerState::Open);
        QVERIFY(!b.allowRequest());
        // An operator's probe: half-open at once; failing, it waits for them again.
        QVERIFY(b.probeNow());
        QVERIFY(!b.needsAttention());
        QCOMPARE(attention.count(), 2);
        b.recordFailure();
        QVERIFY(b.needsAttention());
        QCOMPARE(attention.count(), 3);
        // Closing is the operator's word that it is back: the count starts again.
        QVERIFY(b.forceClose());
        QVERIFY(!b.needsAttention());
        QCOMPARE(b.reopens(), 0);
        QCOMPARE(attention.count(), 4);
        QCOMPARE(attention.at(3).at(1).toBool(), false);
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
        // The period starts again from the re-opening, doubled (less up to 10 % jitter).
        f.clock.advanceMs(60'000);
        QCOMPARE(f.breaker.state(), BreakerState::Open);
        f.clock.advanceMs(47'999); // under 108 s: shorter than any doubled period
        QCOMPARE(f.breaker.state(), BreakerState::Open);
        f.clock.advanceMs(12'001); // 120 s: the doubled period at its longest
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
