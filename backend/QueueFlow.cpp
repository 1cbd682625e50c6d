// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "QueueFlow.h"

#include <algorithm>
#include <numeric>

namespace enrichment {

void QueueFlow::sample(qint64 nowMs, const std::array<qint64, TrackStatusCount> &counts)
{
    const qint64 total = std::accumulate(counts.begin(), counts.end(), qint64(0));
    if (!m_totals.empty() && nowMs < m_totals.back().first)
        m_totals.clear(); // the clock went back: start over
    m_totals.emplace_back(nowMs, total);
    while (m_totals.size() > 2 && m_totals.front().first < nowMs - WindowMs)
        m_totals.pop_front();
}

std::optional<double> QueueFlow::enqueuedPerMinute() const
{
    if (m_totals.size() < 2)
        return std::nullopt;
    const auto &[fromMs, fromTotal] = m_totals.front();
    const auto &[toMs, toTotal] = m_totals.back();
    if (toMs - fromMs < MinSpanMs)
        return std::nullopt;
    // A reconcile or a hand edit may shrink the table: never a negative inflow.
    return double(std::max<qint64>(0, toTotal - fromTotal)) * 60'000.0 / double(toMs - fromMs);
}

} // namespace enrichment
