// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqliteQueueStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostInfo>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include "enrichment/Clock.h"
#include "StoreSupport.h"

Q_LOGGING_CATEGORY(lcQueue, "enrichment.backend.queue")

namespace enrichment {

namespace {

/// An empty list joins to a null QString, which binds as SQL NULL.
QString joined(const QStringList &list)
{
    const QString s = list.join(QLatin1Char(','));
    return s.isNull() ? QStringLiteral("") : s;
}
} // namespace

SqliteQueueStore::SqliteQueueStore(const Clock &clock, const Config &config, QObject *parent)
    : SqlQueueStore(clock, config, QStringLiteral("enrichment-queue"), lcQueue(), parent)
{}

SqliteQueueStore::~SqliteQueueStore() = default;

bool SqliteQueueStore::exec(const QString &sql)
{
    QSqlQuery q(db());
    if (!q.exec(sql)) {
        m_lastError = q.lastError().text();
        qCWarning(lcQueue).noquote() << "SQL failed:" << sql << "-" << m_lastError;
        return false;
    }
    return true;
}

bool SqliteQueueStore::open(const QString &path, QString *error)
{
    close();
    // A file is one queue per host; an in-memory database is this process's alone.
    m_name = QStringLiteral("sqlite://%1/%2")
                 .arg(QHostInfo::localHostName(),
                      path == QLatin1String(":memory:")
                          ? QStringLiteral(":memory:/%1").arg(QCoreApplication::applicationPid())
                          : QFileInfo(path).absoluteFilePath().mid(1));
    QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    db.setDatabaseName(path);
    db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
    if (!db.open()) {
        m_lastError = db.lastError().text();
        if (error)
            *error = m_lastError;
        return false;
    }
    const QStringList schema = {
        QStringLiteral("PRAGMA journal_mode=WAL"),
        QStringLiteral("PRAGMA synchronous=NORMAL"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS enrichment_status ("
                       " track_id TEXT NOT NULL PRIMARY KEY,"
                       " status TEXT NOT NULL DEFAULT 'pending',"
                       " sources_enriched TEXT NOT NULL DEFAULT '',"
                       " last_attempt BIGINT,"
                       " retry_count INTEGER NOT NULL DEFAULT 0,"
                       " error_message TEXT,"
                       " created_at BIGINT NOT NULL,"
                       " updated_at BIGINT NOT NULL,"
                       " available_at BIGINT NOT NULL DEFAULT 0,"
                       " lease_owner TEXT,"
                       " lease_expires_at BIGINT,"
                       " error_type TEXT, error_source TEXT,"
                       " artist TEXT, title TEXT, isrc TEXT, duration_ms BIGINT)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS idx_enrichment_status_status"
                       " ON enrichment_status (status, available_at)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS idx_enrichment_status_last_attempt"
                       " ON enrichment_status (last_attempt)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS idx_enrichment_status_lease"
                       " ON enrichment_status (status, lease_expires_at)"),
        // Every source call of every track, bounded per track and by age.
        QStringLiteral("CREATE TABLE IF NOT EXISTS enrichment_attempts ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT, track_id TEXT NOT NULL,"
                       " source TEXT NOT NULL, outcome TEXT NOT NULL, error_type TEXT,"
                       " detail TEXT, latency_ms REAL NOT NULL DEFAULT 0, fields TEXT, worker TEXT,"
                       " at_ms BIGINT NOT NULL)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS idx_enrichment_attempts_track"
                       " ON enrichment_attempts (track_id, id)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS idx_enrichment_attempts_at"
                       " ON enrichment_attempts (at_ms)"),
        // What each track ended up with: one row per field, the source that gave it.
        QStringLiteral("CREATE TABLE IF NOT EXISTS enrichment_metadata ("
                       " track_id TEXT NOT NULL, field TEXT NOT NULL, value TEXT NOT NULL,"
                       " source TEXT NOT NULL, at_ms BIGINT NOT NULL,"
                       " PRIMARY KEY (track_id, field))"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS enrichment_audit ("
                       " id INTEGER PRIMARY KEY AUTOINCREMENT, at_ms BIGINT NOT NULL,"
                       " actor TEXT NOT NULL, action TEXT NOT NULL, parameters TEXT NOT NULL,"
                       " result TEXT NOT NULL, worker TEXT NOT NULL)"),
        // Each provider's next free send slot (reserveSendSlot()).
        QStringLiteral("CREATE TABLE IF NOT EXISTS enrichment_pace ("
                       " source TEXT PRIMARY KEY, next_at BIGINT NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS enrichment_control ("
                       " id INTEGER PRIMARY KEY CHECK (id = 1), state TEXT NOT NULL)"),
        // One row rewritten by the write probe behind /health.
        QStringLiteral("CREATE TABLE IF NOT EXISTS store_health ("
                       " id INTEGER PRIMARY KEY CHECK (id = 1), checked_at BIGINT NOT NULL)"),
    };
    for (const QString &sql : schema) {
        if (!exec(sql)) {
            if (error)
                *error = m_lastError;
            close();
            return false;
        }
    }
    // Columns a table made by an older version lacks, and the index of the failures view.
    QSet<QString> columns;
    QSqlQuery info(db);
    if (info.exec(QStringLiteral("PRAGMA table_info(enrichment_status)")))
        while (info.next())
            columns.insert(info.value(1).toString());
    info.finish();
    for (const char *column : {"error_type TEXT", "error_source TEXT", "artist TEXT", "title TEXT",
                               "isrc TEXT", "duration_ms BIGINT"}) {
        const QString definition = QLatin1String(column);
        if (!columns.contains(definition.section(QLatin1Char(' '), 0, 0)) &&
            !exec(QStringLiteral("ALTER TABLE enrichment_status ADD COLUMN %1").arg(definition))) {
            if (error)
                *error = m_lastError;
            close();
            return false;
        }
    }
    for (const QString &sql : store::searchIndexes(store::Dialect::Sqlite)) {
        if (!exec(sql)) {
            if (error)
                *error = m_lastError;
            close();
            return false;
        }
    }
    readControl();
    reconcile();
    // Seed the processing-rate window from the table so a restart does not report zero.
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT last_attempt FROM enrichment_status"
                             " WHERE last_attempt >= ? AND status IN ('completed', 'partial')"));
    q.addBindValue(m_clock.nowMs() - qint64(ThroughputWindow::Seconds) * 1000);
    if (q.exec()) {
        while (q.next())
            m_completions.add(q.value(0).toLongLong());
    }
    return true;
}

bool SqliteQueueStore::ping()
{
    if (!isOpen())
        return false;
    QSqlQuery q(db());
    return q.exec(QStringLiteral("SELECT 1 FROM enrichment_status LIMIT 1"));
}

bool SqliteQueueStore::probeWrite(qint64 now)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("INSERT INTO store_health (id, checked_at) VALUES (1, ?)"
                             " ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at"));
    q.addBindValue(now);
    if (q.exec())
        return true;
    m_lastError = q.lastError().text();
    return false;
}

