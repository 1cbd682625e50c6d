// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

#include "enrichment/BackendService.h"

namespace enrichment {

/// Parses the `enrichment-backend` command line into options. Returns false with a
/// one-line reason in @p error (or true with @p exitNow set after --help/--version, whose
/// text is in @p output).
bool parseBackendCommandLine(const QStringList &arguments, BackendOptions *options, QString *error,
                             bool *exitNow, QString *output);

} // namespace enrichment
