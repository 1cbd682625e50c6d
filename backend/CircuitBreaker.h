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
/// closed -> open after `failureThreshold` consecutive failures; open -> half_open once its
/// open period has passed (checked on allowRequest() and state queries); half_open ->
/// closed after `successThreshold` successes, -> open on any failure. A success while
/// closed resets the consecutive-failure count. Half-open probes are real calls.
///
/// Reset with backoff: the first open period is `timeoutMs`; each reopen in a row (a
/// failed probe) doubles it, up to `maxTimeoutMs`, less up to `jitter` of it at random
/// (so a fleet's workers do not probe in lockstep); a provider's reset time later than
/// that (recordFailure()'s @p notBeforeMs) wins. After `reopenLimit` reopens in a row the
/// breaker stops probing by itself: it stays open and needsAttention() until an operator
/// closes it or has it probe (forceClose(), probeNow()). Closing resets the count.
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
        qint64 maxTimeoutMs = 600'000; ///< the longest open period
        int reopenLimit = 5; ///< reopens in a row before it waits for an operator; 0: never
        double jitter = 0.1; ///< share of a reopen's period taken off at random
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
    /// A failed call; an opening stays open at least until @p notBeforeMs (epoch ms: the
    /// provider's rate-limit reset, when it said one).
    void recordFailure(qint64 notBeforeMs = 0);

    /// Operators: closes the breaker now (failure count reset). True if it was not closed.
    bool forceClose();
    /// Operators: an open breaker goes half_open now instead of at its timeout, so the next
    /// calls probe the source. True if it was open.
    bool probeNow();

    int failureCount() const { return m_failureCount; }
    /// Epoch milliseconds of the last failure, if any.
    std::optional<qint64> lastFailureMs() const { return m_lastFailureMs; }
    /// Milliseconds until an open breaker lets a probe through; nullopt unless open, and
    /// while it needs attention (no probe comes by itself).
    std::optional<qint64> msUntilHalfOpen() const;
    /// Milliseconds until a call may go through: 0 unless open; while it needs attention,
    /// @p attentionMs (when to look again for an operator's word).
    qint64 msUntilAllowed(qint64 attentionMs = 60'000) const;
    /// Open after reopenLimit failed probes in a row: waits for an operator.
    bool needsAttention() const { return m_needsAttention; }
    /// Reopens in a row since it last closed (failed probes).
    int reopens() const { return m_reopens; }
    const Config &config() const { return m_config; }

Q_SIGNALS:
    void stateChanged(const QString &source, enrichment::BreakerState previous,
                      enrichment::BreakerState state, int failureCount);
    /// The breaker started (true) or stopped waiting for an operator.
    void attentionChanged(const QString &source, bool needsAttention, int reopens);

private:
    void transition(BreakerState to);
    void maybeHalfOpen();
    /// Opens (or reopens) for the period the reopen count gives, at least until @p notBeforeMs.
    void open(qint64 notBeforeMs);
    void setNeedsAttention(bool on);

    QString m_name;
    Config m_config;
    const Clock &m_clock;
    PipelineMetrics *m_monitor;
    int m_index;
    BreakerState m_state = BreakerState::Closed;
    int m_failureCount = 0;
    int m_successCount = 0;
    qint64 m_openUntilMs = 0;
    int m_reopens = 0;
    bool m_needsAttention = false;
    std::optional<qint64> m_lastFailureMs;
};

} // namespace enrichment
