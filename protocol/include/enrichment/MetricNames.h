// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

/// The Prometheus metrics of the wire contract (docs/PROTOCOL.md, "Metrics"): their names
/// and labels, for the backend that exports them and the dashboard that queries them.
/// Plain C strings: prometheus-cpp takes std::string, PromQL is built with QString::arg().
namespace enrichment::metric {

inline constexpr char CircuitBreakerFailuresTotal[] = "circuit_breaker_failures_total";
inline constexpr char CircuitBreakerNeedsAttention[] = "circuit_breaker_needs_attention";
inline constexpr char CircuitBreakerState[] = "circuit_breaker_state";
inline constexpr char CircuitBreakerTripsTotal[] = "circuit_breaker_trips_total";
inline constexpr char ApiRateLimitLimit[] = "enrichment_api_rate_limit_limit";
inline constexpr char ApiRateLimitRemaining[] = "enrichment_api_rate_limit_remaining";
inline constexpr char ApiRateLimitResetTimestamp[] = "enrichment_api_rate_limit_reset_timestamp";
inline constexpr char BatchSize[] = "enrichment_batch_size";
inline constexpr char BusMessagesDroppedTotal[] = "enrichment_bus_messages_dropped_total";
inline constexpr char CacheOperationsTotal[] = "enrichment_cache_operations_total";
inline constexpr char DurationSeconds[] = "enrichment_duration_seconds";
inline constexpr char ErrorsTotal[] = "enrichment_errors_total";
inline constexpr char EventBrokerUp[] = "enrichment_event_broker_up";
inline constexpr char EventsDroppedTotal[] = "enrichment_events_dropped_total";
inline constexpr char EventsPublishedTotal[] = "enrichment_events_published_total";
inline constexpr char MetadataFieldsPopulatedTotal[] = "enrichment_metadata_fields_populated_total";
inline constexpr char OperatorActionsTotal[] = "enrichment_operator_actions_total";
inline constexpr char QueueDepth[] = "enrichment_queue_depth";
inline constexpr char QueueEnqueueRate[] = "enrichment_queue_enqueue_rate";
inline constexpr char QueueOldestPendingSeconds[] = "enrichment_queue_oldest_pending_seconds";
inline constexpr char QueueProcessingRate[] = "enrichment_queue_processing_rate";
inline constexpr char RequestsTotal[] = "enrichment_requests_total";
inline constexpr char RetriesScheduledTotal[] = "enrichment_retries_scheduled_total";
inline constexpr char RetryDelaySeconds[] = "enrichment_retry_delay_seconds";
inline constexpr char ServiceInfo[] = "enrichment_service_info";
inline constexpr char SourceHealth[] = "enrichment_source_health";
inline constexpr char TracksDeferredTotal[] = "enrichment_tracks_deferred_total";
inline constexpr char TracksInProgress[] = "enrichment_tracks_in_progress";
inline constexpr char TracksProcessedTotal[] = "enrichment_tracks_processed_total";
inline constexpr char WorkersDesired[] = "enrichment_workers_desired";
inline constexpr char WorkersLive[] = "enrichment_workers_live";

/// `enrichment_cache_operations_total{status}`.
inline constexpr char CacheSuccess[] = "success";
inline constexpr char CacheFailure[] = "failure";
/// `enrichment_service_info{pipeline}`.
inline constexpr char PipelineWaterfall[] = "waterfall";

} // namespace enrichment::metric

/// The metrics' label names.
namespace enrichment::label {

inline constexpr char Source[] = "source";
inline constexpr char Status[] = "status";
inline constexpr char ErrorType[] = "error_type";
inline constexpr char Queue[] = "queue";
inline constexpr char Operation[] = "operation";
inline constexpr char Field[] = "field";
inline constexpr char Action[] = "action";
inline constexpr char Reason[] = "reason";
inline constexpr char Version[] = "version";
inline constexpr char Pipeline[] = "pipeline";
inline constexpr char Sources[] = "sources";

} // namespace enrichment::label