void SqliteQueueStore::move(TrackStatus from, TrackStatus to, qint64 n)
{
    if (n <= 0 || from == to)
        return;
    m_counts[std::size_t(from)] -= n;
    m_counts[std::size_t(to)] += n;
}

bool SqliteQueueStore::insertTracks(const QList<TrackLookup> &unique, qint64 *added)
{
    const store::LookupColumns c = store::LookupColumns::of(unique);
    const qint64 now = m_clock.nowMs();
    // Tracks already queued first (the rows added below are not among them).
    QSqlQuery update(db());
    update.prepare(QStringLiteral(
        "UPDATE enrichment_status SET artist = j.artist, title = j.title,"
        " isrc = nullif(j.isrc, ''), duration_ms = nullif(j.duration_ms, 0), updated_at = ?"
        " FROM (SELECT json_extract(value, '$[0]') AS id, json_extract(value, '$[1]') AS artist,"
        "  json_extract(value, '$[2]') AS title, json_extract(value, '$[3]') AS isrc,"
        "  json_extract(value, '$[4]') AS duration_ms FROM json_each(?)) AS j"
        " WHERE enrichment_status.track_id = j.id AND j.artist <> ''"
        "  AND (coalesce(enrichment_status.artist, '') <> j.artist"
        "   OR coalesce(enrichment_status.title, '') <> j.title"
        "   OR coalesce(enrichment_status.isrc, '') <> j.isrc"
        "   OR coalesce(enrichment_status.duration_ms, 0) <> j.duration_ms)"));
    update.addBindValue(now);
    update.addBindValue(c.json);
    QSqlQuery insert(db());
    insert.prepare(QStringLiteral(
        "INSERT INTO enrichment_status (track_id, status, sources_enriched, retry_count,"
        " created_at, updated_at, available_at, artist, title, isrc, duration_ms)"
        " SELECT json_extract(value, '$[0]'), 'pending', '', 0, ?, ?, ?,"
        "  nullif(json_extract(value, '$[1]'), ''), nullif(json_extract(value, '$[2]'), ''),"
        "  nullif(json_extract(value, '$[3]'), ''), nullif(json_extract(value, '$[4]'), 0)"
        " FROM json_each(?) WHERE true ON CONFLICT (track_id) DO NOTHING"));
    insert.addBindValue(now);
    insert.addBindValue(now);
    insert.addBindValue(now);
    insert.addBindValue(c.json);
    for (QSqlQuery *q : {&update, &insert})
        if (!q->exec()) {
            m_lastError = q->lastError().text();
            return false;
        }
    *added = insert.numRowsAffected();
    return true;
}

