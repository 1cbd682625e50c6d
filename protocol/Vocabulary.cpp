// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrichment/Vocabulary.h"
#include "enrichment/WireFormat.h"

namespace enrichment {

QString toWire(TrackStatus s)
{
    switch (s) {
    case TrackStatus::Pending: return QStringLiteral("pending");
    case TrackStatus::InProgress: return QStringLiteral("in_progress");
    case TrackStatus::Completed: return QStringLiteral("completed");
    case TrackStatus::Failed: return QStringLiteral("failed");
    case TrackStatus::Partial: return QStringLiteral("partial");
    }
    return {};
}

QString toWire(RequestStatus s)
{
    switch (s) {
    case RequestStatus::Success: return QStringLiteral("success");
    case RequestStatus::NoData: return QStringLiteral("no_data");
    case RequestStatus::Error: return QStringLiteral("error");
    }
    return {};
}

QString toWire(BreakerState s)
{
    switch (s) {
    case BreakerState::Closed: return QStringLiteral("closed");
    case BreakerState::HalfOpen: return QStringLiteral("half_open");
    case BreakerState::Open: return QStringLiteral("open");
    }
    return {};
}

QString toWire(SourceHealth s)
{
    switch (s) {
    case SourceHealth::Down: return QStringLiteral("down");
    case SourceHealth::Degraded: return QStringLiteral("degraded");
    case SourceHealth::Healthy: return QStringLiteral("healthy");
    case SourceHealth::Unavailable: return QStringLiteral("unavailable");
    }
    return {};
}

QString toWire(ErrorType e)
{
    switch (e) {
    case ErrorType::Timeout: return QStringLiteral("timeout");
    case ErrorType::RateLimited: return QStringLiteral("http_429");
    case ErrorType::ServerError: return QStringLiteral("http_5xx");
    case ErrorType::ConnectionError: return QStringLiteral("connection_error");
    case ErrorType::ParseError: return QStringLiteral("parse_error");
    case ErrorType::CircuitOpen: return QStringLiteral("circuit_open");
    case ErrorType::LocalRateLimit: return QStringLiteral("rate_limit_exhausted");
    }
    return {};
}

QString toWire(CacheOperation o)
{
    switch (o) {
    case CacheOperation::Hit: return QStringLiteral("hit");
    case CacheOperation::Miss: return QStringLiteral("miss");
    case CacheOperation::Set: return QStringLiteral("set");
    case CacheOperation::Error: return QStringLiteral("error");
    }
    return {};
}

namespace {
/// The value of an enum with @p count values whose wire name is @p name.
template<typename E> std::optional<E> fromWire(QStringView name, std::size_t count)
{
    for (std::size_t i = 0; i < count; ++i) {
        if (toWire(E(i)) == name)
            return E(i);
    }
    return std::nullopt;
}
} // namespace

std::optional<TrackStatus> trackStatusFromWire(QStringView name)
{
    return fromWire<TrackStatus>(name, TrackStatusCount);
}

std::optional<RequestStatus> requestStatusFromWire(QStringView name)
{
    return fromWire<RequestStatus>(name, RequestStatusCount);
}

std::optional<BreakerState> breakerStateFromWire(QStringView name)
{
    return fromWire<BreakerState>(name, BreakerStateCount);
}

std::optional<SourceHealth> sourceHealthFromWire(QStringView name)
{
    return fromWire<SourceHealth>(name, SourceHealthCount);
}

std::optional<ErrorType> errorTypeFromWire(QStringView name)
{
    return fromWire<ErrorType>(name, ErrorTypeCount);
}

std::optional<CacheOperation> cacheOperationFromWire(QStringView name)
{
    return fromWire<CacheOperation>(name, CacheOperationCount);
}

SourceHealth healthForBreaker(BreakerState s)
{
    switch (s) {
    case BreakerState::Open: return SourceHealth::Down;
    case BreakerState::HalfOpen: return SourceHealth::Degraded;
    case BreakerState::Closed: return SourceHealth::Healthy;
    }
    return SourceHealth::Unavailable;
}

QStringList errorTypeNames()
{
    QStringList out;
    for (ErrorType e : AllErrorTypes)
        out << toWire(e);
    return out;
}

QStringList defaultSourceNames()
{
    return {QStringLiteral("spotify"), QStringLiteral("musicbrainz"), QStringLiteral("discogs"),
            QStringLiteral("beatport"), QStringLiteral("lastfm")};
}

bool isTrackIdText(const QString &text)
{
    if (text.size() > TrackIdMaxChars)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c)) {
            if (i + 1 >= text.size() || !text.at(i + 1).isLowSurrogate())
                return false; // unpaired
            c = QChar::surrogateToUcs4(text.at(i).unicode(), text.at(i + 1).unicode());
            ++i;
        } else if (QChar::isLowSurrogate(c)) {
            return false; // unpaired
        }
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
            return false; // a control
        if ((c >= 0xfdd0 && c <= 0xfdef) || (c & 0xfffe) == 0xfffe)
            return false; // a noncharacter
    }
    return true;
}

bool isValidTrackId(const QString &id)
{
    return !id.isEmpty() && isTrackIdText(id);
}

QString trackIdRule()
{
    return QStringLiteral("a track id is 1 to %1 characters, none of them a control character,"
                          " a Unicode noncharacter or an unpaired surrogate")
        .arg(TrackIdMaxChars);
}

QStringList metadataFieldNames()
{
    namespace f = wire::field;
    return {f::Isrc,       f::Bpm,   f::Key,   f::SpotifyId,   f::MusicBrainzId, f::DiscogsId,
            f::BeatportId, f::Genre, f::Label, f::ReleaseDate, f::Energy,        f::Tags};
}

} // namespace enrichment
