// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrichment/ActionRequests.h"

#include <QJsonArray>

#include "enrichment/WireFormat.h"

namespace enrichment::wire {

ActionRequest retryTracksRequest(const QStringList &trackIds)
{
    return {action::Retry, QJsonObject{{key::TrackIds, QJsonArray::fromStringList(trackIds)}}};
}

ActionRequest retryGroupRequest(TrackStatus status, const QString &errorType, const QString &source)
{
    QJsonObject body{{key::Status, toWire(status)}, {key::ErrorType, errorType}};
    if (!source.isEmpty())
        body.insert(key::Source, source);
    return {action::Retry, body};
}

ActionRequest breakerRequest(const QString &source, const QString &what)
{
    return {action::Breaker, QJsonObject{{key::Source, source}, {key::Action, what}}};
}

ActionRequest pauseRequest(bool paused, const QString &source)
{
    QJsonObject body;
    if (!source.isEmpty())
        body.insert(key::Source, source);
    return {paused ? action::Pause : action::Resume, body};
}

ActionRequest enqueueRequest(const QStringList &trackIds)
{
    return {action::Enqueue, QJsonObject{{key::TrackIds, QJsonArray::fromStringList(trackIds)}}};
}

std::optional<QStringList> readTrackIds(const QJsonObject &body, QString *error)
{
    const QJsonValue v = body.value(key::TrackIds);
    if (!v.isArray()) {
        *error = QStringLiteral("%1 must be an array of track ids").arg(key::TrackIds);
        return std::nullopt;
    }
    const QJsonArray array = v.toArray();
    if (array.isEmpty()) {
        *error = QStringLiteral("%1 is empty").arg(key::TrackIds);
        return std::nullopt;
    }
    if (array.size() > MaxActionTrackIds) {
        *error = QStringLiteral("%1 has %2 ids; at most %3 per request")
                     .arg(key::TrackIds)
                     .arg(array.size())
                     .arg(MaxActionTrackIds);
        return std::nullopt;
    }
    QStringList ids;
    ids.reserve(array.size());
    for (const QJsonValue &id : array) {
        if (!id.isString() || !isValidTrackId(id.toString())) {
            *error = QStringLiteral("every track id must be a string: ") + trackIdRule();
            return std::nullopt;
        }
        ids << id.toString();
    }
    return ids;
}

} // namespace enrichment::wire
