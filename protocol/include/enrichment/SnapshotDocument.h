// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "enrichment/Vocabulary.h"

/// The `/monitoring/enrichment` document (docs/PROTOCOL.md): what SnapshotWriter writes
/// and SnapshotParser reads, side by side. Everything past the seed's shape is optional:
/// std::nullopt means "the service did not say", which a view shows as "no data", never
/// as zero. Where the document writes null for "none" and where it leaves a key out are
/// told apart only where a reader needs it (the `...Reported` flags).
namespace enrichment {

struct BreakerInfo
{
    std::optional<BreakerState> state;
    std::optional<qint64> failureCount;
    std::optional<double> lastFailureTime; ///< epoch seconds
    /// The service sent last_failure_time at all (null there means "never failed"; a
    /// service that does not know, such as a relay, leaves it out).
    bool lastFailureReported = false;
    std::optional<double> nextProbeInSeconds;
    /// The service sent next_probe_in_seconds at all (null: not open; a relay leaves it
    /// out).
    bool nextProbeReported = false;
    /// The breaker's settings; a relay's fleet breaker has none.
    std::optional<qint64> failureThreshold;
    std::optional<qint64> successThreshold;
    std::optional<double> timeoutSeconds;
    /// Open after `reopenLimit` failed probes in a row: it probes no more by itself and
    /// waits for an operator (close or probe). A relay's fleet breaker leaves these out.
    std::optional<bool> needsAttention;
    std::optional<qint64> reopens; ///< failed probes in a row since it last closed
    std::optional<qint64> reopenLimit;
    /// A relay's breaker: each live worker's own state, by worker id.
    std::optional<QMap<QString, BreakerState>> workers;
};

struct RateLimitInfo
{
    double limit = 0;
    double remaining = 0;
    std::optional<double> resetTimestamp; ///< epoch seconds
};

struct LatencyInfo
{
    std::optional<double> p50;
    std::optional<double> p95;
    std::optional<double> p99;
    std::optional<qint64> windowSeconds; ///< what the percentiles were measured over
};

struct SourceInfo
{
    QString name;
    std::optional<BreakerInfo> breaker;
    std::optional<SourceHealth> health;
    std::optional<double> successRate1h;  ///< 0..1
    std::optional<double> successRate24h; ///< 0..1
    std::optional<LatencyInfo> latency;   ///< seconds
    std::optional<RateLimitInfo> rateLimit;
    QMap<QString, qint64> errors; ///< error type -> count; empty: no data
    /// The document has this source's figures (`sources.NAME`); one only in the breakers'
    /// or health's lists has none.
    bool figures = false;
    QMap<QString, qint64> requestsByStatus; ///< request status -> count since start
    /// All statuses since start; none when the document gave no counts.
    std::optional<qint64> requests() const
    {
        if (requestsByStatus.isEmpty())
            return std::nullopt;
        qint64 total = 0;
        for (qint64 n : requestsByStatus)
            total += n;
        return total;
    }
    std::optional<qint64> requests1h;
    std::optional<qint64> trips; ///< times its breaker opened since start
};

struct CacheInfo
{
    std::optional<qint64> hits;
    std::optional<qint64> misses;
    std::optional<qint64> sets;
    std::optional<qint64> errors;
    std::optional<double> hitRatio;
};

struct FieldCoverage
{
    QString field;
    qint64 count = 0;
    std::optional<double> ratio;
};

struct CoverageInfo
{
    std::optional<qint64> tracksEnriched;
    QList<FieldCoverage> fields;
};

/// What a worker of a fleet was doing at its last heartbeat (`workers[]`).
struct FleetWorker
{
    enum class State { Active, Idle, Stopped, Lost };
    QString id;
    QString host;
    QDateTime started;
    QDateTime lastSeen;
    std::optional<State> state;
    std::optional<qint64> currentBatch;
    std::optional<qint64> batchesCompleted;
    std::optional<double> tracksPerMinute;
    QMap<QString, BreakerState> breakers; ///< its own breakers: source -> state
    QDateTime lastBatch;                  ///< when it last finished a batch; invalid: never

    friend bool operator==(const FleetWorker &a, const FleetWorker &b)
    {
        return a.id == b.id && a.host == b.host && a.started == b.started &&
               a.lastSeen == b.lastSeen && a.state == b.state && a.currentBatch == b.currentBatch &&
               a.batchesCompleted == b.batchesCompleted && a.tracksPerMinute == b.tracksPerMinute &&
               a.breakers == b.breakers && a.lastBatch == b.lastBatch;
    }
    friend bool operator!=(const FleetWorker &a, const FleetWorker &b) { return !(a == b); }
};
/// How many workers the fleet should run and why (`autoscale`, docs/SCALING.md): the one
/// number every scaler follows (KEDA, the systemd and process scaler) and the dashboard
/// shows beside the live workers.
struct AutoscaleInfo
{
    /// Why the number is what it is; the wire names are in toWire().
    enum class Reason {
        Idle,        ///< nothing queued and nothing expected: the minimum
        Measuring,   ///< work waits but no rate per worker is known yet: one to measure it
        Backlog,     ///< the backlog forecast over the target drain time
        Quota,       ///< held down by the source whose quota the fleet would exceed
        BreakerOpen, ///< a breaker is open: more workers would only wait on it
        Paused,      ///< the pipeline is paused: more workers would do nothing
        MinWorkers,  ///< raised to --min-workers
        MaxWorkers,  ///< lowered to --max-workers
    };
    qint64 desiredWorkers = 0;
    qint64 liveWorkers = 0;
    Reason reason = Reason::Idle;
    qint64 backlog = 0;           ///< pending + in progress now
    double inflowPerMinute = 0;   ///< tracks added per minute (the forecast's inflow)
    double forecastBacklog = 0;   ///< backlog + inflow over the time left (drainSecondsLeft)
    double targetDrainSeconds = 0;
    /// The time left to drain it: the target from when this backlog began, at least a
    /// quarter of the target.
    double drainSecondsLeft = 0;
    std::optional<double> ratePerWorker; ///< tracks per minute one worker finishes
    qint64 uncappedWorkers = 0;          ///< what the backlog alone asks for
    std::optional<qint64> capWorkers;    ///< the quota cap (none: no source limits it)
    QString capSource;                   ///< the source that sets the cap
    std::optional<double> capQuotaPerMinute; ///< that source's quota for the whole fleet
    QStringList openSources;             ///< sources whose breaker is open (not counted)
    qint64 minWorkers = 0;
    qint64 maxWorkers = 0;

