// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QObject>
#include <QString>

#include "enrichment/Vocabulary.h"

namespace enrichment {

class Clock;
class PipelineMetrics;

/// Circuit breaker with the seed's semantics:
/// closed -> open after `failureThreshold` consecutive failures; open -> half_open once
/// `timeoutMs` has passed since it opened (checked on allowRequest() and state queries);
/// half_open -> closed after `successThreshold` successes, -> open on any failure.
/// A success while closed resets the consecutive-failure count.
///
/// Every transition updates the monitor's breaker and health gauges (and the trip counter
/// on opening) and emits stateChanged(). Not thread-safe: use from one thread.
class CircuitBreaker final : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        int failureThreshold = 5;
        qint64 timeoutMs = 60'000;
        int successThreshold = 2;
    };

    /// @p clock must outlive the breaker; @p monitor may be null (no metrics).
    CircuitBreaker(const QString &name, const Config &config, const Clock &clock,
                   PipelineMetrics *monitor = nullptr, int monitorIndex = -1,
                   QObject *parent = nullptr);

    const QString &name() const { return m_name; }
    /// The state now (moves open -> half_open if the timeout has passed).
    BreakerState state();
    /// The state as it stands, without any time-driven transition (for pure reads).
    BreakerState currentState() const { return m_state; }
    /// Applies the time-driven transition (open -> half_open once the timeout passed);
    /// true if the state changed.
    bool advance();
    /// True if a call may go through now. False while open: callers fail fast.
    bool allowRequest();
    void recordSuccess();
    void recordFailure();

    /// Operators: closes the breaker now (failure count reset). True if it was not closed.
    bool forceClose();
    /// Operators: an open breaker goes half_open now instead of at its timeout, so the next
    /// calls probe the source. True if it was open.
    bool probeNow();

    int failureCount() const { return m_failureCount; }
    /// Epoch milliseconds of the last failure, if any.
    std::optional<qint64> lastFailureMs() const { return m_lastFailureMs; }
    /// Milliseconds until an open breaker lets a probe through; nullopt unless open.
    std::optional<qint64> msUntilHalfOpen() const;
    const Config &config() const { return m_config; }

Q_SIGNALS:
    void stateChanged(const QString &source, enrichment::BreakerState previous,
                      enrichment::BreakerState state, int failureCount);

private:
    void transition(BreakerState to);
    void maybeHalfOpen();

    QString m_name;
    Config m_config;
    const Clock &m_clock;
    PipelineMetrics *m_monitor;
    int m_index;
    BreakerState m_state = BreakerState::Closed;
    int m_failureCount = 0;
    int m_successCount = 0;
    qint64 m_openedAtMs = 0;
    std::optional<qint64> m_lastFailureMs;
};

} // namespace enrichment
