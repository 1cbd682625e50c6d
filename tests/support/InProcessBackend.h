// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QtGlobal>

#include "enrichment/BackendService.h"

namespace testsupport {

/// The backend module in this process on 127.0.0.1, a free port, with its queue in
/// @p databasePath; the pipeline and history timers off unless @p o asks otherwise after
/// the defaults below. Aborts the test program if it cannot start.
inline std::unique_ptr<enrichment::BackendService>
startInProcessBackend(enrichment::BackendOptions o, const QString &databasePath)
{
    o.port = 0;
    o.runPipeline = false;
    o.historyIntervalMs = 0;
    o.databasePath = databasePath;
    auto s = std::make_unique<enrichment::BackendService>(o);
    QString error;
    if (!s->start(&error))
        qFatal("cannot start backend: %s", qPrintable(error));
    return s;
}

} // namespace testsupport