int SqliteQueueStore::enqueue(const QList<TrackLookup> &tracks)
{
    if (!isOpen() || tracks.isEmpty())
        return 0;
    qint64 added = 0;
    if (!exec(QStringLiteral("BEGIN IMMEDIATE")) ||
        !insertTracks(store::uniqueTracks(tracks), &added) || !exec(QStringLiteral("COMMIT"))) {
        qCWarning(lcQueue).noquote() << "enqueue failed:" << m_lastError;
        exec(QStringLiteral("ROLLBACK"));
        noteWrite(false);
        return 0;
    }
    noteWrite(true);
    m_counts[std::size_t(TrackStatus::Pending)] += added;
    if (added > 0)
        Q_EMIT countsChanged();
    return int(added);
}

int SqliteQueueStore::releaseExpiredLeases()
{
    if (!isOpen())
        return 0;
    QSqlQuery q(db());
    q.prepare(
        QStringLiteral("UPDATE enrichment_status SET status = 'pending', lease_owner = NULL,"
                       " lease_expires_at = NULL, updated_at = ?, error_message = 'lease expired'"
                       " WHERE status = 'in_progress' AND lease_expires_at < ?"));
    const qint64 now = m_clock.nowMs();
    q.addBindValue(now);
    q.addBindValue(now);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        noteWrite(false);
        return 0;
    }
    const int n = q.numRowsAffected();
    if (n > 0) {
        qCInfo(lcQueue) << n << "expired lease(s) returned to pending";
        move(TrackStatus::InProgress, TrackStatus::Pending, n);
        Q_EMIT countsChanged();
    }
    return n;
}

QList<ClaimedTrack> SqliteQueueStore::claim(int n)
{
    QList<ClaimedTrack> claimed;
    if (!isOpen() || n <= 0)
        return claimed;
    releaseExpiredLeases();
    QSqlDatabase db = this->db();
    if (!exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        noteWrite(false);
        return claimed;
    }
    const qint64 now = m_clock.nowMs();
    QSqlQuery select(db);
    select.prepare(QStringLiteral("SELECT track_id, retry_count, artist, title, isrc,"
                                  " duration_ms FROM enrichment_status"
                                  " WHERE status = 'pending' AND available_at <= ?"
                                  " ORDER BY available_at LIMIT ?"));
    select.addBindValue(now);
    select.addBindValue(n);
    if (!select.exec()) {
        m_lastError = select.lastError().text();
        exec(QStringLiteral("ROLLBACK"));
        return claimed;
    }
    while (select.next())
        claimed.append({select.value(0).toString(), select.value(1).toInt(),
                        select.value(2).toString(), select.value(3).toString(),
                        select.value(4).toString(), select.value(5).toLongLong()});
    select.finish();
    QSqlQuery update(db);
    update.prepare(
        QStringLiteral("UPDATE enrichment_status SET status = 'in_progress', lease_owner = ?,"
                       " lease_expires_at = ?, last_attempt = ?, updated_at = ?"
                       " WHERE track_id = ? AND status = 'pending'"));
    for (const ClaimedTrack &t : std::as_const(claimed)) {
        update.addBindValue(workerId());
        update.addBindValue(now + config().leaseMs);
        update.addBindValue(now);
        update.addBindValue(now);
        update.addBindValue(t.trackId);
        if (!update.exec()) {
            m_lastError = update.lastError().text();
            exec(QStringLiteral("ROLLBACK"));
            noteWrite(false);
            return {};
        }
    }
    if (!exec(QStringLiteral("COMMIT"))) {
        const QString commitError = m_lastError;
        exec(QStringLiteral("ROLLBACK"));
        m_lastError = commitError;
        noteWrite(false);
        return {};
    }
    if (!claimed.isEmpty())
        noteWrite(true);
    move(TrackStatus::Pending, TrackStatus::InProgress, claimed.size());
    if (!claimed.isEmpty())
        Q_EMIT countsChanged();
    return claimed;
}

