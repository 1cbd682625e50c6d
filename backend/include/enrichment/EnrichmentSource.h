// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

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
    /// On an error: asking again will not help (refused credentials, a request the provider
    /// rejects), so the track is not retried for it. Parse errors and no_data are permanent
    /// anyway; timeouts, 5xx and connection errors are not unless a source says so.
    bool permanent = false;
};

/// A source's rate-limit window as its API reports it.
struct RateLimitState
{
    qint64 limit = 0;     ///< requests per window; 0 when the source has no limit
    qint64 remaining = 0; ///< requests left in the current window
    qint64 resetAtMs = 0; ///< epoch ms when the window resets
};

/// A metadata source of the waterfall (Spotify, MusicBrainz, ...). A source answers at
/// once (fetch(): a local catalogue, the simulated demo sources) or later (fetchAsync():
/// a client of a provider's HTTP API, answering from the event loop while the backend
/// keeps serving). Called from the backend thread only.
class EnrichmentSource
{
public:
    /// Receives a source's answer, once, on the backend thread.
    using Answer = std::function<void(const SourceResponse &)>;

    virtual ~EnrichmentSource() = default;
    virtual QString name() const = 0;
    /// Looks up one track at once: its id and what the queue keeps for a lookup (artist,
    /// title, ISRC, duration; empty for a track queued by id alone). Never throws: failures
    /// come back as status Error. A source that only answers later need not implement it.
    virtual SourceResponse fetch(const TrackLookup &track)
    {
        Q_UNUSED(track);
        SourceResponse r;
        r.status = RequestStatus::Error;
        r.error = ErrorType::ConnectionError;
        r.detail = QStringLiteral("this source answers only through fetchAsync()");
        return r;
    }
    /// Looks up one track and calls @p answer exactly once with the result, now or later
    /// from the event loop (never from another thread, never after the source is
    /// destroyed). The default answers at once with fetch().
    virtual void fetchAsync(const TrackLookup &track, Answer answer) { answer(fetch(track)); }
    /// True when the latencies this source reports are simulated: the pipeline lets that
    /// much wall time pass (times its time scale) before it records a batch. A source that
    /// answers later has already taken its time, and says false.
    virtual bool simulatesLatency() const { return true; }
    /// The rate-limit window now (rolls over to a fresh window when the reset time passed).
    virtual RateLimitState rateLimit() = 0;
    /// Requests per minute the provider allows every worker of the fleet together (one
    /// API key shared by all), for the autoscaler's cap (docs/SCALING.md); 0: no shared
    /// quota known (a source whose limit is each process's own, or none).
    virtual double fleetQuotaPerMinute() const { return 0; }
};

} // namespace enrichment
