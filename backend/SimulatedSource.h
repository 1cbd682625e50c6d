// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <vector>

#include <random>

#include <QList>
#include <QPair>

#include "enrichment/EnrichmentSource.h"

namespace enrichment {

class Clock;

/// An honest simulation of a public music API, for the edges this project cannot reach.
/// Everything comes from a seeded RNG and the injected clock, so a run is reproducible:
/// - latency: log-normal around `medianLatencyMs` with spread `latencySigma`;
/// - outcome mix: probabilities of no_data, timeout, http_429, http_5xx, connection errors;
/// - a rate-limit quota of `quota` requests per `windowMs` window; calls beyond it get
///   http_429 as the real APIs answer;
/// - scheduled outages: every `outagePeriodMs`, starting `outageOffsetMs` after the source
///   was created, for `outageDurationMs`, every call fails (timeout or http_5xx);
/// - on success, each field in `fields` is present with its probability.
class SimulatedSource final : public EnrichmentSource
{
public:
    struct Profile
    {
        QString name;
        double medianLatencyMs = 120;
        double latencySigma = 0.5;
        double timeoutSeconds = 2.0;
        double pNoData = 0.1;
        double pTimeout = 0.01;
        double p429 = 0.005;
        double p5xx = 0.01;
        double pConnection = 0.005;
        qint64 quota = 300;
        qint64 windowMs = 60'000;
        qint64 outagePeriodMs = 0; ///< 0: no outages
        qint64 outageOffsetMs = 0;
        qint64 outageDurationMs = 0;
        QList<QPair<QString, double>> fields;
    };

    /// @p clock must outlive the source.
    SimulatedSource(const Profile &profile, const Clock &clock, quint64 seed);

    QString name() const override { return m_profile.name; }
    SourceResponse fetch(const TrackLookup &track) override;
    RateLimitState rateLimit() override;

    bool inOutage() const;
    const Profile &profile() const { return m_profile; }

    /// The five default profiles (spotify, musicbrainz, discogs, beatport, lastfm): their
    /// latencies, error mixes, quotas and a staggered outage schedule that trips and
    /// recovers breakers within a few minutes of start.
    static QList<Profile> defaultProfiles();
    /// The demo's five sources: defaultProfiles() with their quotas times @p quotaScale and
    /// their outage schedules times @p outageScale, seeded with @p seed.
    static std::vector<std::unique_ptr<EnrichmentSource>>
    demoSources(const Clock &clock, quint64 seed, double quotaScale, double outageScale);

    /// A plausible value of metadata @p field for the track whose MD5 is @p digest (an ISRC,
    /// a BPM, a key, a MusicBrainz UUID, ...), the same for every source: the demo's
    /// tracks end up with metadata that reads like a catalogue's.
    static QString simulatedValue(const QString &field, const QByteArray &digest);

private:
    void rollWindow();
    /// The simulated API's words for @p error (SourceResponse::detail).
    QString describe(ErrorType error) const;
    double sampleLatency();

    Profile m_profile;
    const Clock &m_clock;
    std::mt19937_64 m_rng;
    qint64 m_createdMs;
    qint64 m_windowStartMs;
    qint64 m_used = 0;
};

} // namespace enrichment