bool SqliteQueueStore::finishOne(const TrackResult &result)
{
    const QString &trackId = result.trackId;
    const TrackStatus outcome = result.status;
    const QStringList &sourcesEnriched = result.sourcesEnriched;
    const QString &errorMessage = result.errorMessage;
    const QVariant errorType = result.errorType.isEmpty() ? QVariant() : QVariant(result.errorType);
    const QVariant errorSource =
        result.errorSource.isEmpty() ? QVariant() : QVariant(result.errorSource);
    if (!isOpen())
        return false;
    const qint64 now = m_clock.nowMs();
    QSqlQuery q(db());
    TrackStatus stored = outcome;
    if (outcome == TrackStatus::Failed) {
        // retry_count counts failed attempts; retry until maxRetries of them failed.
        // A permanent failure fails now; otherwise from result.retryAtMs, or after the
        // store's linear backoff when the caller named no time.
        q.prepare(QStringLiteral(
            "UPDATE enrichment_status SET"
            " status = CASE WHEN ? OR retry_count + 1 >= ? THEN 'failed' ELSE 'pending' END,"
            " retry_count = retry_count + 1, error_message = ?, sources_enriched = ?,"
            " error_type = ?, error_source = ?,"
            " available_at = CASE WHEN ? > 0 THEN ? ELSE ? + ? * (retry_count + 1) END,"
            " lease_owner = NULL, lease_expires_at = NULL, updated_at = ?"
            " WHERE track_id = ? AND status = 'in_progress' AND lease_owner = ?"
            " RETURNING status"));
        q.addBindValue(result.permanent);
        q.addBindValue(config().maxRetries);
        q.addBindValue(errorMessage);
        q.addBindValue(joined(sourcesEnriched));
        q.addBindValue(errorType);
        q.addBindValue(errorSource);
        q.addBindValue(result.retryAtMs);
        q.addBindValue(result.retryAtMs);
        q.addBindValue(now);
        q.addBindValue(config().retryBackoffMs);
        q.addBindValue(now);
        q.addBindValue(trackId);
        q.addBindValue(workerId());
    } else {
        q.prepare(QStringLiteral(
            "UPDATE enrichment_status SET status = ?, sources_enriched = ?, error_message = ?,"
            " error_type = ?, error_source = ?, lease_owner = NULL, lease_expires_at = NULL, "
            "updated_at = ?, last_attempt = ?"
            " WHERE track_id = ? AND status = 'in_progress' AND lease_owner = ?"
            " RETURNING status"));
        q.addBindValue(toWire(outcome));
        q.addBindValue(joined(sourcesEnriched));
        q.addBindValue(errorMessage.isEmpty() ? QVariant() : QVariant(errorMessage));
        q.addBindValue(errorType);
        q.addBindValue(errorSource);
        q.addBindValue(now);
        q.addBindValue(now);
        q.addBindValue(trackId);
        q.addBindValue(workerId());
    }
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        qCWarning(lcQueue).noquote() << "finish failed:" << m_lastError;
        noteWrite(false);
        return false;
    }
    noteWrite(true);
    if (!q.next()) {
        qCWarning(lcQueue).noquote() << "lease lost for track" << trackId;
        return false;
    }
    stored = trackStatusFromWire(q.value(0).toString()).value_or(stored);
    q.finish();
    move(TrackStatus::InProgress, stored, 1);
    if (stored == TrackStatus::Completed || stored == TrackStatus::Partial)
        m_completions.add(now);
    Q_EMIT countsChanged();
    return true;
}

