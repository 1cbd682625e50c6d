// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QElapsedTimer>
#include <QHash>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QSet>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

namespace testsupport {

/// A local HTTP/1.1 server standing in for a provider's API (we cannot reach the real
/// ones here), replaying what its documentation says it does. One request per connection
/// (`Connection: close`). A reply may be held back (a slow provider).
class FakeProvider : public QObject
{
public:
    struct Request
    {
        QByteArray method;
        QUrl url;                              ///< path and query as sent
        QHash<QByteArray, QByteArray> headers; ///< names in lower case
        qint64 atMs = 0;                       ///< since the server started
    };
    struct Reply
    {
        int status = 200;
        QByteArray reason = "OK";
        QList<std::pair<QByteArray, QByteArray>> headers;
        QByteArray body;
        int delayMs = 0;
    };

    FakeProvider()
    {
        m_clock.start();
        QObject::connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = m_server.nextPendingConnection())
                serve(s);
        });
    }
    /// Listens on 127.0.0.1, on @p port (0: any free one).
    bool listen(quint16 port = 0) { return m_server.listen(QHostAddress::LocalHost, port); }
    QUrl url() const
    {
        return QUrl(QStringLiteral("http://127.0.0.1:%1").arg(m_server.serverPort()));
    }
    /// Every request so far, in order.
    QList<Request> requests;
    /// What the fake answers @p request, without a socket (benchmarks take real bodies).
    Reply replay(const Request &request) { return answer(request); }

protected:
    virtual Reply answer(const Request &request) = 0;
    qint64 elapsedMs() const { return m_clock.elapsed(); }

private:
    void serve(QTcpSocket *socket)
    {
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] {
            QByteArray &buffer = m_buffers[socket];
            buffer += socket->readAll();
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            Request r;
            r.atMs = m_clock.elapsed();
            const QList<QByteArray> lines = buffer.left(end).split('\n');
            m_buffers.remove(socket);
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            r.method = first.value(0);
            r.url = QUrl::fromEncoded(first.value(1));
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const qsizetype colon = lines[i].indexOf(':');
                if (colon > 0)
                    r.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                     lines[i].mid(colon + 1).trimmed());
            }
            requests.append(r);
            const Reply reply = answer(r);
            QPointer<QTcpSocket> guard(socket);
            auto write = [guard, reply] {
                if (!guard)
                    return;
                QByteArray out =
                    "HTTP/1.1 " + QByteArray::number(reply.status) + ' ' + reply.reason + "\r\n";
                for (const auto &[name, value] : reply.headers)
                    out += name + ": " + value + "\r\n";
                out += "Content-Length: " + QByteArray::number(reply.body.size()) +
                       "\r\nConnection: close\r\n\r\n" + reply.body;
                guard->write(out);
                guard->disconnectFromHost();
            };
            if (reply.delayMs > 0)
                QTimer::singleShot(reply.delayMs, this, write);
            else
                write();
        });
    }

    QTcpServer m_server;
    QElapsedTimer m_clock;
    QHash<QTcpSocket *, QByteArray> m_buffers;
};

