// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineMetrics.h"

#include <sstream>

#include <prometheus/counter.h>
#include <prometheus/family.h>
#include <prometheus/gauge.h>
#include <prometheus/histogram.h>
#include <prometheus/registry.h>
#include <prometheus/text_serializer.h>

#include "enrichment/Clock.h"
#include "enrichment/MetricNames.h"
#include "enrichment/WireFormat.h"

namespace enrichment {

namespace {
std::string s(const QString &q)
{
    return q.toStdString();
}

/// The seed's buckets (0.1 ... 60 s) plus finer ones below and between them, so quantiles
/// of fast sources mean something.
prometheus::Histogram::BucketBoundaries durationBuckets()
{
    return {0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.35, 0.5, 0.75, 1, 2, 5, 10, 30, 60};
}
} // namespace

PipelineMetrics::PipelineMetrics(const QStringList &sources, const Clock &clock,
                                 const QString &version, const QString &queue)
    : m_clock(clock), m_sources(sources), m_registry(std::make_shared<prometheus::Registry>())
{
    using namespace prometheus;
    // Every family once, named from protocol/ (MetricNames.h), each with its help text.
    auto counter = [this](const char *name, const char *help) -> Family<Counter> & {
        return BuildCounter().Name(name).Help(help).Register(*m_registry);
    };
    auto gauge = [this](const char *name, const char *help) -> Family<Gauge> & {
        return BuildGauge().Name(name).Help(help).Register(*m_registry);
    };
    auto histogram = [this](const char *name, const char *help) -> Family<Histogram> & {
        return BuildHistogram().Name(name).Help(help).Register(*m_registry);
    };
    auto &requests = counter(metric::RequestsTotal, "Enrichment requests per source and outcome");
    auto &duration =
        histogram(metric::DurationSeconds, "Time spent per request to a source, in seconds");
    auto &errors = counter(metric::ErrorsTotal, "Enrichment errors per source and error type");
    auto &breakerState =
        gauge(metric::CircuitBreakerState, "Circuit breaker state (0 closed, 1 half_open, 2 open)");
    auto &breakerFailures =
        counter(metric::CircuitBreakerFailuresTotal, "Failures recorded by each circuit breaker");
    auto &breakerTrips =
        counter(metric::CircuitBreakerTripsTotal, "Times each circuit breaker opened");
    auto &breakerAttention =
        gauge(metric::CircuitBreakerNeedsAttention,
              "1 while a circuit breaker waits for an operator: it reopened "
              "its reopen limit of times in a row and probes no more by itself");
    auto &queueDepth = gauge(metric::QueueDepth, "Tracks in the enrichment queue per status");
    auto &rate =
        gauge(metric::QueueProcessingRate, "Tracks enriched per minute (sliding 5-minute window)");
    auto &oldest = gauge(metric::QueueOldestPendingSeconds,
                         "How long the longest-waiting pending track has been claimable "
                         "(queue latency; 0 when nothing is pending)");
    auto &enqueued = gauge(metric::QueueEnqueueRate,
                           "Tracks added to the queue per minute (sliding 5-minute window)");
    auto &desired = gauge(metric::WorkersDesired,
                          "Workers the fleet should run: the backlog forecast drained within "
                          "the target time at the measured rate per worker, capped by the "
                          "sources' quotas, between the minimum and maximum");
    auto &live = gauge(metric::WorkersLive, "Workers of the fleet alive now (neither stopped "
                                            "nor lost)");
    auto &rateRemaining = gauge(metric::ApiRateLimitRemaining,
                                "Requests left in the current rate-limit window per source");
    auto &rateLimit =
        gauge(metric::ApiRateLimitLimit, "Requests allowed per rate-limit window per source");
    auto &rateReset = gauge(metric::ApiRateLimitResetTimestamp,
                            "Unix time (seconds) when the source's rate-limit window resets");
    auto &cache = counter(metric::CacheOperationsTotal, "Cache operations by operation and status");
    auto &inProgress = gauge(metric::TracksInProgress, "Tracks being enriched right now");
    auto &batchSize = histogram(metric::BatchSize, "Tracks per enrichment batch");
    auto &health = gauge(metric::SourceHealth,
                         "Source health (0 down, 1 degraded, 2 healthy, -1 unavailable)");
    auto &fields =
        counter(metric::MetadataFieldsPopulatedTotal, "Metadata fields populated by enrichment");
    auto &processed = counter(metric::TracksProcessedTotal,
                              "Tracks that finished an enrichment attempt, by outcome");
    for (TrackStatus st : {TrackStatus::Completed, TrackStatus::Partial, TrackStatus::Failed})
        m_processed[std::size_t(st)] = &processed.Add({{label::Status, s(toWire(st))}});
    m_deferred = &counter(metric::TracksDeferredTotal,
                          "Claimed tracks returned to pending without an attempt because no "
                          "source could be asked (breakers open, quotas spent)")
                      .Add({});
    auto &retries = counter(metric::RetriesScheduledTotal,
                            "Failed tracks scheduled to be asked again, by why they wait");
    auto &retryDelay = histogram(metric::RetryDelaySeconds,
                                 "How long a failed track waits for its next attempt, in seconds");
    for (QLatin1String reason :
         {wire::retry::Transient, wire::retry::RateLimited, wire::retry::Unavailable})
        m_retries.insert(reason,
                         {&retries.Add({{label::Reason, reason.latin1()}}),
                          &retryDelay.Add({{label::Reason, reason.latin1()}},
                                          prometheus::Histogram::BucketBoundaries{
                                              1, 5, 15, 30, 60, 120, 300, 600, 900, 1800, 3600})});
    auto &actions =
        counter(metric::OperatorActionsTotal, "Operator actions carried out, by action");
    for (QLatin1String a : {wire::action::Retry, wire::action::Breaker, wire::action::Pause,
                            wire::action::Resume, wire::action::Enqueue})
        m_operatorActions.insert(a, &actions.Add({{label::Action, a.latin1()}}));
    auto &info =
        gauge(metric::ServiceInfo, "Build and configuration of the enrichment service (always 1)");
    info.Add({{label::Version, s(version)},
              {label::Pipeline, metric::PipelineWaterfall},
              {label::Sources, s(sources.join(QLatin1Char(',')))}})
        .Set(1);

    for (const QString &name : sources) {
        auto ps = std::make_unique<PerSource>();
        const std::string src = s(name);
        for (std::size_t i = 0; i < RequestStatusCount; ++i)
            ps->requests[i] =
                &requests.Add({{label::Source, src}, {label::Status, s(toWire(RequestStatus(i)))}});
        ps->duration = &duration.Add({{label::Source, src}}, durationBuckets());
        for (std::size_t i = 0; i < ErrorTypeCount; ++i)
            ps->errors[i] =
                &errors.Add({{label::Source, src}, {label::ErrorType, s(toWire(ErrorType(i)))}});
        ps->breakerState = &breakerState.Add({{label::Source, src}});
        ps->breakerFailures = &breakerFailures.Add({{label::Source, src}});
        ps->breakerTrips = &breakerTrips.Add({{label::Source, src}});
        ps->breakerAttention = &breakerAttention.Add({{label::Source, src}});
        ps->rateRemaining = &rateRemaining.Add({{label::Source, src}});
        ps->rateLimit = &rateLimit.Add({{label::Source, src}});
        ps->rateReset = &rateReset.Add({{label::Source, src}});
        ps->health = &health.Add({{label::Source, src}});
        ps->health->Set(int(SourceHealth::Healthy));
        m_perSource.push_back(std::move(ps));
    }
    for (TrackStatus st : AllTrackStatuses)
        m_queueDepth[std::size_t(st)] =
            &queueDepth.Add({{label::Queue, s(queue)}, {label::Status, s(toWire(st))}});
    m_processingRate = &rate.Add({{label::Queue, s(queue)}});
    m_oldestPending = &oldest.Add({{label::Queue, s(queue)}});
    m_enqueueRate = &enqueued.Add({{label::Queue, s(queue)}});
    m_workersDesired = &desired.Add({{label::Queue, s(queue)}});
    m_workersLive = &live.Add({{label::Queue, s(queue)}});
    for (std::size_t op = 0; op < CacheOperationCount; ++op) {
        m_cache[op][0] = &cache.Add({{label::Operation, s(toWire(CacheOperation(op)))},
                                     {label::Status, metric::CacheFailure}});
        m_cache[op][1] = &cache.Add({{label::Operation, s(toWire(CacheOperation(op)))},
                                     {label::Status, metric::CacheSuccess}});
    }
    m_inProgress = &inProgress.Add({});
    m_batchSize =
        &batchSize.Add({}, prometheus::Histogram::BucketBoundaries{1, 5, 10, 20, 50, 100});
    for (const QString &f : metadataFieldNames())
        m_fields.push_back(&fields.Add({{label::Field, s(f)}}));
}

PipelineMetrics::~PipelineMetrics() = default;

void PipelineMetrics::recordRequest(int source, RequestStatus status, double seconds)
{
    PerSource &ps = *m_perSource[std::size_t(source)];
    ps.requests[std::size_t(status)]->Increment();
    ps.duration->Observe(seconds);
    ps.stats.record(m_clock.nowMs(), status, seconds);
}

void PipelineMetrics::recordError(int source, ErrorType type)
{
    m_perSource[std::size_t(source)]->errors[std::size_t(type)]->Increment();
}

void PipelineMetrics::setBreakerState(int source, BreakerState state)
{
    m_perSource[std::size_t(source)]->breakerState->Set(int(state));
}

void PipelineMetrics::recordBreakerFailure(int source)
{
    m_perSource[std::size_t(source)]->breakerFailures->Increment();
}

void PipelineMetrics::recordBreakerTrip(int source)
{
    m_perSource[std::size_t(source)]->breakerTrips->Increment();
}

void PipelineMetrics::setBreakerNeedsAttention(int source, bool on)
{
    m_perSource[std::size_t(source)]->breakerAttention->Set(on ? 1 : 0);
}

void PipelineMetrics::setSourceHealth(int source, SourceHealth health)
{
    m_perSource[std::size_t(source)]->health->Set(
        health == SourceHealth::Unavailable ? -1 : int(health));
}

void PipelineMetrics::setQueueDepth(TrackStatus status, qint64 depth)
{
    m_queueDepth[std::size_t(status)]->Set(double(depth));
}

void PipelineMetrics::setQueueFlow(double oldestPendingSeconds, double enqueuedPerMinute)
{
    m_oldestPending->Set(oldestPendingSeconds);
    m_enqueueRate->Set(enqueuedPerMinute);
}

void PipelineMetrics::setWorkers(double desired, double live)
{
    m_workersDesired->Set(desired);
    m_workersLive->Set(live);
}

void PipelineMetrics::setProcessingRate(double tracksPerMinute)
{
    m_processingRate->Set(tracksPerMinute);
}

void PipelineMetrics::setRateLimit(int source, qint64 remaining, qint64 limit,
                                   double resetEpochSeconds)
{
    PerSource &ps = *m_perSource[std::size_t(source)];
    ps.rateRemaining->Set(double(remaining));
    ps.rateLimit->Set(double(limit));
    ps.rateReset->Set(resetEpochSeconds);
}

void PipelineMetrics::recordCache(CacheOperation op, bool ok)
{
    m_cache[std::size_t(op)][ok ? 1 : 0]->Increment();
}

void PipelineMetrics::setTracksInProgress(qint64 n)
{
    m_inProgress->Set(double(n));
}

void PipelineMetrics::observeBatchSize(int n)
{
    m_batchSize->Observe(n);
}

void PipelineMetrics::recordMetadataField(int field)
{
    if (field >= 0 && std::size_t(field) < m_fields.size())
        m_fields[std::size_t(field)]->Increment();
}

void PipelineMetrics::recordTrackProcessed(TrackStatus status)
{
    if (prometheus::Counter *c = m_processed[std::size_t(status)])
        c->Increment();
}

void PipelineMetrics::recordTrackDeferred()
{
    m_deferred->Increment();
}

void PipelineMetrics::recordOperatorAction(const QString &action)
{
    if (prometheus::Counter *c = m_operatorActions.value(action))
        c->Increment();
}

qint64 PipelineMetrics::operatorActions(const QString &action) const
{
    const prometheus::Counter *c = m_operatorActions.value(action);
    return c ? qint64(c->Value()) : 0;
}

void PipelineMetrics::recordRetryScheduled(QLatin1String reason, double delaySeconds)
{
    const auto it = m_retries.constFind(reason);
    if (it == m_retries.cend())
        return;
    it->scheduled->Increment();
    it->delay->Observe(delaySeconds);
}

qint64 PipelineMetrics::retriesScheduled(QLatin1String reason) const
{
    const auto it = m_retries.constFind(reason);
    return it == m_retries.cend() ? 0 : qint64(it->scheduled->Value());
}

qint64 PipelineMetrics::tracksDeferred() const
{
    return qint64(m_deferred->Value());
}

void PipelineMetrics::setEventBus(quint64 published, quint64 dropped, bool brokerUp)
{
    using namespace prometheus;
    if (!m_eventsPublished) {
        m_eventsPublished = &BuildCounter()
                                 .Name(metric::EventsPublishedTotal)
                                 .Help("Room events sent to the RabbitMQ exchange")
                                 .Register(*m_registry)
                                 .Add({});
        m_eventsDropped = &BuildCounter()
                               .Name(metric::EventsDroppedTotal)
                               .Help("Room events lost on the way to or from RabbitMQ (buffer "
                                     "full while the broker was away, or too large)")
                               .Register(*m_registry)
                               .Add({});
        m_brokerUp = &BuildGauge()
                          .Name(metric::EventBrokerUp)
                          .Help("1 while both connections to the RabbitMQ broker are up")
                          .Register(*m_registry)
                          .Add({});
    }
    // The bus keeps running totals; the counters follow them.
    if (const double d = double(published) - m_eventsPublished->Value(); d > 0)
        m_eventsPublished->Increment(d);
    if (const double d = double(dropped) - m_eventsDropped->Value(); d > 0)
        m_eventsDropped->Increment(d);
    m_brokerUp->Set(brokerUp ? 1 : 0);
}

void PipelineMetrics::recordBusDrop(QLatin1String reason, quint64 n)
{
    if (!m_busDrops)
        m_busDrops = &prometheus::BuildCounter()
                          .Name(metric::BusMessagesDroppedTotal)
                          .Help("Messages from the event bus not forwarded to the room, by "
                                "reason (too large, not JSON, too deep, a server-only or "
                                "unknown type, invalid data, a sender not allowed)")
                          .Register(*m_registry);
    prometheus::Counter &c =
        m_busDrops->Add({{label::Reason, std::string(reason.data(), reason.size())}});
    if (n > 0)
        c.Increment(double(n));
}

qint64 PipelineMetrics::busDrops(QLatin1String reason) const
{
    if (!m_busDrops)
        return 0;
    return qint64(
        m_busDrops->Add({{label::Reason, std::string(reason.data(), reason.size())}}).Value());
}

std::string PipelineMetrics::serialize() const
{
    std::ostringstream out;
    prometheus::TextSerializer().Serialize(out, m_registry->Collect());
    return out.str();
}

SourceWindow PipelineMetrics::sourceWindow(int source) const
{
    return m_perSource[std::size_t(source)]->stats.window(m_clock.nowMs());
}

qint64 PipelineMetrics::cacheCount(CacheOperation op) const
{
    return qint64(m_cache[std::size_t(op)][0]->Value() + m_cache[std::size_t(op)][1]->Value());
}

qint64 PipelineMetrics::fieldCount(int field) const
{
    return qint64(m_fields[std::size_t(field)]->Value());
}

qint64 PipelineMetrics::errorCount(int source, ErrorType type) const
{
    return qint64(m_perSource[std::size_t(source)]->errors[std::size_t(type)]->Value());
}

qint64 PipelineMetrics::requestCount(int source, RequestStatus status) const
{
    return qint64(m_perSource[std::size_t(source)]->requests[std::size_t(status)]->Value());
}

qint64 PipelineMetrics::tripCount(int source) const
{
    return qint64(m_perSource[std::size_t(source)]->breakerTrips->Value());
}

} // namespace enrichment
