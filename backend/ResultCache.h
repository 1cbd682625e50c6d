// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QCache>
#include <QString>

#include "enrichment/EnrichmentSource.h"

namespace enrichment {

class Clock;
class PipelineMetrics;

/// A bounded LRU cache of source answers (success and no_data) in front of the sources,
/// keyed by source and track, with a time-to-live. Counts hit/miss/set in the monitor.
/// Not thread-safe.
class ResultCache final
{
public:
    ResultCache(const Clock &clock, PipelineMetrics *monitor, int capacity = 20'000,
                qint64 ttlMs = 3'600'000);
    /// The cached answer, if fresh. A hit is counted; a miss is counted only if
    /// @p countMiss (callers that may not make the call count it with recordMiss()).
    std::optional<SourceResponse> lookup(const QString &source, const QString &trackId,
                                         bool countMiss = true);
    /// Counts a miss for a lookup made with countMiss = false that led to a real call.
    void recordMiss();
    void store(const QString &source, const QString &trackId, const SourceResponse &response);
    int size() const { return m_cache.size(); }

private:
    struct Entry
    {
        SourceResponse response;
        qint64 expiresAtMs = 0;
    };
    const Clock &m_clock;
    PipelineMetrics *m_monitor;
    qint64 m_ttlMs;
    QCache<QString, Entry> m_cache;
};

} // namespace enrichment
