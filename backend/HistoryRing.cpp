// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HistoryRing.h"
#include "enrichment/WireFormat.h"

#include <QDateTime>
#include <QJsonObject>

namespace enrichment {

namespace {
QJsonValue orNull(double v)
{
    return v < 0 ? QJsonValue() : QJsonValue(v);
}
QJsonValue orNull(qint64 v)
{
    return v < 0 ? QJsonValue() : QJsonValue(v);
}
} // namespace

HistoryRing::HistoryRing(int capacity) : m_samples(std::size_t(std::max(1, capacity))) {}

void HistoryRing::append(HistorySample sample)
{
    m_samples[m_next] = std::move(sample);
    m_next = (m_next + 1) % m_samples.size();
    m_count = std::min(m_count + 1, m_samples.size());
}

QJsonArray HistoryRing::toJson(qint64 sinceMs, const QStringList &sourceNames) const
{
    QJsonArray out;
    const std::size_t cap = m_samples.size();
    const std::size_t first = (m_next + cap - m_count) % cap;
    for (std::size_t k = 0; k < m_count; ++k) {
        const HistorySample &s = m_samples[(first + k) % cap];
        if (s.timestampMs <= sinceMs)
            continue;
        QJsonObject queue;
        for (TrackStatus st : AllTrackStatuses)
            queue.insert(toWire(st), s.queue[std::size_t(st)]);
        QJsonObject sources;
        for (std::size_t i = 0; i < s.sources.size() && i < std::size_t(sourceNames.size()); ++i) {
            const HistorySample::Source &src = s.sources[i];
            sources.insert(
                sourceNames.at(qsizetype(i)),
                QJsonObject{{wire::key::BreakerState, toWire(BreakerState(src.breakerState))},
                            {wire::key::Health, toWire(SourceHealth(src.health))},
                            {wire::key::RequestsTotal, src.requests},
                            {wire::key::ErrorsTotal, src.errors},
                            {wire::key::SuccessRate1h, orNull(src.successRate1h)},
                            {wire::key::LatencyP95Seconds, orNull(src.p95)},
                            {wire::key::RateLimitRemaining, orNull(src.rateRemaining)},
                            {wire::key::RateLimitLimit, orNull(src.rateLimit)}});
        }
        out.append(QJsonObject{{wire::key::Timestamp, wire::formatTime(s.timestampMs)},
                               {wire::key::Queue, queue},
                               {wire::key::ProcessingRate,
                                QJsonObject{{wire::key::CompletedLastHour, s.completedLastHour},
                                            {wire::key::PerMinute, s.perMinute}}},
                               {wire::key::TracksInProgress, s.inProgress},
                               {wire::key::Sources, sources}});
    }
    return out;
}

} // namespace enrichment
