// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StoreSupport.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSet>
#include <QSqlQuery>
#include <QVariant>

#include "enrichment/WireFormat.h"

namespace enrichment::store {

QByteArray compact(const QJsonObject &o)
{
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QString jsonText(const QByteArray &json)
{
    return json.isEmpty() ? QStringLiteral("{}") : QString::fromUtf8(json);
}

QByteArray controlToJson(const PipelineControl &control)
{
    QJsonObject breakers;
    for (auto it = control.breakerCommands.cbegin(); it != control.breakerCommands.cend(); ++it)
        breakers.insert(it.key(), QJsonObject{{wire::key::Sequence, it->sequence},
                                              {wire::key::Action, it->action}});
    return compact(
        QJsonObject{{wire::key::Paused, control.paused},
                    {wire::key::PausedSources, QJsonArray::fromStringList(control.pausedSources)},
                    {QStringLiteral("breaker_commands"), breakers}});
}

PipelineControl controlFromJson(const QByteArray &json)
{
    PipelineControl c;
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    c.paused = o.value(wire::key::Paused).toBool();
    for (const QJsonValue &v : o.value(wire::key::PausedSources).toArray())
        if (v.isString() && !c.pausedSources.contains(v.toString()))
            c.pausedSources << v.toString();
    c.pausedSources.sort();
    const QJsonObject breakers = o.value(QStringLiteral("breaker_commands")).toObject();
    for (auto it = breakers.begin(); it != breakers.end(); ++it) {
        const QJsonObject cmd = it.value().toObject();
        PipelineControl::BreakerCommand b;
        b.sequence = cmd.value(wire::key::Sequence).toInteger();
        b.action = cmd.value(wire::key::Action).toString();
        if (b.sequence > 0 && !b.action.isEmpty())
            c.breakerCommands.insert(it.key(), b);
    }
    return c;
}

QByteArray retryResult(qint64 failed, qint64 partial)
{
    return compact(
        QJsonObject{{wire::key::Retried, failed + partial},
                    {wire::key::ByStatus, QJsonObject{{toWire(TrackStatus::Failed), failed},
                                                      {toWire(TrackStatus::Partial), partial}}}});
}

QByteArray enqueueResult(qint64 added, qint64 requested)
{
    return compact(
        QJsonObject{{wire::key::Added, added}, {wire::key::AlreadyQueued, requested - added}});
}

QString textArray(const QStringList &items)
{
    QString out = QStringLiteral("{");
    for (int i = 0; i < items.size(); ++i) {
        if (i)
            out += QLatin1Char(',');
        QString item = items.at(i);
        item.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
        item.replace(QLatin1Char('"'), QStringLiteral("\\\""));
        out += QLatin1Char('"') + item + QLatin1Char('"');
    }
    return out + QLatin1Char('}');
}

QList<TrackLookup> uniqueTracks(const QList<TrackLookup> &tracks)
{
    QList<TrackLookup> out;
    out.reserve(tracks.size());
    QSet<QString> seen;
    for (const TrackLookup &t : tracks)
        if (!seen.contains(t.id)) {
            seen.insert(t.id);
            out.append(t);
        }
    return out;
}

LookupColumns LookupColumns::of(const QList<TrackLookup> &tracks)
{
    LookupColumns c;
    QStringList ids, artists, titles, isrcs, durations;
    QJsonArray rows;
    for (const TrackLookup &t : tracks) {
        ids << t.id;
        artists << t.artist;
        titles << t.title;
        isrcs << t.isrc;
        durations << QString::number(std::max<qint64>(0, t.durationMs));
        rows.append(QJsonArray{t.id, t.artist, t.title, t.isrc, std::max<qint64>(0, t.durationMs)});
    }
    c.ids = textArray(ids);
    c.artists = textArray(artists);
    c.titles = textArray(titles);
    c.isrcs = textArray(isrcs);
    c.durations = QLatin1Char('{') + durations.join(QLatin1Char(',')) + QLatin1Char('}');
    c.json = QString::fromUtf8(QJsonDocument(rows).toJson(QJsonDocument::Compact));
    return c;
}

QString trackOrder(Dialect dialect)
{
    return dialect == Dialect::Postgres ? QStringLiteral("track_id COLLATE \"C\"")
                                        : QStringLiteral("track_id");
}

QString trackPageSql(const Where &where, const QString &columns, Dialect dialect)
{
    return QStringLiteral("SELECT %1 FROM enrichment_status WHERE %2 ORDER BY %3 LIMIT ?")
        .arg(columns, where.sql, trackOrder(dialect));
}

QStringList searchIndexes(Dialect dialect)
{
    const QString id = dialect == Dialect::Postgres ? QStringLiteral("(track_id COLLATE \"C\")")
                                                    : QStringLiteral("track_id");
    const QString prefix = dialect == Dialect::Postgres
                               ? QStringLiteral("enrichment_status_search")
                               : QStringLiteral("idx_enrichment_status_search");
    // Each ends in the id, so that its equality filters leave the rows in id order.
    const QList<std::pair<const char *, const char *>> indexes = {
        {"status", "status, %1"},
        {"status_type", "status, error_type, %1) WHERE (error_type IS NOT NULL"},
        // Whole, not partial: the failures' GROUP BY (status, type, source) reads it alone.
        {"status_type_source", "status, error_type, error_source, %1"},
        {"status_source", "status, error_source, %1) WHERE (error_source IS NOT NULL"},
        {"type", "error_type, %1) WHERE (error_type IS NOT NULL"},
        {"type_source", "error_type, error_source, %1) WHERE (error_type IS NOT NULL"},
        {"source", "error_source, %1) WHERE (error_source IS NOT NULL"},
    };
    QStringList out;
    if (dialect == Dialect::Postgres) // the id alone (a prefix); SQLite's primary key is one
        out << QStringLiteral("CREATE INDEX IF NOT EXISTS %1_id ON enrichment_status (%2)")
                   .arg(prefix, id);
    for (const auto &[name, columns] : indexes)
        out << QStringLiteral("CREATE INDEX IF NOT EXISTS %1_%2 ON enrichment_status (%3)")
                   .arg(prefix, QLatin1String(name), QString::fromLatin1(columns).arg(id));
    return out;
}

Where trackWhere(const TrackFilter &filter, const QString &after, Dialect dialect)
{
    Where w;
    QStringList parts;
    const QString id = trackOrder(dialect);
    if (filter.status) {
        parts << QStringLiteral("status = ?");
        w.values << toWire(*filter.status);
    }
    if (!filter.errorType.isEmpty()) {
        parts << QStringLiteral("error_type = ?");
        w.values << filter.errorType;
    }
    if (!filter.errorSource.isEmpty()) {
        parts << QStringLiteral("error_source = ?");
        w.values << filter.errorSource;
    }
    // One lower bound only: given two (the prefix's and the cursor), a planner that sees
    // parameters, not values, may walk the index from the looser one.
    const bool cursorIsTighter = !after.isEmpty() && (filter.idPrefix.isEmpty() ||
                                                      after.toUtf8() >= filter.idPrefix.toUtf8());
    if (!filter.idPrefix.isEmpty()) {
        // A prefix is the range [prefix, prefix + the largest code point).
        if (!cursorIsTighter) {
            parts << QStringLiteral("%1 >= ?").arg(id);
            w.values << filter.idPrefix;
        }
        parts << QStringLiteral("%1 < ?").arg(id);
        w.values << QString(filter.idPrefix + QString::fromUcs4(U"\U0010FFFF"));
    }
    if (!filter.ids.isEmpty()) {
        parts << (dialect == Dialect::Postgres
                      ? QStringLiteral("track_id = ANY(?::text[])")
                      : QStringLiteral("track_id IN (SELECT value FROM json_each(?))"));
        if (dialect == Dialect::Postgres) {
            w.values << textArray(filter.ids);
        } else {
            w.values << QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(filter.ids))
                                              .toJson(QJsonDocument::Compact));
        }
    }
    if (cursorIsTighter) {
        parts << QStringLiteral("%1 > ?").arg(id);
        w.values << after;
    }
    w.sql = parts.isEmpty() ? QStringLiteral("1 = 1") : parts.join(QStringLiteral(" AND "));
    return w;
}

