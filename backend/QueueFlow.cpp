// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "QueueFlow.h"

#include <algorithm>
#include <iterator>
#include <numeric>
#include <vector>

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

std::optional<double> QueueFlow::steadyPerMinute() const
{
    if (m_totals.size() < 2)
        return std::nullopt;
    const qint64 now = m_totals.back().first;
    // The queue's total at time t: the last sample at or before it.
    auto totalAt = [this](qint64 t) -> std::optional<qint64> {
        const auto it = std::upper_bound(m_totals.cbegin(), m_totals.cend(), t,
                                         [](qint64 v, const auto &p) { return v < p.first; });
        if (it == m_totals.cbegin())
            return std::nullopt;
        return std::prev(it)->second;
    };
    std::vector<qint64> minutes;
    for (int k = 0; k < 5; ++k) {
        const auto to = totalAt(now - k * 60'000), from = totalAt(now - (k + 1) * 60'000);
        if (!to || !from)
            break;
        minutes.push_back(std::max<qint64>(0, *to - *from));
    }
    if (minutes.size() < 3)
        return std::nullopt;
    std::sort(minutes.begin(), minutes.end());
    const std::size_t n = minutes.size();
    return n % 2 ? double(minutes[n / 2]) : double(minutes[n / 2 - 1] + minutes[n / 2]) / 2.0;
}

} // namespace enrichment
