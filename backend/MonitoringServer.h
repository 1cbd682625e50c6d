// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <vector>

#include <QElapsedTimer>
#include <QHostAddress>
#include <QHttpServer>
#include <QObject>
#include <QSslConfiguration>
#include <QTimer>

#include "Auth.h"

class QHttpServerRequest;
class QHttpServerResponse;
class QWebSocket;

namespace enrichment {

class Clock;

class MonitoringProvider;
struct RequestHead;
struct Rejection;

/// The HTTP and WebSocket face of the backend (docs/PROTOCOL.md): `/metrics`,
/// `/monitoring/enrichment`, `/monitoring/enrichment/history`, `/health` and the
/// `enrichment_monitor` WebSocket room at `/ws`.
///
/// - Bad requests get a 4xx JSON error `{"error": {"code", "message"}}`; the server keeps
///   serving.
/// - With tokens configured, `/monitoring/*` and `/ws` need `Authorization: Bearer TOKEN`
///   (compared in constant time); `/metrics` and `/health` stay open for scrapers/probes.
/// - Roles: viewer tokens read, operator tokens also act (POST `/monitoring/enrichment/
///   actions/*`). With no token at all, a loopback server treats every caller as an
///   operator and any other bind refuses actions. A POST must carry `Content-Type:
///   application/json` (415) and an allowed `Origin` if any (403), so that no web page
///   can drive a token-less loopback backend with a form post.
/// - Every connection passes GuardedTcpServer first: request deadlines, size caps, a
///   connection cap, strict request heads; WebSocket upgrades are admitted there (token,
///   `Origin`, method), so a refused upgrade never gets `101`.
/// - broadcast() serialises a message once and sends the same bytes to every client. What
///   a client is owed (broadcasts and its own answers, queued and not yet written to the
///   socket) is counted at every send: past `maxClientBufferBytes` it gets nothing more,
///   its messages are no longer answered, and it is dropped on the next event-loop turn.
/// - Incoming WebSocket frames and messages are capped at `maxIncomingMessageBytes` as
///   they arrive; a client past it is closed with code 1009 (message too big).
/// - Sending to or dropping a client can emit `disconnected` synchronously, which removes
///   it from the client list: no loop holds a reference into the list across such a call.
/// - Clients are pinged every `pingIntervalMs`; one silent for three intervals is dropped.
///
/// Lives on one thread (the backend thread); not thread-safe.
class MonitoringServer final : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QHostAddress address = QHostAddress::LocalHost;
        quint16 port = 8020;
        QList<Credential> viewers;   ///< read; none and no operators: no authentication
        QList<Credential> operators; ///< read and act
        qint64 maxClientBufferBytes = 4 * 1024 * 1024;
        int pingIntervalMs = 30'000;
        int maxHistoryMinutes = 1440;
        qint64 maxRequestBytes = 1024 * 1024;       ///< larger requests get 413/431
        int idleTimeoutMs = 30'000;                 ///< idle keep-alive connections are closed
        int requestTimeoutMs = 10'000;              ///< a request must complete within this
        int maxConnections = 512;                   ///< open connections, WebSockets included
        qint64 maxIncomingMessageBytes = 64 * 1024; ///< WebSocket frame and message cap
        /// Browser origins allowed to open the room (`Origin` header; "*" allows any).
        /// Clients that send no Origin are not browsers and are always allowed.
        QStringList allowedOrigins;
        bool pushSnapshots = false; ///< announced in the welcome message
        /// HTTPS and WSS on the same port when set (see loadServerTls()).
        std::optional<QSslConfiguration> tls;
        /// The time room messages carry; null: the system clock. Must outlive the server.
        const Clock *clock = nullptr;
    };

    /// @p provider must outlive the server.
    MonitoringServer(MonitoringProvider &provider, const Config &config, QObject *parent = nullptr);
    ~MonitoringServer() override;

    /// Serve HTTPS and WSS with @p config; call before listen().
    void setTls(const QSslConfiguration &config) { m_config.tls = config; }
    bool usesTls() const { return m_config.tls.has_value(); }
    /// Now, by the configured clock (what room messages are stamped with).
    qint64 nowMs() const;
    /// Starts listening; false with a reason in @p error when the port cannot be bound.
    bool listen(QString *error = nullptr);
    quint16 port() const { return m_port; }
    int clientCount() const { return int(m_clients.size()); }
    /// The most a client was owed when it was dropped (0: none dropped yet).
    qint64 largestDropOwed() const { return m_largestDropOwed; }
    /// Open TCP connections (HTTP and WebSocket).
    int connectionCount() const;
    /// The paths this server answers; other paths get 404.
    static const QList<QByteArray> &knownPaths();

    /// Sends `{"type", "data", "timestamp"}` to every client of the room.
    void broadcast(const QString &type, const QJsonObject &data);
    /// Sends @p message (a complete JSON envelope) to every room client as it is.
    void broadcastText(const QString &message);
    /// Pings every client now and drops those silent for too long (runs on a timer).
    void pingClients();

Q_SIGNALS:
    void clientCountChanged(int count);

private:
    struct Client
    {
        std::unique_ptr<QWebSocket> socket;
        qint64 lastSeenMs = 0;
        bool dropping = false; ///< past the bound: sent nothing more, aborted soon
    };

    void onNewWebSocket();
    void addClient(std::unique_ptr<QWebSocket> socket);
    void removeClient(QWebSocket *socket);
    void onClientMessage(QWebSocket *socket, const QString &message);
    /// Sends to one client. The socket may disconnect (and leave m_clients) inside.
    void sendTo(QWebSocket *socket, const QString &message);
    void dropSlowClients();
    /// Marks @p c as owed too much and aborts its socket on the next turn (not inside the
    /// signal handler that may be reading from it).
    void drop(Client &c);
    /// A client's protocol ping was answered by the WebSocket layer: check what it is owed.
    Q_SLOT void onClientPinged();
    /// Drops @p socket's client if what it is owed passed the bound.
    void checkOwed(QWebSocket *socket);
    /// A room client's socket reads at most this much per event-loop turn.
    static constexpr qint64 ClientReadBufferBytes = 64 * 1024;
    Client *find(QWebSocket *socket);
    /// What the caller with @p authorizationHeader may do; @p actor gets its name.
    Role roleFor(const QByteArray &authorizationHeader, QString *actor = nullptr) const;
    bool authorized(const QByteArray &authorizationHeader) const
    {
        return roleFor(authorizationHeader) != Role::None;
    }
    /// Answers a read of the operator endpoints (auth, method, then @p answer).
    QHttpServerResponse operatorRead(const QHttpServerRequest &req,
                                     const std::function<struct ApiReply()> &answer) const;
    QHttpServerResponse operatorAction(const QString &action, const QHttpServerRequest &req);
    bool originAllowed(const QByteArray &origin) const;
    std::optional<Rejection> admit(const RequestHead &head) const;

    MonitoringProvider &m_provider;
    Config m_config;
    QHttpServer m_http;
    class GuardedTcpServer *m_tcp = nullptr;
    quint16 m_port = 0;
    std::vector<Client> m_clients;
    QTimer m_pingTimer;
    qint64 m_largestDropOwed = 0;
    QTimer m_slowTimer;
    QElapsedTimer m_uptime;
};

} // namespace enrichment
