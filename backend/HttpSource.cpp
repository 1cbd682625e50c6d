// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HttpSource.h"

#include <algorithm>
#include <cmath>

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

#include "enrichment/Clock.h"
#include "enrichment/WireFormat.h"

namespace enrichment {

namespace {

/// A reply we cut because it grew past the size cap.
const char OversizedProperty[] = "enrichmentOversized";

SourceResponse errorResponse(ErrorType error, const QString &detail, bool permanent = false)
{
    SourceResponse r;
    r.status = RequestStatus::Error;
    r.error = error;
    r.detail = detail;
    r.permanent = permanent;
    return r;
}

} // namespace

HttpSource::HttpSource(const ProviderConfig &config, const Pace &pace, const Clock &clock)
    : m_config(config), m_pace(pace), m_clock(clock)
{
    m_pace.maxInFlight = std::max(1, m_pace.maxInFlight);
    m_pacer.setSingleShot(true);
    connect(&m_pacer, &QTimer::timeout, this, &HttpSource::dispatch);
}

HttpSource::~HttpSource()
{
    // Open requests end without an answer: whoever asked is going away with us.
    if (m_network) {
        const auto replies = m_network->findChildren<QNetworkReply *>();
        for (QNetworkReply *reply : replies) {
            reply->disconnect(this);
            reply->abort();
        }
    }
}

QNetworkRequest HttpSource::baseRequest(const QUrl &url) const
{
    QNetworkRequest request(url);
    request.setTransferTimeout(m_config.timeoutMs);
    // A provider that moves answers elsewhere is not followed: the configured URL is the
    // one trusted with the credentials.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Accept", "application/json");
    if (!m_config.userAgent.isEmpty())
        request.setHeader(QNetworkRequest::UserAgentHeader, m_config.userAgent);
    return request;
}

void HttpSource::fetchAsync(const TrackLookup &track, Answer answer)
{
    m_waiting.push_back({track, std::move(answer)});
    dispatch();
}

qint64 HttpSource::usedInWindow()
{
    const qint64 now = m_clock.nowMs();
    while (!m_sentAt.empty() && m_sentAt.front() <= now - m_pace.windowMs)
        m_sentAt.pop_front();
    return qint64(m_sentAt.size());
}

RateLimitState HttpSource::rateLimit()
{
    const qint64 now = m_clock.nowMs();
    RateLimitState s;
    s.limit = m_pace.windowLimit;
    // What is asked or waiting to be counts: a queue longer than a window is a spent quota.
    s.remaining =
        std::max<qint64>(0, m_pace.windowLimit - usedInWindow() - qint64(m_waiting.size()));
    if (m_reportedRemaining >= 0 && now - m_reportedAtMs < m_pace.windowMs)
        s.remaining = std::min(s.remaining, m_reportedRemaining);
    s.resetAtMs = m_sentAt.empty() ? now : m_sentAt.front() + m_pace.windowMs;
    if (m_blockedUntilMs > now) {
        s.remaining = 0;
        s.resetAtMs = std::max(s.resetAtMs, m_blockedUntilMs);
    }
    return s;
}

QNetworkAccessManager *HttpSource::network()
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    return m_network;
}

void HttpSource::failWaiting(ErrorType error, const QString &detail, bool permanent)
{
    std::deque<Waiting> waiting;
    waiting.swap(m_waiting);
    for (Waiting &w : waiting)
        w.answer(errorResponse(error, detail, permanent));
}