bool SqliteQueueStore::defer(const QString &trackId, qint64 availableAtMs, const QString &reason)
{
    if (!isOpen())
        return false;
    QSqlQuery q(db());
    q.prepare(QStringLiteral(
        "UPDATE enrichment_status SET status = 'pending', available_at = ?, error_message = ?,"
        " lease_owner = NULL, lease_expires_at = NULL, updated_at = ?"
        " WHERE track_id = ? AND status = 'in_progress' AND lease_owner = ?"));
    q.addBindValue(availableAtMs);
    q.addBindValue(reason);
    q.addBindValue(m_clock.nowMs());
    q.addBindValue(trackId);
    q.addBindValue(workerId());
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        qCWarning(lcQueue).noquote() << "defer failed:" << m_lastError;
        noteWrite(false);
        return false;
    }
    noteWrite(true);
    if (q.numRowsAffected() != 1)
        return false;
    move(TrackStatus::InProgress, TrackStatus::Pending, 1);
    Q_EMIT countsChanged();
    return true;
}

QList<bool> SqliteQueueStore::record(const QList<TrackResult> &results)
{
    // One transaction for the batch: one sync instead of one per track.
    const bool inTransaction = isOpen() && exec(QStringLiteral("BEGIN IMMEDIATE"));
    QList<bool> done;
    done.reserve(results.size());
    QList<Attempt> attempts;
    QStringList attempted;
    QList<std::pair<QString, MetadataValue>> metadata;
    for (const TrackResult &r : results) {
        const bool ok =
            r.deferUntilMs > 0 ? defer(r.trackId, r.deferUntilMs, r.errorMessage) : finishOne(r);
        done << ok;
        if (ok && !r.attempts.isEmpty()) {
            attempts << r.attempts;
            attempted << r.trackId;
        }
        if (ok && r.deferUntilMs <= 0)
            for (const MetadataValue &m : r.metadata)
                metadata.append({r.trackId, m});
    }
    if (inTransaction && ((!attempts.isEmpty() && !writeAttempts(attempts, attempted)) ||
                          (!metadata.isEmpty() && !writeMetadata(metadata)))) {
        exec(QStringLiteral("ROLLBACK"));
        noteWrite(false);
        reconcile();
        done.fill(false);
        return done;
    }
    if (inTransaction && !exec(QStringLiteral("COMMIT"))) {
        exec(QStringLiteral("ROLLBACK"));
        noteWrite(false);
        reconcile(); // the in-memory counts moved with statements that were rolled back
        done.fill(false);
    }
    return done;
}

bool SqliteQueueStore::writeAttempts(const QList<Attempt> &attempts, const QStringList &trackIds)
{
    QSqlDatabase db = this->db();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("INSERT INTO enrichment_attempts (track_id, source, outcome,"
                             " error_type, detail, latency_ms, fields, worker, at_ms)"
                             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    for (const Attempt &a : attempts) {
        q.addBindValue(a.trackId);
        q.addBindValue(a.source);
        q.addBindValue(a.outcome);
        q.addBindValue(a.errorType.isEmpty() ? QVariant() : QVariant(a.errorType));
        q.addBindValue(a.detail.isEmpty() ? QVariant() : QVariant(a.detail));
        q.addBindValue(a.latencyMs);
        q.addBindValue(a.fields.isEmpty() ? QVariant() : QVariant(joined(a.fields)));
        q.addBindValue(workerId());
        q.addBindValue(a.atMs);
        if (!q.exec()) {
            m_lastError = q.lastError().text();
            qCWarning(lcQueue).noquote() << "writing attempts failed:" << m_lastError;
            return false;
        }
    }
    // At most AttemptsKeptPerTrack rows per track: the newest.
    QSqlQuery trim(db);
    trim.prepare(QStringLiteral(
        "DELETE FROM enrichment_attempts WHERE track_id = ? AND id <= (SELECT id FROM"
        " enrichment_attempts WHERE track_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)"));
    for (const QString &id : trackIds) {
        trim.addBindValue(id);
        trim.addBindValue(id);
        trim.addBindValue(AttemptsKeptPerTrack);
        if (!trim.exec()) {
            m_lastError = trim.lastError().text();
            return false;
        }
    }
    return true;
}

bool SqliteQueueStore::writeMetadata(const QList<std::pair<QString, MetadataValue>> &metadata)
{
    QSqlQuery q(db());
    q.prepare(QStringLiteral("INSERT INTO enrichment_metadata (track_id, field, value, source,"
                             " at_ms) VALUES (?, ?, ?, ?, ?) ON CONFLICT (track_id, field)"
                             " DO UPDATE SET value = excluded.value, source = excluded.source,"
                             " at_ms = excluded.at_ms"));
    for (const auto &[trackId, m] : metadata) {
        q.addBindValue(trackId);
        q.addBindValue(m.field);
        q.addBindValue(m.value);
        q.addBindValue(m.source);
        q.addBindValue(m.atMs);
        if (!q.exec()) {
            m_lastError = q.lastError().text();
            qCWarning(lcQueue).noquote() << "writing metadata failed:" << m_lastError;
            return false;
        }
    }
    return true;
}

bool SqliteQueueStore::reconcile()
{
    if (!isOpen())
        return false;
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("SELECT status, COUNT(*) FROM enrichment_status GROUP BY status"))) {
        m_lastError = q.lastError().text();
        return false;
    }
    std::array<qint64, TrackStatusCount> fresh{};
    while (q.next()) {
        if (const auto s = trackStatusFromWire(q.value(0).toString()))
            fresh[std::size_t(*s)] = q.value(1).toLongLong();
    }
    q.finish();
    const bool drift = fresh != m_counts;
    if (drift) {
        m_counts = fresh;
        Q_EMIT countsChanged();
    }
    prune();
    return drift;
}

