// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <optional>

#include <QDateTime>
#include <QJsonObject>
#include <QLatin1String>
#include <QString>

/// The wire contract's names and forms (docs/PROTOCOL.md), in one place for the backend
/// that writes them and the dashboard that reads them: the room and its message types,
/// the JSON keys, the message envelope and the time format.
namespace enrichment::wire {

// The room and its messages.
inline constexpr QLatin1String RoomId{"enrichment_monitor"};
inline constexpr QLatin1String RoomIdParameter{"room_id"};
inline constexpr int SchemaVersion = 1;
namespace event {
inline constexpr QLatin1String Welcome{"welcome"};
inline constexpr QLatin1String BatchStart{"enrichment_batch_start"};
inline constexpr QLatin1String BatchComplete{"enrichment_batch_complete"};
inline constexpr QLatin1String BreakerStateChange{"circuit_breaker_state_change"};
inline constexpr QLatin1String Snapshot{"enrichment_snapshot"};
inline constexpr QLatin1String Ping{"ping"};
inline constexpr QLatin1String Pong{"pong"};
inline constexpr QLatin1String Error{"error"};
/// An operator retried, paused, resumed, enqueued or steered a breaker.
inline constexpr QLatin1String OperatorAction{"operator_action"};
} // namespace event

/// The operator endpoints' paths (below /monitoring/enrichment) and actions.
namespace path {
inline constexpr QLatin1String Metrics{"/metrics"};
inline constexpr QLatin1String Health{"/health"};
inline constexpr QLatin1String Snapshot{"/monitoring/enrichment"};
inline constexpr QLatin1String History{"/monitoring/enrichment/history"};
inline constexpr QLatin1String Room{"/ws"};
inline constexpr QLatin1String Tracks{"/monitoring/enrichment/tracks"};
inline constexpr QLatin1String Failures{"/monitoring/enrichment/failures"};
inline constexpr QLatin1String Audit{"/monitoring/enrichment/audit"};
inline constexpr QLatin1String Actions{"/monitoring/enrichment/actions"};
} // namespace path
namespace action {
inline constexpr QLatin1String Retry{"retry"};
inline constexpr QLatin1String Breaker{"breaker"};
inline constexpr QLatin1String Pause{"pause"};
inline constexpr QLatin1String Resume{"resume"};
inline constexpr QLatin1String Enqueue{"enqueue"};
inline constexpr QLatin1String Close{"close"};
inline constexpr QLatin1String Probe{"probe"};
} // namespace action
/// Roles in the welcome message and /health.
namespace role {
inline constexpr QLatin1String None{"none"};
inline constexpr QLatin1String Viewer{"viewer"};
inline constexpr QLatin1String Operator{"operator"};
/// The audit log's `actor` when the backend asks for no token (loopback only).
inline constexpr QLatin1String LocalActor{"local"};
/// The audit log's `actor` for what the service did by itself (a breaker that waits for
/// an operator).
inline constexpr QLatin1String PipelineActor{"pipeline"};
} // namespace role

// Keys, grouped by where they appear.
namespace key {
// Envelope.
inline constexpr QLatin1String Type{"type"};
inline constexpr QLatin1String Data{"data"};
inline constexpr QLatin1String Timestamp{"timestamp"};
inline constexpr QLatin1String Message{"message"};
// Welcome.
inline constexpr QLatin1String SnapshotPush{"snapshot_push"};
inline constexpr QLatin1String ServerVersion{"server_version"};
// Events.
inline constexpr QLatin1String BatchSize{"batch_size"};
inline constexpr QLatin1String BatchNumber{"batch_number"};
inline constexpr QLatin1String TotalTracks{"total_tracks"};
inline constexpr QLatin1String SuccessCount{"success_count"};
inline constexpr QLatin1String Source{"source"};
inline constexpr QLatin1String PreviousState{"previous_state"};
inline constexpr QLatin1String State{"state"};
inline constexpr QLatin1String FailureCount{"failure_count"};
// Snapshot and history.
inline constexpr QLatin1String SchemaVersion{"schema_version"};
inline constexpr QLatin1String Queue{"queue"};
inline constexpr QLatin1String ProcessingRate{"processing_rate"};
inline constexpr QLatin1String CompletedLastHour{"completed_last_hour"};
inline constexpr QLatin1String PerMinute{"per_minute"};
inline constexpr QLatin1String RateWindowSeconds{"window_seconds"};
inline constexpr QLatin1String EnqueuedPerMinute{"enqueued_per_minute"};
inline constexpr QLatin1String OldestPendingSeconds{"oldest_pending_seconds"};
inline constexpr QLatin1String CircuitBreakers{"circuit_breakers"};
inline constexpr QLatin1String SourceHealth{"source_health"};
inline constexpr QLatin1String Sources{"sources"};
inline constexpr QLatin1String Metrics{"metrics"};
inline constexpr QLatin1String TracksInProgress{"tracks_in_progress"};
inline constexpr QLatin1String QueueProcessingRate{"queue_processing_rate"};
inline constexpr QLatin1String LastFailureTime{"last_failure_time"};
inline constexpr QLatin1String NextProbeInSeconds{"next_probe_in_seconds"};
inline constexpr QLatin1String Samples{"samples"};
inline constexpr QLatin1String Minutes{"minutes"};
inline constexpr QLatin1String IntervalSeconds{"interval_seconds"};
inline constexpr QLatin1String BreakerState{"breaker_state"};
inline constexpr QLatin1String Health{"health"};
inline constexpr QLatin1String Error{"error"};
inline constexpr QLatin1String Code{"code"};
// The fleet: workers sharing one queue (absent for a backend of its own).
inline constexpr QLatin1String Workers{"workers"};
inline constexpr QLatin1String WorkerId{"worker_id"};
/// In a room event: the worker that sent it (events that came through RabbitMQ).
inline constexpr QLatin1String Worker{"worker"};
inline constexpr QLatin1String Id{"id"};
inline constexpr QLatin1String Host{"host"};
inline constexpr QLatin1String Started{"started"};
inline constexpr QLatin1String LastSeen{"last_seen"};
inline constexpr QLatin1String LastBatch{"last_batch"};
inline constexpr QLatin1String CurrentBatch{"current_batch"};
inline constexpr QLatin1String BatchesCompleted{"batches_completed"};
inline constexpr QLatin1String TracksPerMinute{"tracks_per_minute"};
// How many workers the fleet should run (snapshot `autoscale`).
inline constexpr QLatin1String Autoscale{"autoscale"};
inline constexpr QLatin1String DesiredWorkers{"desired_workers"};
inline constexpr QLatin1String LiveWorkers{"live_workers"};
inline constexpr QLatin1String InflowPerMinute{"inflow_per_minute"};
inline constexpr QLatin1String ForecastBacklog{"forecast_backlog"};
inline constexpr QLatin1String TargetDrainSeconds{"target_drain_seconds"};
inline constexpr QLatin1String DrainSecondsLeft{"drain_seconds_left"};
inline constexpr QLatin1String RatePerWorker{"rate_per_worker"};
inline constexpr QLatin1String UncappedWorkers{"uncapped_workers"};
inline constexpr QLatin1String CapWorkers{"cap_workers"};
inline constexpr QLatin1String CapSource{"cap_source"};
inline constexpr QLatin1String CapQuotaPerMinute{"cap_quota_per_minute"};
inline constexpr QLatin1String OpenSources{"open_sources"};
inline constexpr QLatin1String MinWorkers{"min_workers"};
inline constexpr QLatin1String MaxWorkers{"max_workers"};
inline constexpr QLatin1String Reason{"reason"};
// The pipeline control (snapshot `pipeline`) and roles (welcome, /health).
inline constexpr QLatin1String Pipeline{"pipeline"};
inline constexpr QLatin1String Paused{"paused"};
inline constexpr QLatin1String PausedSources{"paused_sources"};
inline constexpr QLatin1String Role{"role"};
inline constexpr QLatin1String Actions{"actions"};
// Operator endpoints.
inline constexpr QLatin1String TrackId{"track_id"};
inline constexpr QLatin1String TrackIds{"track_ids"};
inline constexpr QLatin1String Tracks{"tracks"};
inline constexpr QLatin1String Next{"next"};
inline constexpr QLatin1String Status{"status"};
inline constexpr QLatin1String ErrorType{"error_type"};
inline constexpr QLatin1String RetryCount{"retry_count"};
// What a lookup needs of a track (enqueue's `tracks`, a track's row, the CSV's header).
inline constexpr QLatin1String Artist{"artist"};
inline constexpr QLatin1String Title{"title"};
inline constexpr QLatin1String Isrc{"isrc"};
inline constexpr QLatin1String DurationMs{"duration_ms"};
inline constexpr QLatin1String SourcesEnriched{"sources_enriched"};
inline constexpr QLatin1String ErrorMessage{"error_message"};
inline constexpr QLatin1String LastAttempt{"last_attempt"};
inline constexpr QLatin1String Created{"created"};
inline constexpr QLatin1String Updated{"updated"};
inline constexpr QLatin1String AvailableAt{"available_at"};
inline constexpr QLatin1String NextAttemptAt{"next_attempt_at"};
inline constexpr QLatin1String NeedsAttention{"needs_attention"};
inline constexpr QLatin1String SourcesOff{"sources_off"};
inline constexpr QLatin1String Reopens{"reopens"};
inline constexpr QLatin1String ReopenLimit{"reopen_limit"};
inline constexpr QLatin1String LeaseOwner{"lease_owner"};
inline constexpr QLatin1String Attempts{"attempts"};
inline constexpr QLatin1String Outcome{"outcome"};
inline constexpr QLatin1String Detail{"detail"};
inline constexpr QLatin1String LatencyMs{"latency_ms"};
inline constexpr QLatin1String At{"at"};
inline constexpr QLatin1String Groups{"groups"};
inline constexpr QLatin1String Count{"count"};
inline constexpr QLatin1String Examples{"examples"};
inline constexpr QLatin1String Entries{"entries"};
inline constexpr QLatin1String Actor{"actor"};
inline constexpr QLatin1String Action{"action"};
inline constexpr QLatin1String Parameters{"parameters"};
inline constexpr QLatin1String Result{"result"};
inline constexpr QLatin1String Fields{"fields"};
/// A track's `metadata`: {field: {value, source, at}}.
inline constexpr QLatin1String Metadata{"metadata"};
inline constexpr QLatin1String Value{"value"};
inline constexpr QLatin1String Field{"field"};
inline constexpr QLatin1String AuditId{"audit_id"};
/// An import's audit parameters: the file it read.
inline constexpr QLatin1String File{"file"};
inline constexpr QLatin1String Changed{"changed"};
inline constexpr QLatin1String Sequence{"sequence"};
// What an action answers (and the audit log keeps as its `result`).
inline constexpr QLatin1String Retried{"retried"};
inline constexpr QLatin1String ByStatus{"by_status"};
inline constexpr QLatin1String Added{"added"};
inline constexpr QLatin1String AlreadyQueued{"already_queued"};
// Query parameters of the operator endpoints (with `status`, `error_type`, `source`).
inline constexpr QLatin1String Query{"q"};
inline constexpr QLatin1String Limit{"limit"};
inline constexpr QLatin1String After{"after"};
// A snapshot's breaker: its settings.
inline constexpr QLatin1String FailureThreshold{"failure_threshold"};
inline constexpr QLatin1String SuccessThreshold{"success_threshold"};
inline constexpr QLatin1String TimeoutSeconds{"timeout_seconds"};
// A snapshot's source.
inline constexpr QLatin1String Requests{"requests"};
inline constexpr QLatin1String Errors{"errors"};
inline constexpr QLatin1String Requests1h{"requests_1h"};
inline constexpr QLatin1String SuccessRate1h{"success_rate_1h"};
inline constexpr QLatin1String SuccessRate24h{"success_rate_24h"};
inline constexpr QLatin1String LatencySeconds{"latency_seconds"};
inline constexpr QLatin1String RateLimit{"rate_limit"};
inline constexpr QLatin1String TripsTotal{"trips_total"};
inline constexpr QLatin1String Remaining{"remaining"};
inline constexpr QLatin1String ResetTimestamp{"reset_timestamp"};
inline constexpr QLatin1String P50{"p50"};
inline constexpr QLatin1String P95{"p95"};
inline constexpr QLatin1String P99{"p99"};
/// The window a latency was measured over (same name as the rate's).
inline constexpr QLatin1String WindowSeconds{"window_seconds"};
// A snapshot's cache and field coverage.
inline constexpr QLatin1String Cache{"cache"};
inline constexpr QLatin1String Hits{"hits"};
inline constexpr QLatin1String Misses{"misses"};
inline constexpr QLatin1String Sets{"sets"};
inline constexpr QLatin1String HitRatio{"hit_ratio"};
inline constexpr QLatin1String FieldCoverage{"field_coverage"};
inline constexpr QLatin1String TracksEnriched{"tracks_enriched"};
inline constexpr QLatin1String Ratio{"ratio"};
// A snapshot's service, and /health.
inline constexpr QLatin1String Service{"service"};
inline constexpr QLatin1String Version{"version"};
inline constexpr QLatin1String UptimeSeconds{"uptime_seconds"};
inline constexpr QLatin1String LeaseSeconds{"lease_seconds"};
inline constexpr QLatin1String Database{"database"};
inline constexpr QLatin1String Reachable{"reachable"};
inline constexpr QLatin1String Writable{"writable"};
inline constexpr QLatin1String Broker{"broker"};
inline constexpr QLatin1String Connected{"connected"};
inline constexpr QLatin1String Backlog{"backlog"};
inline constexpr QLatin1String Dropped{"dropped"};
// A history sample's source.
inline constexpr QLatin1String RequestsTotal{"requests_total"};
inline constexpr QLatin1String ErrorsTotal{"errors_total"};
inline constexpr QLatin1String LatencyP95Seconds{"latency_p95_seconds"};
inline constexpr QLatin1String RateLimitRemaining{"rate_limit_remaining"};
inline constexpr QLatin1String RateLimitLimit{"rate_limit_limit"};
} // namespace key

/// The `stats` document a worker's heartbeat leaves in the store for the relay (docs/
/// PROTOCOL.md, "Fleet statistics").
namespace stats {
inline constexpr QLatin1String Sources{"sources"};
inline constexpr QLatin1String Requests{"requests"};
inline constexpr QLatin1String Errors{"errors"};
inline constexpr QLatin1String Window{"window"};
inline constexpr QLatin1String Requests1h{"requests_1h"};
inline constexpr QLatin1String Successes1h{"successes_1h"};
inline constexpr QLatin1String NoData1h{"no_data_1h"};
inline constexpr QLatin1String Errors1h{"errors_1h"};
inline constexpr QLatin1String Requests24h{"requests_24h"};
inline constexpr QLatin1String Successes24h{"successes_24h"};
inline constexpr QLatin1String Latency{"latency"};
inline constexpr QLatin1String RateLimit{"rate_limit"};
inline constexpr QLatin1String Limit{"limit"};
inline constexpr QLatin1String Remaining{"remaining"};
inline constexpr QLatin1String ResetMs{"reset_ms"};
inline constexpr QLatin1String Trips{"trips"};
inline constexpr QLatin1String QuotaPerMinute{"quota_per_minute"};
inline constexpr QLatin1String FailureCount{"failure_count"};
inline constexpr QLatin1String LastFailureMs{"last_failure_ms"};
inline constexpr QLatin1String Cache{"cache"};
inline constexpr QLatin1String TracksEnriched{"tracks_enriched"};
inline constexpr QLatin1String Fields{"fields"};
} // namespace stats

/// The snapshot's objects the seed's document already had: a document with none of them is
/// not a monitoring snapshot.
inline constexpr std::array<QLatin1String, 4> SeedSnapshotKeys{
    key::Queue, key::ProcessingRate, key::CircuitBreakers, key::SourceHealth};

/// The metadata fields a track can have (`enrichment_metadata_fields_populated_total{field}`,
/// a snapshot's `field_coverage.fields`, a track's `metadata`).
namespace field {
inline constexpr QLatin1String Isrc{"isrc"};
inline constexpr QLatin1String Bpm{"bpm"};
inline constexpr QLatin1String Key{"key"};
inline constexpr QLatin1String SpotifyId{"spotify_id"};
inline constexpr QLatin1String MusicBrainzId{"musicbrainz_id"};
inline constexpr QLatin1String DiscogsId{"discogs_id"};
inline constexpr QLatin1String BeatportId{"beatport_id"};
inline constexpr QLatin1String Genre{"genre"};
inline constexpr QLatin1String Label{"label"};
inline constexpr QLatin1String ReleaseDate{"release_date"};
inline constexpr QLatin1String Energy{"energy"};
inline constexpr QLatin1String Tags{"tags"};
} // namespace field

/// `/health`'s `status`.
namespace health {
inline constexpr QLatin1String Ok{"ok"};
inline constexpr QLatin1String Degraded{"degraded"};
inline constexpr QLatin1String Unavailable{"unavailable"};
} // namespace health

/// An attempt's `outcome` besides the request statuses (success, no_data, error), and the
/// `error_type` of an attempt skipped because an operator paused its source.
namespace outcome {
inline constexpr QLatin1String Skipped{"skipped"};
inline constexpr QLatin1String SourcePaused{"source_paused"};
/// The error type of a retry skipped because its source's retry budget is spent.
inline constexpr QLatin1String RetryBudget{"retry_budget"};
} // namespace outcome

/// Why a failed track waits for its next attempt
/// (`enrichment_retries_scheduled_total{reason}`).
namespace retry {
inline constexpr QLatin1String Transient{"transient"};
inline constexpr QLatin1String RateLimited{"rate_limited"};
inline constexpr QLatin1String Unavailable{"unavailable"};
} // namespace retry

/// The `code` of an error answer (`{"error": {"code", "message"}}`).
namespace code {
inline constexpr QLatin1String BadRequest{"bad_request"};
inline constexpr QLatin1String BadParameter{"bad_parameter"};
inline constexpr QLatin1String BadBody{"bad_body"};
inline constexpr QLatin1String Unauthorized{"unauthorized"};
inline constexpr QLatin1String Forbidden{"forbidden"};
inline constexpr QLatin1String NotFound{"not_found"};
inline constexpr QLatin1String UnknownTrack{"unknown_track"};
inline constexpr QLatin1String MethodNotAllowed{"method_not_allowed"};
inline constexpr QLatin1String OriginNotAllowed{"origin_not_allowed"};
inline constexpr QLatin1String UnsupportedMediaType{"unsupported_media_type"};
inline constexpr QLatin1String WebSocketRequired{"websocket_required"};
inline constexpr QLatin1String StoreUnavailable{"store_unavailable"};
inline constexpr QLatin1String HeadersTooLarge{"headers_too_large"};
inline constexpr QLatin1String HttpVersionNotSupported{"http_version_not_supported"};
inline constexpr QLatin1String LengthRequired{"length_required"};
inline constexpr QLatin1String PayloadTooLarge{"payload_too_large"};
inline constexpr QLatin1String RequestTimeout{"request_timeout"};
inline constexpr QLatin1String TooManyConnections{"too_many_connections"};
} // namespace code
/// Worker states in `workers[].state`.
namespace worker {
inline constexpr QLatin1String Active{"active"};
inline constexpr QLatin1String Idle{"idle"};
inline constexpr QLatin1String Lost{"lost"};
inline constexpr QLatin1String Stopped{"stopped"};
} // namespace worker

/// Why the fleet wants the workers it wants (`autoscale.reason`).
namespace scale {
inline constexpr QLatin1String Idle{"idle"};
inline constexpr QLatin1String Measuring{"measuring"};
inline constexpr QLatin1String Backlog{"backlog"};
inline constexpr QLatin1String Quota{"quota"};
inline constexpr QLatin1String BreakerOpen{"breaker_open"};
inline constexpr QLatin1String Paused{"paused"};
inline constexpr QLatin1String MinWorkers{"min_workers"};
inline constexpr QLatin1String MaxWorkers{"max_workers"};
} // namespace scale

/// Wire time: ISO 8601 UTC with milliseconds, e.g. `2026-11-29T00:12:25.302Z`.
QString formatTime(qint64 epochMs);
/// Reads a wire time, tolerantly: with or without milliseconds, with microseconds (the
/// seed's Python `isoformat()`), with `Z`, an offset or none (taken as UTC). Invalid when
/// it is not a time.
QDateTime parseTime(const QString &text);

/// Decodes a percent-encoded part of a URL (a path segment, a query value) into text, or
/// std::nullopt when its bytes are not valid UTF-8. Unlike QUrl's decoding, which turns
/// noncharacters and broken sequences into U+FFFD, it keeps what was sent, so that a check
/// of the text (isTrackIdText(), say) sees it.
std::optional<QString> percentDecodedUtf8(QStringView encoded);

/// The room's message envelope `{"type", "data", "timestamp"}`.
QJsonObject envelope(const QString &type, const QJsonObject &data, qint64 epochMs);
/// The same, as compact JSON text (what the room sends).
QString envelopeText(const QString &type, const QJsonObject &data, qint64 epochMs);

} // namespace enrichment::wire
