// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CircuitBreaker.h"

#include <algorithm>
#include <cmath>

#include <QLoggingCategory>
#include <QRandomGenerator>

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
    if (m_state == BreakerState::Open && !m_needsAttention && m_clock.nowMs() >= m_openUntilMs) {
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
            m_reopens = 0;
            transition(BreakerState::Closed);
        }
        break;
    case BreakerState::Open: break; // a late answer to a call made before the breaker opened
    }
}

void CircuitBreaker::recordFailure(qint64 notBeforeMs)
{
    maybeHalfOpen();
    ++m_failureCount;
    m_lastFailureMs = m_clock.nowMs();
    if (m_monitor && m_index >= 0)
        m_monitor->recordBreakerFailure(m_index);
    if (m_state == BreakerState::HalfOpen) {
        ++m_reopens; // the probe failed
        open(notBeforeMs);
    } else if (m_state == BreakerState::Closed && m_failureCount >= m_config.failureThreshold) {
        m_reopens = 0;
        open(notBeforeMs);
    }
}

void CircuitBreaker::open(qint64 notBeforeMs)
{
    const qint64 now = m_clock.nowMs();
    // timeout × 2^reopens, capped; a reopen's period less up to `jitter` of it at random.
    const double ceiling =
        std::min(double(std::max(m_config.maxTimeoutMs, m_config.timeoutMs)),
                 double(m_config.timeoutMs) * std::ldexp(1.0, std::min(m_reopens, 40)));
    const double cut = m_reopens > 0 ? std::clamp(m_config.jitter, 0.0, 1.0) *
                                           QRandomGenerator::global()->generateDouble()
                                     : 0.0;
    m_openUntilMs = std::max(now + qint64(ceiling * (1.0 - cut)), notBeforeMs);
    m_successCount = 0;
    transition(BreakerState::Open);
    if (m_config.reopenLimit > 0 && m_reopens >= m_config.reopenLimit)
        setNeedsAttention(true);
}

void CircuitBreaker::setNeedsAttention(bool on)
{
    if (m_needsAttention == on)
        return;
    m_needsAttention = on;
    if (m_monitor && m_index >= 0)
        m_monitor->setBreakerNeedsAttention(m_index, on);
    if (on)
        qCWarning(lcBreaker).noquote()
            << "circuit breaker" << m_name << "reopened" << m_reopens
            << "times in a row: it stays open until an operator closes it or has it probe";
    Q_EMIT attentionChanged(m_name, on, m_reopens);
}

bool CircuitBreaker::forceClose()
{
    // An operator's word: the source is back. Closed, with a clean failure count.
    m_failureCount = 0;
    m_successCount = 0;
    m_reopens = 0;
    const bool changed = m_state != BreakerState::Closed;
    transition(BreakerState::Closed);
    setNeedsAttention(false);
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
    // Being probed: a failure reopens it (and, past the limit, asks for attention again).
    setNeedsAttention(false);
    return true;
}

std::optional<qint64> CircuitBreaker::msUntilHalfOpen() const
{
    if (m_state != BreakerState::Open || m_needsAttention)
        return std::nullopt;
    return std::max<qint64>(0, m_openUntilMs - m_clock.nowMs());
}

qint64 CircuitBreaker::msUntilAllowed(qint64 attentionMs) const
{
    if (m_state != BreakerState::Open)
        return 0;
    return m_needsAttention ? attentionMs : std::max<qint64>(0, m_openUntilMs - m_clock.nowMs());
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
