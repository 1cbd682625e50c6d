// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrichment/SnapshotDocument.h"

#include "enrichment/WireFormat.h"

namespace enrichment {

std::optional<FleetWorker::State> fleetWorkerStateFromWire(const QString &key)
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

QString toWire(FleetWorker::State s)
{
    namespace worker = wire::worker;
    switch (s) {
    case FleetWorker::State::Active: return worker::Active;
    case FleetWorker::State::Idle: return worker::Idle;
    case FleetWorker::State::Stopped: return worker::Stopped;
    case FleetWorker::State::Lost: return worker::Lost;
    }
    return {};
}

namespace {
struct ReasonName
{
    AutoscaleInfo::Reason reason;
    QLatin1String name;
};
const ReasonName AutoscaleReasons[] = {
    {AutoscaleInfo::Reason::Idle, wire::scale::Idle},
    {AutoscaleInfo::Reason::Measuring, wire::scale::Measuring},
    {AutoscaleInfo::Reason::Backlog, wire::scale::Backlog},
    {AutoscaleInfo::Reason::Quota, wire::scale::Quota},
    {AutoscaleInfo::Reason::BreakerOpen, wire::scale::BreakerOpen},
    {AutoscaleInfo::Reason::Paused, wire::scale::Paused},
    {AutoscaleInfo::Reason::MinWorkers, wire::scale::MinWorkers},
    {AutoscaleInfo::Reason::MaxWorkers, wire::scale::MaxWorkers},
};
} // namespace

QString toWire(AutoscaleInfo::Reason r)
{
    for (const ReasonName &n : AutoscaleReasons)
        if (n.reason == r)
            return n.name;
    return {};
}

std::optional<AutoscaleInfo::Reason> autoscaleReasonFromWire(const QString &key)
{
    for (const ReasonName &n : AutoscaleReasons)
        if (key == n.name)
            return n.reason;
    return std::nullopt;
}

std::optional<double> Snapshot::minutesToDrain() const
{
    const auto pending = queueCount(TrackStatus::Pending);
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

} // namespace enrichment
