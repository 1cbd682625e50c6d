// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <deque>
#include <functional>
#include <memory>
#include <optional>

#include <QNetworkRequest>
#include <QObject>
#include <QTimer>

#include "enrichment/EnrichmentSource.h"
#include "SourcesConfig.h"

class QNetworkAccessManager;
class QNetworkReply;

namespace enrichment {

class Clock;

/// A client of a provider's HTTP API, answering later (fetchAsync()) from the backend
/// thread's event loop. What every provider shares is here: requests paced to the
/// provider's rate and queued (never more than its window allows in flight or waiting),
/// a timeout, redirects refused, the response's size capped, TLS verified (Qt's default,
/// never turned off), the rate-limit window as the provider reports it (its headers, a
/// 429's or a 503's Retry-After), and every answer classified: 429 (and the provider's
/// own rate signals) rate_limited, 5xx server_error, a timeout timeout, no connection,
/// a refused redirect or refused credentials connection_error, a body that cannot be
/// read parse_error, 404 no data. A subclass says what to ask and how to read the answer.
class HttpSource : public QObject, public EnrichmentSource
{
    Q_OBJECT
public:
    /// How fast the provider lets a client ask.
    struct Pace
    {
        int minIntervalMs = 0; ///< at least this long between two requests
        int maxInFlight = 4;   ///< requests open at once
        int windowLimit = 60;  ///< requests per window (asked or waiting)
        qint64 windowMs = 60'000;
    };

    HttpSource(const ProviderConfig &config, const Pace &pace, const Clock &clock);
    ~HttpSource() override;

    QString name() const override { return m_config.name; }
    void fetchAsync(const TrackLookup &track, Answer answer) final;
    bool simulatesLatency() const override { return false; }
    RateLimitState rateLimit() override;

    /// Requests sent so far (for tests and benchmarks).
    qint64 requestsSent() const { return m_sent; }
    /// What this client makes of a 200 with @p body (readBody()), without the network:
    /// for benchmarks and fuzzing.
    SourceResponse readAnswer(const QByteArray &body) const
    {
        SourceResponse r;
        readBody(body, &r);
        return r;
    }

    /// Reserves a send slot shared with every other client of the provider (the queue
    /// store's reserveSendSlot(): the fleet's workers together): called with the interval
    /// between two slots, it answers in how many ms this client may send (-1: unknown,
    /// pace alone).
    using SlotReserver = std::function<qint64(qint64 intervalMs)>;
    /// With a reserver, each request also waits for its shared slot, one slot held at a
    /// time, so the fleet together keeps the provider's pace (its minimum interval, or its
    /// window spread evenly).
    void setSharedPace(SlotReserver reserve) { m_reserve = std::move(reserve); }
    /// The interval between two shared slots: the provider's pace as one request every N ms
    /// (its minimum interval or its window spread evenly), 2 % slower for timer jitter.
    qint64 sharedIntervalMs() const;
    /// The provider's pace as requests per minute for the fleet (its minimum interval or
    /// its window), as sharedIntervalMs() spaces them; 0 when it sets no pace.
    double fleetQuotaPerMinute() const override;

protected:
    /// The request that looks @p track up, or std::nullopt when the track gives nothing to
    /// look up by (then @p why says so and the answer is no data).
    virtual std::optional<QNetworkRequest> requestFor(const TrackLookup &track,
                                                      QString *why) const = 0;
    /// Reads a 200's body into @p r: its fields and Success, NoData, or an Error
    /// (ParseError, or RateLimited for a provider that says so in a 200 body).
    virtual void readBody(const QByteArray &body, SourceResponse *r) const = 0;
    /// Whether an HTTP @p status is this provider's rate signal besides 429 (MusicBrainz
    /// answers 503 when a client asks too fast).
    virtual bool isRateSignal(int status) const
    {
        Q_UNUSED(status);
        return false;
    }

    /// Whether requests may be sent now. A provider that needs something first (an access
    /// token) starts getting it, returns false, and calls resume() once it has it, or
    /// failWaiting() when it cannot have it.
    virtual bool ready() { return true; }
    /// The provider refused the credentials of a request (401): a token to drop, say.
    virtual void credentialsRefused() {}

    /// The request for @p url with the settings every call has (user agent, JSON).
    QNetworkRequest baseRequest(const QUrl &url) const;
    const ProviderConfig &config() const { return m_config; }
    const Clock &clock() const { return m_clock; }
    QNetworkAccessManager *network();
    /// Sends what waits, now that ready() is true again.
    void resume() { dispatch(); }
    /// Answers every waiting track with @p error (nothing can be asked: no token);
    /// @p permanent when asking again cannot help (refused credentials).
    void failWaiting(ErrorType error, const QString &detail, bool permanent = false);

private:
    struct Waiting
    {
        TrackLookup track;
        Answer answer;
    };
    void dispatch();
    void send(Waiting w);
    void finished(QNetworkReply *reply, const Answer &answer, qint64 startedMs);
    /// Reads the window from the answer's headers (Retry-After, X-RateLimit-*).
    void readRateHeaders(QNetworkReply *reply, bool rateLimited);
    qint64 usedInWindow();

