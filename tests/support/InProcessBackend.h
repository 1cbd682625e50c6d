// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <vector>

#include <QtGlobal>

#include "enrichment/BackendService.h"
#include "enrichment/EnrichmentSource.h"

namespace testsupport {

/// Options of a backend a test starts in-process: a free port, no pipeline timer and no
/// history timer (the test runs batches and samples when it says).
inline enrichment::BackendOptions testBackendOptions()
{
    enrichment::BackendOptions o;
    o.port = 0;
    o.runPipeline = false;
    o.historyIntervalMs = 0;
    return o;
}

/// Starts a backend with @p o on the queue at @p databasePath, with @p clock (null: the
/// system's) and @p sources (none: the simulated ones), on @p port (0: a free one, so
/// whatever @p o says); a start that fails ends the test program with the reason.
inline std::unique_ptr<enrichment::BackendService>
startBackend(enrichment::BackendOptions o, const QString &databasePath,
             const enrichment::Clock *clock = nullptr,
             std::vector<std::unique_ptr<enrichment::EnrichmentSource>> sources = {},
             quint16 port = 0)
{
    o.port = port;
    o.databasePath = databasePath;
    auto s = std::make_unique<enrichment::BackendService>(o, clock);
    if (!sources.empty())
        s->setSources(std::move(sources));
    QString error;
    if (!s->start(&error))
        qFatal("cannot start backend: %s", qPrintable(error));
    return s;
}

/// startBackend() with testBackendOptions()'s timers off, whatever @p o says of them.
inline std::unique_ptr<enrichment::BackendService>
startInProcessBackend(enrichment::BackendOptions o, const QString &databasePath)
{
    o.runPipeline = false;
    o.historyIntervalMs = 0;
    return startBackend(o, databasePath);
}

} // namespace testsupport
