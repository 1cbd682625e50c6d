// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <vector>

#include <QJsonArray>
#include <QStringList>

#include "enrichment/HistoryDocument.h"

namespace enrichment {

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