/// MusicBrainz's web service as its documentation describes it: `/ws/2/recording?query=`
/// (a Lucene search, `limit`, `fmt=json`) and `/ws/2/isrc/ISRC`; a request without a
/// User-Agent is refused (403); a client asking faster than once a second gets 503 (its
/// rate signal) and that request is not served. The catalogue is a few recordings, found by
/// artist and title or by ISRC.
class FakeMusicBrainz final : public FakeProvider
{
public:
    struct Recording
    {
        QString id, artist, title, isrc, released;
        QStringList tags;
    };
    QList<Recording> catalogue = {
        {QStringLiteral("b1a9c0e9-d987-4042-ae91-78d6a3267d69"),
         QStringLiteral("Daft Punk"),
         QStringLiteral("One More Time"),
         QStringLiteral("GBDUW0000053"),
         QStringLiteral("2000-11-13"),
         {QStringLiteral("house"), QStringLiteral("french house")}},
        {QStringLiteral("8f0d8a5e-1b6c-4f3e-9d1a-4d6c1b2a3e4f"),
         QStringLiteral("Röyksopp"),
         QStringLiteral("Eple"),
         QStringLiteral("NOABC0100001"),
         QStringLiteral("2001-03-05"),
         {}},
    };
    /// What the next answers are (then normal again): a slow one, a broken body, a huge one.
    enum class Mode { Normal, Slow, Malformed, Oversized, Unavailable };
    Mode mode = Mode::Normal;
    int slowMs = 3000;
    int rateLimited = 0; ///< 503s answered because a client asked too fast
    int served = 0;

protected:
    Reply answer(const Request &r) override
    {
        Reply reply;
        reply.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/json"));
        if (r.headers.value("user-agent").isEmpty())
            return error(403, "Forbidden", "a User-Agent is required");
        // One request a second on average: one that arrives within 0.8 s of the last one
        // served is refused (the slack is the network's jitter, which an average allows).
        const qint64 previous = m_lastServedMs;
        if (previous >= 0 && r.atMs - previous < 800) {
            ++rateLimited;
            return error(503, "Service Unavailable",
                         "Your requests are exceeding the allowable rate limit.");
        }
        m_lastServedMs = r.atMs;
        ++served;
        switch (mode) {
        case Mode::Slow: reply.delayMs = slowMs; break;
        case Mode::Malformed: reply.body = "{\"recordings\": [{\"id\": "; return reply;
        case Mode::Oversized: reply.body = QByteArray(4 * 1024 * 1024, ' ') + "{}"; return reply;
        case Mode::Unavailable: return error(502, "Bad Gateway", "upstream down");
        case Mode::Normal: break;
        }
        const QUrlQuery q(r.url);
        QList<Recording> found;
        const QString path = r.url.path();
        if (path.startsWith(QLatin1String("/ws/2/isrc/"))) {
            const QString isrc = path.mid(11);
            for (const Recording &rec : catalogue)
                if (rec.isrc == isrc)
                    found << rec;
            if (found.isEmpty())
                return error(404, "Not Found", "Not Found");
        } else if (path == QLatin1String("/ws/2/recording")) {
            const QString query = q.queryItemValue(QStringLiteral("query"), QUrl::FullyDecoded);
            for (const Recording &rec : catalogue)
                if (query.contains(QStringLiteral("artist:\"%1\"").arg(rec.artist)) &&
                    query.contains(QStringLiteral("recording:\"%1\"").arg(rec.title)))
                    found << rec;
        } else {
            return error(404, "Not Found", "Not Found");
        }
        QJsonArray recordings;
        for (const Recording &rec : found) {
            QJsonArray tags;
            for (const QString &t : rec.tags)
                tags.append(QJsonObject{{QStringLiteral("name"), t}, {QStringLiteral("count"), 1}});
            recordings.append(QJsonObject{{QStringLiteral("id"), rec.id},
                                          {QStringLiteral("score"), 100},
                                          {QStringLiteral("title"), rec.title},
                                          {QStringLiteral("isrcs"), QJsonArray{rec.isrc}},
                                          {QStringLiteral("first-release-date"), rec.released},
                                          {QStringLiteral("tags"), tags}});
        }
        reply.body = QJsonDocument(QJsonObject{{QStringLiteral("count"), recordings.size()},
                                               {QStringLiteral("recordings"), recordings}})
                         .toJson(QJsonDocument::Compact);
        return reply;
    }

private:
    static Reply error(int status, const QByteArray &reason, const QByteArray &message)
    {
        Reply r;
        r.status = status;
        r.reason = reason;
        r.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/json"));
        r.body = "{\"error\": \"" + message + "\"}";
        return r;
    }
    qint64 m_lastServedMs = -1;
};

