// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <optional>

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QPair>
#include <QSslConfiguration>
#include <QString>
#include <QTcpServer>

namespace enrichment {

/// The head of one HTTP request as the guard parsed it (request line and header fields).
struct RequestHead
{
    QByteArray method;                           ///< as sent (methods are case-sensitive)
    QByteArray target;                           ///< request target, e.g. `/ws?room_id=x`
    QByteArray version;                          ///< `HTTP/1.0` or `HTTP/1.1`
    QList<QPair<QByteArray, QByteArray>> fields; ///< names lower-cased, values trimmed

    /// The path part of the target (before `?`).
    QByteArray path() const;
    /// The first value of field @p lowerName, or a null QByteArray.
    QByteArray value(const QByteArray &lowerName) const;
    /// True if any comma-separated element of field @p lowerName equals @p token
    /// (case-insensitive).
    bool hasToken(const QByteArray &lowerName, const QByteArray &token) const;
    bool isWebSocketUpgrade() const;
};

/// An answer the guard sends instead of handing the request to the HTTP server.
struct Rejection
{
    int status = 400;
    QByteArray code;         ///< machine-readable error code in the JSON body
    QString message;         ///< human-readable reason
    QByteArray extraHeaders; ///< e.g. "Allow: GET\r\n"
};

/// Parses and checks one request head: its lines, each ending in CRLF, without the blank
/// line that ends the head.
/// Returns the parsed head, or the rejection for a malformed one: a bad request line, a
/// field without a name, obsolete line folding, an unsupported HTTP version, an invalid or
/// ambiguous `Content-Length`, or `Transfer-Encoding` (request bodies need a length).
/// @p contentLength receives the body length (0 without the field).
std::optional<Rejection> parseRequestHead(const QByteArray &head, RequestHead *out,
                                          qint64 *contentLength);

/// The TCP server under QHttpServer. It watches every byte a client sends before the
/// HTTP server reads it, and enforces what Qt 6.4's HTTP server does not:
///
/// - **A deadline per request**: a request (head and body) must arrive and be answered
///   within `requestTimeoutMs` of its first byte. Trickling bytes does not extend it. The
///   connection then gets `408` and is closed.
/// - **An idle limit**: a keep-alive connection with no request in flight is closed after
///   `idleTimeoutMs`.
/// - **A size cap**: a head or body past `maxRequestBytes` gets `431`/`413` and the
///   connection is closed; nothing past the cap is buffered.
/// - **WebSocket upgrades keep both** until the server writes its `101` answer; from then
///   on the WebSocket layer's own frame limits and pings take over.
/// - **Strict heads**: malformed request lines, bad `Content-Length` values and chunked
///   bodies are refused with `400`/`411`; `Connection: close` and HTTP/1.0 requests are
///   answered and then the connection is closed.
/// - **An admission check** (setAdmission()) sees each complete head first and may refuse
///   it (unknown methods, unauthorised or cross-origin WebSocket upgrades); a refused
///   request never reaches the HTTP server, so no `101` can follow a refusal.
/// - **A connection cap**: past `maxConnections` open connections (WebSockets included),
///   or within `reservedDescriptors` of the process's descriptor limit, a new connection
///   gets `503` and is closed at once. When accepting fails for lack of descriptors the
///   server pauses accepting and retries with a growing delay instead of spinning.
/// - **TLS** (setTls()): every connection is encrypted (HTTPS and WSS on the same port);
///   the handshake counts against the first request's deadline. The sockets handed to
///   the HTTP server are `QSslSocket`s, so everything above reads and writes plain text.
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
public:
    struct Limits
    {
        qint64 maxRequestBytes = 1024 * 1024;
        int requestTimeoutMs = 10'000;
        int idleTimeoutMs = 30'000;
        int maxConnections = 512;
        int reservedDescriptors = 32;
    };
    using Admission = std::function<std::optional<Rejection>(const RequestHead &)>;

    explicit GuardedTcpServer(const Limits &limits, QObject *parent = nullptr);
    ~GuardedTcpServer() override;

    /// Call after listen(): watches the listening socket so that, with no descriptor
    /// left, accepting pauses and retries with a growing delay (Qt 6.4 would retry at
    /// once, forever, at 100 % CPU).
    void guardAccepts();

    void setAdmission(Admission admission) { m_admission = std::move(admission); }
    /// Serve TLS with @p config (local certificate and private key set).
    void setTls(const QSslConfiguration &config) { m_tls = config; }
    const std::optional<QSslConfiguration> &tls() const { return m_tls; }
    const Admission &admission() const { return m_admission; }
    const Limits &limits() const { return m_limits; }

    /// Open connections, WebSockets included.
    int connectionCount() const { return m_live; }
    /// Connections refused at accept time (cap or descriptor limit) since start.
    qint64 refusedCount() const { return m_refused; }

    /// Called by each connection's socket when it is destroyed.
    void connectionClosed() { --m_live; }

    /// Writes a complete HTTP error response with a JSON body `{"error": {code, message}}`.
    static QByteArray errorResponse(const Rejection &r);

protected:
    void incomingConnection(qintptr socketDescriptor) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void refuse(qintptr socketDescriptor, const char *why);
    void onAcceptError(QAbstractSocket::SocketError error);
    /// Pauses accepting and resumes after the next backoff delay (50 ms doubling to 1 s).
    void backOff(const QString &why);

    Limits m_limits;
    Admission m_admission;
    std::optional<QSslConfiguration> m_tls;
    int m_live = 0;
    qint64 m_refused = 0;
    int m_acceptBackoffMs = 0;
    bool m_paused = false;
    QElapsedTimer m_lastRefusalLog;
};

} // namespace enrichment