void HttpSource::dispatch()
{
    if (!m_waiting.empty() && !ready())
        return; // resume() or failWaiting() follows
    while (!m_waiting.empty() && m_inFlight < m_pace.maxInFlight) {
        const qint64 now = m_clock.nowMs();
        qint64 wait = 0;
        if (m_blockedUntilMs > now)
            wait = m_blockedUntilMs - now;
        if (m_pace.minIntervalMs > 0 && m_lastSentMs > 0)
            wait = std::max(wait, m_lastSentMs + m_pace.minIntervalMs - now);
        if (usedInWindow() >= m_pace.windowLimit)
            wait = std::max<qint64>(wait, m_sentAt.front() + m_pace.windowMs - now);
        if (wait > 0) {
            if (!m_pacer.isActive())
                m_pacer.start(int(std::min<qint64>(wait, 60'000)));
            return;
        }
        if (m_reserve) {
            // The fleet's pace: one slot at a time, sent when its time comes.
            if (m_slotHeld)
                return;
            const qint64 delay = m_reserve(sharedIntervalMs());
            if (delay > 0) {
                m_slotHeld = true;
                auto held = std::make_shared<Waiting>(std::move(m_waiting.front()));
                m_waiting.pop_front();
                QTimer::singleShot(std::chrono::milliseconds(delay), Qt::PreciseTimer, this,
                                   [this, held] {
                                       m_slotHeld = false;
                                       send(std::move(*held));
                                       dispatch();
                                   });
                return;
            }
        }
        Waiting w = std::move(m_waiting.front());
        m_waiting.pop_front();
        send(std::move(w));
    }
}

qint64 HttpSource::sharedIntervalMs() const
{
    const double perWindow =
        m_pace.windowLimit > 0 ? double(m_pace.windowMs) / double(m_pace.windowLimit) : 0.0;
    // 2 % slower than the limit: timers fire a few ms early or late, and a slot that lands
    // a hair inside a provider's window is a refused request.
    return std::max<qint64>(
        1, qint64(std::ceil(std::max(double(m_pace.minIntervalMs), perWindow) * 1.02)));
}

double HttpSource::fleetQuotaPerMinute() const
{
    if (m_pace.minIntervalMs <= 0 && m_pace.windowLimit <= 0)
        return 0;
    return 60'000.0 / double(sharedIntervalMs());
}

void HttpSource::send(Waiting w)
{
    QString why;
    const std::optional<QNetworkRequest> request = requestFor(w.track, &why);
    if (!request) {
        SourceResponse r;
        r.status = RequestStatus::NoData;
        r.detail = why;
        w.answer(r);
        return;
    }
    const qint64 now = m_clock.nowMs();
    m_lastSentMs = now;
    m_sentAt.push_back(now);
    ++m_sent;
    ++m_inFlight;
    QNetworkReply *reply = network()->get(*request);
    const qint64 cap = m_config.maxResponseBytes;
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, cap](qint64 received, qint64) {
        if (received > cap) {
            reply->setProperty(OversizedProperty, true);
            reply->abort();
        }
    });
    connect(reply, &QNetworkReply::finished, this,
            [this, reply, answer = std::move(w.answer), now] { finished(reply, answer, now); });
}

void HttpSource::finished(QNetworkReply *reply, const Answer &answer, qint64 startedMs)
{
    reply->deleteLater();
    --m_inFlight;
    const double latency = double(std::max<qint64>(0, m_clock.nowMs() - startedMs)) / 1000.0;
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString statusLine =
        QStringLiteral("HTTP %1 %2")
            .arg(status)
            .arg(reply->attribute(QNetworkRequest::HttpReasonPhraseAttribute).toString().left(64));
    SourceResponse r;
    if (reply->property(OversizedProperty).toBool()) {
        r = errorResponse(ErrorType::ParseError,
                          QStringLiteral("answer larger than %1 KB, not read")
                              .arg(m_config.maxResponseBytes / 1024));
    } else if (status == 0) {
        // No HTTP answer at all: the transfer timed out, or no connection (TLS included).
        r = reply->error() == QNetworkReply::OperationCanceledError
                ? errorResponse(
                      ErrorType::Timeout,
                      QStringLiteral("no answer within %1 s").arg(m_config.timeoutMs / 1000))
                : errorResponse(ErrorType::ConnectionError, reply->errorString().left(200));
    } else if (status == 429 || isRateSignal(status)) {
        r = errorResponse(ErrorType::RateLimited, statusLine);
    } else if (status >= 500) {
        r = errorResponse(ErrorType::ServerError, statusLine);
    } else if (status >= 300 && status < 400) {
        r = errorResponse(ErrorType::ConnectionError,
                          statusLine +
                              QStringLiteral(": redirect to %1 refused")
                                  .arg(QString::fromUtf8(reply->rawHeader("Location")).left(200)),
                          true);
    } else if (status == 404) {
        r.status = RequestStatus::NoData;
        r.detail = statusLine;
    } else if (status == 401 || status == 403) {
        if (status == 401)
            credentialsRefused();
        r = errorResponse(ErrorType::ConnectionError,
                          statusLine + QStringLiteral(": the provider refused our credentials"),
                          true);
    } else if (status != 200) {
        // Another 4xx (400, 410, 422 ...) is the provider rejecting the request itself.
        r = errorResponse(ErrorType::ServerError, statusLine,
                          status >= 400 && status < 500 && status != 408);
    } else {
        readBody(reply->readAll(), &r);
        if (r.detail.isEmpty())
            r.detail = statusLine;
    }
    readRateHeaders(reply, r.status == RequestStatus::Error && r.error == ErrorType::RateLimited);
    r.latencySeconds = latency;
    answer(r);
    dispatch();
}

void HttpSource::readRateHeaders(QNetworkReply *reply, bool rateLimited)
{
    const qint64 now = m_clock.nowMs();
    const QByteArray retryAfter = reply->rawHeader("Retry-After").trimmed();
    if (!retryAfter.isEmpty()) {
        bool ok = false;
        const qint64 seconds = retryAfter.toLongLong(&ok);
        if (ok && seconds >= 0)
            m_blockedUntilMs = now + std::min<qint64>(seconds, 3600) * 1000;
        else if (const QDateTime at =
                     QDateTime::fromString(QString::fromLatin1(retryAfter), Qt::RFC2822Date);
                 at.isValid())
            m_blockedUntilMs = std::min(at.toMSecsSinceEpoch(), now + 3600'000);
    } else if (rateLimited) {
        // Told to slow down without a time: one window.
        m_blockedUntilMs = now + m_pace.windowMs;
    }
    for (const char *header : {"X-RateLimit-Remaining", "X-Discogs-Ratelimit-Remaining"}) {
        const QByteArray v = reply->rawHeader(header).trimmed();
        bool ok = false;
        const qint64 remaining = v.toLongLong(&ok);
        if (!v.isEmpty() && ok && remaining >= 0) {
            m_reportedRemaining = remaining;
            m_reportedAtMs = now;
        }
    }
}

// MusicBrainz

MusicBrainzSource::MusicBrainzSource(const ProviderConfig &config, const Clock &clock)
    : HttpSource(config, Pace{1000, 1, 60, 60'000}, clock)
{}

std::optional<QNetworkRequest> MusicBrainzSource::requestFor(const TrackLookup &track,
                                                             QString *why) const
{
    QUrl url = config().baseUrl;
    const QString root = url.path().endsWith(QLatin1Char('/')) ? url.path().chopped(1) : url.path();
    QUrlQuery query;
    if (!track.isrc.isEmpty()) {
        url.setPath(root + QStringLiteral("/ws/2/isrc/") + track.isrc);
        query.addQueryItem(QStringLiteral("inc"), QStringLiteral("isrcs+tags"));
    } else if (!track.artist.isEmpty() && !track.title.isEmpty()) {
        // Lucene syntax: each phrase quoted, its own quotes and backslashes escaped.
        auto phrase = [](QString s) -> QString {
            s.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
            s.replace(QLatin1Char('"'), QStringLiteral("\\\""));
            return QLatin1Char('"') + s + QLatin1Char('"');
        };
        url.setPath(root + QStringLiteral("/ws/2/recording"));
        query.addQueryItem(QStringLiteral("query"),
                           QStringLiteral("artist:%1 AND recording:%2")
                               .arg(phrase(track.artist), phrase(track.title)));
        query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    } else {
        *why = QStringLiteral("no artist, title or ISRC to look up by");
        return std::nullopt;
    }
    query.addQueryItem(QStringLiteral("fmt"), QStringLiteral("json"));
    url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return baseRequest(url);
}

void MusicBrainzSource::readBody(const QByteArray &body, SourceResponse *r) const
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (!doc.isObject()) {
        r->status = RequestStatus::Error;
        r->error = ErrorType::ParseError;
        r->detail = QStringLiteral("not a JSON object: %1").arg(parseError.errorString());
        return;
    }
    const QJsonValue recordings = doc.object().value(QLatin1String("recordings"));
    if (!recordings.isArray()) {
        r->status = RequestStatus::Error;
        r->error = ErrorType::ParseError;
        r->detail = QStringLiteral("no \"recordings\" in the answer");
        return;
    }
    const QJsonObject first = recordings.toArray().first().toObject();
    const QJsonValue score = first.value(QLatin1String("score"));
    const QString id = first.value(QLatin1String("id")).toString();
    if (id.isEmpty() || (score.isDouble() && score.toInt() < MinScore)) {
        r->status = RequestStatus::NoData;
        r->detail = id.isEmpty() ? QStringLiteral("no recording found")
                                 : QStringLiteral("no recording scored %1 or more").arg(MinScore);
        return;
    }
    namespace f = wire::field;
    r->status = RequestStatus::Success;
    r->fields.insert(f::MusicBrainzId, id);
    const QString isrc = first.value(QLatin1String("isrcs")).toArray().first().toString();
    if (!isrc.isEmpty())
        r->fields.insert(f::Isrc, isrc);
    const QString released = first.value(QLatin1String("first-release-date")).toString();
    if (!released.isEmpty())
        r->fields.insert(f::ReleaseDate, released);
    QStringList tags;
    for (const QJsonValue &t : first.value(QLatin1String("tags")).toArray())
        if (const QString tag = t.toObject().value(QLatin1String("name")).toString();
            !tag.isEmpty())
            tags << tag;
    if (!tags.isEmpty())
        r->fields.insert(f::Tags, tags.join(QStringLiteral(", ")));
}

namespace {

/// The API's root path with @p path appended.
QUrl under(QUrl base, const QString &path)
{
    const QString root =
        base.path().endsWith(QLatin1Char('/')) ? base.path().chopped(1) : base.path();
    base.setPath(root + path);
    return base;
}

/// Sets @p r to a parse error when @p body is not a JSON object; returns the object.
std::optional<QJsonObject> jsonObject(const QByteArray &body, SourceResponse *r)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &parseError);
    if (doc.isObject())
        return doc.object();
    r->status = RequestStatus::Error;
    r->error = ErrorType::ParseError;
    r->detail = QStringLiteral("not a JSON object: %1").arg(parseError.errorString());
    return std::nullopt;
}

QString joinedStrings(const QJsonValue &v)
{
    QStringList out;
    for (const QJsonValue &item : v.toArray())
        if (item.isString() && !item.toString().isEmpty())
            out << item.toString();
    return out.join(QStringLiteral(", "));
}

} // namespace

// Discogs

DiscogsSource::DiscogsSource(const ProviderConfig &config, const Clock &clock)
    : HttpSource(config, Pace{0, 2, 60, 60'000}, clock)
{}

std::optional<QNetworkRequest> DiscogsSource::requestFor(const TrackLookup &track,
                                                         QString *why) const
{
    if (track.artist.isEmpty() || track.title.isEmpty()) {
        *why = QStringLiteral("no artist and title to look up by");
        return std::nullopt;
    }
    QUrl url = under(config().baseUrl, QStringLiteral("/database/search"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("artist"), track.artist);
    query.addQueryItem(QStringLiteral("track"), track.title);
    query.addQueryItem(QStringLiteral("type"), QStringLiteral("release"));
    query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("1"));
    url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    QNetworkRequest request = baseRequest(url);
    if (config().userAgent.isEmpty()) // Discogs refuses a client that does not name itself
        request.setHeader(
            QNetworkRequest::UserAgentHeader,
            QStringLiteral("EnrichmentMonitor/%1").arg(QLatin1String(ENRICHMENT_VERSION)));
    request.setRawHeader("Authorization", "Discogs token=" + config().token);
    return request;
}

void DiscogsSource::readBody(const QByteArray &body, SourceResponse *r) const
{
    const std::optional<QJsonObject> doc = jsonObject(body, r);
    if (!doc)
        return;
    const QJsonValue results = doc->value(QLatin1String("results"));
    if (!results.isArray()) {
        r->status = RequestStatus::Error;
        r->error = ErrorType::ParseError;
        r->detail = QStringLiteral("no \"results\" in the answer");
        return;
    }
    const QJsonObject first = results.toArray().first().toObject();
    // A whole positive number; anything else (a fraction, a value past 2^53) is no id.
    const qint64 id = first.value(QLatin1String("id")).toInteger(-1);
    if (id <= 0) {
        r->status = RequestStatus::NoData;
        r->detail = QStringLiteral("no release found");
        return;
    }
    namespace f = wire::field;
    r->status = RequestStatus::Success;
    r->fields.insert(f::DiscogsId, QString::number(id));
    if (const QString genre = joinedStrings(first.value(QLatin1String("genre"))); !genre.isEmpty())
        r->fields.insert(f::Genre, genre);
    if (const QString label = first.value(QLatin1String("label")).toArray().first().toString();
        !label.isEmpty())
        r->fields.insert(f::Label, label);
    const QJsonValue year = first.value(QLatin1String("year"));
    const QString released = year.isString()   ? year.toString()
                             : year.isDouble() ? QString::number(year.toInt())
                                               : QString();
    if (!released.isEmpty())
        r->fields.insert(f::ReleaseDate, released);
}

// Last.fm

LastFmSource::LastFmSource(const ProviderConfig &config, const Clock &clock)
    : HttpSource(config, Pace{200, 2, 300, 60'000}, clock)
{}

std::optional<QNetworkRequest> LastFmSource::requestFor(const TrackLookup &track,
                                                        QString *why) const
{
    if (track.artist.isEmpty() || track.title.isEmpty()) {
        *why = QStringLiteral("no artist and title to look up by");
        return std::nullopt;
    }
    QUrl url = under(config().baseUrl, QStringLiteral("/2.0/"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("method"), QStringLiteral("track.getInfo"));
    query.addQueryItem(QStringLiteral("api_key"), QString::fromUtf8(config().apiKey));
    query.addQueryItem(QStringLiteral("artist"), track.artist);
    query.addQueryItem(QStringLiteral("track"), track.title);
    query.addQueryItem(QStringLiteral("autocorrect"), QStringLiteral("1"));
    query.addQueryItem(QStringLiteral("format"), QStringLiteral("json"));
    url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    return baseRequest(url);
}

void LastFmSource::readBody(const QByteArray &body, SourceResponse *r) const
{
    const std::optional<QJsonObject> doc = jsonObject(body, r);
    if (!doc)
        return;
    // Last.fm says what went wrong in the body of a 200.
    if (const QJsonValue code = doc->value(QLatin1String("error")); code.isDouble()) {
        const int error = code.toInt();
        const QString detail = QStringLiteral("Last.fm error %1: %2")
                                   .arg(error)
                                   .arg(doc->value(QLatin1String("message")).toString().left(120));
        r->detail = detail;
        if (error == 6) {
            r->status = RequestStatus::NoData;
            return;
        }
        r->status = RequestStatus::Error;
        r->error = error == 29                  ? ErrorType::RateLimited
                   : error == 11 || error == 16 ? ErrorType::ServerError
                   : error == 10 || error == 26 ? ErrorType::ConnectionError
                                                : ErrorType::ParseError;
        // 10 (invalid key), 26 (suspended key) and the rest will say the same again.
        r->permanent = r->error != ErrorType::RateLimited && r->error != ErrorType::ServerError;
        return;
    }
    const QJsonObject track = doc->value(QLatin1String("track")).toObject();
    if (track.isEmpty()) {
        r->status = RequestStatus::Error;
        r->error = ErrorType::ParseError;
        r->detail = QStringLiteral("no \"track\" in the answer");
        return;
    }
    namespace f = wire::field;
    QStringList tags;
    for (const QJsonValue &t :
         track.value(QLatin1String("toptags")).toObject().value(QLatin1String("tag")).toArray())
        if (const QString name = t.toObject().value(QLatin1String("name")).toString();
            !name.isEmpty())
            tags << name;
    if (!tags.isEmpty())
        r->fields.insert(f::Tags, tags.join(QStringLiteral(", ")));
    if (const QString mbid = track.value(QLatin1String("mbid")).toString(); !mbid.isEmpty())
        r->fields.insert(f::MusicBrainzId, mbid);
    r->status = r->fields.isEmpty() ? RequestStatus::NoData : RequestStatus::Success;
}

// Spotify

SpotifySource::SpotifySource(const ProviderConfig &config, const Clock &clock)
    : HttpSource(config, Pace{0, 4, 180, 30'000}, clock)
{}

bool SpotifySource::ready()
{
    if (!m_token.isEmpty() && clock().nowMs() < m_renewAtMs)
        return true;
    if (!m_fetching)
        fetchToken();
    return false;
}

void SpotifySource::fetchToken()
{
    m_fetching = true;
    QNetworkRequest request = baseRequest(config().authUrl);
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      QStringLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader(
        "Authorization",
        "Basic " + QByteArray(config().clientId + ':' + config().clientSecret).toBase64());
    QNetworkReply *reply = network()->post(request, "grant_type=client_credentials");
    const qint64 cap = config().maxResponseBytes;
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply, cap](qint64 received, qint64) {
        if (received > cap)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] {
        reply->deleteLater();
        m_fetching = false;
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
        const QByteArray token = o.value(QLatin1String("access_token")).toString().toLatin1();
        // Seconds, as a provider's answer says: bounded before it becomes a number of ours.
        const qint64 lifeMs =
            qint64(std::clamp(o.value(QLatin1String("expires_in")).toDouble(), 0.0, 86'400.0)) *
            1000;
        if (status == 200 && !token.isEmpty() && lifeMs > 0) {
            ++m_tokensFetched;
            m_token = token;
            // Renewed before it runs out: a minute early, or at half its life if shorter.
            m_renewAtMs = clock().nowMs() + std::max<qint64>(lifeMs / 2, lifeMs - 60'000);
            resume();
            return;
        }
        const QString detail =
            status == 0 ? QStringLiteral("no access token: %1").arg(reply->errorString().left(200))
            : status == 400 || status == 401
                ? QStringLiteral("no access token: Spotify refused the client credentials"
                                 " (HTTP %1)")
                      .arg(status)
                : QStringLiteral("no access token: HTTP %1").arg(status);
        failWaiting(status >= 500 ? ErrorType::ServerError : ErrorType::ConnectionError, detail,
                    status == 400 || status == 401);
    });
}

std::optional<QNetworkRequest> SpotifySource::requestFor(const TrackLookup &track,
                                                         QString *why) const
{
    QString q;
    if (!track.isrc.isEmpty())
        q = QStringLiteral("isrc:") + track.isrc;
    else if (!track.artist.isEmpty() && !track.title.isEmpty())
        q = QStringLiteral("artist:\"%1\" track:\"%2\"").arg(track.artist, track.title);
    else {
        *why = QStringLiteral("no artist, title or ISRC to look up by");
        return std::nullopt;
    }
    QUrl url = under(config().baseUrl, QStringLiteral("/v1/search"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("q"), q);
    query.addQueryItem(QStringLiteral("type"), QStringLiteral("track"));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    QNetworkRequest request = baseRequest(url);
    request.setRawHeader("Authorization", "Bearer " + m_token);
    return request;
}

void SpotifySource::readBody(const QByteArray &body, SourceResponse *r) const
{
    const std::optional<QJsonObject> doc = jsonObject(body, r);
    if (!doc)
        return;
    const QJsonValue items =
        doc->value(QLatin1String("tracks")).toObject().value(QLatin1String("items"));
    if (!items.isArray()) {
        r->status = RequestStatus::Error;
        r->error = ErrorType::ParseError;
        r->detail = QStringLiteral("no \"tracks.items\" in the answer");
        return;
    }
    const QJsonObject first = items.toArray().first().toObject();
    const QString id = first.value(QLatin1String("id")).toString();
    if (id.isEmpty()) {
        r->status = RequestStatus::NoData;
        r->detail = QStringLiteral("no track found");
        return;
    }
    namespace f = wire::field;
    r->status = RequestStatus::Success;
    r->fields.insert(f::SpotifyId, id);
    const QString isrc = first.value(QLatin1String("external_ids"))
                             .toObject()
                             .value(QLatin1String("isrc"))
                             .toString();
    if (!isrc.isEmpty())
        r->fields.insert(f::Isrc, isrc);
    const QString released = first.value(QLatin1String("album"))
                                 .toObject()
                                 .value(QLatin1String("release_date"))
                                 .toString();
    if (!released.isEmpty())
        r->fields.insert(f::ReleaseDate, released);
}

// Beatport

BeatportSource::BeatportSource(const ProviderConfig &config, const Clock &clock)
    : HttpSource(config, Pace{0, 2, 120, 60'000}, clock)
{}

std::optional<QNetworkRequest> BeatportSource::requestFor(const TrackLookup &track,
                                                          QString *why) const
{
    QUrl url;
    QUrlQuery query;
    if (!track.isrc.isEmpty()) {
        url = under(config().baseUrl, QStringLiteral("/catalog/tracks/"));
        query.addQueryItem(QStringLiteral("isrc"), track.isrc);
    } else if (!track.artist.isEmpty() && !track.title.isEmpty()) {
        url = under(config().baseUrl, QStringLiteral("/catalog/search/"));
        query.addQueryItem(QStringLiteral("q"), track.artist + QLatin1Char(' ') + track.title);
        query.addQueryItem(QStringLiteral("type"), QStringLiteral("tracks"));
    } else {
        *why = QStringLiteral("no artist, title or ISRC to look up by");
        return std::nullopt;
    }
    query.addQueryItem(QStringLiteral("per_page"), QStringLiteral("1"));
    url.setQuery(query.query(QUrl::FullyEncoded), QUrl::StrictMode);
    QNetworkRequest request = baseRequest(url);
    request.setRawHeader("Authorization", "Bearer " + config().token);
    return request;
}

void BeatportSource::readBody(const QByteArray &body, SourceResponse *r) const
{
    const std::optional<QJsonObject> doc = jsonObject(body, r);
    if (!doc)
        return;
    // A lookup pages its `results`; a search lists `tracks`.
    const QJsonValue list = doc->contains(QLatin1String("results"))
                                ? doc->value(QLatin1String("results"))
                                : doc->value(QLatin1String("tracks"));
    if (!list.isArray()) {
        r->status = RequestStatus::Error;
        r->error = ErrorType::ParseError;
        r->detail = QStringLiteral("no \"results\" or \"tracks\" in the answer");
        return;
    }
    const QJsonObject first = list.toArray().first().toObject();
    // A whole positive number; anything else (a fraction, a value past 2^53) is no id.
    const qint64 id = first.value(QLatin1String("id")).toInteger(-1);
    if (id <= 0) {
        r->status = RequestStatus::NoData;
        r->detail = QStringLiteral("no track found");
        return;
    }
    namespace f = wire::field;
    r->status = RequestStatus::Success;
    r->fields.insert(f::BeatportId, QString::number(id));
    if (const QJsonValue bpm = first.value(QLatin1String("bpm"));
        bpm.isDouble() && bpm.toDouble() > 0)
        r->fields.insert(f::Bpm, QString::number(bpm.toDouble()));
    auto named = [&](const QJsonValue &v) {
        return v.toObject().value(QLatin1String("name")).toString();
    };
    const QList<std::pair<QLatin1String, QString>> texts = {
        {f::Key, named(first.value(QLatin1String("key")))},
        {f::Genre, named(first.value(QLatin1String("genre")))},
        {f::Label,
         named(first.value(QLatin1String("release")).toObject().value(QLatin1String("label")))},
        {f::Isrc, first.value(QLatin1String("isrc")).toString()},
        {f::ReleaseDate, first.value(QLatin1String("publish_date")).toString()}};
    for (const auto &[field, value] : texts)
        if (!value.isEmpty())
            r->fields.insert(field, value);
}

std::unique_ptr<EnrichmentSource> makeHttpSource(const ProviderConfig &config, const Clock &clock)
{
    const QString &name = config.name;
    if (name == QLatin1String("spotify"))
        return std::make_unique<SpotifySource>(config, clock);
    if (name == QLatin1String("musicbrainz"))
        return std::make_unique<MusicBrainzSource>(config, clock);
    if (name == QLatin1String("discogs"))
        return std::make_unique<DiscogsSource>(config, clock);
    if (name == QLatin1String("beatport"))
        return std::make_unique<BeatportSource>(config, clock);
    if (name == QLatin1String("lastfm"))
        return std::make_unique<LastFmSource>(config, clock);
    return nullptr;
}

} // namespace enrichment
