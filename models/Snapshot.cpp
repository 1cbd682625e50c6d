// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Snapshot.h"

namespace dashboard {

QString queueStatusKey(QueueStatus s)
{
    switch (s) {
    case QueueStatus::Pending: return QStringLiteral("pending");
    case QueueStatus::InProgress: return QStringLiteral("in_progress");
    case QueueStatus::Completed: return QStringLiteral("completed");
    case QueueStatus::Failed: return QStringLiteral("failed");
    case QueueStatus::Partial: return QStringLiteral("partial");
    }
    return {};
}

Health healthFromKey(const QString &key)
{
    if (key == QLatin1String("healthy"))
        return Health::Healthy;
    if (key == QLatin1String("degraded"))
        return Health::Degraded;
    if (key == QLatin1String("down"))
        return Health::Down;
    if (key == QLatin1String("unavailable"))
        return Health::Unavailable;
    return Health::Unknown;
}

BreakerState breakerStateFromKey(const QString &key)
{
    if (key == QLatin1String("closed"))
        return BreakerState::Closed;
    if (key == QLatin1String("half_open"))
        return BreakerState::HalfOpen;
    if (key == QLatin1String("open"))
        return BreakerState::Open;
    return BreakerState::Unknown;
}

QString healthKey(Health h)
{
    switch (h) {
    case Health::Healthy: return QStringLiteral("healthy");
    case Health::Degraded: return QStringLiteral("degraded");
    case Health::Down: return QStringLiteral("down");
    case Health::Unavailable: return QStringLiteral("unavailable");
    case Health::Unknown: return QStringLiteral("unknown");
    }
    return {};
}

QString breakerStateKey(BreakerState s)
{
    switch (s) {
    case BreakerState::Closed: return QStringLiteral("closed");
    case BreakerState::HalfOpen: return QStringLiteral("half_open");
    case BreakerState::Open: return QStringLiteral("open");
    case BreakerState::Unknown: return QStringLiteral("unknown");
    }
    return {};
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
