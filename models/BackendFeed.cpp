// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackendFeed.h"

#include <algorithm>
#include <cmath>

#include <QDateTime>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QSslError>
#include <QUrlQuery>

#include "enrichment/ServerText.h"
#include "enrichment/SnapshotParser.h"
#include "enrichment/WireFormat.h"

namespace wire = enrichment::wire;

Q_LOGGING_CATEGORY(lcFeed, "enrichment.models.feed")

namespace dashboard {

BackendFeed::BackendFeed(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network), m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_refreshTimer.setInterval(30'000);
    connect(&m_refreshTimer, &QTimer::timeout, this, &BackendFeed::refresh);
    m_reconnectTimer.setSingleShot(true);
    connect(&m_reconnectTimer, &QTimer::timeout, this, &BackendFeed::openSocket);
    m_countdownTimer.setInterval(1000);
    connect(&m_countdownTimer, &QTimer::timeout, this,
            [this] { Q_EMIT reconnectCountdownChanged(reconnectInSeconds()); });
    // Pings are a few bytes; at 1 s a backend that froze is seen lost within 4 s.
    m_pingTimer.setInterval(1000);
    connect(&m_pingTimer, &QTimer::timeout, this, &BackendFeed::onPingTick);

    connect(&m_socket, &QWebSocket::connected, this, [this] {
        m_attempt = 0;
        m_lastPongMs = m_now();
        m_reconnectTimer.stop();
        m_countdownTimer.stop();
        m_pingTimer.start();
        m_roomSeen = true;
        setState(ConnectionState::Live);
        // Catch up on what happened while away.
        fetchHistory();
        refresh();
    });
    m_socket.setMaxAllowedIncomingFrameSize(quint64(MaxRoomMessageBytes));
    m_socket.setMaxAllowedIncomingMessageSize(quint64(MaxRoomMessageBytes));
    connect(&m_socket, &QWebSocket::disconnected, this, [this] {
        m_pingTimer.stop();
        if (m_socket.closeCode() == QWebSocketProtocol::CloseCodeTooMuchData)
            setError(tr("The backend sent a live message larger than %1 MiB; it was refused "
                        "and the room is reconnecting")
                         .arg(MaxRoomMessageBytes / (1024 * 1024)));
        m_serverPushes = false; // until the next welcome says otherwise
        if (m_running)
            scheduleReconnect();
    });
    // A refused or failed connection may end without disconnected(): catch both.
    connect(&m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, [this] {
        if (m_running && m_socket.state() != QAbstractSocket::ConnectedState)
            scheduleReconnect();
    });
    connect(&m_socket, &QWebSocket::textMessageReceived, this, &BackendFeed::onTextMessage);
    connect(&m_socket, &QWebSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
        qCWarning(lcFeed).noquote()
            << "TLS certificate of the room not trusted:"
            << (errors.isEmpty() ? QString() : errors.first().errorString());
    });
    connect(&m_socket, &QWebSocket::pong, this, [this] { m_lastPongMs = m_now(); });
}

BackendFeed::~BackendFeed()
{
    m_running = false;
    m_socket.disconnect(this);
    m_socket.abort();
    if (m_snapshotFetch)
        m_snapshotFetch->cancel();
    if (m_historyFetch)
        m_historyFetch->cancel();
}

void BackendFeed::setBaseUrl(const QUrl &url)
{
    m_baseUrl = enrichment::serviceBaseUrl(url);
    m_roomSeen = false; // another service: it may have no room
    updateLost();
}

void BackendFeed::setAutoRefresh(bool on)
{
    m_autoRefresh = on;
    if (on && m_running)
        m_refreshTimer.start();
    else
        m_refreshTimer.stop();
}

void BackendFeed::setAutoRefreshInterval(int ms)
{
    m_refreshTimer.setInterval(std::max(1000, ms));
}

