// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SimulatedSource.h"

#include <cmath>

#include <QCryptographicHash>
#include <QDate>
#include <QtEndian>

#include "enrichment/Clock.h"
#include "enrichment/WireFormat.h"

namespace enrichment {

namespace wf = wire::field;

SimulatedSource::SimulatedSource(const Profile &profile, const Clock &clock, quint64 seed)
    : m_profile(profile), m_clock(clock), m_createdMs(clock.nowMs()), m_windowStartMs(m_createdMs)
{
    // Each source gets its own stream, derived from the seed and its name.
    const QByteArray h = QCryptographicHash::hash(profile.name.toUtf8(), QCryptographicHash::Sha1);
    quint64 mix = 0;
    for (int i = 0; i < 8; ++i)
        mix = (mix << 8) | quint8(h.at(i));
    m_rng.seed(seed ^ mix);
}

bool SimulatedSource::inOutage() const
{
    if (m_profile.outagePeriodMs <= 0 || m_profile.outageDurationMs <= 0)
        return false;
    const qint64 elapsed = m_clock.nowMs() - m_createdMs - m_profile.outageOffsetMs;
    if (elapsed < 0)
        return false;
    return elapsed % m_profile.outagePeriodMs < m_profile.outageDurationMs;
}

void SimulatedSource::rollWindow()
{
    if (m_profile.windowMs <= 0)
        return;
    const qint64 now = m_clock.nowMs();
    if (now >= m_windowStartMs + m_profile.windowMs) {
        const qint64 windows = (now - m_windowStartMs) / m_profile.windowMs;
        m_windowStartMs += windows * m_profile.windowMs;
        m_used = 0;
    }
}

RateLimitState SimulatedSource::rateLimit()
{
    rollWindow();
    if (m_profile.quota <= 0)
        return {};
    return {m_profile.quota, std::max<qint64>(0, m_profile.quota - m_used),
            m_windowStartMs + m_profile.windowMs};
}

double SimulatedSource::sampleLatency()
{
    std::normal_distribution<double> normal(0.0, m_profile.latencySigma);
    const double ms = m_profile.medianLatencyMs * std::exp(normal(m_rng));
    return std::min(ms / 1000.0, m_profile.timeoutSeconds);
}

QString SimulatedSource::describe(ErrorType error) const
{
    switch (error) {
    case ErrorType::Timeout:
        return QStringLiteral("no answer within %1 s").arg(m_profile.timeoutSeconds);
    case ErrorType::RateLimited: return QStringLiteral("HTTP 429 Too Many Requests");
    case ErrorType::ServerError: return QStringLiteral("HTTP 503 Service Unavailable");
    case ErrorType::ConnectionError: return QStringLiteral("connection refused");
    default: return toWire(error);
    }
}

SourceResponse SimulatedSource::fetch(const TrackLookup &track)
{
    const QString &trackId = track.id;
    rollWindow();
    std::uniform_real_distribution<double> uniform(0.0, 1.0);
    SourceResponse r;
    r.latencySeconds = sampleLatency();
    const double roll = uniform(m_rng);

    if (m_profile.quota > 0 && m_used >= m_profile.quota) {
        r.status = RequestStatus::Error;
        r.error = ErrorType::RateLimited;
        r.latencySeconds = std::min(r.latencySeconds, 0.05);
        r.detail =
            QStringLiteral("HTTP 429 Too Many Requests (quota of %1 spent)").arg(m_profile.quota);
        return r;
    }
    ++m_used;

    if (inOutage()) {
        r.status = RequestStatus::Error;
        r.error = roll < 0.5 ? ErrorType::Timeout : ErrorType::ServerError;
        if (r.error == ErrorType::Timeout)
            r.latencySeconds = m_profile.timeoutSeconds;
        r.detail = describe(r.error);
        return r;
    }

    double edge = m_profile.pTimeout;
    if (roll < edge) {
        r.status = RequestStatus::Error;
        r.error = ErrorType::Timeout;
        r.latencySeconds = m_profile.timeoutSeconds;
        r.detail = describe(r.error);
        return r;
    }
    const std::pair<double, ErrorType> errors[] = {
        {m_profile.p429, ErrorType::RateLimited},
        {m_profile.p5xx, ErrorType::ServerError},
        {m_profile.pConnection, ErrorType::ConnectionError}};
    for (const auto &[p, type] : errors) {
        edge += p;
        if (roll < edge) {
            r.status = RequestStatus::Error;
            r.error = type;
            r.detail = describe(type);
            return r;
        }
    }
    edge += m_profile.pNoData;
    if (roll < edge) {
        r.status = RequestStatus::NoData;
        return r;
    }
    r.status = RequestStatus::Success;
    const QByteArray digest = QCryptographicHash::hash(trackId.toUtf8(), QCryptographicHash::Md5);
    for (const auto &[field, p] : std::as_const(m_profile.fields)) {
        if (uniform(m_rng) < p)
            r.fields.insert(field, simulatedValue(field, digest));
    }
    return r;
}

QString SimulatedSource::simulatedValue(const QString &field, const QByteArray &digest)
{
    // The same track gets the same value from every source that has the field, as real
    // catalogues mostly agree; each field reads its own bytes of the track's digest.
    auto number = [&digest](int at) {
        return quint64(qFromBigEndian<quint32>(digest.constData() + (at % 12)));
    };
    static const char *const keys[] = {"C major", "A minor",  "G major",      "E minor",
                                       "D major", "B minor",  "F major",      "D minor",
                                       "A major", "F# minor", "E-flat major", "C minor"};
    static const char *const genres[] = {"House", "Techno",      "Drum & Bass", "Ambient",
                                         "Disco", "Electronica", "Jazz",        "Hip-Hop"};
    static const char *const labels[] = {"Warp",       "Ninja Tune", "Kompakt", "Hyperdub",
                                         "Ostgut Ton", "Defected",   "R&S",     "XL Recordings"};
    static const char *const tags[] = {"electronic", "deep house", "minimal", "dub",
                                       "melodic",    "club",       "chill",   "experimental"};
    if (field == wf::Isrc)
        return QStringLiteral("GB%1%2%3")
            .arg(QChar(char16_t(u'A' + number(0) % 26)))
            .arg(number(1) % 100, 2, 10, QLatin1Char('0'))
            .arg(number(2) % 10'000'000, 7, 10, QLatin1Char('0'));
    if (field == wf::Bpm)
        return QString::number(80 + number(3) % 90);
    if (field == wf::Key)
        return QLatin1String(keys[number(4) % std::size(keys)]);
    if (field == wf::Genre)
        return QLatin1String(genres[number(5) % std::size(genres)]);
    if (field == wf::Label)
        return QLatin1String(labels[number(6) % std::size(labels)]);
    if (field == wf::ReleaseDate)
        return QDate(1990, 1, 1).addDays(qint64(number(7) % (35 * 365))).toString(Qt::ISODate);
    if (field == wf::Energy)
        return QString::number(double(number(8) % 101) / 100.0, 'f', 2);
    if (field == wf::Tags)
        return QStringLiteral("%1, %2").arg(
            QLatin1String(tags[number(9) % std::size(tags)]),
            QLatin1String(tags[(number(9) / 8 + 1 + number(9) % 8) % std::size(tags)]));
    if (field == wf::MusicBrainzId) {
        const QString hex = QString::fromLatin1(digest.toHex());
        return QStringLiteral("%1-%2-%3-%4-%5")
            .arg(hex.left(8), hex.mid(8, 4), hex.mid(12, 4), hex.mid(16, 4), hex.mid(20, 12));
    }
    if (field == wf::SpotifyId) {
        static const char alphabet[] =
            "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
        QString id;
        for (int i = 0; i < 22; ++i)
            id += QLatin1Char(alphabet[quint8(digest.at(i % digest.size())) * (i + 7) % 62]);
        return id;
    }
    if (field == wf::DiscogsId)
        return QString::number(1'000'000 + number(10) % 29'000'000);
    if (field == wf::BeatportId)
        return QString::number(1'000'000 + number(11) % 19'000'000);
    return QString::fromLatin1(digest.toHex().left(12));
}

QList<SimulatedSource::Profile> SimulatedSource::defaultProfiles()
{
    auto f = [](QLatin1String name, double p) {
        return qMakePair(QString(name), p);
    };
    QList<Profile> profiles;

    Profile spotify;
    spotify.name = QStringLiteral("spotify");
    spotify.medianLatencyMs = 90;
    spotify.latencySigma = 0.4;
    spotify.pNoData = 0.12;
    spotify.quota = 180;
    spotify.windowMs = 30'000;
    spotify.outagePeriodMs = 11 * 60'000;
    spotify.outageOffsetMs = 6 * 60'000;
    spotify.outageDurationMs = 40'000;
    spotify.fields = {f(wf::SpotifyId, 1.0), f(wf::Isrc, 0.9), f(wf::Bpm, 0.85), f(wf::Key, 0.85),
                      f(wf::Energy, 0.8)};
    profiles.append(spotify);

    Profile musicbrainz;
    musicbrainz.name = QStringLiteral("musicbrainz");
    musicbrainz.medianLatencyMs = 220;
    musicbrainz.latencySigma = 0.6;
    musicbrainz.pNoData = 0.2;
    musicbrainz.p5xx = 0.02;
    musicbrainz.quota = 300;
    musicbrainz.windowMs = 60'000;
    musicbrainz.fields = {f(wf::MusicBrainzId, 1.0), f(wf::Isrc, 0.7), f(wf::ReleaseDate, 0.8),
                          f(wf::Label, 0.5)};
    profiles.append(musicbrainz);

    Profile discogs;
    discogs.name = QStringLiteral("discogs");
    discogs.medianLatencyMs = 300;
    discogs.latencySigma = 0.7;
    discogs.pNoData = 0.3;
    discogs.p429 = 0.02;
    discogs.quota = 240;
    discogs.windowMs = 60'000;
    discogs.outagePeriodMs = 5 * 60'000;
    discogs.outageOffsetMs = 30'000;
    discogs.outageDurationMs = 45'000;
    discogs.fields = {f(wf::DiscogsId, 1.0), f(wf::Genre, 0.9), f(wf::Label, 0.8),
                      f(wf::ReleaseDate, 0.6)};
    profiles.append(discogs);

    Profile beatport;
    beatport.name = QStringLiteral("beatport");
    beatport.medianLatencyMs = 160;
    beatport.latencySigma = 0.5;
    beatport.pNoData = 0.45;
    beatport.quota = 300;
    beatport.windowMs = 60'000;
    beatport.outagePeriodMs = 8 * 60'000;
    beatport.outageOffsetMs = 3 * 60'000;
    beatport.outageDurationMs = 30'000;
    beatport.fields = {f(wf::BeatportId, 1.0), f(wf::Bpm, 0.95), f(wf::Key, 0.95),
                       f(wf::Genre, 0.9)};
    profiles.append(beatport);

    Profile lastfm;
    lastfm.name = QStringLiteral("lastfm");
    lastfm.medianLatencyMs = 140;
    lastfm.latencySigma = 0.5;
    lastfm.pNoData = 0.15;
    lastfm.pConnection = 0.01;
    lastfm.quota = 300;
    lastfm.windowMs = 60'000;
    lastfm.fields = {f(wf::Tags, 0.9), f(wf::Genre, 0.4)};
    profiles.append(lastfm);
    return profiles;
}

std::vector<std::unique_ptr<EnrichmentSource>> SimulatedSource::demoSources(const Clock &clock,
                                                                            quint64 seed,
                                                                            double quotaScale,
                                                                            double outageScale)
{
    std::vector<std::unique_ptr<EnrichmentSource>> sources;
    for (Profile p : defaultProfiles()) {
        p.quota = qint64(std::llround(double(p.quota) * quotaScale));
        for (qint64 *ms : {&p.outagePeriodMs, &p.outageOffsetMs, &p.outageDurationMs})
            *ms = qint64(std::llround(double(*ms) * outageScale));
        sources.push_back(std::make_unique<SimulatedSource>(p, clock, seed));
    }
    return sources;
}

} // namespace enrichment
