// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourceStats.h"

#include <algorithm>
#include <cmath>

namespace enrichment {

namespace {
constexpr double FirstBound = 0.001;
constexpr double Ratio = 1.15;

int bucketFor(double seconds)
{
    if (!(seconds > FirstBound))
        return 0;
    const int i = int(std::ceil(std::log(seconds / FirstBound) / std::log(Ratio)));
    return std::clamp(i, 0, SourceStats::LatencyBuckets - 1);
}
} // namespace

SourceStats::SourceStats() : m_slots(Minutes) {}

double SourceStats::bucketUpperBound(int i)
{
    return FirstBound * std::pow(Ratio, i);
}

SourceStats::Slot &SourceStats::slotFor(qint64 minute)
{
    Slot &slot = m_slots[std::size_t(minute % Minutes)];
    if (slot.minute != minute) {
        slot = Slot{};
        slot.minute = minute;
    }
    return slot;
}

void SourceStats::record(qint64 nowMs, RequestStatus status, double seconds)
{
    Slot &slot = slotFor(nowMs / 60000);
    switch (status) {
    case RequestStatus::Success: ++slot.success; break;
    case RequestStatus::NoData: ++slot.noData; break;
    case RequestStatus::Error: ++slot.error; break;
    }
    ++slot.latency[std::size_t(bucketFor(seconds))];
}

double SourceStats::quantile(const std::array<quint64, LatencyBuckets> &hist, quint64 total,
                             double q)
{
    const double rank = q * double(total);
    quint64 seen = 0;
    for (int i = 0; i < LatencyBuckets; ++i) {
        const quint64 inBucket = hist[std::size_t(i)];
        if (inBucket == 0)
            continue;
        if (double(seen + inBucket) >= rank) {
            const double lower = i == 0 ? 0.0 : bucketUpperBound(i - 1);
            const double upper = bucketUpperBound(i);
            const double fraction = std::clamp((rank - double(seen)) / double(inBucket), 0.0, 1.0);
            return lower + (upper - lower) * fraction;
        }
        seen += inBucket;
    }
    return bucketUpperBound(LatencyBuckets - 1);
}

SourceWindow SourceStats::window(qint64 nowMs) const
{
    SourceWindow w;
    const qint64 nowMinute = nowMs / 60000;
    std::array<quint64, LatencyBuckets> &hist = w.latency;
    quint64 &latencyTotal = w.latencyTotal;
    for (const Slot &slot : m_slots) {
        if (slot.minute < 0 || slot.minute > nowMinute)
            continue;
        const qint64 age = nowMinute - slot.minute;
        if (age >= Minutes)
            continue;
        const qint64 total = qint64(slot.success) + slot.noData + slot.error;
        w.requests24h += total;
        w.successes24h += slot.success;
        if (age < 60) {
            w.requests1h += total;
            w.successes1h += slot.success;
            w.noData1h += slot.noData;
            w.errors1h += slot.error;
        }
        if (age < LatencyWindowMinutes) {
            for (int i = 0; i < LatencyBuckets; ++i) {
                hist[std::size_t(i)] += slot.latency[std::size_t(i)];
                latencyTotal += slot.latency[std::size_t(i)];
            }
        }
    }
    if (w.requests1h > 0)
        w.successRate1h = double(w.successes1h) / double(w.requests1h);
    if (w.requests24h > 0)
        w.successRate24h = double(w.successes24h) / double(w.requests24h);
    if (latencyTotal > 0) {
        w.p50 = quantile(hist, latencyTotal, 0.50);
        w.p95 = quantile(hist, latencyTotal, 0.95);
        w.p99 = quantile(hist, latencyTotal, 0.99);
    }
    return w;
}

} // namespace enrichment