void BackendFeed::setBackoff(int initialMs, int maxMs)
{
    m_initialBackoffMs = std::max(1, initialMs);
    m_maxBackoffMs = std::max(m_initialBackoffMs, maxMs);
}

void BackendFeed::setPingInterval(int ms)
{
    m_pingTimer.setInterval(std::max(100, ms));
}

void BackendFeed::start()
{
    if (m_running)
        return;
    m_running = true;
    m_attempt = 0;
    m_roomSeen = false;
    setState(ConnectionState::Connecting);
    if (m_autoRefresh)
        m_refreshTimer.start();
    fetchHistory();
    refresh();
    openSocket();
}

void BackendFeed::stop()
{
    m_running = false;
    m_refreshTimer.stop();
    m_reconnectTimer.stop();
    m_countdownTimer.stop();
    m_pingTimer.stop();
    m_socket.abort();
    setState(ConnectionState::Disconnected);
    m_lostSinceMs = 0; // stopped on purpose: nothing is lost
    updateLost();
}

int BackendFeed::reconnectInSeconds() const
{
    if (m_state != ConnectionState::Reconnecting)
        return 0;
    return int(std::ceil(std::max<qint64>(0, m_reconnectAtMs - m_now()) / 1000.0));
}

qint64 BackendFeed::dataAgeMs() const
{
    return m_lastUpdateMs > 0 ? std::max<qint64>(0, m_now() - m_lastUpdateMs) : -1;
}

bool BackendFeed::isStale() const
{
    return m_lastUpdateMs > 0 && dataAgeMs() > m_staleAfterMs;
}

void BackendFeed::setState(ConnectionState s)
{
    if (m_state == s)
        return;
    m_state = s;
    Q_EMIT stateChanged(s);
    updateLost();
}

void BackendFeed::updateLost()
{
    const bool roomLost = m_roomSeen && m_state != ConnectionState::Live;
    const bool lost = m_running && (roomLost || !m_lastError.isEmpty());
    if (lost == isConnectionLost())
        return;
    m_lostSinceMs = lost ? std::max<qint64>(1, m_now()) : 0;
    Q_EMIT connectionLostChanged(lost);
}

void BackendFeed::setError(const QString &rawError)
{
    // Error text can carry what a backend sent: keep it plain, short and printable.
    const QString error = enrichment::plainServerText(rawError);
    if (m_lastError == error)
        return;
    m_lastError = error;
    Q_EMIT errorChanged(error);
    updateLost();
}

HttpFetch *BackendFeed::get(const QString &path, const QString &query, qint64 maxBytes,
                            int deadlineMs)
{
    HttpFetch::Request request;
    request.service = tr("The backend");
    request.url = m_baseUrl;
    request.url.setPath(m_baseUrl.path() + path);
    if (!query.isEmpty())
        request.url.setQuery(query);
    request.token = m_token;
    request.maxBytes = maxBytes;
    request.deadlineMs = deadlineMs;
    return HttpFetch::start(m_network, request, this);
}

QString BackendFeed::describe(const HttpFetch &fetch)
{
    const QUrl &url = fetch.url();
    switch (fetch.failure()) {
    case HttpFetch::Failure::TooLarge:
        return tr("The backend's answer to %1 is larger than %2 MiB; the dashboard did not "
                  "read it")
            .arg(url.path().left(100))
            .arg(fetch.maxBytes() / (1024 * 1024));
    case HttpFetch::Failure::TooSlow:
        return tr("The backend did not finish answering %1 within %2 s")
            .arg(url.path().left(100))
            .arg(fetch.deadlineMs() / 1000);
    case HttpFetch::Failure::Tls:
        return tr("The TLS certificate of %1 is not trusted: %2 (to trust a private CA, "
                  "start with --ca-file)")
            .arg(url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveUserInfo)
                     .toString(),
                 fetch.failureDetail());
    case HttpFetch::Failure::Network:
        return tr("Cannot reach %1: %2")
            .arg(url.adjusted(QUrl::RemoveQuery | QUrl::RemoveUserInfo).toString(),
                 fetch.failureDetail());
    case HttpFetch::Failure::None: break;
    }
    const int status = fetch.status();
    if (status == 401)
        return tr("The backend refused the token (HTTP 401): check --token-file");
    const QJsonObject err = QJsonDocument::fromJson(fetch.body().left(4096))
                                .object()
                                .value(wire::key::Error)
                                .toObject();
    const QString message = err.value(wire::key::Message).toString().left(200);
    return message.isEmpty() ? tr("The backend answered HTTP %1").arg(status)
                             : tr("The backend answered HTTP %1: %2").arg(status).arg(message);
}

