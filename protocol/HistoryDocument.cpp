// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrichment/HistoryDocument.h"

#include "enrichment/WireFormat.h"

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

QJsonObject writeHistorySample(const HistorySample &sample, const QStringList &sourceNames)
{
    QJsonObject queue;
    for (TrackStatus st : AllTrackStatuses)
        queue.insert(toWire(st), sample.queue[std::size_t(st)]);
    QJsonObject sources;
    for (std::size_t i = 0; i < sample.sources.size() && i < std::size_t(sourceNames.size()); ++i) {
        const HistorySample::Source &src = sample.sources[i];
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
    return QJsonObject{{wire::key::Timestamp, wire::formatTime(sample.timestampMs)},
                       {wire::key::Queue, queue},
                       {wire::key::ProcessingRate,
                        QJsonObject{{wire::key::CompletedLastHour, sample.completedLastHour},
                                    {wire::key::PerMinute, sample.perMinute}}},
                       {wire::key::TracksInProgress, sample.inProgress},
                       {wire::key::Sources, sources}};
}

QJsonObject writeHistoryDocument(qint64 nowMs, int minutes, double intervalSeconds,
                                 const QStringList &sourceNames, const QJsonArray &samples)
{
    return QJsonObject{{wire::key::SchemaVersion, wire::SchemaVersion},
                       {wire::key::Timestamp, wire::formatTime(nowMs)},
                       {wire::key::Minutes, minutes},
                       {wire::key::IntervalSeconds, intervalSeconds},
                       {wire::key::Sources, QJsonArray::fromStringList(sourceNames)},
                       {wire::key::Samples, samples}};
}

} // namespace enrichment