TrackRow readTrackRow(const QSqlQuery &q)
{
    TrackRow r;
    r.trackId = q.value(0).toString();
    r.status = trackStatusFromWire(q.value(1).toString()).value_or(TrackStatus::Pending);
    r.retryCount = q.value(2).toInt();
    r.sourcesEnriched = q.value(3).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    r.errorMessage = q.value(4).toString();
    r.errorType = q.value(5).toString();
    r.errorSource = q.value(6).toString();
    r.lastAttemptMs = q.value(7).toLongLong();
    r.createdMs = q.value(8).toLongLong();
    r.updatedMs = q.value(9).toLongLong();
    r.availableAtMs = q.value(10).toLongLong();
    r.leaseOwner = q.value(11).toString();
    r.artist = q.value(12).toString();
    r.title = q.value(13).toString();
    r.isrc = q.value(14).toString();
    r.durationMs = q.value(15).toLongLong();
    return r;
}

Attempt readAttempt(const QSqlQuery &q, const QString &trackId)
{
    Attempt a;
    a.trackId = trackId;
    a.source = q.value(0).toString();
    a.outcome = q.value(1).toString();
    a.errorType = q.value(2).toString();
    a.detail = q.value(3).toString();
    a.latencyMs = q.value(4).toDouble();
    a.worker = q.value(5).toString();
    a.atMs = q.value(6).toLongLong();
    a.fields = q.value(7).toString().split(QLatin1Char(','), Qt::SkipEmptyParts);
    return a;
}

