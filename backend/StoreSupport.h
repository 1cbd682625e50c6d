// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QVariantList>

class QSqlQuery;

#include "enrichment/QueueStore.h"

/// What both queue stores share for the operator endpoints: the pipeline control's stored
/// form, the audit results of retries and enqueues, and the WHERE clause of a track search.
namespace enrichment::store {

/// The pipeline control as the control table stores it (compact JSON).
QByteArray controlToJson(const PipelineControl &control);
/// Reads what controlToJson() wrote; unknown or malformed parts are ignored.
PipelineControl controlFromJson(const QByteArray &json);

/// The audit result of a retry: `{"retried": N, "by_status": {"failed": F, "partial": P}}`.
QByteArray retryResult(qint64 failed, qint64 partial);
/// The audit result of an enqueue: `{"added": N, "already_queued": M}`.
QByteArray enqueueResult(qint64 added, qint64 requested);
QByteArray compact(const QJsonObject &o);
/// @p json as text for a NOT NULL column: `{}` when empty.
QString jsonText(const QByteArray &json);

/// `{"a","b"}`: a PostgreSQL text[] literal, bound as one parameter and cast `::text[]`.
QString textArray(const QStringList &items);

/// @p tracks with each id once, as first given.
QList<TrackLookup> uniqueTracks(const QList<TrackLookup> &tracks);
/// The lookup columns of enrichment_status (artist, title, isrc, duration_ms) as one
/// parameter each, for a bulk statement: text[] literals and a bigint[] literal
/// (PostgreSQL), or one JSON array of [id, artist, title, isrc, duration_ms] rows (SQLite,
/// read with json_each). An unknown value is '' (0 for the duration): the SQL maps it to
/// NULL.
struct LookupColumns
{
    QString ids, artists, titles, isrcs, durations; ///< PostgreSQL array literals
    QString json;                                   ///< SQLite
    static LookupColumns of(const QList<TrackLookup> &tracks);
};

enum class Dialect { Sqlite, Postgres };

/// A WHERE clause (without the keyword; "TRUE"-like when nothing filters) and its values in
/// order. Track ids compare byte-wise (PostgreSQL: COLLATE "C"), so a prefix is a range and
/// the keyset cursor matches the ORDER BY of trackOrder().
struct Where
{
    QString sql;
    QVariantList values;
};
Where trackWhere(const TrackFilter &filter, const QString &after, Dialect dialect);
/// `track_id` as ordered and compared by trackWhere().
QString trackOrder(Dialect dialect);
/// One page of a track search: `SELECT @p columns ... WHERE ... ORDER BY id LIMIT ?`; the
/// values are the WHERE clause's, the limit is bound after them.
QString trackPageSql(const Where &where, const QString &columns, Dialect dialect);
/// The indexes every filter combination of a search walks in id order, each filter an
/// index condition (no scan, no rows read and dropped): status; status and error type
/// (and source); status and source; error type (and source); source. The filters on
/// errors but one are partial indexes (only tracks with an error are in them), so
/// completed tracks cost them nothing.
QStringList searchIndexes(Dialect dialect);

// Rows as both stores select them (times as epoch milliseconds, in this column order).

/// track_id, status, retry_count, sources_enriched, error_message, error_type,
/// error_source, last_attempt, created_at, updated_at, available_at, lease_owner, artist,
/// title, isrc, duration_ms.
TrackRow readTrackRow(const QSqlQuery &q);
/// source, outcome, error_type, detail, latency_ms, worker, at, fields.
Attempt readAttempt(const QSqlQuery &q, const QString &trackId);
/// field, value, source, at.
MetadataValue readMetadata(const QSqlQuery &q);
/// id, at, actor, action, parameters, result, worker.
AuditEntry readAuditEntry(const QSqlQuery &q);
/// status, error_type, error_source, count.
FailureGroup readFailureGroup(const QSqlQuery &q);

/// The first error of an attempt in waterfall order, for TrackResult::errorType/Source.
void firstError(const QList<Attempt> &attempts, QString *errorType, QString *errorSource);

} // namespace enrichment::store
