// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QJsonObject>
#include <QString>
#include <QStringList>

#include "enrichment/TrackLookup.h"
#include "enrichment/Vocabulary.h"

/// The operator actions' request bodies (docs/PROTOCOL.md, "Operator actions"): written by
/// the dashboard, read by the backend, both here so the two cannot drift apart.
namespace enrichment::wire {

/// One `POST /monitoring/enrichment/actions/{action}` with its JSON body.
struct ActionRequest
{
    QString action;
    QJsonObject body;
};

/// Retry the failed and partial tracks among @p trackIds.
ActionRequest retryTracksRequest(const QStringList &trackIds);
/// Retry a group of the failures list: @p status with @p errorType (empty: no source had
/// the tracks) at @p source (empty: any).
ActionRequest retryGroupRequest(TrackStatus status, const QString &errorType,
                                const QString &source);
/// Close (`close`) or half-open (`probe`) the breaker of @p source.
ActionRequest breakerRequest(const QString &source, const QString &what);
/// Pause or resume the whole pipeline (@p source empty) or one source.
ActionRequest pauseRequest(bool paused, const QString &source = {});
/// Add @p trackIds to the queue as pending.
ActionRequest enqueueRequest(const QStringList &trackIds);
/// Add @p tracks to the queue as pending, with what a lookup needs of each (`tracks`:
/// `id`, `artist`, `title`, and `isrc` and `duration_ms` when known).
ActionRequest enqueueRequest(const QList<TrackLookup> &tracks);

/// Reads a body's `track_ids`: an array of 1 to MaxActionTrackIds strings, each a valid
/// track id. std::nullopt and the reason in @p error otherwise.
std::optional<QStringList> readTrackIds(const QJsonObject &body, QString *error);
/// Reads an enqueue's body: `track_ids` (plain ids), `tracks` (objects with `id`, `artist`,
/// `title`, optional `isrc` and `duration_ms`, checked by checkTrackLookup()) or both, 1 to
/// MaxActionTrackIds tracks in all. A plain id comes back with no lookup data.
std::optional<QList<TrackLookup>> readEnqueue(const QJsonObject &body, QString *error);

} // namespace enrichment::wire
