// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>

#include <QSqlDatabase>

#include "SqlQueueStore.h"
#include "ThroughputWindow.h"
#include "enrichment/Vocabulary.h"

namespace enrichment {

class Clock;

/// QueueStore on the `enrichment_status` table (SongNodes columns plus lease bookkeeping) on
/// QtSql/SQLite in WAL mode. The SQL is portable to PostgreSQL apart from the PRAGMAs and
/// `BEGIN IMMEDIATE`.
///
/// Claims are leases: claim() moves tracks to in_progress with `lease_expires_at`; a track
/// whose worker died goes back to pending once its lease expires (releaseExpiredLeases(),
/// also run by every claim()), so a crash loses nothing. A failed attempt is retried with
/// exponential backoff until `maxRetries` attempts failed, then the track is failed.
///
/// Status counts are kept in memory and updated on every transition, so counts() is O(1);
/// reconcile() compares them with a GROUP BY over the table (run at open and rarely after).
/// Completions feed a one-hour sliding window for the processing rate.
///
/// Thread affinity: the database connection belongs to the thread that called open().
class SqliteQueueStore final : public SqlQueueStore
{
    Q_OBJECT
public:
    SqliteQueueStore(const Clock &clock, const Config &config, QObject *parent = nullptr);
    ~SqliteQueueStore() override;

    /// Opens (creating if needed) the database at @p path; ":memory:" works for tests.
    bool open(const QString &path, QString *error = nullptr);
    /// True if the database answers a query now.
    bool ping() override;

    /// Adds tracks as pending; ids already present are ignored. Returns how many were added.
    using QueueStore::enqueue;
    int enqueue(const QList<TrackLookup> &tracks) override;
    /// Leases up to @p n pending tracks to this store's worker.
    QList<ClaimedTrack> claim(int n) override;
    /// The batch in one transaction.
    QList<bool> record(const QList<TrackResult> &results) override;

    /// Current counts per status, O(1).
    std::array<qint64, TrackStatusCount> counts() const override { return m_counts; }
    /// Recounts from the table; returns true if the in-memory counts had drifted.
    bool reconcile() override;

    /// Tracks finished completed or partial in the last @p seconds (sliding window).
    qint64 completedInLast(int seconds) const override;
    std::optional<qint64> oldestPendingMs() override;
    QString name() const override { return m_name; }

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
    PipelineControl control() const override { return m_control; }
    /// Deletes attempts and audit entries past their age (reconcile() runs it).
    void prune();

private:
    /// Inside a transaction: gives tracks already queued the lookup data given, then adds
    /// the others; @p added how many. False (m_lastError set) when a statement failed.
    bool insertTracks(const QList<TrackLookup> &unique, qint64 *added);
    bool probeWrite(qint64 now) override;
    bool exec(const QString &sql);
    /// Returns expired in_progress leases to pending (claim() does it first); how many.
    int releaseExpiredLeases();
    bool finishOne(const TrackResult &result);
    /// Back to pending without using a retry, claimable from @p availableAtMs.
    bool defer(const QString &trackId, qint64 availableAtMs, const QString &reason);
    bool writeMetadata(const QList<std::pair<QString, MetadataValue>> &metadata);
    bool writeAttempts(const QList<Attempt> &attempts, const QStringList &trackIds);
    bool writeAudit(AuditEntry *audit);
    void readControl();
    /// Rolls back, records @p why, and returns false.
    bool fail(const QString &why, QString *error);
    qint64 failCount(const QString &why, QString *error); ///< fail(), then -1
    void move(TrackStatus from, TrackStatus to, qint64 n);

    QString m_name;
    std::array<qint64, TrackStatusCount> m_counts{};
    ThroughputWindow m_completions;
    PipelineControl m_control;
};

} // namespace enrichment
