// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "MonitoringServer.h"

#include <algorithm>

#include <QDateTime>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QHttpServerResponse>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMetaMethod>
#include <QTcpServer>
#include <QUrlQuery>
#include <QWebSocket>

#include "Auth.h"
#include "GuardedTcpServer.h"
#include "enrichment/MonitoringProvider.h"
#include "RoomMessages.h"
#include "enrichment/Clock.h"
#include "enrichment/WireFormat.h"

Q_LOGGING_CATEGORY(lcServer, "enrichment.backend.server")

namespace enrichment {

namespace {
using Status = QHttpServerResponse::StatusCode;

QHttpServerResponse jsonResponse(const QJsonObject &body, Status status = Status::Ok)
{
    QHttpServerResponse r(QByteArrayLiteral("application/json"),
                          QJsonDocument(body).toJson(QJsonDocument::Compact), status);
    r.addHeader(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    return r;
}

QHttpServerResponse errorResponse(Status status, const QString &code, const QString &message)
{
    return jsonResponse(QJsonObject{{wire::key::Error, QJsonObject{{wire::key::Code, code},
                                                                   {wire::key::Message, message}}}},
                        status);
}

QHttpServerResponse methodNotAllowed()
{
    QHttpServerResponse r = errorResponse(Status::MethodNotAllowed, wire::code::MethodNotAllowed,
                                          QStringLiteral("only GET is supported on this path"));
    r.addHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("GET"));
    return r;
}

bool isGet(const QHttpServerRequest &req)
{
    return req.method() == QHttpServerRequest::Method::Get;
}

QHttpServerResponse unauthorized()
{
    QHttpServerResponse r = errorResponse(Status::Unauthorized, wire::code::Unauthorized,
                                          QStringLiteral("missing or wrong bearer token"));
    r.addHeader(QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Bearer"));
    return r;
}

QHttpServerResponse reply(const ApiReply &r)
{
    return jsonResponse(r.body, Status(r.status));
}

/// True if @p contentType names JSON (`application/json`, parameters allowed).
bool isJson(const QByteArray &contentType)
{
    return contentType.split(';').constFirst().trimmed().toLower() ==
           QByteArrayLiteral("application/json");
}
} // namespace

MonitoringServer::MonitoringServer(MonitoringProvider &provider, const Config &config,
                                   QObject *parent)
    : QObject(parent), m_provider(provider), m_config(config)
{
    m_uptime.start();

    m_http.route(wire::path::Metrics, [this](const QHttpServerRequest &req) {
        if (!isGet(req))
            return methodNotAllowed();
        return QHttpServerResponse(QByteArrayLiteral("text/plain; version=0.0.4; charset=utf-8"),
                                   m_provider.metrics());
    });
    m_http.route(wire::path::Health, [this](const QHttpServerRequest &req) {
        if (!isGet(req))
            return methodNotAllowed();
        bool healthy = true;
        QJsonObject body = m_provider.health(&healthy);
        // What the caller's token (if any) may do, so a client can offer only that.
        body.insert(wire::key::Role,
                    toWire(roleFor(req.value(QByteArrayLiteral("Authorization")))));
        return jsonResponse(body, healthy ? Status::Ok : Status::ServiceUnavailable);
    });
    m_http.route(wire::path::Snapshot, [this](const QHttpServerRequest &req) {
        if (!authorized(req.value(QByteArrayLiteral("Authorization"))))
            return errorResponse(Status::Unauthorized, wire::code::Unauthorized,
                                 QStringLiteral("missing or wrong bearer token"));
        if (!isGet(req))
            return methodNotAllowed();
        return jsonResponse(m_provider.snapshot());
    });
    m_http.route(wire::path::History, [this](const QHttpServerRequest &req) {
        if (!authorized(req.value(QByteArrayLiteral("Authorization"))))
            return errorResponse(Status::Unauthorized, wire::code::Unauthorized,
                                 QStringLiteral("missing or wrong bearer token"));
        if (!isGet(req))
            return methodNotAllowed();
        int minutes = 60;
        const QUrlQuery query = req.query();
        if (query.hasQueryItem(wire::key::Minutes)) {
            bool ok = false;
            const QString raw = query.queryItemValue(wire::key::Minutes);
            minutes = raw.toInt(&ok);
            if (!ok || minutes < 1 || minutes > m_config.maxHistoryMinutes)
                return errorResponse(Status::BadRequest, wire::code::BadParameter,
                                     QStringLiteral("minutes must be an integer from 1 to %1")
                                         .arg(m_config.maxHistoryMinutes));
        }
        return jsonResponse(m_provider.history(minutes));
    });
    // The operator endpoints: reads for viewers, actions for operators. One track,
    // `/tracks/{id}`, is answered by the missing handler below: an id may hold an escaped
    // '/', which the router sees decoded and no path argument matches.
    m_http.route(wire::path::Tracks, [this](const QHttpServerRequest &req) {
        return operatorRead(req, [&] { return m_provider.tracks(req.query()); });
    });
    m_http.route(wire::path::Failures, [this](const QHttpServerRequest &req) {
        return operatorRead(req, [&] { return m_provider.failures(); });
    });
    m_http.route(wire::path::Audit, [this](const QHttpServerRequest &req) {
        return operatorRead(req, [&] { return m_provider.audit(req.query()); });
    });
    m_http.route(QString(wire::path::Actions) + QStringLiteral("/<arg>"),
                 [this](const QString &action, const QHttpServerRequest &req) {
                     return operatorAction(action, req);
                 });
    // The WebSocket upgrade happens only if this handler writes nothing (Qt 6.4).
    m_http.route(wire::path::Room, [this](const QHttpServerRequest &req,
                                          QHttpServerResponder &&responder) {
        const bool upgrade =
            req.value(QByteArrayLiteral("Upgrade")).compare("websocket", Qt::CaseInsensitive) == 0;
        if (!authorized(req.value(QByteArrayLiteral("Authorization")))) {
            errorResponse(Status::Unauthorized, wire::code::Unauthorized,
                          QStringLiteral("missing or wrong bearer token"))
                .write(std::move(responder));
            return;
        }
        if (!upgrade) {
            errorResponse(Status::BadRequest, wire::code::WebSocketRequired,
                          QStringLiteral("this path only accepts WebSocket upgrades"))
                .write(std::move(responder));
        }
    });
    m_http.setMissingHandler([this](const QHttpServerRequest &req,
                                    QHttpServerResponder &&responder) {
        const QString trackPrefix = QString(wire::path::Tracks) + QLatin1Char('/');
        const QString path = req.url().path(QUrl::FullyEncoded);
        if (path.startsWith(trackPrefix) && path.size() > trackPrefix.size()) {
            // Decoded as sent: an id outside the alphabet is refused, not changed.
            const QString id = wire::percentDecodedUtf8(QStringView(path).mid(trackPrefix.size()))
                                   .value_or(QString(QChar(0xD800)));
            operatorRead(req, [&] { return m_provider.track(id); }).write(std::move(responder));
            return;
        }
        errorResponse(Status::NotFound, wire::code::NotFound,
                      QStringLiteral("no such path: %1").arg(req.url().path().left(200)))
            .write(std::move(responder));
    });
    connect(&m_http, &QAbstractHttpServer::newWebSocketConnection, this,
            &MonitoringServer::onNewWebSocket);

    connect(&m_slowTimer, &QTimer::timeout, this, &MonitoringServer::dropSlowClients);
    m_slowTimer.start(250);
    connect(&m_pingTimer, &QTimer::timeout, this, &MonitoringServer::pingClients);
    if (m_config.pingIntervalMs > 0)
        m_pingTimer.start(m_config.pingIntervalMs);
}

qint64 MonitoringServer::nowMs() const
{
    return m_config.clock ? m_config.clock->nowMs() : QDateTime::currentMSecsSinceEpoch();
}

MonitoringServer::~MonitoringServer()
{
    for (Client &c : m_clients) {
        c.socket->disconnect(this);
        c.socket->close(QWebSocketProtocol::CloseCodeGoingAway,
                        QStringLiteral("server shutting down"));
    }
    m_clients.clear();
}

const QList<QByteArray> &MonitoringServer::knownPaths()
{
    static const QList<QByteArray> paths = [] {
        QList<QByteArray> out;
        for (QLatin1String p :
             {wire::path::Metrics, wire::path::Health, wire::path::Snapshot, wire::path::History,
              wire::path::Tracks, wire::path::Failures, wire::path::Audit, wire::path::Room})
            out.append(QByteArray(p.data(), p.size()));
        return out;
    }();
    return paths;
}

int MonitoringServer::connectionCount() const
{
    return m_tcp ? m_tcp->connectionCount() : 0;
}

bool MonitoringServer::originAllowed(const QByteArray &origin) const
{
    if (origin.isNull())
        return true; // not a browser: browsers always send Origin on WebSocket handshakes
    for (const QString &allowed : m_config.allowedOrigins) {
        if (allowed == QLatin1String("*") ||
            QString::fromLatin1(origin).compare(allowed, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

std::optional<Rejection> MonitoringServer::admit(const RequestHead &head) const
{
    static const QList<QByteArray> handledMethods = {"GET",    "HEAD",  "POST",   "PUT",
                                                     "DELETE", "PATCH", "OPTIONS"};
    const bool known = knownPaths().contains(head.path());
    if (!handledMethods.contains(head.method)) {
        // Methods the HTTP layer does not route (TRACE, CONNECT, lower case, invented).
        if (!known)
            return Rejection{
                404,
                QByteArray(wire::code::NotFound.latin1()),
                QStringLiteral("no such path: %1").arg(QString::fromLatin1(head.path().left(200))),
                {}};
        return Rejection{405, QByteArray(wire::code::MethodNotAllowed.latin1()),
                         QStringLiteral("only GET is supported on this path"),
                         QByteArrayLiteral("Allow: GET\r\n")};
    }
    if (head.path() == wire::path::Room.latin1() && head.isWebSocketUpgrade()) {
        if (!authorized(head.value("authorization")))
            return Rejection{401, QByteArray(wire::code::Unauthorized.latin1()),
                             QStringLiteral("missing or wrong bearer token"),
                             QByteArrayLiteral("WWW-Authenticate: Bearer\r\n")};
        if (!originAllowed(head.value("origin"))) {
            qCWarning(lcServer).noquote() << "refusing WebSocket from browser origin"
                                          << QString::fromLatin1(head.value("origin").left(100))
                                          << "(allow it with --allow-origin)";
            return Rejection{403,
                             QByteArray(wire::code::OriginNotAllowed.latin1()),
                             QStringLiteral("WebSocket connections from origin %1 are not allowed")
                                 .arg(QString::fromLatin1(head.value("origin").left(100))),
                             {}};
        }
    }
    return std::nullopt;
}

bool MonitoringServer::listen(QString *error)
{
    GuardedTcpServer::Limits limits;
    limits.maxRequestBytes = m_config.maxRequestBytes;
    limits.idleTimeoutMs = m_config.idleTimeoutMs;
    limits.requestTimeoutMs = m_config.requestTimeoutMs;
    limits.maxConnections = m_config.maxConnections;
    m_tcp = new GuardedTcpServer(limits, this);
    m_tcp->setAdmission([this](const RequestHead &head) { return admit(head); });
    if (m_config.tls)
        m_tcp->setTls(*m_config.tls);
    if (!m_tcp->listen(m_config.address, m_config.port)) {
        if (error)
            *error = QStringLiteral("cannot listen on %1:%2: %3")
                         .arg(m_config.address.toString())
                         .arg(m_config.port)
                         .arg(m_tcp->errorString());
        delete m_tcp;
        m_tcp = nullptr;
        return false;
    }
    m_tcp->guardAccepts();
    m_http.bind(m_tcp);
    m_port = m_tcp->serverPort();
    return true;
}

Role MonitoringServer::roleFor(const QByteArray &authorizationHeader, QString *actor) const
{
    if (m_config.viewers.isEmpty() && m_config.operators.isEmpty()) {
        // No token at all: only a loopback server lets its callers act.
        if (actor)
            *actor = wire::role::LocalActor;
        return m_config.address.isLoopback() ? Role::Operator : Role::Viewer;
    }
    if (const Credential *c = matchCredential(authorizationHeader, m_config.operators)) {
        if (actor)
            *actor = c->name;
        return Role::Operator;
    }
    if (const Credential *c = matchCredential(authorizationHeader, m_config.viewers)) {
        if (actor)
            *actor = c->name;
        return Role::Viewer;
    }
    return Role::None;
}

QHttpServerResponse MonitoringServer::operatorRead(const QHttpServerRequest &req,
                                                   const std::function<ApiReply()> &answer) const
{
    if (!authorized(req.value(QByteArrayLiteral("Authorization"))))
        return unauthorized();
    if (!isGet(req))
        return methodNotAllowed();
    return reply(answer());
}

QHttpServerResponse MonitoringServer::operatorAction(const QString &action,
                                                     const QHttpServerRequest &req)
{
    QString actor;
    const Role role = roleFor(req.value(QByteArrayLiteral("Authorization")), &actor);
    if (role == Role::None)
        return unauthorized();
    if (req.method() != QHttpServerRequest::Method::Post) {
        QHttpServerResponse r =
            errorResponse(Status::MethodNotAllowed, wire::code::MethodNotAllowed,
                          QStringLiteral("actions are POST requests"));
        r.addHeader(QByteArrayLiteral("Allow"), QByteArrayLiteral("POST"));
        return r;
    }
    const QByteArray origin = req.value(QByteArrayLiteral("Origin"));
    if (!originAllowed(origin)) {
        qCWarning(lcServer).noquote()
            << "refusing an action from browser origin" << QString::fromLatin1(origin.left(100));
        return errorResponse(Status::Forbidden, wire::code::OriginNotAllowed,
                             QStringLiteral("actions from origin %1 are not allowed")
                                 .arg(QString::fromLatin1(origin.left(100))));
    }
    if (!isJson(req.value(QByteArrayLiteral("Content-Type"))))
        return errorResponse(Status::UnsupportedMediaType, wire::code::UnsupportedMediaType,
                             QStringLiteral("an action's body must be sent as "
                                            "Content-Type: application/json"));
    if (role != Role::Operator)
        return errorResponse(
            Status::Forbidden, wire::code::Forbidden,
            m_config.operators.isEmpty() && m_config.viewers.isEmpty()
                ? QStringLiteral("actions are refused: this server is reachable beyond loopback "
                                 "and has no operator tokens (--operator-token-file)")
                : QStringLiteral("this token may read but not act; actions need an operator "
                                 "token"));
    return reply(m_provider.act(action, req.body(), actor));
}

void MonitoringServer::onNewWebSocket()
{
    while (m_http.hasPendingWebSocketConnections()) {
        std::unique_ptr<QWebSocket> socket = m_http.nextPendingWebSocketConnection();
        if (socket)
            addClient(std::move(socket));
    }
}

void MonitoringServer::addClient(std::unique_ptr<QWebSocket> socket)
{
    const QUrlQuery query(socket->requestUrl());
    const QString room = query.queryItemValue(wire::RoomIdParameter);
    QWebSocket *raw = socket.get();
    // Refuse oversized frames and messages as they arrive, not after buffering them.
    raw->setMaxAllowedIncomingFrameSize(quint64(m_config.maxIncomingMessageBytes));
    raw->setMaxAllowedIncomingMessageSize(quint64(m_config.maxIncomingMessageBytes));
    if (!authorized(raw->request().rawHeader("Authorization"))) {
        // Unreachable while the guard admits upgrades; kept as a second line of defence.
        raw->abort();
        raw->deleteLater();
        socket.release();
        return;
    }
    if (room != wire::RoomId) {
        qCInfo(lcServer).noquote() << "rejecting WebSocket for unknown room" << room.left(64);
        raw->close(QWebSocketProtocol::CloseCodePolicyViolated,
                   room.isEmpty() ? QStringLiteral("room_id is required")
                                  : QStringLiteral("unknown room: %1").arg(room.left(64)));
        connect(raw, &QWebSocket::disconnected, raw, &QObject::deleteLater);
        socket.release();
        return;
    }
    connect(raw, &QWebSocket::textMessageReceived, this,
            [this, raw](const QString &msg) { onClientMessage(raw, msg); });
    connect(raw, &QWebSocket::binaryMessageReceived, this, [this, raw](const QByteArray &) {
        if (find(raw))
            sendTo(raw, roomEnvelope(wire::event::Error,
                                     QJsonObject{{wire::key::Message,
                                                  QStringLiteral("binary messages are not "
                                                                 "supported")}},
                                     nowMs()));
    });
    connect(raw, &QWebSocket::pong, this, [this, raw](quint64, const QByteArray &) {
        if (Client *c = find(raw))
            c->lastSeenMs = m_uptime.elapsed();
    });
    // What the client is owed is what waits in its socket's write buffer: our messages,
    // our answers and the pongs the WebSocket layer sends by itself for its pings. It is
    // read at most this much per event-loop turn, and checked at every send of ours.
    raw->setReadBufferSize(ClientReadBufferBytes);
    // The pongs for its protocol pings are written by the WebSocket layer itself and no
    // public signal says so: the frame reader's own `pingReceived` does (connected after
    // the layer's, so it runs once the pong is queued). Without it (another Qt), the
    // check every 250 ms still holds, more loosely.
    const int onPinged = metaObject()->indexOfSlot("onClientPinged()");
    for (QObject *child : raw->children()) {
        const int pinged = child->metaObject()->indexOfSignal("pingReceived(QByteArray)");
        if (pinged >= 0 && onPinged >= 0)
            QObject::connect(child, child->metaObject()->method(pinged), this,
                             metaObject()->method(onPinged));
    }
    connect(raw, &QWebSocket::disconnected, this, [this, raw] { removeClient(raw); });

    m_clients.push_back(Client{std::move(socket), m_uptime.elapsed()});
    Q_EMIT clientCountChanged(clientCount());
    const Role role = roleFor(raw->request().rawHeader("Authorization"));
    sendTo(raw,
           roomEnvelope(wire::event::Welcome,
                        QJsonObject{{wire::RoomIdParameter, wire::RoomId},
                                    {wire::key::SchemaVersion, wire::SchemaVersion},
                                    {wire::key::SnapshotPush, m_config.pushSnapshots},
                                    {wire::key::ServerVersion, QStringLiteral(ENRICHMENT_VERSION)},
                                    {wire::key::Role, toWire(role)},
                                    {wire::key::Actions, true}},
                        nowMs()));
}

MonitoringServer::Client *MonitoringServer::find(QWebSocket *socket)
{
    auto it = std::find_if(m_clients.begin(), m_clients.end(),
                           [socket](const Client &c) { return c.socket.get() == socket; });
    return it == m_clients.end() ? nullptr : &*it;
}

void MonitoringServer::removeClient(QWebSocket *socket)
{
    auto it = std::find_if(m_clients.begin(), m_clients.end(),
                           [socket](const Client &c) { return c.socket.get() == socket; });
    if (it == m_clients.end())
        return;
    QWebSocket *s = it->socket.release();
    s->disconnect(this);
    s->deleteLater();
    m_clients.erase(it);
    Q_EMIT clientCountChanged(clientCount());
}

void MonitoringServer::onClientMessage(QWebSocket *socket, const QString &message)
{
    Client *c = find(socket);
    if (!c)
        return;
    if (c->dropping)
        return; // owed too much already: not even an answer
    c->lastSeenMs = m_uptime.elapsed();
    c = nullptr; // sendTo() below may remove the client
    const QString reply = roomReplyTo(message, m_config.maxIncomingMessageBytes, nowMs());
    if (reply.contains(QLatin1String("\"type\":\"error\"")))
        qCInfo(lcServer) << "malformed or unknown WebSocket message answered with an error";
    sendTo(socket, reply);
}

void MonitoringServer::sendTo(QWebSocket *socket, const QString &message)
{
    if (const Client *c = find(socket); c && c->dropping)
        return;
    socket->sendTextMessage(message);
    // A failed write can disconnect the socket right here and remove it from m_clients.
    checkOwed(socket);
}

void MonitoringServer::onClientPinged()
{
    if (auto *socket = qobject_cast<QWebSocket *>(sender() ? sender()->parent() : nullptr))
        checkOwed(socket);
}

void MonitoringServer::checkOwed(QWebSocket *socket)
{
    Client *c = find(socket);
    if (c && !c->dropping && socket->bytesToWrite() > m_config.maxClientBufferBytes)
        drop(*c);
}

void MonitoringServer::drop(Client &c)
{
    if (c.dropping)
        return;
    c.dropping = true;
    const qint64 owed = c.socket->bytesToWrite();
    m_largestDropOwed = std::max(m_largestDropOwed, owed);
    qCWarning(lcServer) << "dropping slow WebSocket client with" << owed << "unsent bytes";
    QWebSocket *socket = c.socket.get();
    QMetaObject::invokeMethod(
        this,
        [this, socket] {
            if (find(socket))
                socket->abort();
        },
        Qt::QueuedConnection);
}

void MonitoringServer::dropSlowClients()
{
    // Every send of ours checks what a client is owed, and so does every protocol ping
    // where the frame reader's signal was found; this timer catches the rest (pongs the
    // WebSocket layer wrote without it). drop() defers the abort, which would erase the
    // client from m_clients under this loop.
    for (Client &c : m_clients)
        if (!c.dropping && c.socket->bytesToWrite() > m_config.maxClientBufferBytes)
            drop(c);
}

void MonitoringServer::broadcast(const QString &type, const QJsonObject &data)
{
    broadcastText(roomEnvelope(type, data, nowMs()));
}

void MonitoringServer::broadcastText(const QString &message)
{
    // A socket may disconnect inside sendTo() and leave m_clients; iterate over a copy of
    // the pointers so the vector may change.
    std::vector<QWebSocket *> sockets;
    sockets.reserve(m_clients.size());
    for (const Client &c : m_clients)
        sockets.push_back(c.socket.get());
    for (QWebSocket *s : sockets) {
        if (find(s))
            sendTo(s, message);
    }
}

void MonitoringServer::pingClients()
{
    const qint64 now = m_uptime.elapsed();
    std::vector<QWebSocket *> stale, alive;
    for (const Client &c : m_clients) {
        if (m_config.pingIntervalMs > 0 && now - c.lastSeenMs > 3LL * m_config.pingIntervalMs)
            stale.push_back(c.socket.get());
        else
            alive.push_back(c.socket.get());
    }
    for (QWebSocket *s : alive) {
        if (find(s))
            s->ping();
    }
    for (QWebSocket *s : stale) {
        if (!find(s))
            continue;
        qCInfo(lcServer) << "dropping WebSocket client that stopped answering pings";
        s->abort();
    }
}

} // namespace enrichment
