// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

#include "enrichment/EnrichmentSource.h"

namespace enrichment {

/// What a failed answer says about asking again (docs/OPERATIONS.md, "Retries").
enum class RetryClass {
    RateLimited, ///< 429, MusicBrainz's 503, Last.fm error 29: wait for the provider's reset
    Transient,   ///< 5xx, timeouts, connection errors: back off exponentially with jitter
    Permanent    ///< not found, parse errors, refused credentials: asking again will not help
};

/// The class of @p response, which is an error (a no_data answer is permanent too).
RetryClass retryClass(const SourceResponse &response);

/// When a track none of whose sources had data is asked again.
///
/// Transient failures back off exponentially with "equal jitter": after the n-th failed
/// attempt (n >= 1) the ceiling is `min(cap, base * 2^(n-1))`, and the delay is half the
/// ceiling plus a uniformly random share of the other half, so a crowd of tracks failing
/// together spreads out instead of coming back as one wave, and no retry comes sooner than
/// half the ceiling.
struct RetryPolicy
{
    qint64 baseMs = 15'000;
    qint64 capMs = 15 * 60'000;

    /// The delay after the @p failedAttempts-th failed attempt; @p unit in [0, 1) is the
    /// random draw (a test passes 0 or just under 1 to see both ends).
    qint64 backoffMs(int failedAttempts, double unit) const;
};

/// A retry budget per source, like gRPC's retry throttling: every first request of a track
/// earns `ratio` of a token, every retried request spends one, and a retry goes out only
/// while a whole token is left, so retries stay at most about `ratio` of the requests
/// however many tracks fail together. The bucket starts full (`reserve` tokens) and also
/// refills by `minPerSecond` tokens a second, so a queue made only of retries still drains,
/// slowly. Not thread-safe.
class RetryBudget
{
public:
    struct Config
    {
        double ratio = 0.2;
        double reserve = 10;
        double minPerSecond = 0.5;
    };
    RetryBudget();
    explicit RetryBudget(const Config &config);

    /// A first request was made at @p nowMs.
    void firstRequest(qint64 nowMs);
    /// Whether a retry may go out at @p nowMs; if so, it is counted as made.
    bool tryRetry(qint64 nowMs);
    double tokens(qint64 nowMs);
    /// Milliseconds from @p nowMs until a retry may go out (0: now).
    qint64 msUntilRetry(qint64 nowMs);
    /// Retries refused so far.
    qint64 refused() const { return m_refused; }
    const Config &config() const { return m_config; }

private:
    void refill(qint64 nowMs);

    Config m_config;
    double m_tokens;
    qint64 m_lastMs = -1;
    qint64 m_refused = 0;
};

} // namespace enrichment
