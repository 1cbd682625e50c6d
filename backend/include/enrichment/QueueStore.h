// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <memory>

#include <QMap>
#include <QObject>
#include <QStringList>

#include "enrichment/Vocabulary.h"

namespace enrichment {

class Clock;

/// A track handed to a worker by QueueStore::claim().
struct ClaimedTrack
{
    QString trackId;
    int retryCount = 0;
};

/// What became of one claimed track, for QueueStore::record().
struct TrackResult
{
    QString trackId;
    TrackStatus status = TrackStatus::Completed; ///< completed, partial or failed
    QStringList sourcesEnriched;
    QString errorMessage;
    /// > 0: no source could be asked; back to pending without using a retry, claimable
    /// again from this time (epoch ms). status is then ignored.
    qint64 deferUntilMs = 0;
};

/// A backend process working on the queue, as the store's worker registry knows it.
struct WorkerInfo
{
    QString id;
    QString host;
    qint64 pid = 0;
    qint64 startedMs = 0;
    qint64 lastSeenMs = 0;
    int currentBatch = 0; ///< tracks in the batch in flight; 0: idle
    qint64 batches = 0;   ///< batches completed since it started
    double tracksPerMinute = 0;
    bool stopped = false; ///< it stopped cleanly (its last heartbeat said so)
    /// Its circuit breakers at its last heartbeat: source -> state.
    QMap<QString, BreakerState> breakers;
};

/// The enrichment queue as the pipeline and the service see it: the `enrichment_status`
/// table of the seed (track id, status, sources enriched, retries, error, times) with
/// leased claims. Implementations: SqliteQueueStore (the embedded default); a store whose
/// truth lives in a shared database answers counts() and completedInLast() from there.
///
/// Claims are leases: claim() moves tracks to in_progress for this store's worker; a
/// track whose worker died goes back to pending once its lease expires, so a crash loses
/// nothing. A failed attempt is retried with backoff until `maxRetries` attempts failed.
/// Counts must be cheap (no full-table count per call); reconcile() checks them.
///
/// Thread affinity: a store is used from the thread that opened it.
class QueueStore : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        qint64 leaseMs = 60'000;
        int maxRetries = 3;
        qint64 retryBackoffMs = 15'000;
        /// The lease owner written on claims; empty: HOST:PID.
        QString workerId;
        /// For a server store (PostgreSQL) whose URL names no password: empty means the
        /// environment's (PGPASSWORD). Never logged.
        QString password;
        /// PostgreSQL claims skip rows other workers hold (`SKIP LOCKED`); false makes them
        /// wait instead, only as the benchmark's baseline.
        bool skipLocked = true;
    };

    using QObject::QObject;
    ~QueueStore() override = default;

    virtual void close() = 0;
    virtual bool isOpen() const = 0;
    /// True if the store answers a query now.
    virtual bool ping() = 0;
    /// Whether the store can write, checked at most once per @p maxAgeMs; any failed
    /// write of the queue itself also counts until the next write succeeds. @p error
    /// receives the reason while unwritable.
    virtual bool writable(QString *error, qint64 maxAgeMs = 1000) = 0;

    /// Adds tracks as pending; ids already present are ignored. Returns how many were added.
    virtual int enqueue(const QStringList &trackIds) = 0;
    /// Leases up to @p n pending tracks to this store's worker.
    virtual QList<ClaimedTrack> claim(int n) = 0;
    /// Records the outcome of a claimed track. Failed is retried (back to pending) until
    /// maxRetries attempts failed. Returns false if this worker no longer holds the lease.
    virtual bool finish(const QString &trackId, TrackStatus outcome,
                        const QStringList &sourcesEnriched, const QString &errorMessage = {}) = 0;
    /// Returns a claimed track to pending without using a retry (no source could be asked),
    /// claimable again from @p availableAtMs. False if this worker no longer holds the lease.
    virtual bool defer(const QString &trackId, qint64 availableAtMs, const QString &reason) = 0;
    /// Records a whole batch's results at once (one transaction where the store has them).
    /// Returns, per result, whether it was recorded: false where this worker no longer
    /// holds the lease (another worker owns the track now) or the write failed.
    virtual QList<bool> record(const QList<TrackResult> &results);
    /// Returns expired in_progress leases to pending; returns how many.
    virtual int releaseExpiredLeases() = 0;

    /// Current count of tracks in @p s, cheap.
    virtual qint64 count(TrackStatus s) const = 0;
    virtual std::array<qint64, TrackStatusCount> counts() const = 0;
    /// Recounts from the table; returns true if the counts had drifted.
    virtual bool reconcile() = 0;
    /// A store whose truth is shared (PostgreSQL) reads the fleet's counts and completion
    /// windows again here, off any request's path; the service calls it every tick.
    /// counts() and completedInLast() then answer from what it read.
    virtual void refresh() {}
    /// Tracks finished completed or partial in the last @p seconds (up to an hour).
    virtual qint64 completedInLast(int seconds) const = 0;

    /// A store shared by several workers keeps a registry of them; a store of one process
    /// has none (workers() is empty and heartbeat() does nothing).
    virtual bool sharedByWorkers() const { return false; }
    /// Records that this worker is alive, with what it is doing.
    virtual void heartbeat(const WorkerInfo &self) { Q_UNUSED(self); }
    /// Every registered worker, by id.
    virtual QList<WorkerInfo> workers() { return {}; }

    /// Names the queue itself, the same for every worker on it and different for another
    /// queue: `sqlite://HOST/PATH`, `postgresql://HOST:PORT/DB` (no user, no secret).
    virtual QString name() const = 0;
    virtual const QString &workerId() const = 0;
    virtual const Config &config() const = 0;
    virtual QString lastError() const = 0;

Q_SIGNALS:
    /// Emitted whenever counts() changed.
    void countsChanged();
};

/// HOST:PID, the default worker id.
QString defaultWorkerId();

/// Opens the store @p spec names: a file path or `sqlite:PATH` (`:memory:` works for
/// tests), or `postgresql://USER@HOST:PORT/DB` (the password comes from the config or
/// PGPASSWORD; a URL with a password is refused: it would show in `ps`). Returns null
/// with a one-line reason in @p error when the store cannot be opened.
std::unique_ptr<QueueStore> openQueueStore(const QString &spec, const Clock &clock,
                                           const QueueStore::Config &config, QString *error);

} // namespace enrichment
