// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RetryPolicy.h"

#include <algorithm>
#include <cmath>

namespace enrichment {

RetryClass retryClass(const SourceResponse &response)
{
    if (response.status != RequestStatus::Error || response.permanent)
        return RetryClass::Permanent;
    switch (response.error) {
    case ErrorType::RateLimited:
    case ErrorType::LocalRateLimit: return RetryClass::RateLimited;
    case ErrorType::ParseError: return RetryClass::Permanent;
    case ErrorType::Timeout:
    case ErrorType::ServerError:
    case ErrorType::ConnectionError:
    case ErrorType::CircuitOpen: return RetryClass::Transient;
    }
    return RetryClass::Transient;
}

qint64 RetryPolicy::backoffMs(int failedAttempts, double unit) const
{
    const int n = std::clamp(failedAttempts, 1, 40);
    const double ceiling =
        std::min(double(capMs), double(std::max<qint64>(1, baseMs)) * std::ldexp(1.0, n - 1));
    const double u = std::clamp(unit, 0.0, 1.0);
    return qint64(ceiling / 2 + u * (ceiling / 2));
}

RetryBudget::RetryBudget() : RetryBudget(Config{}) {}

RetryBudget::RetryBudget(const Config &config) : m_config(config), m_tokens(config.reserve) {}

void RetryBudget::refill(qint64 nowMs)
{
    if (m_lastMs >= 0 && nowMs > m_lastMs)
        m_tokens = std::min(m_config.reserve,
                            m_tokens + m_config.minPerSecond * double(nowMs - m_lastMs) / 1000.0);
    m_lastMs = std::max(m_lastMs, nowMs);
}

void RetryBudget::firstRequest(qint64 nowMs)
{
    refill(nowMs);
    m_tokens = std::min(m_config.reserve, m_tokens + m_config.ratio);
}

bool RetryBudget::tryRetry(qint64 nowMs)
{
    refill(nowMs);
    if (m_tokens < 1.0) {
        ++m_refused;
        return false;
    }
    m_tokens -= 1.0;
    return true;
}

qint64 RetryBudget::msUntilRetry(qint64 nowMs)
{
    refill(nowMs);
    if (m_tokens >= 1.0)
        return 0;
    if (m_config.minPerSecond <= 0)
        return 60'000; // only first requests refill it: look again in a minute
    return qint64(std::ceil((1.0 - m_tokens) / m_config.minPerSecond * 1000.0));
}

double RetryBudget::tokens(qint64 nowMs)
{
    refill(nowMs);
    return m_tokens;
}

} // namespace enrichment
