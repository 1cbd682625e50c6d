// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>

#include "enrichment/SnapshotDocument.h"

namespace enrichment {

/// Writes the `/monitoring/enrichment` document (docs/PROTOCOL.md) from its model: the
/// other half of SnapshotParser, so that what one writes the other reads (a document
/// written and read again is the same document). Every key of the schema is written,
/// null where the model has no value, except those a service leaves out when they do not
/// apply: a breaker's settings, probe time and failures (a relay's fleet breakers), a
/// source's figures, the cache, field coverage, pipeline and workers when absent.
class SnapshotWriter
{
public:
    static QJsonObject write(const Snapshot &document);
};

} // namespace enrichment