qint64 SqliteQueueStore::completedInLast(int seconds) const
{
    return m_completions.countLast(m_clock.nowMs(), seconds);
}

std::optional<qint64> SqliteQueueStore::oldestPendingMs()
{
    QSqlQuery q(db());
    // The (status, available_at) index answers this with one seek.
    if (!q.exec(QStringLiteral(
            "SELECT min(available_at) FROM enrichment_status WHERE status = 'pending'")) ||
        !q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toLongLong();
}

} // namespace enrichment

namespace enrichment {

namespace {
const char TrackColumns[] = "track_id, status, retry_count, sources_enriched, error_message,"
                            " error_type, error_source, last_attempt, created_at, updated_at,"
                            " available_at, lease_owner, artist, title, isrc, duration_ms";
} // namespace

bool SqliteQueueStore::fail(const QString &why, QString *error)
{
    m_lastError = why;
    exec(QStringLiteral("ROLLBACK"));
    noteWrite(false);
    if (error)
        *error = why;
    return false;
}

qint64 SqliteQueueStore::failCount(const QString &why, QString *error)
{
    fail(why, error);
    return -1;
}

TrackPage SqliteQueueStore::tracks(const TrackFilter &filter, int limit, const QString &after)
{
    TrackPage page;
    page.ok = false;
    if (!isOpen())
        return page;
    limit = std::clamp(limit, 1, MaxPageSize);
    const store::Where where = store::trackWhere(filter, after, store::Dialect::Sqlite);
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(store::trackPageSql(where, QLatin1String(TrackColumns), store::Dialect::Sqlite));
    for (const QVariant &v : where.values)
        q.addBindValue(v);
    q.addBindValue(limit + 1); // one more tells whether a next page exists
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return page;
    }
    page.ok = true;
    while (q.next() && page.rows.size() < limit)
        page.rows << store::readTrackRow(q);
    if (q.isValid()) // the row past the page exists
        page.next = page.rows.constLast().trackId;
    return page;
}

bool SqliteQueueStore::track(const QString &trackId, TrackRow *row, QList<Attempt> *attempts,
                             int maxAttempts)
{
    if (!isOpen())
        return false;
    QSqlDatabase db = this->db();
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT %1 FROM enrichment_status WHERE track_id = ?")
                  .arg(QLatin1String(TrackColumns)));
    q.addBindValue(trackId);
    if (!q.exec() || !q.next()) {
        if (q.lastError().isValid())
            m_lastError = q.lastError().text();
        return false;
    }
    *row = store::readTrackRow(q);
    q.finish();
    attempts->clear();
    QSqlQuery a(db);
    a.setForwardOnly(true);
    a.prepare(QStringLiteral("SELECT source, outcome, error_type, detail, latency_ms, worker,"
                             " at_ms, fields FROM enrichment_attempts WHERE track_id = ?"
                             " ORDER BY id DESC LIMIT ?"));
    a.addBindValue(trackId);
    a.addBindValue(std::max(0, maxAttempts));
    if (a.exec()) {
        while (a.next()) {
            attempts->append(store::readAttempt(a, trackId));
        }
    }
    QSqlQuery m(db);
    m.setForwardOnly(true);
    m.prepare(QStringLiteral("SELECT field, value, source, at_ms FROM enrichment_metadata"
                             " WHERE track_id = ? ORDER BY field LIMIT ?"));
    m.addBindValue(trackId);
    m.addBindValue(MetadataFieldsMax);
    if (m.exec())
        while (m.next())
            row->metadata.append(store::readMetadata(m));
    return true;
}

