// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Pipeline.h"

#include <algorithm>

#include <QEventLoop>
#include <QRandomGenerator>
#include <QLoggingCategory>
#include <QSet>

#include "enrichment/Clock.h"
#include "enrichment/EnrichmentSource.h"
#include "enrichment/WireFormat.h"
#include "PipelineMetrics.h"
#include "StoreSupport.h"

Q_LOGGING_CATEGORY(lcPipeline, "enrichment.backend.pipeline")

namespace enrichment {

Pipeline::Pipeline(QueueStore &store, PipelineMetrics &monitor, const Clock &clock,
                   std::vector<std::unique_ptr<EnrichmentSource>> sources,
                   const CircuitBreaker::Config &breakerConfig, const Config &config,
                   QObject *parent)
    : QObject(parent), m_store(store), m_monitor(monitor), m_clock(clock),
      m_sources(std::move(sources)), m_cache(clock, &monitor), m_config(config)
{
    m_config.batchSize = std::max(1, m_config.batchSize);
    for (const auto &src : m_sources) {
        const int index = monitor.sourceIndex(src->name());
        m_monitorIndex.push_back(index);
        auto *breaker =
            new CircuitBreaker(src->name(), breakerConfig, clock, &monitor, index, this);
        connect(breaker, &CircuitBreaker::stateChanged, this, &Pipeline::breakerStateChanged);
        connect(breaker, &CircuitBreaker::attentionChanged, this,
                &Pipeline::breakerAttentionChanged);
        m_breakers.push_back(breaker);
        m_budgets.emplace_back(m_config.retryBudget);
        if (index >= 0) {
            const RateLimitState rl = src->rateLimit();
            monitor.setRateLimit(index, rl.remaining, rl.limit, double(rl.resetAtMs) / 1000.0);
        }
    }
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &Pipeline::tick);
}

Pipeline::~Pipeline()
{
    *m_alive = false;
}

void Pipeline::start()
{
    if (m_running)
        return;
    m_running = true;
    m_timer.start(0);
}

void Pipeline::stop()
{
    m_running = false;
    m_timer.stop();
    if (m_runs.empty())
        return;
    // A stop (SIGTERM from systemd, Kubernetes or the scaler) with a batch in flight: the
    // tracks already done are recorded, the others go back to pending now without using a
    // retry, instead of waiting out their lease. Answers that come later find no batch.
    const qint64 now = m_clock.nowMs();
    int released = 0;
    for (const auto &run : m_runs) {
        if (run->done)
            continue;
        run->waitingOn = NotWaiting;
        run->done = true;
        run->out.status = TrackStatus::Pending;
        run->out.deferUntilMs = std::max<qint64>(1, now);
        run->out.error = QStringLiteral("released: the worker stopped");
        ++released;
    }
    m_runsLeft = 0;
    const BatchResult r = finishBatch();
    qCInfo(lcPipeline).noquote() << "stopping with batch" << r.batchNumber << "in flight:"
                                 << r.size - released << "tracks recorded," << released
                                 << "released to pending";
}

