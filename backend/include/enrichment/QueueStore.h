// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <functional>
#include <memory>
#include <optional>

#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QStringList>

#include "enrichment/TrackLookup.h"
#include "enrichment/Vocabulary.h"

namespace enrichment {

class Clock;

/// A track handed to a worker by QueueStore::claim().
struct ClaimedTrack
{
    QString trackId;
    int retryCount = 0;
    /// What a lookup needs, as the track was queued with it (empty: only the id).
    QString artist;
    QString title;
    QString isrc;
    qint64 durationMs = 0;

    TrackLookup lookup() const { return {trackId, artist, title, isrc, durationMs}; }
};

/// One call (or skipped call) to one source for one track: a row of the attempts table.
struct Attempt
{
    QString trackId;
    QString source;
    QString outcome;   ///< success, no_data, error, or skipped (breaker open, quota, source paused)
    QString errorType; ///< an ErrorType wire name (or `source_paused`); empty on success/no_data
    QString detail;    ///< what the source said: an HTTP-like status or a message
    double latencyMs = 0;
    QStringList fields; ///< metadata fields the source found (success only)
    QString worker;     ///< filled in by the store: its worker id
    qint64 atMs = 0;
};

/// One metadata field a track ended up with: its value and the source that gave it. A field
/// found again later replaces what was kept; fields not found again stay.
struct MetadataValue
{
    QString field;  ///< e.g. isrc, bpm, release_date, musicbrainz_id
    QString value;  ///< as the source gave it, at most MetadataValueMaxChars characters
    QString source; ///< the waterfall's first source that had it
    qint64 atMs = 0;
};

/// What became of one claimed track, for QueueStore::record().
struct TrackResult
{
    QString trackId;
    TrackStatus status = TrackStatus::Completed; ///< completed, partial or failed
    QStringList sourcesEnriched;
    QString errorMessage;
    /// > 0: postponed, back to pending without using a retry, claimable again from this
    /// time (epoch ms): no source could be asked, or the only errors were rate limits.
    /// status is then ignored.
    qint64 deferUntilMs = 0;
    /// A failed track with retries left is claimable again from this time (epoch ms);
    /// 0: after the store's own backoff (Config::retryBackoffMs times the failed attempts).
    qint64 retryAtMs = 0;
    /// A failed track that asking again cannot help (every source answered no data or a
    /// permanent error): failed now, its retries left unused.
    bool permanent = false;
    /// The first error of this attempt in waterfall order (`no_data` when every source
    /// answered without data) and its source: what the failures view groups by.
    QString errorType;
    QString errorSource;
    /// Every source call of this attempt, written to the attempts table with the result
    /// (the pipeline leaves it empty when no source was asked at all).
    QList<Attempt> attempts;
    /// The fields this attempt found, one per field; kept per track with the result.
    QList<MetadataValue> metadata;
};

/// Which tracks a search, a page or a bulk retry means. Empty members do not filter.
struct TrackFilter
{
    std::optional<TrackStatus> status;
    QString errorType;
    QString errorSource;
    QString idPrefix; ///< track ids starting with this
    QStringList ids;  ///< exactly these tracks (a retry by id)
};

/// One row of the `enrichment_status` table as the operator endpoints show it.
struct TrackRow
{
    QString trackId;
    TrackStatus status = TrackStatus::Pending;
    int retryCount = 0;
    QStringList sourcesEnriched;
    QString errorMessage;
    QString errorType;
    QString errorSource;
    qint64 lastAttemptMs = 0; ///< 0: never attempted
    qint64 createdMs = 0;
    qint64 updatedMs = 0;
    qint64 availableAtMs = 0;
    QString leaseOwner;
    /// What a lookup needs, as the track was queued with it (empty: only the id).
    QString artist;
    QString title;
    QString isrc;
    qint64 durationMs = 0;
    /// The metadata kept for the track, by field name; filled by QueueStore::track() only.
    QList<MetadataValue> metadata;
};

/// One page of a track search; `next` is the cursor of the following page (empty: last).
struct TrackPage
{
    QList<TrackRow> rows;
    QString next;
    bool ok = true; ///< false: the store could not answer (lastError() says why)
};

/// Failed or partial tracks sharing an error type and source.
struct FailureGroup
{
    TrackStatus status = TrackStatus::Failed;
    QString errorType;
    QString errorSource;
    qint64 count = 0;
    QStringList examples; ///< a few track ids of the group
};

/// One operator action as the audit log keeps it.
struct AuditEntry
{
    qint64 id = 0;
    qint64 atMs = 0;
    QString actor;         ///< the token's name, never the token
    QString action;        ///< retry, breaker, pause, resume, enqueue
    QByteArray parameters; ///< the request's parameters, compact JSON
    QByteArray result;     ///< what changed, compact JSON
    QString worker;        ///< the backend that carried it out
};

/// What operators set for the whole fleet: a paused pipeline claims nothing; a paused
/// source is skipped by the waterfall; a breaker command (close, probe) is carried out
/// once by every worker (each has its own breakers), in the order of its sequence number.
struct PipelineControl
{
    bool paused = false;
    QStringList pausedSources;
    struct BreakerCommand
    {
        qint64 sequence = 0;
        QString action; ///< close or probe
    };
    QMap<QString, BreakerCommand> breakerCommands; ///< source -> its latest command
    bool operator==(const PipelineControl &o) const
    {
        return paused == o.paused && pausedSources == o.pausedSources && breakerCommandsEqual(o);
    }

private:
    bool breakerCommandsEqual(const PipelineControl &o) const
    {
        if (breakerCommands.size() != o.breakerCommands.size())
            return false;
        for (auto it = breakerCommands.cbegin(); it != breakerCommands.cend(); ++it) {
            const auto other = o.breakerCommands.constFind(it.key());
            if (other == o.breakerCommands.cend() || other->sequence != it->sequence ||
                other->action != it->action)
                return false;
        }
        return true;
    }
};

/// Bounds of the attempts table: per track and by age (see docs/OPERATIONS.md).
inline constexpr int AttemptsKeptPerTrack = 50;
inline constexpr qint64 AttemptsKeptMs = 14LL * 24 * 3600 * 1000;
/// Audit entries older than this are deleted.
inline constexpr qint64 AuditKeptMs = 180LL * 24 * 3600 * 1000;

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
    qint64 lastBatchMs = 0; ///< when it last finished a batch (epoch ms); 0: never
    /// What it counted of its sources, cache and fields at its last heartbeat, so that any
    /// backend of the shared queue can show the fleet's figures (docs/PROTOCOL.md, "Fleet
    /// statistics"; written and read by FleetStats).
    QJsonObject stats;
};