    friend bool operator==(const AutoscaleInfo &a, const AutoscaleInfo &b)
    {
        return a.desiredWorkers == b.desiredWorkers && a.liveWorkers == b.liveWorkers &&
               a.reason == b.reason && a.backlog == b.backlog &&
               a.inflowPerMinute == b.inflowPerMinute && a.forecastBacklog == b.forecastBacklog &&
               a.targetDrainSeconds == b.targetDrainSeconds &&
               a.drainSecondsLeft == b.drainSecondsLeft &&
               a.ratePerWorker == b.ratePerWorker && a.uncappedWorkers == b.uncappedWorkers &&
               a.capWorkers == b.capWorkers && a.capSource == b.capSource &&
               a.capQuotaPerMinute == b.capQuotaPerMinute && a.openSources == b.openSources &&
               a.minWorkers == b.minWorkers && a.maxWorkers == b.maxWorkers;
    }
    friend bool operator!=(const AutoscaleInfo &a, const AutoscaleInfo &b) { return !(a == b); }
};
QString toWire(AutoscaleInfo::Reason r);
std::optional<AutoscaleInfo::Reason> autoscaleReasonFromWire(const QString &key);

/// A worker's state from its wire name (`active`, `idle`, `stopped`, `lost`).
std::optional<FleetWorker::State> fleetWorkerStateFromWire(const QString &key);
QString toWire(FleetWorker::State s);

/// One `/monitoring/enrichment` document.
struct Snapshot
{
    QDateTime timestamp; ///< invalid when absent
    /// Providers the service knows but was not configured with: off, never asked (a
    /// backend on --sources-config says; empty otherwise).
    QStringList sourcesOff;
    std::array<std::optional<qint64>, TrackStatusCount> queue{};
    std::optional<qint64> completedLastHour;
    std::optional<double> perMinute;
    /// What perMinute was measured over (a backend that just started has measured only a
    /// few seconds); absent from the seed's shape.
    std::optional<qint64> rateWindowSeconds;
    /// Tracks added to the queue per minute (last five minutes).
    std::optional<double> enqueuedPerMinute;
    /// How long the longest-waiting pending track has waited (absent: none pending, or
    /// the service does not say).
    std::optional<double> oldestPendingSeconds;
    std::optional<qint64> tracksInProgress;
    QList<SourceInfo> sources; ///< union of the breaker and health keys, pipeline order
    int sourcesNotShown = 0;   ///< sources past SnapshotParser::MaxSources, dropped
    std::optional<CacheInfo> cache;
    std::optional<CoverageInfo> coverage;
    int schemaVersion = 0; ///< 0: the seed's shape
    QString serviceVersion;
    QString workerId; ///< service.worker_id: whose sources, latencies and breakers these are
    /// The rest of `service`: how long it runs, how it claims.
    struct Service
    {
        std::optional<double> uptimeSeconds;
        std::optional<qint64> batchSize;
        std::optional<qint64> batchesCompleted;
        std::optional<double> leaseSeconds;
    };
    Service service;
    /// The fleet on a shared queue; nullopt when the service reports none (one backend).
    std::optional<QList<FleetWorker>> workers;
    int workersNotShown = 0; ///< past SnapshotParser::MaxWorkers, dropped
    /// What operators set (`pipeline`); nullopt when the service has no operator actions.
    struct Pipeline
    {
        bool paused = false;
        QStringList pausedSources;
    };
    std::optional<Pipeline> pipeline;
    /// The workers the fleet should run (absent from a backend that does not say).
    std::optional<AutoscaleInfo> autoscale;

    std::optional<qint64> queueCount(TrackStatus s) const { return queue[std::size_t(s)]; }
    /// Minutes until pending reaches zero at the current rate; nullopt when unknown, the
    /// queue is not draining, or the rate is still being measured. The one computation of
    /// the drain time: the card and the backlog notification both read it.
    std::optional<double> minutesToDrain() const;
    /// The backend has measured its rate for less than a minute: too short to say how
    /// fast the queue drains.
    bool rateMeasuring() const { return rateWindowSeconds && *rateWindowSeconds < 60; }
    const SourceInfo *source(const QString &name) const;
};

/// One sample of `/monitoring/enrichment/history` (or of a live snapshot).
struct HistoryPoint
{
    QDateTime timestamp;
    std::array<std::optional<qint64>, TrackStatusCount> queue{};
    std::optional<double> perMinute;
};

} // namespace enrichment