void Pipeline::tick()
{
    if (!m_running)
        return;
    if (!m_runs.empty()) {
        if (m_runsLeft > 0)
            return; // the last answer ticks again
        finishBatch();
        m_timer.start(m_config.batchIntervalMs);
        return;
    }
    if (m_store.control().paused) {
        // Operators paused the pipeline: claim nothing, look again in a second.
        m_timer.start(1000);
        return;
    }
    if (const qint64 wait = msUntilAnySourceAvailable(); wait > 0) {
        // Every breaker is open or every quota spent: claiming now would only defer.
        m_timer.start(int(std::clamp<qint64>(wait, 50, 60'000)));
        return;
    }
    // A batch begun ticks again once its last track has its answers (batchEnriched).
    if (!beginBatch())
        m_timer.start(m_config.idleIntervalMs);
}

qint64 Pipeline::msUntilAnySourceAvailable() const
{
    const qint64 now = m_clock.nowMs();
    const QStringList paused = m_store.control().pausedSources;
    qint64 soonest = -1;
    for (std::size_t i = 0; i < m_sources.size(); ++i) {
        qint64 wait = m_breakers[i]->msUntilAllowed();
        if (paused.contains(m_sources[i]->name()))
            wait = std::max<qint64>(wait, 1000); // until an operator resumes it
        const RateLimitState rl = m_sources[i]->rateLimit();
        if (rl.limit > 0 && rl.remaining <= 0)
            wait = std::max(wait, rl.resetAtMs - now);
        if (wait <= 0)
            return 0;
        soonest = soonest < 0 ? wait : std::min(soonest, wait);
    }
    return std::max<qint64>(0, soonest);
}

Pipeline::BatchResult Pipeline::runBatchNow()
{
    if (m_runs.empty() && !beginBatch())
        return {};
    if (m_runsLeft > 0) {
        QEventLoop loop;
        connect(this, &Pipeline::batchEnriched, &loop, &QEventLoop::quit);
        loop.exec();
    }
    return finishBatch();
}

bool Pipeline::beginBatch()
{
    const PipelineControl control = m_store.control(); // once per batch, not per track
    if (control.paused)
        return false;
    const QList<ClaimedTrack> claimed = m_store.claim(m_config.batchSize);
    if (claimed.isEmpty())
        return false;
    ++m_batchNumber;
    const int size = int(claimed.size());
    m_monitor.setTracksInProgress(size);
    m_monitor.observeBatchSize(size);
    Q_EMIT batchStarted(size, m_batchNumber, m_store.count(TrackStatus::Pending) + size);

    m_batchLatency = 0;
    m_pausedForBatch = control.pausedSources;
    m_runs.reserve(claimed.size());
    for (const ClaimedTrack &track : claimed) {
        auto run = std::make_unique<TrackRun>();
        run->track = track;
        run->out.trackId = track.trackId;
        m_runs.push_back(std::move(run));
    }
    m_runsLeft = size;
    // Every track starts down the waterfall now: they wait for their answers together.
    for (std::size_t i = 0; i < m_runs.size(); ++i)
        advance(*m_runs[i]);
    return true;
}

Pipeline::BatchResult Pipeline::finishBatch()
{
    BatchResult result;
    result.batchNumber = m_batchNumber;
    result.size = int(m_runs.size());
    result.wallSeconds = m_batchLatency;
    // The batch's results in one write; a result whose lease was lost is another
    // worker's track now and is not counted here.
    QList<TrackResult> results;
    results.reserve(qsizetype(m_runs.size()));
    for (const auto &run : m_runs) {
        const TrackOutcome &t = run->out;
        TrackResult r;
        r.trackId = t.trackId;
        r.status = t.status;
        r.sourcesEnriched = t.sources;
        r.errorMessage = t.error;
        r.deferUntilMs = t.deferUntilMs;
        r.retryAtMs = t.retryAtMs;
        r.permanent = t.permanent;
        r.attempts = t.attempts;
        r.metadata = t.metadata;
        if (t.status != TrackStatus::Completed) // what the failures view groups by
            store::firstError(t.attempts, &r.errorType, &r.errorSource);
        results.append(std::move(r));
    }
    const QList<bool> recorded = m_store.record(results);
    const qint64 now = m_clock.nowMs();
    for (std::size_t i = 0; i < m_runs.size(); ++i) {
        const TrackOutcome &t = m_runs[i]->out;
        if (!recorded.value(qsizetype(i)))
            continue;
        // A retry is scheduled where the failed track has retries left.
        if (t.retryAtMs > 0 && m_runs[i]->track.retryCount + 1 < m_store.config().maxRetries)
            m_monitor.recordRetryScheduled(t.retryReason,
                                           double(std::max<qint64>(0, t.retryAtMs - now)) / 1000.0);
        if (t.deferUntilMs > 0) {
            m_monitor.recordTrackDeferred();
            ++result.deferred;
            continue;
        }
        m_monitor.recordTrackProcessed(t.status);
        switch (t.status) {
        case TrackStatus::Completed: ++result.completed; break;
        case TrackStatus::Partial: ++result.partial; break;
        default: ++result.failed; break;
        }
        if (t.status == TrackStatus::Completed || t.status == TrackStatus::Partial) {
            m_monitor.addTracksProcessed(1);
            for (const QString &field : t.fields)
                m_monitor.recordMetadataField(PipelineMetrics::fieldIndex(field));
        }
    }
    m_runs.clear();
    m_monitor.setTracksInProgress(0);
    ++m_batchesCompleted;
    m_lastBatchMs = m_clock.nowMs();
    Q_EMIT batchCompleted(result.size, result.successCount(), result.batchNumber);
    return result;
}

void Pipeline::attempt(TrackRun &run, const QString &source, const QString &outcome,
                       const QString &errorType, const QString &detail, double latencySeconds,
                       const QStringList &found)
{
    Attempt a;
    a.trackId = run.track.trackId;
    a.source = source;
    a.outcome = outcome;
    a.errorType = errorType;
    a.detail = detail;
    a.latencyMs = latencySeconds * 1000.0;
    a.fields = found;
    a.atMs = m_clock.nowMs();
    run.out.attempts.append(std::move(a));
}

void Pipeline::advance(TrackRun &run)
{
    const qint64 now = m_clock.nowMs();
    auto skippedUntil = [&](qint64 atMs) {
        atMs = std::max(atMs, now + 1000);
        run.nextChanceMs = run.nextChanceMs < 0 ? atMs : std::min(run.nextChanceMs, atMs);
    };
    while (run.next < m_sources.size()) {
        const std::size_t i = run.next++;
        EnrichmentSource &src = *m_sources[i];
        CircuitBreaker &breaker = *m_breakers[i];
        const int mi = m_monitorIndex[i];
        const QString name = src.name();

        // A miss is counted only if the call is then made.
        if (const std::optional<SourceResponse> cached =
                m_cache.lookup(name, run.track.trackId, false)) {
            ++run.asked; // a cached answer counts as asked too
            attempt(run, name, toWire(cached->status), {}, QStringLiteral("cached answer"), 0,
                    cached->fields.keys());
            if (cached->status == RequestStatus::NoData)
                run.permanentErrors << name + QStringLiteral(": no data");
            take(run, name, *cached);
            continue;
        }
        if (m_pausedForBatch.contains(name)) {
            run.errors << name + QStringLiteral(": paused by an operator");
            attempt(run, name, wire::outcome::Skipped, wire::outcome::SourcePaused,
                    QStringLiteral("paused by an operator"), 0);
            skippedUntil(now + 1000);
            continue;
        }
        if (!breaker.allowRequest()) {
            if (mi >= 0)
                m_monitor.recordError(mi, ErrorType::CircuitOpen);
            run.errors << name + QStringLiteral(": circuit open");
            attempt(run, name, wire::outcome::Skipped, toWire(ErrorType::CircuitOpen),
                    QStringLiteral("circuit breaker open"), 0);
            skippedUntil(now + breaker.msUntilAllowed());
            continue;
        }
        const RateLimitState rl = src.rateLimit();
        if (rl.limit > 0 && rl.remaining <= 0) {
            if (mi >= 0)
                m_monitor.recordError(mi, ErrorType::LocalRateLimit);
            run.errors << name + QStringLiteral(": rate limit exhausted");
            attempt(run, name, wire::outcome::Skipped, toWire(ErrorType::LocalRateLimit),
                    QStringLiteral("rate limit exhausted"), 0);
            skippedUntil(rl.resetAtMs);
            continue;
        }
        // A track that failed before is a retry: it goes out only within the source's
        // retry budget (a crowd of failing tracks cannot turn into a retry storm).
        if (run.track.retryCount > 0 && !m_budgets[i].tryRetry(now)) {
            run.errors << name + QStringLiteral(": retry budget spent");
            attempt(run, name, wire::outcome::Skipped, wire::outcome::RetryBudget,
                    QStringLiteral("retry budget spent: retries are kept to %1 % of requests")
                        .arg(qRound(m_budgets[i].config().ratio * 100)),
                    0);
            skippedUntil(now + m_budgets[i].msUntilRetry(now));
            continue;
        }
        if (run.track.retryCount == 0)
            m_budgets[i].firstRequest(now);
        m_cache.recordMiss();
        ++run.asked;
        // The answer may come at once (then this run goes on from answered()) or later.
        TrackRun *waiting = &run;
        run.waitingOn = i;
        std::weak_ptr<bool> alive = m_alive;
        const int batch = m_batchNumber;
        src.fetchAsync(run.track.lookup(),
                       [this, alive, waiting, batch, i](const SourceResponse &r) {
                           const auto pipeline = alive.lock();
                           if (!pipeline || !*pipeline)
                               return; // the pipeline is gone
                           // Only the answer the run waits for, in the batch it belongs to: a
                           // source that answers twice cannot reach a run that is done or gone.
                           if (batch != m_batchNumber || m_runs.empty() || waiting->waitingOn != i)
                               return;
                           waiting->waitingOn = NotWaiting;
                           answered(*waiting, i, r);
                       });
        return;
    }
    conclude(run);
}

void Pipeline::answered(TrackRun &run, std::size_t i, const SourceResponse &response)
{
    EnrichmentSource &src = *m_sources[i];
    CircuitBreaker &breaker = *m_breakers[i];
    const int mi = m_monitorIndex[i];
    const QString name = src.name();
    if (src.simulatesLatency())
        run.simulatedSeconds += response.latencySeconds;
    const RateLimitState rl = src.rateLimit();
    if (mi >= 0) {
        m_monitor.recordRequest(mi, response.status, response.latencySeconds);
        m_monitor.setRateLimit(mi, rl.remaining, rl.limit, double(rl.resetAtMs) / 1000.0);
    }
    if (response.status == RequestStatus::Error) {
        if (mi >= 0)
            m_monitor.recordError(mi, response.error);
        // A rate limit keeps an opening breaker shut at least until the provider's reset.
        breaker.recordFailure(response.error == ErrorType::RateLimited ? rl.resetAtMs : 0);
        run.errors << name + QStringLiteral(": ") + toWire(response.error);
        attempt(run, name, toWire(RequestStatus::Error), toWire(response.error), response.detail,
                response.latencySeconds);
        noteFailure(run, name, response, rl);
    } else {
        if (response.status == RequestStatus::NoData)
            run.permanentErrors << name + QStringLiteral(": no data");
        breaker.recordSuccess();
        m_cache.store(name, run.track.trackId, response);
        attempt(run, name, toWire(response.status), {}, response.detail, response.latencySeconds,
                response.fields.keys());
        take(run, name, response);
    }
    advance(run);
}

void Pipeline::noteFailure(TrackRun &run, const QString &source, const SourceResponse &response,
                           const RateLimitState &rl)
{
    switch (retryClass(response)) {
    case RetryClass::Transient: ++run.transientErrors; break;
    case RetryClass::RateLimited: {
        // Until the provider's reset (its Retry-After or rate headers, as the source keeps
        // them); a provider that named no reset time is given a transient error's backoff.
        const qint64 now = m_clock.nowMs();
        const qint64 at =
            rl.resetAtMs > now
                ? rl.resetAtMs
                : now + m_config.retry.backoffMs(run.track.retryCount + 1,
                                                 QRandomGenerator::global()->generateDouble());
        run.rateResetMs = run.rateResetMs < 0 ? at : std::min(run.rateResetMs, at);
        break;
    }
    case RetryClass::Permanent:
        run.permanentErrors << source + QStringLiteral(": ") +
                                   (response.detail.isEmpty() ? toWire(response.error)
                                                              : response.detail);
        break;
    }
}

void Pipeline::scheduleRetry(TrackRun &run)
{
    TrackOutcome &out = run.out;
    const qint64 now = m_clock.nowMs();
    // The earliest time asking again can help, and why: a transient error's backoff, a
    // rate-limited source's reset, a skipped source's next chance (its breaker's probe).
    qint64 at = -1;
    auto consider = [&](qint64 candidate, QLatin1String reason) {
        if (candidate >= 0 && (at < 0 || candidate < at)) {
            at = candidate;
            out.retryReason = reason;
        }
    };
    if (run.transientErrors > 0)
        consider(now + m_config.retry.backoffMs(run.track.retryCount + 1,
                                                QRandomGenerator::global()->generateDouble()),
                 wire::retry::Transient);
    consider(run.rateResetMs, wire::retry::RateLimited);
    consider(run.nextChanceMs, wire::retry::Unavailable);
    if (at >= 0) {
        out.retryAtMs = std::max(at, now);
        out.error = run.errors.join(QStringLiteral("; "));
        return;
    }
    // Every source answered "no data" or an error asking again cannot change.
    out.permanent = true;
    out.error = QStringLiteral("not retried: ") +
                (run.permanentErrors.isEmpty() ? QStringLiteral("no source had data")
                                               : run.permanentErrors.join(QStringLiteral("; ")));
}

void Pipeline::take(TrackRun &run, const QString &source, const SourceResponse &response)
{
    if (response.status != RequestStatus::Success)
        return;
    TrackOutcome &out = run.out;
    out.sources << source;
    // In waterfall order: a field comes from the first source that has it.
    const qint64 now = m_clock.nowMs();
    for (auto it = response.fields.cbegin(); it != response.fields.cend(); ++it) {
        if (out.fields.contains(it.key()) || out.fields.size() >= MetadataFieldsMax)
            continue;
        out.fields << it.key();
        out.metadata.append({it.key(), it.value().left(MetadataValueMaxChars), source, now});
    }
}

void Pipeline::conclude(TrackRun &run)
{
    TrackOutcome &out = run.out;
    out.status = out.sources.size() >= 2   ? TrackStatus::Completed
                 : out.sources.size() == 1 ? TrackStatus::Partial
                                           : TrackStatus::Failed;
    out.fields.sort();
    if (out.status == TrackStatus::Failed && run.asked == 0 && run.nextChanceMs > 0) {
        // Nobody was asked: not an attempt. Back to pending, no retry used.
        out.status = TrackStatus::Pending;
        out.deferUntilMs = run.nextChanceMs;
        out.attempts.clear(); // only skips: nothing for the attempts table
        out.error = QStringLiteral("deferred, no source could be asked: ") +
                    run.errors.join(QStringLiteral("; "));
    } else if (out.status == TrackStatus::Failed) {
        scheduleRetry(run);
    }
    run.done = true;
    // The tracks of a batch are enriched concurrently: the batch lasts as long as its
    // slowest track's waterfall.
    m_batchLatency = std::max(m_batchLatency, run.simulatedSeconds);
    if (--m_runsLeft > 0)
        return;
    Q_EMIT batchEnriched();
    if (m_running && !m_timer.isActive()) {
        const int waitMs = int(std::min(60.0, m_batchLatency * m_config.timeScale) * 1000.0);
        m_timer.start(waitMs);
    }
}

} // namespace enrichment
