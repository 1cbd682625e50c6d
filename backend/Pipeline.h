// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <vector>

#include <QObject>
#include <QTimer>

#include "CircuitBreaker.h"
#include "enrichment/QueueStore.h"
#include "ResultCache.h"
#include "RetryPolicy.h"

namespace enrichment {

class Clock;
class EnrichmentSource;
class PipelineMetrics;

/// The waterfall enrichment pipeline. Each batch claims up to `batchSize` tracks from the
/// queue and asks every source in order (spotify -> musicbrainz -> discogs -> beatport ->
/// lastfm), each call going through the cache, that source's circuit breaker (fail fast
/// while open) and its rate limiter (skip while the quota is spent), timed and counted in
/// the monitor. A track with >= 2 sources is completed, 1 partial, 0 failed (retried).
///
/// Sources that could not be asked (breaker open, quota spent) are skipped. The rule:
/// - if no source was asked at all (every one skipped, nothing cached), the track is
///   **deferred**: back to pending without using a retry, claimable again at the earliest
///   time a skipped source can be asked (its breaker's probe time or its quota reset), and
///   counted in `enrichment_tracks_deferred_total`;
/// - if some sources answered and others were skipped, the answers decide as usual
///   (completed, partial, or failed using a retry when every asked source failed).
/// When no source can be asked at all, the pipeline claims nothing and sleeps until the
/// first one can be (at most a minute), instead of claiming and releasing in a loop.
///
/// Operators steer it through the store's PipelineControl: while the pipeline is paused
/// it claims nothing (a batch in flight finishes); a paused source is skipped like one
/// whose breaker is open. Every call, and every skip, is an Attempt recorded with the
/// track's result.
///
/// The tracks of a batch are enriched concurrently, each asking its sources one after
/// another; a source may answer at once or later (EnrichmentSource::fetchAsync(): a
/// provider's API answers from the event loop, and the backend keeps serving meanwhile).
/// The batch is recorded once every track has its answers.
///
/// Driven by start() (a timer loop; the simulated sources' latency of the batch, scaled by
/// `timeScale`, passes in wall time between batch start and completion) or stepped by hand
/// with runBatchNow() in tests. Lives on the backend thread; not thread-safe.
class Pipeline final : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        int batchSize = 10;
        double timeScale = 1.0;     ///< wall time per simulated second of source latency
        int batchIntervalMs = 1000; ///< pause between batches
        int idleIntervalMs = 1000;  ///< poll interval while the queue is empty
        /// When a failed track is asked again (transient errors: exponential backoff).
        RetryPolicy retry;
        /// Each source's retry budget.
        RetryBudget::Config retryBudget;
    };

    struct BatchResult
    {
        int batchNumber = 0;
        int size = 0;
        int completed = 0;
        int partial = 0;
        int failed = 0;
        int deferred = 0;       ///< returned to pending untouched (no source could be asked)
        double wallSeconds = 0; ///< simulated duration (slowest track)
        int successCount() const { return completed + partial; }
    };

    /// @p store, @p monitor and @p clock must outlive the pipeline; it takes the sources.
    Pipeline(QueueStore &store, PipelineMetrics &monitor, const Clock &clock,
             std::vector<std::unique_ptr<EnrichmentSource>> sources,
             const CircuitBreaker::Config &breakerConfig, const Config &config,
             QObject *parent = nullptr);
    ~Pipeline() override;

    void start();
    void stop();
    bool isRunning() const { return m_running; }

    /// Runs one whole batch at once (claim, enrich, record); with sources that answer
    /// later, it waits for them in a local event loop. size == 0 if the queue had nothing
    /// to claim.
    BatchResult runBatchNow();

    int sourceCount() const { return int(m_sources.size()); }
    /// Source @p i's retry budget (read by tests and the snapshot).
    RetryBudget &retryBudget(int i) { return m_budgets[std::size_t(i)]; }
    EnrichmentSource *source(int i) const { return m_sources[std::size_t(i)].get(); }
    CircuitBreaker *breaker(int i) const { return m_breakers[std::size_t(i)]; }
    int batchesCompleted() const { return m_batchesCompleted; }
    /// When the last batch finished (epoch ms); 0 before the first.
    qint64 lastBatchMs() const { return m_lastBatchMs; }
    int tracksInFlight() const { return int(m_runs.size()); }
    const Config &config() const { return m_config; }
    /// Milliseconds until at least one source can be asked (0: one can be now).
    qint64 msUntilAnySourceAvailable() const;

