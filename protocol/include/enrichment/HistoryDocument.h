// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <vector>

#include <QJsonArray>
#include <QJsonObject>
#include <QStringList>

#include "enrichment/Vocabulary.h"

/// The `/monitoring/enrichment/history` document (docs/PROTOCOL.md): its sample, written
/// here and read by SnapshotParser::parseHistory(), side by side.
namespace enrichment {

/// One point of the monitoring history, as a backend keeps it (compact: a day of samples
/// every few seconds stays small). Negative numbers mean "no data" (null).
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

/// One element of the document's `samples`; @p sourceNames names `sources[i]`.
QJsonObject writeHistorySample(const HistorySample &sample, const QStringList &sourceNames);

/// The history document: the last @p minutes of @p samples (already written with
/// writeHistorySample(), oldest first), sampled every @p intervalSeconds.
QJsonObject writeHistoryDocument(qint64 nowMs, int minutes, double intervalSeconds,
                                 const QStringList &sourceNames, const QJsonArray &samples);

} // namespace enrichment