MetadataValue readMetadata(const QSqlQuery &q)
{
    return {q.value(0).toString(), q.value(1).toString(), q.value(2).toString(),
            q.value(3).toLongLong()};
}

AuditEntry readAuditEntry(const QSqlQuery &q)
{
    AuditEntry e;
    e.id = q.value(0).toLongLong();
    e.atMs = q.value(1).toLongLong();
    e.actor = q.value(2).toString();
    e.action = q.value(3).toString();
    e.parameters = q.value(4).toString().toUtf8();
    e.result = q.value(5).toString().toUtf8();
    e.worker = q.value(6).toString();
    return e;
}

FailureGroup readFailureGroup(const QSqlQuery &q)
{
    FailureGroup g;
    g.status = trackStatusFromWire(q.value(0).toString()).value_or(TrackStatus::Failed);
    g.errorType = q.value(1).toString();
    g.errorSource = q.value(2).toString();
    g.count = q.value(3).toLongLong();
    return g;
}

void firstError(const QList<Attempt> &attempts, QString *errorType, QString *errorSource)
{
    errorType->clear();
    errorSource->clear();
    // A source that failed says more than one that was skipped; a skip more than nothing.
    const Attempt *skipped = nullptr;
    bool answered = false;
    for (const Attempt &a : attempts) {
        if (a.outcome == toWire(RequestStatus::Success))
            answered = true;
        if (a.outcome == toWire(RequestStatus::Error)) {
            *errorType = a.errorType;
            *errorSource = a.source;
            return;
        }
        if (!skipped && !a.errorType.isEmpty())
            skipped = &a;
    }
    if (skipped) {
        *errorType = skipped->errorType;
        *errorSource = skipped->source;
    } else if (!answered && !attempts.isEmpty()) {
        *errorType = toWire(RequestStatus::NoData);
    }
}

} // namespace enrichment::store