/// A reply of @p status with a JSON @p body.
inline FakeProvider::Reply jsonReply(int status, const QByteArray &reason, const QJsonObject &body)
{
    FakeProvider::Reply r;
    r.status = status;
    r.reason = reason;
    r.headers.append(std::pair<QByteArray, QByteArray>("Content-Type", "application/json"));
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

/// Discogs's API as documented: `/database/search?artist=&track=&type=release` answers
/// only with `Authorization: Discogs token=TOKEN` (else 401); every answer carries
/// `X-Discogs-Ratelimit` (the limit per moving minute), `-Used` and `-Remaining`, and past
/// the limit it answers 429.
class FakeDiscogs final : public FakeProvider
{
public:
    QByteArray token = "good-discogs-token";
    int limit = 60;
    int tooFast = 0;              ///< 429s answered past the limit
    QJsonValue releaseId = 29834; ///< what the found release's `id` says

protected:
    Reply answer(const Request &r) override
    {
        while (!m_window.isEmpty() && m_window.first() <= r.atMs - 60'000)
            m_window.removeFirst();
        if (r.headers.value("authorization") != "Discogs token=" + token)
            return withRate(jsonReply(
                401, "Unauthorized",
                QJsonObject{{QStringLiteral("message"),
                             QStringLiteral("You must authenticate to access this resource.")}}));
        if (m_window.size() >= limit) {
            ++tooFast;
            return withRate(
                jsonReply(429, "Too Many Requests",
                          QJsonObject{{QStringLiteral("message"),
                                       QStringLiteral("You are making requests too quickly.")}}));
        }
        m_window.append(r.atMs);
        const QUrlQuery q(r.url);
        QJsonArray results;
        if (q.queryItemValue(QStringLiteral("artist"), QUrl::FullyDecoded) ==
                QLatin1String("Daft Punk") &&
            q.queryItemValue(QStringLiteral("track"), QUrl::FullyDecoded) ==
                QLatin1String("One More Time"))
            results.append(
                QJsonObject{{QStringLiteral("id"), releaseId},
                            {QStringLiteral("title"), QStringLiteral("Daft Punk - Discovery")},
                            {QStringLiteral("year"), QStringLiteral("2001")},
                            {QStringLiteral("genre"), QJsonArray{QStringLiteral("Electronic")}},
                            {QStringLiteral("style"), QJsonArray{QStringLiteral("House")}},
                            {QStringLiteral("label"), QJsonArray{QStringLiteral("Virgin")}}});
        return withRate(jsonReply(200, "OK",
                                  QJsonObject{{QStringLiteral("results"), results},
                                              {QStringLiteral("pagination"), QJsonObject{}}}));
    }

private:
    Reply withRate(Reply r) const
    {
        const qsizetype used = m_window.size();
        r.headers.append(
            std::pair<QByteArray, QByteArray>("X-Discogs-Ratelimit", QByteArray::number(limit)));
        r.headers.append(std::pair<QByteArray, QByteArray>("X-Discogs-Ratelimit-Used",
                                                           QByteArray::number(used)));
        r.headers.append(std::pair<QByteArray, QByteArray>("X-Discogs-Ratelimit-Remaining",
                                                           QByteArray::number(limit - used)));
        return r;
    }
    QList<qint64> m_window;
};

/// Last.fm's API as documented: `/2.0/?method=track.getInfo&api_key=&artist=&track=&format=json`;
/// its errors come in the body of a 200: 10 for a key it does not know, 6 for an unknown
/// track, 29 when a client asks more than `perSecond` times in a second.
class FakeLastFm final : public FakeProvider
{
public:
    QString apiKey = QStringLiteral("good-lastfm-key");
    int perSecond = 5;
    int tooFast = 0; ///< error 29s answered past the limit

protected:
    Reply answer(const Request &r) override
    {
        auto error = [](int code, const char *message) {
            return jsonReply(200, "OK",
                             QJsonObject{{QStringLiteral("error"), code},
                                         {QStringLiteral("message"), QLatin1String(message)}});
        };
        while (!m_second.isEmpty() && m_second.first() <= r.atMs - 1000)
            m_second.removeFirst();
        const QUrlQuery q(r.url);
        if (q.queryItemValue(QStringLiteral("api_key")) != apiKey)
            return error(10, "Invalid API key - You must be granted a valid key by last.fm");
        if (m_second.size() >= perSecond) {
            ++tooFast;
            return error(29, "Rate Limit Exceeded");
        }
        m_second.append(r.atMs);
        if (q.queryItemValue(QStringLiteral("artist"), QUrl::FullyDecoded) !=
                QLatin1String("Daft Punk") ||
            q.queryItemValue(QStringLiteral("track"), QUrl::FullyDecoded) !=
                QLatin1String("One More Time"))
            return error(6, "Track not found");
        const QJsonObject track{
            {QStringLiteral("name"), QStringLiteral("One More Time")},
            {QStringLiteral("mbid"), QStringLiteral("b1a9c0e9-d987-4042-ae91-78d6a3267d69")},
            {QStringLiteral("toptags"),
             QJsonObject{{QStringLiteral("tag"),
                          QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("house")}},
                                     QJsonObject{{QStringLiteral("name"),
                                                  QStringLiteral("electronic")}}}}}}};
        return jsonReply(200, "OK", QJsonObject{{QStringLiteral("track"), track}});
    }

private:
    QList<qint64> m_second;
};

