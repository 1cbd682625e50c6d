// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <vector>

#include "FleetLink.h"
#include "PipelineMetrics.h"
#include "MonitoringServer.h"
#include "OperatorEndpoints.h"
#include "Pipeline.h"
#include "RoomPublisher.h"
#include "ServiceRuntime.h"
#include "enrichment/BackendService.h"
#include "enrichment/Clock.h"
#include "enrichment/EnrichmentSource.h"
#include "enrichment/QueueStore.h"

namespace enrichment {

/// The parts a BackendService is wired from (its pimpl). Declared in the order they are
/// built, so that each is destroyed before what it refers to.
struct BackendService::Private
{
    BackendOptions options;
    std::unique_ptr<Clock> ownClock; ///< when none was given
    const Clock *clock = nullptr;
    std::unique_ptr<QueueStore> store;
    /// The waterfall's sources until start() hands them to the pipeline: an embedder's
    /// (setSources()) or, when none was given, the demo's simulated ones.
    std::vector<std::unique_ptr<EnrichmentSource>> pendingSources;
    /// Providers --sources-config left out (off); empty for the demo and embedders.
    QStringList sourcesOff;
    std::unique_ptr<PipelineMetrics> monitor;
    std::unique_ptr<MonitoringServer> server;
    std::unique_ptr<Pipeline> pipeline;
    std::unique_ptr<ServiceRuntime> runtime;
    std::unique_ptr<RoomPublisher> publisher;
    std::unique_ptr<OperatorEndpoints> operations;
    std::unique_ptr<FleetLink> fleet;
};

} // namespace enrichment
