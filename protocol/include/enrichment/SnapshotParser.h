// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "enrichment/SnapshotDocument.h"

namespace enrichment {

/// Parses the wire documents of docs/PROTOCOL.md defensively: a field of the wrong type,
/// negative where a count belongs, not finite or beyond 2^53 is treated as absent; only a
/// document that is not a JSON object or has none of the seed's keys is rejected.
class SnapshotParser
{
public:
    /// Sources one snapshot shows at most; the rest are counted in
    /// Snapshot::sourcesNotShown (and the window says so).
    static constexpr int MaxSources = 64;
    static constexpr int MaxWorkers = 256;

    /// Parses `/monitoring/enrichment`. On failure returns nullopt with a one-line reason.
    static std::optional<Snapshot> parseSnapshot(const QByteArray &json, QString *error);
    /// The same, from an already parsed object (a snapshot pushed on the room).
    static std::optional<Snapshot> parseSnapshot(const QJsonObject &document, QString *error);
    /// Parses `/monitoring/enrichment/history`. Bad samples are skipped.
    static std::optional<QList<HistoryPoint>> parseHistory(const QByteArray &json, QString *error);
    /// The history point a snapshot represents (for live chart growth).
    static HistoryPoint pointFrom(const Snapshot &s);
};

} // namespace enrichment