    ProviderConfig m_config;
    Pace m_pace;
    const Clock &m_clock;
    QNetworkAccessManager *m_network = nullptr; ///< made on first use, on the backend thread
    std::deque<Waiting> m_waiting;
    std::deque<qint64> m_sentAt; ///< send times within the window (epoch ms)
    int m_inFlight = 0;
    qint64 m_lastSentMs = 0;
    qint64 m_sent = 0;
    qint64 m_blockedUntilMs = 0;     ///< the provider said to wait until then
    qint64 m_reportedRemaining = -1; ///< what its headers said; -1: they say nothing
    qint64 m_reportedAtMs = 0;       ///< when (it holds for one window)
    QTimer m_pacer;
    SlotReserver m_reserve;
    bool m_slotHeld = false; ///< a request waits for the shared slot it reserved
};

/// Discogs (`/database/search`, JSON): a release by artist and track title, authorized
/// with `Authorization: Discogs token=…`; 60 requests a minute, as its
/// `X-Discogs-Ratelimit`, `-Used` and `-Remaining` headers count. Finds discogs_id, genre,
/// label, release_date (the year).
class DiscogsSource final : public HttpSource
{
    Q_OBJECT
public:
    DiscogsSource(const ProviderConfig &config, const Clock &clock);

protected:
    std::optional<QNetworkRequest> requestFor(const TrackLookup &track,
                                              QString *why) const override;
    void readBody(const QByteArray &body, SourceResponse *r) const override;
};

/// Last.fm (`/2.0/?method=track.getInfo`, JSON) with its `api_key`: errors come in a 200
/// body (`{"error": 29}` is its rate limit, 6 an unknown track, 10 and 26 a refused key,
/// 11 and 16 the service down); about five requests a second. Finds tags (its top tags)
/// and musicbrainz_id.
class LastFmSource final : public HttpSource
{
    Q_OBJECT
public:
    LastFmSource(const ProviderConfig &config, const Clock &clock);

protected:
    std::optional<QNetworkRequest> requestFor(const TrackLookup &track,
                                              QString *why) const override;
    void readBody(const QByteArray &body, SourceResponse *r) const override;
};

/// Beatport (API v4, JSON) with a Bearer token from `token_file`: a track by ISRC
/// (`/catalog/tracks/?isrc=`) when it has one, else a search (`/catalog/search/?q=&type=tracks`).
/// The source of tempo and key: finds beatport_id, bpm, key, genre, label, isrc,
/// release_date.
class BeatportSource final : public HttpSource
{
    Q_OBJECT
public:
    BeatportSource(const ProviderConfig &config, const Clock &clock);

protected:
    std::optional<QNetworkRequest> requestFor(const TrackLookup &track,
                                              QString *why) const override;
    void readBody(const QByteArray &body, SourceResponse *r) const override;
};

/// Spotify (`/v1/search`, JSON) with a client-credentials access token from `auth_url`,
/// fetched before the first request and again before it expires (a minute early, or half
/// its life for a short one); a token refused before its time is dropped and a new one
/// fetched for the next request. A track by ISRC when it has one, else by artist and
/// title; 429 with Retry-After. Finds spotify_id, isrc, release_date.
class SpotifySource final : public HttpSource
{
    Q_OBJECT
public:
    SpotifySource(const ProviderConfig &config, const Clock &clock);
    /// Access tokens fetched so far (for tests).
    int tokensFetched() const { return m_tokensFetched; }

protected:
    std::optional<QNetworkRequest> requestFor(const TrackLookup &track,
                                              QString *why) const override;
    void readBody(const QByteArray &body, SourceResponse *r) const override;
    bool ready() override;
    void credentialsRefused() override { m_token.clear(); }

private:
    void fetchToken();

    QByteArray m_token;
    qint64 m_renewAtMs = 0;
    bool m_fetching = false;
    int m_tokensFetched = 0;
};

/// MusicBrainz (`/ws/2`, JSON): a recording by ISRC when the track has one, else a search
/// by artist and title; at most one request a second with the configured User-Agent, as
/// its rules ask; a 503 is its rate signal. Finds musicbrainz_id, isrc, release_date, tags.
class MusicBrainzSource final : public HttpSource
{
    Q_OBJECT
public:
    MusicBrainzSource(const ProviderConfig &config, const Clock &clock);

    /// The least search score (0-100) a recording needs to count as the track.
    static constexpr int MinScore = 90;

protected:
    std::optional<QNetworkRequest> requestFor(const TrackLookup &track,
                                              QString *why) const override;
    void readBody(const QByteArray &body, SourceResponse *r) const override;
    bool isRateSignal(int status) const override { return status == 503; }
};

/// The client of the provider @p config names (spotify, musicbrainz, discogs, beatport,
/// lastfm); null for another name.
std::unique_ptr<EnrichmentSource> makeHttpSource(const ProviderConfig &config, const Clock &clock);

} // namespace enrichment
