// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <cstddef>
#include <optional>

#include <QString>
#include <QStringList>

/// The wire contract's vocabulary (docs/PROTOCOL.md), shared by the backend that writes it
/// and the dashboard that reads it: queue statuses, request outcomes, breaker states,
/// health values, error types and cache operations, each with its wire name. Readers get
/// std::nullopt for a name they do not know; there is no "unknown" value.
namespace enrichment {

/// Status of a track in the `enrichment_status` table.
enum class TrackStatus { Pending, InProgress, Completed, Failed, Partial };
inline constexpr std::size_t TrackStatusCount = 5;
inline constexpr std::array<TrackStatus, TrackStatusCount> AllTrackStatuses{
    TrackStatus::Pending, TrackStatus::InProgress, TrackStatus::Completed, TrackStatus::Failed,
    TrackStatus::Partial};

/// Outcome of one request to a source (`enrichment_requests_total{status}`).
enum class RequestStatus { Success, NoData, Error };
inline constexpr std::size_t RequestStatusCount = 3;
inline constexpr std::size_t BreakerStateCount = 3;
inline constexpr std::size_t SourceHealthCount = 4;

/// Circuit breaker state; the integer is the `circuit_breaker_state` gauge value.
enum class BreakerState { Closed = 0, HalfOpen = 1, Open = 2 };

/// Source health; the integer is the `enrichment_source_health` gauge value, except
/// Unavailable, which has no gauge value (no client configured).
enum class SourceHealth { Down = 0, Degraded = 1, Healthy = 2, Unavailable = 3 };

/// Error types counted in `enrichment_errors_total{error_type}`.
enum class ErrorType {
    Timeout,
    RateLimited,
    ServerError,
    ConnectionError,
    ParseError,
    CircuitOpen,
    LocalRateLimit
};
inline constexpr std::size_t ErrorTypeCount = 7;
inline constexpr std::array<ErrorType, ErrorTypeCount> AllErrorTypes{
    ErrorType::Timeout,         ErrorType::RateLimited, ErrorType::ServerError,
    ErrorType::ConnectionError, ErrorType::ParseError,  ErrorType::CircuitOpen,
    ErrorType::LocalRateLimit};

/// Cache operations (`enrichment_cache_operations_total{operation,status}`).
enum class CacheOperation { Hit, Miss, Set, Error };
inline constexpr std::size_t CacheOperationCount = 4;

QString toWire(TrackStatus s);
QString toWire(RequestStatus s);
QString toWire(BreakerState s);
QString toWire(SourceHealth s);
QString toWire(ErrorType e);
QString toWire(CacheOperation o);

std::optional<TrackStatus> trackStatusFromWire(QStringView name);
std::optional<RequestStatus> requestStatusFromWire(QStringView name);
std::optional<BreakerState> breakerStateFromWire(QStringView name);
std::optional<SourceHealth> sourceHealthFromWire(QStringView name);
std::optional<ErrorType> errorTypeFromWire(QStringView name);
std::optional<CacheOperation> cacheOperationFromWire(QStringView name);

/// The wire names of every error type, in AllErrorTypes order.
QStringList errorTypeNames();

/// Health follows the breaker (docs/PROTOCOL.md, the snapshot).
SourceHealth healthForBreaker(BreakerState s);

/// The five sources of the waterfall, in call order (also the order the dashboard lists
/// them in; other sources follow, sorted by name).
QStringList defaultSourceNames();

/// The most characters (UTF-16 code units) of a track id.
inline constexpr int TrackIdMaxChars = 256;
/// The track-id alphabet (docs/PROTOCOL.md, "Track ids"): 1 to TrackIdMaxChars of any
/// Unicode character but controls (U+0000-U+001F, U+007F-U+009F), noncharacters (U+FDD0-
/// U+FDEF and every U+xFFFE, U+xFFFF) and unpaired surrogates. Every way into the queue
/// (enqueue, retry by id, the module's enqueue(), the paths and cursors of the operator
/// endpoints) refuses the rest, so each id survives a URL, JSON, SQLite and PostgreSQL as
/// it was given.
bool isValidTrackId(const QString &id);
/// The characters of @p text (a prefix or a cursor: a partial id, empty allowed) are all in
/// the alphabet and there are at most TrackIdMaxChars of them.
bool isTrackIdText(const QString &text);
/// The rule above in one sentence, for error messages.
QString trackIdRule();

/// The most ids one retry or enqueue by id may name (`track_ids`).
inline constexpr int MaxActionTrackIds = 10'000;
/// The most rows one page of a track search returns (`limit`).
inline constexpr int MaxPageSize = 500;
/// The most entries one read of the audit log returns (`limit`).
inline constexpr int MaxAuditEntries = 1000;

/// A track's metadata value longer than this is cut (a source's text, not a document).
inline constexpr int MetadataValueMaxChars = 1000;
/// The most metadata fields one track keeps (and a track's `metadata` holds).
inline constexpr int MetadataFieldsMax = 64;

/// Metadata fields counted in `enrichment_metadata_fields_populated_total{field}`.
QStringList metadataFieldNames();

} // namespace enrichment
