// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include "WorkerScaler.h"

namespace enrichment {

/// What `enrichment-scaler` is told: whose number to follow, how, and what it runs.
struct ScalerOptions
{
    enum class Mode { Process, Systemd };
    WorkerScaler::Config scaler;
    Mode mode = Mode::Process;
    QStringList workerCommand; ///< process mode: the worker's program and arguments
    int firstPort = 8021;      ///< process mode: `{port}` of instance 1
    int stopGraceMs = 30'000;  ///< process mode: SIGTERM to SIGKILL
    QString systemctl = QStringLiteral("systemctl");
    QString unitTemplate = QStringLiteral("enrichment-backend@%i.service");
};

/// Parses `enrichment-scaler`'s arguments (@p arguments[0] is the program). False with
/// @p error on a bad option; @p exitNow with @p output for --help and --version.
bool parseScalerCommandLine(const QStringList &arguments, ScalerOptions *options,
                            QString *error, bool *exitNow, QString *output);

} // namespace enrichment