Q_SIGNALS:
    void batchStarted(int batchSize, int batchNumber, qint64 totalTracks);
    /// Every track of the batch in flight has its answers (it is recorded next).
    void batchEnriched();
    void batchCompleted(int batchSize, int successCount, int batchNumber);
    void breakerStateChanged(const QString &source, enrichment::BreakerState previous,
                             enrichment::BreakerState state, int failureCount);
    /// A breaker started (true) or stopped waiting for an operator (CircuitBreaker).
    void breakerAttentionChanged(const QString &source, bool needsAttention, int reopens);

private:
    struct TrackOutcome
    {
        QString trackId;
        TrackStatus status = TrackStatus::Failed;
        QStringList sources;
        QStringList fields;
        QList<MetadataValue> metadata; ///< each field from the first source that had it
        QString error;
        qint64 deferUntilMs = 0;   ///< > 0: postponed without an attempt; pending again then
        qint64 retryAtMs = 0;      ///< > 0: failed with retries left; pending again then
        bool permanent = false;    ///< failed, and asking again cannot help
        QLatin1String retryReason; ///< why it waits (`enrichment_retries_scheduled_total`)
        QList<Attempt> attempts;
    };

    static constexpr std::size_t NotWaiting = std::size_t(-1);
    /// One track's way down the waterfall: the sources asked so far and what they said.
    struct TrackRun
    {
        ClaimedTrack track;
        TrackOutcome out;
        std::size_t next = 0; ///< the next source to consider
        QStringList errors;
        int asked = 0;               ///< sources that answered (a call or a cached answer)
        qint64 nextChanceMs = -1;    ///< earliest time a skipped source can be asked
        int transientErrors = 0;     ///< answers worth asking again after a backoff
        qint64 rateResetMs = -1;     ///< earliest reset of a source that answered "rate limited"
        QStringList permanentErrors; ///< answers asking again cannot change
        double simulatedSeconds = 0;
        bool done = false;
        std::size_t waitingOn = NotWaiting; ///< the source whose answer it waits for
    };

    bool beginBatch();
    BatchResult finishBatch();
    /// Goes on down @p run's waterfall until a source answers later or the track is done.
    void advance(TrackRun &run);
    /// What source @p i answered for @p run (its call was made).
    void answered(TrackRun &run, std::size_t i, const SourceResponse &response);
    /// Notes @p source's call (or skip) for @p run's track.
    void attempt(TrackRun &run, const QString &source, const QString &outcome,
                 const QString &errorType, const QString &detail, double latencySeconds,
                 const QStringList &found = {});
    /// Takes @p response's fields for @p run's track (waterfall order: first source wins).
    void take(TrackRun &run, const QString &source, const SourceResponse &response);
    /// Notes what @p source's error means for asking again (RetryPolicy's classes).
    void noteFailure(TrackRun &run, const QString &source, const SourceResponse &response,
                     const RateLimitState &rl);
    /// @p run failed: when it is asked again, and why, or that it is not (permanent).
    void scheduleRetry(TrackRun &run);
    /// @p run has been down the whole waterfall: its outcome.
    void conclude(TrackRun &run);
    void tick();

    QueueStore &m_store;
    PipelineMetrics &m_monitor;
    const Clock &m_clock;
    std::vector<std::unique_ptr<EnrichmentSource>> m_sources;
    std::vector<CircuitBreaker *> m_breakers;
    std::vector<int> m_monitorIndex;
    std::vector<RetryBudget> m_budgets;
    ResultCache m_cache;
    Config m_config;
    QTimer m_timer;
    bool m_running = false;
    int m_batchNumber = 0;
    int m_batchesCompleted = 0;
    qint64 m_lastBatchMs = 0;
    std::vector<std::unique_ptr<TrackRun>> m_runs; ///< the batch in flight
    int m_runsLeft = 0;                            ///< of m_runs, not done yet
    QStringList m_pausedForBatch;                  ///< the paused sources, read per batch
    double m_batchLatency = 0;
    /// False once the pipeline is destroyed: an answer after that is dropped.
    std::shared_ptr<bool> m_alive = std::make_shared<bool>(true);
};

} // namespace enrichment