QList<FailureGroup> SqliteQueueStore::failures(int examples)
{
    QList<FailureGroup> groups;
    if (!isOpen())
        return groups;
    QSqlDatabase db = this->db();
    QSqlQuery q(db);
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral(
            "SELECT status, coalesce(error_type, ''), coalesce(error_source, ''), count(*)"
            " FROM enrichment_status WHERE status IN ('failed', 'partial')"
            " GROUP BY status, error_type, error_source ORDER BY 4 DESC, 1, 2, 3 LIMIT 200"))) {
        m_lastError = q.lastError().text();
        return groups;
    }
    while (q.next()) {
        FailureGroup g = store::readFailureGroup(q);
        groups << g;
    }
    q.finish();
    QSqlQuery ex(db);
    ex.setForwardOnly(true);
    ex.prepare(QStringLiteral("SELECT track_id FROM enrichment_status WHERE status = ?"
                              " AND coalesce(error_type, '') = ? AND coalesce(error_source, '') = ?"
                              " ORDER BY track_id LIMIT ?"));
    for (FailureGroup &g : groups) {
        ex.addBindValue(toWire(g.status));
        ex.addBindValue(g.errorType);
        ex.addBindValue(g.errorSource);
        ex.addBindValue(std::max(0, examples));
        if (ex.exec())
            while (ex.next())
                g.examples << ex.value(0).toString();
    }
    return groups;
}

QList<AuditEntry> SqliteQueueStore::audit(int limit)
{
    QList<AuditEntry> out;
    if (!isOpen())
        return out;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, at_ms, actor, action, parameters, result, worker"
                             " FROM enrichment_audit ORDER BY id DESC LIMIT ?"));
    q.addBindValue(std::max(0, limit));
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return out;
    }
    while (q.next()) {
        out << store::readAuditEntry(q);
    }
    return out;
}

qint64 SqliteQueueStore::reserveSendSlot(const QString &key, qint64 intervalMs)
{
    if (!isOpen())
        return -1;
    // One statement: the slot after the last one reserved (or now, if that passed).
    const qint64 now = m_clock.nowMs();
    QSqlQuery q(db());
    q.prepare(QStringLiteral(
        "INSERT INTO enrichment_pace (source, next_at) VALUES (?, ? + ?)"
        " ON CONFLICT (source) DO UPDATE SET next_at = max(next_at, excluded.next_at - ?) + ?"
        " RETURNING next_at"));
    q.addBindValue(key);
    q.addBindValue(now);
    q.addBindValue(intervalMs);
    q.addBindValue(intervalMs);
    q.addBindValue(intervalMs);
    if (!q.exec() || !q.next()) {
        m_lastError = q.lastError().text();
        return -1;
    }
    return std::max<qint64>(0, q.value(0).toLongLong() - intervalMs - now);
}

bool SqliteQueueStore::appendAudit(AuditEntry *audit, QString *error)
{
    if (!isOpen() || !writeAudit(audit)) {
        *error = isOpen() ? m_lastError : QStringLiteral("database is not open");
        return false;
    }
    return true;
}

bool SqliteQueueStore::writeAudit(AuditEntry *audit)
{
    QSqlQuery q(db());
    audit->atMs = m_clock.nowMs();
    audit->worker = workerId();
    q.prepare(QStringLiteral("INSERT INTO enrichment_audit (at_ms, actor, action, parameters,"
                             " result, worker) VALUES (?, ?, ?, ?, ?, ?)"));
    q.addBindValue(audit->atMs);
    q.addBindValue(audit->actor);
    q.addBindValue(audit->action);
    q.addBindValue(store::jsonText(audit->parameters));
    q.addBindValue(store::jsonText(audit->result));
    q.addBindValue(audit->worker);
    if (!q.exec()) {
        m_lastError = q.lastError().text();
        return false;
    }
    audit->id = q.lastInsertId().toLongLong();
    return true;
}

