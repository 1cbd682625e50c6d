// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <vector>

#include <QJsonArray>
#include <QStringList>

#include "enrichment/Vocabulary.h"

namespace enrichment {

/// One point of the monitoring history.
struct HistorySample
{
    struct Source
    {
        qint8 breakerState = 0;
        qint8 health = 2;
        qint64 requests = 0; ///< cumulative requests (all statuses)
        qint64 errors = 0;   ///< cumulative error responses
        double successRate1h = -1;
        double p95 = -1;
        qint64 rateRemaining = -1;
        qint64 rateLimit = -1;
    };
    qint64 timestampMs = 0;
    std::array<qint64, TrackStatusCount> queue{};
    double perMinute = 0;
    qint64 completedLastHour = 0;
    qint64 inProgress = 0;
    std::vector<Source> sources;
};

/// A fixed-capacity ring of samples (oldest dropped), for
/// `/monitoring/enrichment/history`. Not thread-safe.
class HistoryRing
{
public:
    explicit HistoryRing(int capacity);
    void append(HistorySample sample);
    int size() const { return int(m_count); }
    int capacity() const { return int(m_samples.size()); }
    /// Samples newer than @p sinceMs, oldest first, as the JSON array documented in
    /// docs/PROTOCOL.md.
    QJsonArray toJson(qint64 sinceMs, const QStringList &sourceNames) const;

private:
    std::vector<HistorySample> m_samples;
    std::size_t m_next = 0;
    std::size_t m_count = 0;
};

} // namespace enrichment
