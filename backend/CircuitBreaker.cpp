// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CircuitBreaker.h"

#include <QLoggingCategory>

#include "enrichment/Clock.h"
#include "PipelineMetrics.h"

Q_LOGGING_CATEGORY(lcBreaker, "enrichment.backend.breaker")

namespace enrichment {

CircuitBreaker::CircuitBreaker(const QString &name, const Config &config, const Clock &clock,
                               PipelineMetrics *monitor, int monitorIndex, QObject *parent)
    : QObject(parent), m_name(name), m_config(config), m_clock(clock), m_monitor(monitor),
      m_index(monitorIndex)
{
    if (m_monitor && m_index >= 0) {
        m_monitor->setBreakerState(m_index, m_state);
        m_monitor->setSourceHealth(m_index, healthForBreaker(m_state));
    }
}

void CircuitBreaker::maybeHalfOpen()
{
    if (m_state == BreakerState::Open && m_clock.nowMs() - m_openedAtMs >= m_config.timeoutMs) {
        m_successCount = 0;
        transition(BreakerState::HalfOpen);
    }
}

bool CircuitBreaker::advance()
{
    const BreakerState before = m_state;
    maybeHalfOpen();
    return m_state != before;
}

BreakerState CircuitBreaker::state()
{
    maybeHalfOpen();
    return m_state;
}

bool CircuitBreaker::allowRequest()
{
    return state() != BreakerState::Open;
}

void CircuitBreaker::recordSuccess()
{
    maybeHalfOpen();
    switch (m_state) {
    case BreakerState::Closed: m_failureCount = 0; break;
    case BreakerState::HalfOpen:
        if (++m_successCount >= m_config.successThreshold) {
            m_failureCount = 0;
            m_successCount = 0;
            transition(BreakerState::Closed);
        }
        break;
    case BreakerState::Open: break; // a late answer to a call made before the breaker opened
    }
}

void CircuitBreaker::recordFailure()
{
    maybeHalfOpen();
    ++m_failureCount;
    m_lastFailureMs = m_clock.nowMs();
    if (m_monitor && m_index >= 0)
        m_monitor->recordBreakerFailure(m_index);
    if (m_state == BreakerState::HalfOpen ||
        (m_state == BreakerState::Closed && m_failureCount >= m_config.failureThreshold)) {
        m_successCount = 0;
        m_openedAtMs = m_clock.nowMs();
        transition(BreakerState::Open);
    }
}

bool CircuitBreaker::forceClose()
{
    // An operator's word: the source is back. Closed, with a clean failure count.
    m_failureCount = 0;
    m_successCount = 0;
    const bool changed = m_state != BreakerState::Closed;
    transition(BreakerState::Closed);
    return changed;
}

bool CircuitBreaker::probeNow()
{
    // Open -> half_open at once: the next calls are the probe (successThreshold of them
    // close it, one failure opens it again). Not open: nothing to probe.
    if (m_state != BreakerState::Open)
        return false;
    m_successCount = 0;
    transition(BreakerState::HalfOpen);
    return true;
}

std::optional<qint64> CircuitBreaker::msUntilHalfOpen() const
{
    if (m_state != BreakerState::Open)
        return std::nullopt;
    return std::max<qint64>(0, m_openedAtMs + m_config.timeoutMs - m_clock.nowMs());
}

void CircuitBreaker::transition(BreakerState to)
{
    const BreakerState from = m_state;
    if (from == to)
        return;
    m_state = to;
    if (m_monitor && m_index >= 0) {
        m_monitor->setBreakerState(m_index, to);
        m_monitor->setSourceHealth(m_index, healthForBreaker(to));
        if (to == BreakerState::Open)
            m_monitor->recordBreakerTrip(m_index);
    }
    qCInfo(lcBreaker).noquote() << "circuit breaker" << m_name << toWire(from) << "->" << toWire(to)
                                << "failures" << m_failureCount;
    Q_EMIT stateChanged(m_name, from, to, m_failureCount);
}

} // namespace enrichment