qint64 SqliteQueueStore::retry(const TrackFilter &filter, AuditEntry *audit, QString *error)
{
    if (!isOpen())
        return failCount(QStringLiteral("database is not open"), error);
    if (!exec(QStringLiteral("BEGIN IMMEDIATE")))
        return failCount(m_lastError, error);
    const qint64 now = m_clock.nowMs();
    std::array<qint64, 2> changed{};
    const std::array<TrackStatus, 2> statuses{TrackStatus::Failed, TrackStatus::Partial};
    for (std::size_t i = 0; i < statuses.size(); ++i) {
        if (filter.status && *filter.status != statuses[i])
            continue;
        TrackFilter f = filter;
        f.status = statuses[i];
        const store::Where where = store::trackWhere(f, {}, store::Dialect::Sqlite);
        QSqlQuery q(db());
        q.prepare(QStringLiteral("UPDATE enrichment_status SET status = 'pending',"
                                 " retry_count = 0, available_at = ?, updated_at = ?,"
                                 " lease_owner = NULL, lease_expires_at = NULL WHERE %1")
                      .arg(where.sql));
        q.addBindValue(now);
        q.addBindValue(now);
        for (const QVariant &v : where.values)
            q.addBindValue(v);
        if (!q.exec())
            return failCount(q.lastError().text(), error);
        changed[i] = q.numRowsAffected();
    }
    audit->result = store::retryResult(changed[0], changed[1]);
    if (!writeAudit(audit) || !exec(QStringLiteral("COMMIT")))
        return failCount(m_lastError, error);
    noteWrite(true);
    move(TrackStatus::Failed, TrackStatus::Pending, changed[0]);
    move(TrackStatus::Partial, TrackStatus::Pending, changed[1]);
    if (changed[0] + changed[1] > 0)
        Q_EMIT countsChanged();
    return changed[0] + changed[1];
}

qint64 SqliteQueueStore::enqueue(const QList<TrackLookup> &tracks, AuditEntry *audit,
                                 QString *error)
{
    if (!isOpen())
        return failCount(QStringLiteral("database is not open"), error);
    if (!exec(QStringLiteral("BEGIN IMMEDIATE")))
        return failCount(m_lastError, error);
    const QList<TrackLookup> unique = store::uniqueTracks(tracks);
    qint64 added = 0;
    if (!insertTracks(unique, &added))
        return failCount(m_lastError, error);
    audit->result = store::enqueueResult(added, unique.size());
    if (!writeAudit(audit) || !exec(QStringLiteral("COMMIT")))
        return failCount(m_lastError, error);
    noteWrite(true);
    m_counts[std::size_t(TrackStatus::Pending)] += added;
    if (added > 0)
        Q_EMIT countsChanged();
    return added;
}

void SqliteQueueStore::readControl()
{
    QSqlQuery q(db());
    if (q.exec(QStringLiteral("SELECT state FROM enrichment_control WHERE id = 1")) && q.next())
        m_control = store::controlFromJson(q.value(0).toString().toUtf8());
}

bool SqliteQueueStore::changeControl(const std::function<QJsonObject(PipelineControl &)> &change,
                                     AuditEntry *audit, QString *error)
{
    if (!isOpen())
        return fail(QStringLiteral("database is not open"), error);
    if (!exec(QStringLiteral("BEGIN IMMEDIATE")))
        return fail(m_lastError, error);
    readControl();
    PipelineControl next = m_control;
    audit->result = store::compact(change(next));
    QSqlQuery q(db());
    q.prepare(QStringLiteral("INSERT INTO enrichment_control (id, state) VALUES (1, ?)"
                             " ON CONFLICT (id) DO UPDATE SET state = excluded.state"));
    q.addBindValue(QString::fromUtf8(store::controlToJson(next)));
    if (!q.exec())
        return fail(q.lastError().text(), error);
    if (!writeAudit(audit) || !exec(QStringLiteral("COMMIT")))
        return fail(m_lastError, error);
    noteWrite(true);
    m_control = next;
    return true;
}

void SqliteQueueStore::prune()
{
    if (!isOpen())
        return;
    const qint64 now = m_clock.nowMs();
    QSqlQuery q(db());
    q.prepare(QStringLiteral("DELETE FROM enrichment_attempts WHERE at_ms < ?"));
    q.addBindValue(now - AttemptsKeptMs);
    if (!q.exec())
        m_lastError = q.lastError().text();
    q.prepare(QStringLiteral("DELETE FROM enrichment_audit WHERE at_ms < ?"));
    q.addBindValue(now - AuditKeptMs);
    if (!q.exec())
        m_lastError = q.lastError().text();
}

} // namespace enrichment
