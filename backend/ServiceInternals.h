// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ServicePrivate.h"

namespace enrichment {

/// The parts a running BackendService is wired from, for the backend's own tests and
/// benchmarks (they drive a batch, trip a breaker, count room clients). Private to the
/// library: embedders use BackendService's public API, which never hands these out.
class ServiceInternals
{
public:
    explicit ServiceInternals(BackendService &service) : m_service(&service) {}
    PipelineMetrics &monitor() const { return *m_service->d->monitor; }
    QueueStore &store() const { return *m_service->d->store; }
    Pipeline &pipeline() const { return *m_service->d->pipeline; }
    MonitoringServer &server() const { return *m_service->d->server; }

private:
    BackendService *m_service;
};

/// ServiceInternals of @p service (valid once start() returned true).
inline ServiceInternals internals(BackendService &service)
{
    return ServiceInternals(service);
}

} // namespace enrichment
