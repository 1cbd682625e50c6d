// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QString>

#include "enrichment/TrackLookup.h"
#include "enrichment/Vocabulary.h"

namespace enrichment {

/// What one call to a source returned.
struct SourceResponse
{
    RequestStatus status = RequestStatus::NoData;
    ErrorType error = ErrorType::Timeout; ///< meaningful only when status == Error
    double latencySeconds = 0;
    QMap<QString, QString> fields; ///< metadata field -> value, on success
    /// What the source said, for the attempts log: an HTTP-like status line or a message
    /// ("HTTP 429 Too Many Requests", "timed out after 10 s"). Optional.
    QString detail;
};

/// A source's rate-limit window as its API reports it.
struct RateLimitState
{
    qint64 limit = 0;     ///< requests per window; 0 when the source has no limit
    qint64 remaining = 0; ///< requests left in the current window
    qint64 resetAtMs = 0; ///< epoch ms when the window resets
};

/// A metadata source of the waterfall (Spotify, MusicBrainz, ...). The real clients talk
/// HTTP to public APIs; this project ships simulated ones (SimulatedSource).
/// Called from the backend thread only.
class EnrichmentSource
{
public:
    virtual ~EnrichmentSource() = default;
    virtual QString name() const = 0;
    /// Looks up one track: its id and what the queue keeps for a lookup (artist, title,
    /// ISRC, duration; empty for a track queued by id alone). Never throws: failures come
    /// back as status Error.
    virtual SourceResponse fetch(const TrackLookup &track) = 0;
    /// The rate-limit window now (rolls over to a fresh window when the reset time passed).
    virtual RateLimitState rateLimit() = 0;
};

} // namespace enrichment
