// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <vector>

#include <QHash>

#include "enrichment/EnrichmentSource.h"

namespace testsupport {

using enrichment::EnrichmentSource;
using enrichment::ErrorType;
using enrichment::RateLimitState;
using enrichment::RequestStatus;
using enrichment::SourceResponse;
using enrichment::TrackLookup;

/// A source whose answer depends only on the track id's first letters, so every outcome
/// is known in advance: `ok` tracks succeed everywhere; `rl` tracks get HTTP 429 from
/// spotify and nothing elsewhere (failed); `to` tracks time out at musicbrainz and find
/// nothing elsewhere (failed); `pa` tracks are found by spotify only (partial). spotify
/// finds `isrc`, the others `bpm`, each valued `SOURCE:TRACKID`.
class ScriptedSource final : public EnrichmentSource
{
public:
    explicit ScriptedSource(QString name) : m_name(std::move(name)) {}
    QString name() const override { return m_name; }
    SourceResponse fetch(const TrackLookup &track) override
    {
        const QString &trackId = track.id;
        asked.insert(trackId, track);
        SourceResponse r;
        r.latencySeconds = 0.01;
        const QString kind = trackId.left(2);
        if (kind == QLatin1String("ok") ||
            (kind == QLatin1String("pa") && m_name == QLatin1String("spotify"))) {
            r.status = RequestStatus::Success;
            r.fields.insert(m_name == QLatin1String("spotify") ? QStringLiteral("isrc")
                                                               : QStringLiteral("bpm"),
                            m_name + QLatin1Char(':') + trackId);
        } else if (kind == QLatin1String("rl") && m_name == QLatin1String("spotify")) {
            r.status = RequestStatus::Error;
            r.error = ErrorType::RateLimited;
            r.detail = QStringLiteral("HTTP 429 Too Many Requests");
        } else if (kind == QLatin1String("to") && m_name == QLatin1String("musicbrainz")) {
            r.status = RequestStatus::Error;
            r.error = ErrorType::Timeout;
            r.detail = QStringLiteral("no answer within 10 s");
        } else {
            r.status = RequestStatus::NoData;
        }
        return r;
    }
    RateLimitState rateLimit() override { return {}; }

    /// What each track was looked up with, by id (the last ask).
    QHash<QString, TrackLookup> asked;

private:
    QString m_name;
};

/// spotify, musicbrainz and discogs as ScriptedSource, for BackendService::setSources().
inline std::vector<std::unique_ptr<EnrichmentSource>> scriptedSources()
{
    std::vector<std::unique_ptr<EnrichmentSource>> sources;
    for (const char *n : {"spotify", "musicbrainz", "discogs"})
        sources.push_back(std::make_unique<ScriptedSource>(QLatin1String(n)));
    return sources;
}

} // namespace testsupport
