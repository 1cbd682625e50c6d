// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Snapshot.h"

#include "enrichment/WireFormat.h"

namespace dashboard {

std::optional<Health> healthFromKey(const QString &key)
{
    return enrichment::sourceHealthFromWire(key);
}

std::optional<BreakerState> breakerStateFromKey(const QString &key)
{
    return enrichment::breakerStateFromWire(key);
}

std::optional<FleetWorker::State> workerStateFromKey(const QString &key)
{
    namespace worker = enrichment::wire::worker;
    if (key == worker::Active)
        return FleetWorker::State::Active;
    if (key == worker::Idle)
        return FleetWorker::State::Idle;
    if (key == worker::Stopped)
        return FleetWorker::State::Stopped;
    if (key == worker::Lost)
        return FleetWorker::State::Lost;
    return std::nullopt;
}

QString healthKey(std::optional<Health> h)
{
    return h ? enrichment::toWire(*h) : QStringLiteral("unknown");
}

QString breakerStateKey(std::optional<BreakerState> s)
{
    return s ? enrichment::toWire(*s) : QStringLiteral("unknown");
}

std::optional<double> Snapshot::minutesToDrain() const
{
    const auto pending = queueCount(QueueStatus::Pending);
    if (!pending)
        return std::nullopt;
    if (*pending == 0)
        return 0.0;
    if (rateMeasuring() || !perMinute || *perMinute <= 0)
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