void BackendFeed::refresh()
{
    if (!m_baseUrl.isValid())
        return;
    if (m_snapshotFetch) {
        m_refreshQueued = true;
        return;
    }
    m_refreshQueued = false;
    ++m_fetches;
    HttpFetch *fetch = get(wire::path::Snapshot, {}, MaxSnapshotBytes, SnapshotDeadlineMs);
    m_snapshotFetch = fetch;
    connect(fetch, &HttpFetch::finished, this, [this, fetch] { onSnapshotFetched(fetch); });
}

void BackendFeed::onSnapshotFetched(HttpFetch *fetch)
{
    m_snapshotFetch = nullptr;
    if (fetch->failure() != HttpFetch::Failure::None || fetch->status() != 200) {
        setError(describe(*fetch));
    } else {
        QString error;
        std::optional<Snapshot> s =
            enrichment::SnapshotParser::parseSnapshot(fetch->body(), &error);
        if (!s) {
            qCWarning(lcFeed).noquote() << "bad snapshot:" << error;
            setError(tr("The backend sent data the dashboard cannot read: %1").arg(error));
        } else {
            if (!s->timestamp.isValid())
                s->timestamp = QDateTime::fromMSecsSinceEpoch(m_now(), Qt::UTC);
            m_lastUpdateMs = m_now();
            setError(QString());
            Q_EMIT snapshotReceived(*s);
        }
    }
    if (m_refreshQueued && m_running)
        refresh();
}

void BackendFeed::fetchHistory()
{
    if (!m_baseUrl.isValid() || m_historyFetch)
        return;
    HttpFetch *fetch = get(wire::path::History,
                           QStringLiteral("%1=%2").arg(wire::key::Minutes).arg(m_historyMinutes),
                           MaxHistoryBytes, HistoryDeadlineMs);
    m_historyFetch = fetch;
    connect(fetch, &HttpFetch::finished, this, [this, fetch] {
        m_historyFetch = nullptr;
        const bool received = applyHistoryReply(*fetch);
        Q_EMIT historySettled(received);
    });
}

bool BackendFeed::applyHistoryReply(const HttpFetch &fetch)
{
    if (fetch.failure() == HttpFetch::Failure::TooLarge ||
        fetch.failure() == HttpFetch::Failure::TooSlow) {
        qCWarning(lcFeed).noquote() << describe(fetch);
        return false;
    }
    if (fetch.failure() != HttpFetch::Failure::None || fetch.status() != 200)
        return false; // optional endpoint: a seed-only service has none
    QString error;
    const auto points = enrichment::SnapshotParser::parseHistory(fetch.body(), &error);
    if (!points) {
        qCWarning(lcFeed).noquote() << "bad history:" << error;
        return false;
    }
    Q_EMIT historyReceived(*points);
    return true;
}

void BackendFeed::openSocket()
{
    if (!m_running || !m_baseUrl.isValid())
        return;
    QUrl url = m_baseUrl;
    url.setScheme(m_baseUrl.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                               : QStringLiteral("ws"));
    url.setPath(m_baseUrl.path() + wire::path::Room);
    url.setQuery(QString(wire::RoomIdParameter) + QLatin1Char('=') + wire::RoomId);
    QNetworkRequest req(url);
    if (!m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token);
    if (m_state != ConnectionState::Live && m_state != ConnectionState::Reconnecting)
        setState(ConnectionState::Connecting);
    m_socket.abort();
    m_socket.open(req);
}

