// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Snapshot.h"

namespace dashboard {

namespace {
Health fromProtocol(enrichment::SourceHealth h)
{
    switch (h) {
    case enrichment::SourceHealth::Healthy: return Health::Healthy;
    case enrichment::SourceHealth::Degraded: return Health::Degraded;
    case enrichment::SourceHealth::Down: return Health::Down;
    case enrichment::SourceHealth::Unavailable: return Health::Unavailable;
    }
    return Health::Unknown;
}

BreakerState fromProtocol(enrichment::BreakerState b)
{
    switch (b) {
    case enrichment::BreakerState::Closed: return BreakerState::Closed;
    case enrichment::BreakerState::HalfOpen: return BreakerState::HalfOpen;
    case enrichment::BreakerState::Open: return BreakerState::Open;
    }
    return BreakerState::Unknown;
}
} // namespace

Health healthFromKey(const QString &key)
{
    const auto h = enrichment::sourceHealthFromWire(key);
    return h ? fromProtocol(*h) : Health::Unknown;
}

BreakerState breakerStateFromKey(const QString &key)
{
    const auto b = enrichment::breakerStateFromWire(key);
    return b ? fromProtocol(*b) : BreakerState::Unknown;
}

QString healthKey(Health h)
{
    for (std::size_t i = 0; i < enrichment::SourceHealthCount; ++i) {
        const auto p = enrichment::SourceHealth(i);
        if (fromProtocol(p) == h)
            return enrichment::toWire(p);
    }
    return QStringLiteral("unknown");
}

QString breakerStateKey(BreakerState s)
{
    for (std::size_t i = 0; i < enrichment::BreakerStateCount; ++i) {
        const auto p = enrichment::BreakerState(i);
        if (fromProtocol(p) == s)
            return enrichment::toWire(p);
    }
    return QStringLiteral("unknown");
}

std::optional<double> Snapshot::minutesToDrain() const
{
    const auto pending = queueCount(QueueStatus::Pending);
    if (!pending)
        return std::nullopt;
    if (*pending == 0)
        return 0.0;
    if (!perMinute || *perMinute <= 0)
        return std::nullopt;
    return double(*pending) / *perMinute;
}

const SourceInfo *Snapshot::source(const QString &name) const
{
    for (const SourceInfo &s : sources)
        if (s.name == name)
            return &s;
    return nullptr;
}

} // namespace dashboard
