// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include "enrichment/SnapshotDocument.h"
#include "enrichment/Vocabulary.h"

/// The dashboard's names for the wire contract's document (enrichment/SnapshotDocument.h):
/// everything past the seed's shape is optional, shown as "no data", never as zero.
namespace dashboard {

/// A queue status is the protocol's track status (same values, same wire names).
using QueueStatus = enrichment::TrackStatus;
inline constexpr int QueueStatusCount = int(enrichment::TrackStatusCount);
inline QString queueStatusKey(QueueStatus s)
{
    return enrichment::toWire(s);
}

/// A source's health and its breaker's state are the protocol's values; where the service
/// did not say (or said something unknown) they are std::nullopt, which views draw as
/// "unknown". Wire names come from the protocol.
using Health = enrichment::SourceHealth;
using BreakerState = enrichment::BreakerState;
std::optional<Health> healthFromKey(const QString &key);
std::optional<BreakerState> breakerStateFromKey(const QString &key);
/// The wire name; "unknown" for std::nullopt (used as a CSV and role value only).
QString healthKey(std::optional<Health> h);
QString breakerStateKey(std::optional<BreakerState> s);

using enrichment::BreakerInfo;
using enrichment::CacheInfo;
using enrichment::CoverageInfo;
using enrichment::FieldCoverage;
using enrichment::AutoscaleInfo;
using enrichment::FleetWorker;
using enrichment::HistoryPoint;
using enrichment::LatencyInfo;
using enrichment::RateLimitInfo;
using enrichment::Snapshot;
using enrichment::SourceInfo;

inline std::optional<FleetWorker::State> workerStateFromKey(const QString &key)
{
    return enrichment::fleetWorkerStateFromWire(key);
}

} // namespace dashboard
