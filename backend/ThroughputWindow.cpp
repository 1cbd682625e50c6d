// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ThroughputWindow.h"

#include <algorithm>

namespace enrichment {

ThroughputWindow::ThroughputWindow() : m_buckets(Seconds) {}

void ThroughputWindow::add(qint64 atMs, qint64 n)
{
    const qint64 second = atMs / 1000;
    Bucket &b = m_buckets[std::size_t(second % Seconds)];
    if (b.second != second) {
        if (b.second > second)
            return; // older than the window
        b.second = second;
        b.count = 0;
    }
    b.count += n;
}

qint64 ThroughputWindow::countLast(qint64 nowMs, int seconds) const
{
    seconds = std::clamp(seconds, 0, Seconds);
    const qint64 now = nowMs / 1000;
    qint64 total = 0;
    for (const Bucket &b : m_buckets) {
        if (b.second >= 0 && b.second <= now && now - b.second < seconds)
            total += b.count;
    }
    return total;
}

void ThroughputWindow::clear()
{
    std::fill(m_buckets.begin(), m_buckets.end(), Bucket{});
}

} // namespace enrichment
