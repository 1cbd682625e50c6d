// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrichment/ActionRequests.h"

#include <cmath>

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

ActionRequest enqueueRequest(const QList<TrackLookup> &tracks)
{
    QJsonArray array;
    for (const TrackLookup &t : tracks) {
        QJsonObject o{{key::Id, t.id}, {key::Artist, t.artist}, {key::Title, t.title}};
        if (!t.isrc.isEmpty())
            o.insert(key::Isrc, t.isrc);
        if (t.durationMs > 0)
            o.insert(key::DurationMs, t.durationMs);
        array.append(o);
    }
    return {action::Enqueue, QJsonObject{{key::Tracks, array}}};
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

namespace {

/// One member of `tracks`, or why it is refused.
QString readTrack(const QJsonValue &v, TrackLookup *t)
{
    if (!v.isObject())
        return QStringLiteral("is not an object");
    const QJsonObject o = v.toObject();
    static const QStringList known = {key::Id, key::Artist, key::Title, key::Isrc, key::DurationMs};
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()))
            return QStringLiteral("has an unknown member \"%1\" (allowed: %2)")
                .arg(it.key().left(64), known.join(QStringLiteral(", ")));
    for (const QLatin1String k : {key::Id, key::Artist, key::Title})
        if (!o.value(k).isString())
            return QStringLiteral("needs %1 as a string").arg(k);
    t->id = o.value(key::Id).toString();
    t->artist = o.value(key::Artist).toString();
    t->title = o.value(key::Title).toString();
    const QJsonValue isrc = o.value(key::Isrc);
    if (!isrc.isUndefined() && !isrc.isNull()) {
        if (!isrc.isString())
            return QStringLiteral("has an isrc that is not a string");
        t->isrc = isrc.toString();
    }
    const QJsonValue duration = o.value(key::DurationMs);
    if (!duration.isUndefined() && !duration.isNull()) {
        const double d = duration.toDouble(-1);
        if (!duration.isDouble() || d < 1 || d > double(TrackDurationMaxMs) || d != std::floor(d))
            return QStringLiteral("has a duration_ms that is not a whole number from 1 to %1")
                .arg(TrackDurationMaxMs);
        t->durationMs = qint64(d);
    }
    return checkTrackLookup(t);
}

} // namespace

std::optional<QList<TrackLookup>> readEnqueue(const QJsonObject &body, QString *error)
{
    QList<TrackLookup> tracks;
    if (body.contains(key::TrackIds)) {
        const auto ids = readTrackIds(body, error);
        if (!ids)
            return std::nullopt;
        for (const QString &id : *ids)
            tracks.append(TrackLookup{id, {}, {}, {}, 0});
    }
    if (body.contains(key::Tracks)) {
        const QJsonValue v = body.value(key::Tracks);
        if (!v.isArray() || v.toArray().isEmpty()) {
            *error = QStringLiteral("%1 must be a non-empty array of {id, artist, title, isrc?,"
                                    " duration_ms?}")
                         .arg(key::Tracks);
            return std::nullopt;
        }
        const QJsonArray array = v.toArray();
        if (tracks.size() + array.size() > MaxActionTrackIds) {
            *error = QStringLiteral("%1 tracks; at most %2 per request")
                         .arg(tracks.size() + array.size())
                         .arg(MaxActionTrackIds);
            return std::nullopt;
        }
        for (qsizetype i = 0; i < array.size(); ++i) {
            TrackLookup t;
            const QString problem = readTrack(array[i], &t);
            if (!problem.isEmpty()) {
                *error = QStringLiteral("%1[%2] %3").arg(key::Tracks).arg(i).arg(problem);
                return std::nullopt;
            }
            tracks.append(t);
        }
    }
    if (tracks.isEmpty()) {
        *error = QStringLiteral("name the tracks in %1 (ids) or %2 (objects)")
                     .arg(key::TrackIds, key::Tracks);
        return std::nullopt;
    }
    return tracks;
}

} // namespace enrichment::wire
