// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqliteQueueStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QHostInfo>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include "enrichment/Clock.h"

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
    : QueueStore(parent), m_clock(clock), m_config(config),
      m_connectionName(QStringLiteral("enrichment-queue-%1").arg(quintptr(this), 0, 16)),
      m_workerId(config.workerId.isEmpty() ? QUuid::createUuid().toString(QUuid::WithoutBraces)
                                           : config.workerId)
{}

SqliteQueueStore::~SqliteQueueStore()
{
    close();
}

bool SqliteQueueStore::exec(const QString &sql)
{
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
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
                       " lease_expires_at BIGINT)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS idx_enrichment_status_status"
                       " ON enrichment_status (status, available_at)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS idx_enrichment_status_last_attempt"
                       " ON enrichment_status (last_attempt)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS idx_enrichment_status_lease"
                       " ON enrichment_status (status, lease_expires_at)"),
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

void SqliteQueueStore::close()
{
    if (QSqlDatabase::contains(m_connectionName)) {
        {
            QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(m_connectionName);
    }
}

bool SqliteQueueStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) &&
           QSqlDatabase::database(m_connectionName, false).isOpen();
}

bool SqliteQueueStore::ping()
{
    if (!isOpen())
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    return q.exec(QStringLiteral("SELECT 1 FROM enrichment_status LIMIT 1"));
}

void SqliteQueueStore::noteWrite(bool ok)
{
    if (ok) {
        if (!m_writeError.isEmpty())
            qCInfo(lcQueue) << "writes succeed again";
        m_writeError.clear();
    } else {
        if (m_writeError.isEmpty())
            qCWarning(lcQueue).noquote() << "writes are failing:" << m_lastError;
        m_writeError = m_lastError.isEmpty() ? QStringLiteral("write failed") : m_lastError;
    }
}

bool SqliteQueueStore::writable(QString *error, qint64 maxAgeMs)
{
    const qint64 now = m_clock.nowMs();
    if (!isOpen()) {
        *error = QStringLiteral("database is not open");
        return false;
    }
    if (m_lastProbeMs < 0 || now - m_lastProbeMs >= maxAgeMs || now < m_lastProbeMs) {
        m_lastProbeMs = now;
        QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
        q.prepare(
            QStringLiteral("INSERT INTO store_health (id, checked_at) VALUES (1, ?)"
                           " ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at"));
        q.addBindValue(now);
        const bool ok = q.exec();
        if (!ok)
            m_lastError = q.lastError().text();
        noteWrite(ok);
    }
    *error = m_writeError;
    return m_writeError.isEmpty();
}

void SqliteQueueStore::move(TrackStatus from, TrackStatus to, qint64 n)
{
    if (n <= 0 || from == to)
        return;
    m_counts[std::size_t(from)] -= n;
    m_counts[std::size_t(to)] += n;
}

int SqliteQueueStore::enqueue(const QStringList &trackIds)
{
    if (!isOpen() || trackIds.isEmpty())
        return 0;
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!db.transaction())
        return 0;
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO enrichment_status (track_id, status, sources_enriched, retry_count,"
        " created_at, updated_at, available_at) VALUES (?, 'pending', '', 0, ?, ?, ?)"
        " ON CONFLICT (track_id) DO NOTHING"));
    const qint64 now = m_clock.nowMs();
    int added = 0;
    for (const QString &id : trackIds) {
        q.addBindValue(id);
        q.addBindValue(now);
        q.addBindValue(now);
        q.addBindValue(now);
        if (!q.exec()) {
            m_lastError = q.lastError().text();
            qCWarning(lcQueue).noquote() << "enqueue failed:" << m_lastError;
            db.rollback();
            noteWrite(false);
            return 0;
        }
        added += q.numRowsAffected() > 0 ? 1 : 0;
    }
    if (!db.commit()) {
        m_lastError = db.lastError().text();
        db.rollback();
        noteWrite(false);
        return 0;
    }
    noteWrite(true);
    m_counts[std::size_t(TrackStatus::Pending)] += added;
    if (added > 0)
        Q_EMIT countsChanged();
    return added;
}