/// Spotify's accounts and Web API as documented: `POST /api/token` (client credentials in
/// a Basic Authorization header) gives `{"access_token", "token_type": "Bearer",
/// "expires_in"}`, 400 `invalid_client` for wrong credentials; `GET /v1/search?q=&type=track`
/// needs a valid Bearer token (401 otherwise). expireTokens() ends every token issued, as
/// their time running out would; tooManyRequests answers the next searches 429 with
/// Retry-After.
class FakeSpotify final : public FakeProvider
{
public:
    QByteArray clientId = "client", clientSecret = "secret";
    int expiresInSeconds = 3600;
    int tokensIssued = 0;
    int refused = 0;         ///< searches refused for their token (401)
    int tooManyRequests = 0; ///< the next this many searches get 429, Retry-After: 1
    void expireTokens() { m_valid.clear(); }

protected:
    Reply answer(const Request &r) override
    {
        if (r.method == "POST" && r.url.path() == QLatin1String("/api/token")) {
            if (r.headers.value("authorization") !=
                "Basic " + QByteArray(clientId + ':' + clientSecret).toBase64())
                return jsonReply(
                    400, "Bad Request",
                    QJsonObject{{QStringLiteral("error"), QStringLiteral("invalid_client")}});
            const QByteArray token = "tok-" + QByteArray::number(++tokensIssued);
            m_valid.insert(token);
            return jsonReply(
                200, "OK",
                QJsonObject{{QStringLiteral("access_token"), QString::fromLatin1(token)},
                            {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                            {QStringLiteral("expires_in"), expiresInSeconds}});
        }
        if (r.url.path() != QLatin1String("/v1/search"))
            return jsonReply(404, "Not Found", QJsonObject{});
        const QByteArray auth = r.headers.value("authorization");
        if (!auth.startsWith("Bearer ") || !m_valid.contains(auth.mid(7))) {
            ++refused;
            return jsonReply(
                401, "Unauthorized",
                QJsonObject{{QStringLiteral("error"),
                             QJsonObject{{QStringLiteral("status"), 401},
                                         {QStringLiteral("message"),
                                          QStringLiteral("The access token expired")}}}});
        }
        if (tooManyRequests > 0) {
            --tooManyRequests;
            Reply limited = jsonReply(429, "Too Many Requests", QJsonObject{});
            limited.headers.append(std::pair<QByteArray, QByteArray>("Retry-After", "1"));
            return limited;
        }
        const QString q = QUrlQuery(r.url).queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded);
        QJsonArray items;
        if (q == QLatin1String("isrc:GBDUW0000053") ||
            q == QLatin1String("artist:\"Daft Punk\" track:\"One More Time\""))
            items.append(QJsonObject{
                {QStringLiteral("id"), QStringLiteral("0DiWol3AO6WpXZgp0goxAV")},
                {QStringLiteral("name"), QStringLiteral("One More Time")},
                {QStringLiteral("external_ids"),
                 QJsonObject{{QStringLiteral("isrc"), QStringLiteral("GBDUW0000053")}}},
                {QStringLiteral("album"),
                 QJsonObject{{QStringLiteral("release_date"), QStringLiteral("2001-03-12")}}}});
        return jsonReply(
            200, "OK",
            QJsonObject{{QStringLiteral("tracks"), QJsonObject{{QStringLiteral("items"), items}}}});
    }

private:
    QSet<QByteArray> m_valid;
};

/// Beatport's API v4 as documented: `GET /v4/catalog/tracks/?isrc=` (a page of
/// `results`) and `GET /v4/catalog/search/?q=&type=tracks` (`tracks`), each with a Bearer
/// token (401 otherwise). Its tracks carry bpm, key, genre, the release's label, isrc and
/// publish_date.
class FakeBeatport final : public FakeProvider
{
public:
    QByteArray token = "good-beatport-token";

protected:
    Reply answer(const Request &r) override
    {
        if (r.headers.value("authorization") != "Bearer " + token)
            return jsonReply(
                401, "Unauthorized",
                QJsonObject{{QStringLiteral("detail"), QStringLiteral("Invalid token.")}});
        const QUrlQuery q(r.url);
        const QJsonObject track{
            {QStringLiteral("id"), 1234567},
            {QStringLiteral("name"), QStringLiteral("One More Time")},
            {QStringLiteral("mix_name"), QStringLiteral("Original Mix")},
            {QStringLiteral("bpm"), 123},
            {QStringLiteral("key"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("D Major")}}},
            {QStringLiteral("genre"),
             QJsonObject{{QStringLiteral("name"), QStringLiteral("House")}}},
            {QStringLiteral("release"),
             QJsonObject{{QStringLiteral("label"),
                          QJsonObject{{QStringLiteral("name"), QStringLiteral("Virgin")}}}}},
            {QStringLiteral("isrc"), QStringLiteral("GBDUW0000053")},
            {QStringLiteral("publish_date"), QStringLiteral("2000-11-13")}};
        if (r.url.path() == QLatin1String("/v4/catalog/tracks/")) {
            QJsonArray results;
            if (q.queryItemValue(QStringLiteral("isrc")) == QLatin1String("GBDUW0000053"))
                results.append(track);
            return jsonReply(200, "OK",
                             QJsonObject{{QStringLiteral("results"), results},
                                         {QStringLiteral("count"), results.size()}});
        }
        if (r.url.path() == QLatin1String("/v4/catalog/search/")) {
            QJsonArray tracks;
            if (q.queryItemValue(QStringLiteral("q"), QUrl::FullyDecoded) ==
                QLatin1String("Daft Punk One More Time"))
                tracks.append(track);
            return jsonReply(200, "OK", QJsonObject{{QStringLiteral("tracks"), tracks}});
        }
        return jsonReply(404, "Not Found", QJsonObject{});
    }
};

} // namespace testsupport