void BackendFeed::scheduleReconnect()
{
    if (m_reconnectTimer.isActive())
        return;
    const double exp = std::min<double>(m_maxBackoffMs, double(m_initialBackoffMs) *
                                                            std::pow(2.0, std::min(m_attempt, 30)));
    std::uniform_real_distribution<double> jitter(0.5, 1.0);
    m_lastDelayMs = std::max(1, int(exp * jitter(m_rng)));
    ++m_attempt;
    m_reconnectAtMs = m_now() + m_lastDelayMs;
    m_reconnectTimer.start(m_lastDelayMs);
    m_countdownTimer.start();
    setState(ConnectionState::Reconnecting);
    Q_EMIT reconnectCountdownChanged(reconnectInSeconds());
}

void BackendFeed::onTextMessage(const QString &message)
{
    QJsonParseError pe;
    // The socket already refused anything past MaxRoomMessageBytes.
    const QJsonDocument doc = QJsonDocument::fromJson(message.toUtf8(), &pe);
    const QJsonObject o = doc.object();
    const QJsonValue type = o.value(wire::key::Type);
    if (pe.error != QJsonParseError::NoError || !doc.isObject() || !type.isString()) {
        ++m_malformed;
        qCWarning(lcFeed) << "malformed room message dropped";
        return;
    }
    const QString t = type.toString();
    const QJsonObject data = o.value(wire::key::Data).toObject();
    if (t == wire::event::Welcome) {
        m_serverPushes = data.value(wire::key::SnapshotPush).toBool();
        const QString role = data.value(wire::key::Role).toString();
        const bool endpoints = data.value(wire::key::Actions).toBool();
        m_role = role == wire::role::Operator || role == wire::role::Viewer ? role : QString();
        m_operatorEndpoints = endpoints;
        Q_EMIT roleChanged(); // every welcome: it may be another backend now
    } else if (t == wire::event::Snapshot) {
        QString error;
        std::optional<Snapshot> s = enrichment::SnapshotParser::parseSnapshot(data, &error);
        if (!s) {
            ++m_malformed;
            qCWarning(lcFeed).noquote() << "bad pushed snapshot dropped:" << error;
            return;
        }
        if (!s->timestamp.isValid())
            s->timestamp = QDateTime::fromMSecsSinceEpoch(m_now(), Qt::UTC);
        m_lastUpdateMs = m_now();
        setError(QString());
        Q_EMIT snapshotReceived(*s);
    } else if (!m_serverPushes &&
               (t == wire::event::BatchComplete || t == wire::event::BreakerStateChange)) {
        refresh();
    }
    // Through RabbitMQ the envelope names the worker that sent it; consumers of the event
    // find it in the data, as `worker` (unless the data already has one of its own).
    QJsonObject event = data;
    if (const QString worker = o.value(wire::key::Worker).toString().left(128);
        !worker.isEmpty() && !event.contains(wire::key::Worker))
        event.insert(wire::key::Worker, worker);
    // And when it happened (the envelope's time), so that a snapshot taken before it can
    // be told apart from one taken after.
    if (!event.contains(wire::key::Timestamp) && o.value(wire::key::Timestamp).isString())
        event.insert(wire::key::Timestamp, o.value(wire::key::Timestamp).toString().left(64));
    Q_EMIT eventReceived(t, event);
}

void BackendFeed::onPingTick()
{
    if (m_now() - m_lastPongMs > 3LL * m_pingTimer.interval() + 500) {
        qCInfo(lcFeed) << "no pong from the backend; reconnecting";
        m_socket.abort(); // disconnected -> scheduleReconnect()
        return;
    }
    m_socket.ping();
}

} // namespace dashboard
