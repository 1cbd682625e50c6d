// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>

#include <QHash>
#include "SqlQueueStore.h"

class QSqlQuery;

namespace enrichment {

class Clock;

/// The queue in a PostgreSQL database shared by any number of workers (docs/SCALING.md).
///
/// - Schema: created and migrated on open, idempotently, under an advisory lock, with its
///   version in `enrichment_schema_version`; an `enrichment_status` table the seed created
///   gets our columns added.
/// - Claims: one statement (a CTE picks available pending rows `FOR UPDATE SKIP LOCKED`,
///   an `UPDATE ... RETURNING` leases them). Expired leases are returned by any worker.
///   A batch's results are written by one statement in one transaction, and only where
///   this worker still holds the lease.
/// - Counts: statement triggers keep `enrichment_status_counts` (a few rows per status,
///   one per connection slot, so workers do not queue on one row) in the same
///   transaction as every change; counts() reads their sums. Completions per second go to
///   `enrichment_completions` the same way (the fleet's processing rate). reconcile()
///   recounts with `GROUP BY` under an advisory lock (one worker at a time).
/// - Workers: `enrichment_workers` holds each worker's heartbeat.
/// - A lost connection (server restart) is reopened on the next call, at most once a
///   second; until then calls fail and writable() says why.
class PostgresQueueStore final : public SqlQueueStore
{
    Q_OBJECT
public:
    /// Where the database is: `postgresql://USER@HOST:PORT/DB[?sslmode=...]`.
    struct Target
    {
        QString host = QStringLiteral("localhost");
        int port = 5432;
        QString user;
        QString database;
        QString connectOptions; ///< libpq options from the URL's query (sslmode, ...)
        /// USER@HOST:PORT/DB: safe to log.
        QString displayName() const;
    };
    /// Parses @p url; refuses a password in it, with a reason in @p error.
    static bool parseUrl(const QString &url, Target *target, QString *error);

    PostgresQueueStore(const Clock &clock, const Config &config,
                       const ServerStoreOptions &server = {}, QObject *parent = nullptr);
    ~PostgresQueueStore() override;

    /// Connects and migrates the schema.
    bool open(const Target &target, QString *error);
    bool ping() override;

    using QueueStore::enqueue;
    int enqueue(const QList<TrackLookup> &tracks) override;
    QList<ClaimedTrack> claim(int n) override;
    /// One statement in one transaction, only where this worker still holds the lease.
    QList<bool> record(const QList<TrackResult> &results) override;

    /// The fleet's counts: the sums of the counts table as last read (the first call, and
    /// refresh(), read them), moved at once by this worker's own writes. Never a query on
    /// a request's path once read.
    std::array<qint64, TrackStatusCount> counts() const override;
    bool reconcile() override;
    /// The fleet's completions in the last @p seconds (one-second buckets), read like the
    /// counts: the first time a window is asked for, then on refresh().
    qint64 completedInLast(int seconds) const override;
    std::optional<qint64> oldestPendingMs() override;
    /// Reads the fleet's counts and the completion windows asked for so far (the service
    /// calls it on its tick, every second).
    void refresh() override;

    TrackPage tracks(const TrackFilter &filter, int limit, const QString &after) override;
    bool track(const QString &trackId, TrackRow *row, QList<Attempt> *attempts,
               int maxAttempts) override;
    QList<FailureGroup> failures(int examples) override;
    QList<AuditEntry> audit(int limit) override;
    qint64 retry(const TrackFilter &filter, AuditEntry *audit, QString *error) override;
    qint64 enqueue(const QList<TrackLookup> &tracks, AuditEntry *audit, QString *error) override;
    bool appendAudit(AuditEntry *audit, QString *error) override;
    qint64 reserveSendSlot(const QString &key, qint64 intervalMs) override;
    bool changeControl(const std::function<QJsonObject(PipelineControl &)> &change,
                       AuditEntry *audit, QString *error) override;
    /// As last read: open(), refresh() (every tick) and changeControl() read it.
    PipelineControl control() const override { return m_control; }
    /// Deletes attempts and audit entries past their age (reconcile() runs it).
    void prune();

    bool sharedByWorkers() const override { return true; }
    void heartbeat(const WorkerInfo &self) override;
    QList<WorkerInfo> workers() override;

    QString name() const override
    {
        return QStringLiteral("postgresql://%1:%2/%3")
            .arg(m_target.host)
            .arg(m_target.port)
            .arg(m_target.database);
    }

private:
    /// Inside a transaction: gives tracks already queued the lookup data given, then adds
    /// the others; @p added how many. False (m_lastError set) when a statement failed.
    bool insertTracks(const QList<TrackLookup> &unique, qint64 *added);
    /// Reopens a connection that broke (at most once a second); false while it is down.
    bool connected() const override;
    bool probeWrite(qint64 now) override;
    /// Returns expired in_progress leases to pending (claim() does it first); how many.
    int releaseExpiredLeases();
    /// Runs @p q; on failure records the error, notes a failed write if @p write, and
    /// checks whether the connection is gone.
    bool run(QSqlQuery &q, bool write) const;
    bool migrate(QString *error);
    static bool configureSession(QSqlDatabase &d);
    /// Keeps the newest AttemptsKeptPerTrack attempts of @p trackIds.
    void trimAttempts(const QStringList &trackIds);
    bool readCounts() const;
    void readControl();
    bool begin(QString *error);
    /// Rolls back; @p error gets the last error. Returns false.
    bool rollback(QString *error) const;
    /// Writes @p audit and commits.
    bool commitWithAudit(AuditEntry *audit, QString *error);
    /// Commits the transaction; false (rolled back, @p error set) when it failed.
    bool commit(QString *error);
    qint64 readCompleted(int seconds) const;
    /// This worker's own status changes, applied to the counts as last read.
    void move(std::optional<TrackStatus> from, std::optional<TrackStatus> to, qint64 n) const;

    ServerStoreOptions m_server;
    Target m_target;
    mutable bool m_broken = false;
    mutable qint64 m_lastReconnectMs = -1;
    qint64 m_lastExpiryMs = -1; ///< the last look for expired leases
    mutable std::array<qint64, TrackStatusCount> m_counts{};
    mutable bool m_countsValid = false;
    /// completedInLast() answers by window (seconds -> tracks).
    mutable QHash<int, qint64> m_completedCache;
    PipelineControl m_control;
};

} // namespace enrichment