/// The enrichment queue as the pipeline and the service see it: the `enrichment_status`
/// table of the seed (track id, status, sources enriched, retries, error, times) with
/// leased claims. openQueueStore() makes one: on SQLite (the embedded default) or on
/// PostgreSQL (a queue shared by a fleet, whose counts() and completedInLast() answer
/// from the shared database).
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
        /// The lease owner written on claims; empty: HOST:PID (defaultWorkerId()).
        QString workerId;
    };

    /// @p config's empty worker id becomes defaultWorkerId().
    explicit QueueStore(const Config &config, QObject *parent = nullptr);
    ~QueueStore() override;

    const Config &config() const { return m_config; }
    /// The lease owner this store writes on claims.
    const QString &workerId() const { return m_config.workerId; }
    /// Names the queue itself, the same for every worker on it and different for another
    /// queue: `sqlite://HOST/PATH`, `postgresql://HOST:PORT/DB` (no user, no secret).
    virtual QString name() const = 0;
    /// What the last failed call said.
    virtual QString lastError() const = 0;

    /// Closes the connection: every later call fails (and says so) until the store is
    /// opened again. The destructor closes, too.
    virtual void close() = 0;
    /// True if the store answers a query now.
    virtual bool ping() = 0;
    /// Whether the store can write, checked at most once per @p maxAgeMs; any failed
    /// write of the queue itself also counts until the next write succeeds. @p error
    /// receives the reason while unwritable.
    virtual bool writable(QString *error, qint64 maxAgeMs = 1000) = 0;

    /// Adds tracks as pending, with what a lookup needs of each. A track already queued
    /// keeps its state; given again with artist and title, it takes the lookup data given
    /// (an import completing tracks first queued by id). An id listed twice counts once,
    /// as first given. Returns how many were added.
    virtual int enqueue(const QList<TrackLookup> &tracks) = 0;
    /// enqueue() of plain ids, with no lookup data.
    int enqueue(const QStringList &trackIds);
    /// Leases up to @p n pending tracks to this store's worker (expired leases go back to
    /// pending first).
    virtual QList<ClaimedTrack> claim(int n) = 0;
    /// Records a batch's results at once, in one transaction: a failed track is retried
    /// (back to pending from its retryAtMs) until maxRetries attempts failed, or fails at
    /// once when permanent; a deferred one goes back to pending without using a retry. Returns, per result, whether it was recorded: false
    /// where this worker no longer holds the lease (another worker owns the track now) or
    /// the write failed.
    virtual QList<bool> record(const QList<TrackResult> &results) = 0;

    /// Current count of tracks in @p s, cheap.
    qint64 count(TrackStatus s) const { return counts()[std::size_t(s)]; }
    virtual std::array<qint64, TrackStatusCount> counts() const = 0;
    /// Recounts from the table; returns true if the counts had drifted.
    virtual bool reconcile() = 0;
    /// A store whose truth is shared (PostgreSQL) reads the fleet's counts and completion
    /// windows again here, off any request's path; the service calls it every tick.
    /// counts() and completedInLast() then answer from what it read.
    virtual void refresh() {}
    /// Tracks finished completed or partial in the last @p seconds (up to an hour).
    virtual qint64 completedInLast(int seconds) const = 0;
    /// Since when the longest-waiting pending track could be claimed (epoch ms): the
    /// queue's latency. std::nullopt when nothing is pending or the store cannot answer.
    /// One index lookup (the claim index); the service reads it once a tick.
    virtual std::optional<qint64> oldestPendingMs() = 0;

    /// Reserves the next send slot of @p key (a provider) for this worker: the slots of a
    /// key are @p intervalMs apart across every worker of the queue (and every process on
    /// the same SQLite file), so a fleet asks a provider no faster together than one
    /// client may. Returns in how many milliseconds this worker may send (0: now); -1 when
    /// the store cannot answer (the caller then paces on its own).
    virtual qint64 reserveSendSlot(const QString &key, qint64 intervalMs) = 0;

    /// A store shared by several workers keeps a registry of them; a store of one process
    /// has none (workers() is empty and heartbeat() does nothing).
    virtual bool sharedByWorkers() const { return false; }
    /// Records that this worker is alive, with what it is doing.
    virtual void heartbeat(const WorkerInfo &self) { Q_UNUSED(self); }
    /// Every registered worker, by id.
    virtual QList<WorkerInfo> workers() { return {}; }

    // What operators read and do (docs/PROTOCOL.md, "Operators"). Every action runs in
    // one transaction with its audit row; counts move with it.

    /// One page of tracks matching @p filter in track-id order, after the cursor @p after
    /// (a track id; empty: from the start), at most @p limit rows. Uses an index; never a
    /// full scan. Not ok, with lastError() set, when the store cannot answer.
    virtual TrackPage tracks(const TrackFilter &filter, int limit, const QString &after) = 0;
    /// One track (with its metadata) and its newest @p maxAttempts attempts, newest first.
    /// False if unknown.
    virtual bool track(const QString &trackId, TrackRow *row, QList<Attempt> *attempts,
                       int maxAttempts) = 0;
    /// Failed and partial tracks grouped by status, error type and error source, largest
    /// groups first, with up to @p examples track ids each.
    virtual QList<FailureGroup> failures(int examples) = 0;
    /// The newest @p limit audit entries, newest first.
    virtual QList<AuditEntry> audit(int limit) = 0;
    /// Sends the failed and partial tracks @p filter names back to pending with their
    /// retries reset, and writes @p audit (its result: how many changed, by status) in the
    /// same transaction. Pending, in-progress and completed tracks are left alone, so a
    /// retry repeated changes nothing. Returns how many changed; -1 with @p error on failure
    /// (then nothing changed).
    virtual qint64 retry(const TrackFilter &filter, AuditEntry *audit, QString *error) = 0;
    /// enqueue() with @p audit in the same transaction (result: added, already queued).
    virtual qint64 enqueue(const QList<TrackLookup> &tracks, AuditEntry *audit, QString *error) = 0;
    /// Reads the pipeline control in a transaction, lets @p change edit it (it returns the
    /// audit result), writes it back and @p audit. False with @p error on failure.
    virtual bool changeControl(const std::function<QJsonObject(PipelineControl &)> &change,
                               AuditEntry *audit, QString *error) = 0;
    /// Writes @p audit alone: something the service did by itself that operators must see
    /// (a breaker that stopped probing and waits for them). False with @p error on failure.
    virtual bool appendAudit(AuditEntry *audit, QString *error) = 0;
    /// The pipeline control as last read (open() and refresh() read it; changeControl()
    /// updates it).
    virtual PipelineControl control() const = 0;

Q_SIGNALS:
    /// Emitted whenever counts() changed.
    void countsChanged();

private:
    Config m_config;
};

/// HOST:PID, the default worker id.
QString defaultWorkerId();

/// What only a store on a database server (PostgreSQL) reads.
struct ServerStoreOptions
{
    /// For a URL that names no password: empty means the environment's (PGPASSWORD).
    /// Never logged.
    QString password;
    /// Claims skip rows other workers hold (`SKIP LOCKED`); false makes them wait
    /// instead, only as the benchmark's baseline.
    bool skipLocked = true;
};

/// Opens the store @p spec names: a file path or `sqlite:PATH` (`:memory:` works for
/// tests), or `postgresql://USER@HOST:PORT/DB` (the password comes from @p server or
/// PGPASSWORD; a URL with a password is refused: it would show in `ps`). Returns null
/// with a one-line reason in @p error when the store cannot be opened.
std::unique_ptr<QueueStore> openQueueStore(const QString &spec, const Clock &clock,
                                           const QueueStore::Config &config, QString *error,
                                           const ServerStoreOptions &server = {});

} // namespace enrichment