int SqliteQueueStore::releaseExpiredLeases()
{
    if (!isOpen())
        return 0;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
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
    QSqlDatabase db = QSqlDatabase::database(m_connectionName, false);
    if (!exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        noteWrite(false);
        return claimed;
    }
    const qint64 now = m_clock.nowMs();
    QSqlQuery select(db);
    select.prepare(QStringLiteral("SELECT track_id, retry_count FROM enrichment_status"
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
        claimed.append({select.value(0).toString(), select.value(1).toInt()});
    select.finish();
    QSqlQuery update(db);
    update.prepare(
        QStringLiteral("UPDATE enrichment_status SET status = 'in_progress', lease_owner = ?,"
                       " lease_expires_at = ?, last_attempt = ?, updated_at = ?"
                       " WHERE track_id = ? AND status = 'pending'"));
    for (const ClaimedTrack &t : std::as_const(claimed)) {
        update.addBindValue(m_workerId);
        update.addBindValue(now + m_config.leaseMs);
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

bool SqliteQueueStore::finish(const QString &trackId, TrackStatus outcome,
                              const QStringList &sourcesEnriched, const QString &errorMessage)
{
    if (!isOpen())
        return false;
    const qint64 now = m_clock.nowMs();
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    TrackStatus stored = outcome;
    if (outcome == TrackStatus::Failed) {
        // retry_count counts failed attempts; retry until maxRetries of them failed.
        q.prepare(QStringLiteral(
            "UPDATE enrichment_status SET"
            " status = CASE WHEN retry_count + 1 >= ? THEN 'failed' ELSE 'pending' END,"
            " retry_count = retry_count + 1, error_message = ?, sources_enriched = ?,"
            " available_at = ? + ? * (retry_count + 1), lease_owner = NULL,"
            " lease_expires_at = NULL, updated_at = ?"
            " WHERE track_id = ? AND status = 'in_progress' AND lease_owner = ?"
            " RETURNING status"));
        q.addBindValue(m_config.maxRetries);
        q.addBindValue(errorMessage);
        q.addBindValue(joined(sourcesEnriched));
        q.addBindValue(now);
        q.addBindValue(m_config.retryBackoffMs);
        q.addBindValue(now);
        q.addBindValue(trackId);
        q.addBindValue(m_workerId);
    } else {
        q.prepare(QStringLiteral(
            "UPDATE enrichment_status SET status = ?, sources_enriched = ?, error_message = ?,"
            " lease_owner = NULL, lease_expires_at = NULL, updated_at = ?, last_attempt = ?"
            " WHERE track_id = ? AND status = 'in_progress' AND lease_owner = ?"
            " RETURNING status"));
        q.addBindValue(toWire(outcome));
        q.addBindValue(joined(sourcesEnriched));
        q.addBindValue(errorMessage.isEmpty() ? QVariant() : QVariant(errorMessage));
        q.addBindValue(now);
        q.addBindValue(now);
        q.addBindValue(trackId);
        q.addBindValue(m_workerId);
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
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    q.prepare(QStringLiteral(
        "UPDATE enrichment_status SET status = 'pending', available_at = ?, error_message = ?,"
        " lease_owner = NULL, lease_expires_at = NULL, updated_at = ?"
        " WHERE track_id = ? AND status = 'in_progress' AND lease_owner = ?"));
    q.addBindValue(availableAtMs);
    q.addBindValue(reason);
    q.addBindValue(m_clock.nowMs());
    q.addBindValue(trackId);
    q.addBindValue(m_workerId);
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
    QList<bool> done = QueueStore::record(results);
    if (inTransaction && !exec(QStringLiteral("COMMIT"))) {
        exec(QStringLiteral("ROLLBACK"));
        noteWrite(false);
        reconcile(); // the in-memory counts moved with statements that were rolled back
        done.fill(false);
    }
    return done;
}

bool SqliteQueueStore::reconcile()
{
    if (!isOpen())
        return false;
    QSqlQuery q(QSqlDatabase::database(m_connectionName, false));
    if (!q.exec(QStringLiteral("SELECT status, COUNT(*) FROM enrichment_status GROUP BY status"))) {
        m_lastError = q.lastError().text();
        return false;
    }
    std::array<qint64, TrackStatusCount> fresh{};
    while (q.next()) {
        if (const auto s = trackStatusFromWire(q.value(0).toString()))
            fresh[std::size_t(*s)] = q.value(1).toLongLong();
    }
    const bool drift = fresh != m_counts;
    if (drift) {
        m_counts = fresh;
        Q_EMIT countsChanged();
    }
    return drift;
}

qint64 SqliteQueueStore::completedInLast(int seconds) const
{
    return m_completions.countLast(m_clock.nowMs(), seconds);
}

} // namespace enrichment
