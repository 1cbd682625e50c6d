// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "GuardedTcpServer.h"

#include <QEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPointer>
#include <QLoggingCategory>
#include <QSocketNotifier>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTimer>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <unistd.h>

#include "enrichment/WireFormat.h"
#endif

Q_DECLARE_LOGGING_CATEGORY(lcServer)

namespace enrichment {

namespace {

bool isTokenChar(char c)
{
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
        return true;
    return QByteArrayView("!#$%&'*+-.^_`|~").contains(c);
}

bool isToken(const QByteArray &s)
{
    if (s.isEmpty())
        return false;
    for (char c : s)
        if (!isTokenChar(c))
            return false;
    return true;
}

bool isTargetChar(char c)
{
    return c > 0x20 && c < 0x7f;
}

Rejection bad(const QString &message)
{
    return Rejection{400, QByteArray(wire::code::BadRequest.latin1()), message, {}};
}

const char *reasonPhrase(int status)
{
    switch (status) {
    case 400: return "Bad Request";
    case 401: return "Unauthorized";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Payload Too Large";
    case 431: return "Request Header Fields Too Large";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Error";
    }
}

} // namespace

QByteArray RequestHead::path() const
{
    const qsizetype q = target.indexOf('?');
    return q < 0 ? target : target.left(q);
}

QByteArray RequestHead::value(const QByteArray &lowerName) const
{
    for (const auto &f : fields)
        if (f.first == lowerName)
            return f.second;
    return {};
}

bool RequestHead::hasToken(const QByteArray &lowerName, const QByteArray &token) const
{
    for (const auto &f : fields) {
        if (f.first != lowerName)
            continue;
        for (const QByteArray &part : f.second.split(','))
            if (part.trimmed().compare(token, Qt::CaseInsensitive) == 0)
                return true;
    }
    return false;
}

bool RequestHead::isWebSocketUpgrade() const
{
    return hasToken("upgrade", "websocket") && hasToken("connection", "upgrade");
}

std::optional<Rejection> parseRequestHead(const QByteArray &head, RequestHead *out,
                                          qint64 *contentLength)
{
    *contentLength = 0;
    QList<QByteArray> lines = head.split('\n');
    if (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast(); // after the last line's CRLF
    QList<QByteArray> clean;
    clean.reserve(lines.size());
    for (const QByteArray &l : lines) {
        if (!l.endsWith('\r'))
            return bad(QStringLiteral("header lines must end with CRLF"));
        clean << l.chopped(1);
    }
    const QList<QByteArray> requestLine = clean.value(0).split(' ');
    if (requestLine.size() != 3 || !isToken(requestLine[0]) || requestLine[1].isEmpty())
        return bad(QStringLiteral("malformed request line"));
    for (char c : requestLine[1])
        if (!isTargetChar(c))
            return bad(QStringLiteral("malformed request target"));
    out->method = requestLine[0];
    out->target = requestLine[1];
    out->version = requestLine[2];
    if (!out->version.startsWith("HTTP/") || out->version.size() != 8)
        return bad(QStringLiteral("malformed HTTP version"));
    if (out->version != "HTTP/1.1" && out->version != "HTTP/1.0")
        return Rejection{505,
                         QByteArray(wire::code::HttpVersionNotSupported.latin1()),
                         QStringLiteral("only HTTP/1.0 and HTTP/1.1 are supported"),
                         {}};
    out->fields.clear();
    for (qsizetype i = 1; i < clean.size(); ++i) {
        const QByteArray &line = clean[i];
        if (line.startsWith(' ') || line.startsWith('\t'))
            return bad(QStringLiteral("obsolete header line folding is not accepted"));
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0 || !isToken(line.left(colon)))
            return bad(QStringLiteral("malformed header field"));
        out->fields.append({line.left(colon).toLower(), line.mid(colon + 1).trimmed()});
    }

    std::optional<qint64> length;
    for (const auto &f : std::as_const(out->fields)) {
        if (f.first == "transfer-encoding")
            return Rejection{411,
                             QByteArray(wire::code::LengthRequired.latin1()),
                             QStringLiteral("request bodies need a Content-Length; "
                                            "Transfer-Encoding is not accepted"),
                             {}};
        if (f.first != "content-length")
            continue;
        for (const QByteArray &raw : f.second.split(',')) {
            const QByteArray v = raw.trimmed();
            bool digits = !v.isEmpty() && v.size() <= 18;
            for (char c : v)
                digits = digits && c >= '0' && c <= '9';
            if (!digits)
                return bad(QStringLiteral("Content-Length must be a non-negative integer"));
            const qint64 n = v.toLongLong();
            if (length && *length != n)
                return bad(QStringLiteral("conflicting Content-Length values"));
            length = n;
        }
    }
    *contentLength = length.value_or(0);
    return std::nullopt;
}

/// One guarded connection (see GuardedTcpServer). It sees every chunk a client sends
/// before the HTTP server reads it, and every byte the server writes (to count answers
/// per request and to notice the WebSocket handshake's `101`). @p Base is QTcpSocket, or
/// QSslSocket when serving TLS (an unencrypted QSslSocket does not report written bytes
/// the way a QTcpSocket does, which the room's slow-client accounting relies on).
template<class Base> class GuardedSocket final : public Base
{
public:
    using Base::abort;
    using Base::bytesAvailable;
    using Base::bytesToWrite;
    using Base::disconnectFromHost;
    using Base::peek;
    using Base::skip;
    using Base::write;
    using QObject::connect;

    ~GuardedSocket() override
    {
        // Not a connection to destroyed(): QHttpServer drops every connection to the
        // socket's signals when it upgrades it to a WebSocket.
        if (m_server)
            m_server->connectionClosed();
    }

    explicit GuardedSocket(GuardedTcpServer *server)
        : Base(server), m_server(server), m_limits(server->limits())
    {
        m_deadline.setSingleShot(true);
        m_idle.setSingleShot(true);
        connect(&m_deadline, &QTimer::timeout, this, &GuardedSocket::onDeadline);
        connect(&m_idle, &QTimer::timeout, this, [this] {
            qCDebug(lcServer) << "closing idle keep-alive connection";
            abort();
        });
        // Connected before QHttpServer's own slot, so this sees every chunk before the
        // HTTP server reads it, and can swallow what must not reach it.
        connect(this, &QTcpSocket::readyRead, this, &GuardedSocket::onReadyRead);
        connect(this, &QTcpSocket::bytesWritten, this, &GuardedSocket::onBytesWritten);
        // The first request must start (and finish) within the request deadline too.
        m_deadline.start(limits().requestTimeoutMs);
    }

protected:
    qint64 writeData(const char *data, qint64 len) override
    {
        if (m_state != State::WebSocket && m_state != State::Closing) {
            observeOutgoing(QByteArrayView(data, len));
            if (m_upgradeAnswered)
                enterWebSocket();
        }
        return Base::writeData(data, len);
    }

private:
    enum class State { Head, Body, Upgrading, WebSocket, Closing };

    const GuardedTcpServer::Limits &limits() const { return m_limits; }

    void onReadyRead()
    {
        if (m_state == State::WebSocket)
            return;
        const qint64 available = bytesAvailable();
        if (available <= 0)
            return;
        if (m_state == State::Closing) {
            skip(available);
            return;
        }
        if (!m_deadline.isActive()) // a request starts: its deadline runs from here
            m_deadline.start(limits().requestTimeoutMs);
        m_idle.stop();
        m_received += available;
        if (m_state == State::Upgrading) {
            if (m_received > limits().maxRequestBytes)
                reject(Rejection{413,
                                 QByteArray(wire::code::PayloadTooLarge.latin1()),
                                 QStringLiteral("data sent before the WebSocket handshake "
                                                "completed exceeds the request limit"),
                                 {}});
            return;
        }
        QByteArray chunk = peek(available);
        qsizetype pos = 0;
        while (pos < chunk.size() && m_state != State::Closing && m_state != State::Upgrading) {
            if (m_state == State::Body) {
                const qint64 take = std::min<qint64>(m_bodyRemaining, chunk.size() - pos);
                m_bodyRemaining -= take;
                pos += take;
                if (m_bodyRemaining == 0)
                    m_state = State::Head;
                continue;
            }
            // State::Head: gather until the blank line.
            const qsizetype searchFrom = std::max<qsizetype>(0, m_head.size() - 3);
            m_head.append(chunk.constData() + pos, chunk.size() - pos);
            pos = chunk.size();
            const qsizetype end = m_head.indexOf("\r\n\r\n", searchFrom);
            if (!plausibleMethod()) {
                // Not the start of an HTTP request (binary garbage, TLS to a plain port):
                // say so at once rather than wait for a blank line that will not come.
                reject(Rejection{400,
                                 QByteArray(wire::code::BadRequest.latin1()),
                                 QStringLiteral("not an HTTP request"),
                                 {}});
                break;
            }
            if (end < 0) {
                if (m_head.size() > limits().maxRequestBytes)
                    reject(Rejection{431,
                                     QByteArray(wire::code::HeadersTooLarge.latin1()),
                                     QStringLiteral("request headers exceed %1 bytes")
                                         .arg(limits().maxRequestBytes),
                                     {}});
                break;
            }
            const QByteArray headText = m_head.left(end);
            chunk = m_head.mid(end + 4); // body and any pipelined request that follow
            pos = 0;
            m_head.clear();
            if (!startRequest(headText))
                break;
            if (m_bodyRemaining > limits().maxRequestBytes) {
                reject(Rejection{
                    413,
                    QByteArray(wire::code::PayloadTooLarge.latin1()),
                    QStringLiteral("request body exceeds %1 bytes").arg(limits().maxRequestBytes),
                    {}});
                break;
            }
            if (m_state != State::Upgrading)
                m_state = m_bodyRemaining > 0 ? State::Body : State::Head;
        }
        if (m_received > limits().maxRequestBytes && m_state != State::Closing)
            reject(
                Rejection{413,
                          QByteArray(wire::code::PayloadTooLarge.latin1()),
                          QStringLiteral("request exceeds %1 bytes").arg(limits().maxRequestBytes),
                          {}});
    }

    /// False once the bytes gathered so far cannot begin a request line: the method must be
    /// 1 to 32 token characters followed by a space.
    bool plausibleMethod() const
    {
        const qsizetype n = std::min<qsizetype>(m_head.size(), 33);
        for (qsizetype i = 0; i < n; ++i) {
            const char c = m_head.at(i);
            if (c == ' ')
                return i > 0;
            if (!isTokenChar(c))
                return false;
        }
        return n < 33;
    }

    /// Checks a complete head; false (and the connection refused) if it must not pass.
    bool startRequest(const QByteArray &headText)
    {
        RequestHead head;
        qint64 length = 0;
        std::optional<Rejection> r = parseRequestHead(headText + "\r\n", &head, &length);
        if (!r && m_server && m_server->admission())
            r = m_server->admission()(head);
        if (r) {
            reject(*r);
            return false;
        }
        m_bodyRemaining = length;
        m_closeAfter.append(
            head.hasToken("connection", "close") ||
            (head.version == "HTTP/1.0" && !head.hasToken("connection", "keep-alive")));
        if (head.isWebSocketUpgrade())
            m_state = State::Upgrading;
        return true;
    }

    /// Follows the responses the HTTP server writes (each has a Content-Length) and
    /// counts them, so `Connection: close` applies to the answer of its own request.
    void observeOutgoing(QByteArrayView data)
    {
        QByteArray rest;
        while (!data.isEmpty()) {
            if (m_outBody > 0) {
                const qint64 take = std::min<qint64>(m_outBody, data.size());
                m_outBody -= take;
                data = data.sliced(take);
                if (m_outBody == 0)
                    onResponseQueued();
                continue;
            }
            const qsizetype from = std::max<qsizetype>(0, m_outHead.size() - 3);
            m_outHead.append(data);
            data = {};
            const qsizetype end = m_outHead.indexOf("\r\n\r\n", from);
            if (end < 0)
                break;
            const QByteArray head = m_outHead.left(end).toLower();
            rest = m_outHead.mid(end + 4);
            m_outHead.clear();
            if (head.startsWith("http/1.1 101")) {
                m_upgradeAnswered = true; // the WebSocket handshake's answer
                return;
            }
            const qsizetype cl = head.indexOf("\r\ncontent-length:");
            m_outBody = 0;
            if (cl >= 0) {
                const qsizetype from = cl + 17;
                const qsizetype eol = head.indexOf("\r\n", from);
                m_outBody = head.mid(from, eol < 0 ? -1 : eol - from).trimmed().toLongLong();
            }
            if (m_outBody == 0)
                onResponseQueued();
            data = rest;
        }
    }

    void onResponseQueued()
    {
        if (!m_closeAfter.isEmpty() && m_closeAfter.takeFirst())
            m_closeQueued = true;
    }

    /// The server answered the upgrade with 101: the WebSocket layer owns the connection
    /// from here, with its own frame limits and pings. (QHttpServer disconnects every
    /// signal of the socket when it hands it over, so this is decided here, in writeData(),
    /// which is a virtual call and keeps working.)
    void enterWebSocket()
    {
        m_state = State::WebSocket;
        m_deadline.stop();
        m_idle.stop();
        m_head.clear();
        m_head.squeeze();
        m_outHead.clear();
        m_outHead.squeeze();
    }

    void onBytesWritten()
    {
        if (m_state == State::WebSocket || m_state == State::Closing)
            return;
        if (bytesToWrite() > 0)
            return;
        if (m_closeQueued) {
            m_state = State::Closing;
            disconnectFromHost();
            m_deadline.start(2000);
            return;
        }
        m_received = 0;
        if (m_state == State::Head && m_head.isEmpty() && m_closeAfter.isEmpty()) {
            m_deadline.stop();
            m_idle.start(limits().idleTimeoutMs);
        } else {
            m_deadline.start(limits().requestTimeoutMs); // the next pipelined request
        }
    }

    void onDeadline()
    {
        if (m_state == State::WebSocket)
            return;
        if (m_state == State::Closing) {
            abort(); // the peer does not take our last bytes either
            return;
        }
        if (m_state == State::Head && m_head.isEmpty() && m_received == 0) {
            // Nothing was asked: a client that opened a connection ahead of need (HTTP
            // clients keep spares) would read a 408 written now as the answer to the
            // request it sends next. Close it silently, as an idle keep-alive connection.
            qCDebug(lcServer) << "closing connection: no request within"
                              << limits().requestTimeoutMs << "ms";
            abort();
            return;
        }
        qCInfo(lcServer) << "closing connection: request not completed within"
                         << limits().requestTimeoutMs << "ms";
        if (m_state == State::Upgrading) {
            abort();
            return;
        }
        reject(Rejection{408,
                         QByteArray(wire::code::RequestTimeout.latin1()),
                         QStringLiteral("the request was not completed within %1 ms")
                             .arg(limits().requestTimeoutMs),
                         {}});
    }

    void reject(const Rejection &r)
    {
        if (r.status >= 500 || r.status == 408 || r.status == 413 || r.status == 431)
            qCWarning(lcServer).noquote() << "refusing request:" << r.status << r.message;
        else
            qCDebug(lcServer).noquote() << "refusing request:" << r.status << r.message;
        m_state = State::Closing;
        m_head.clear();
        m_head.squeeze();
        skip(bytesAvailable()); // none of it reaches the HTTP server
        write(GuardedTcpServer::errorResponse(r));
        disconnectFromHost();
        // A peer that does not read our answer is cut off shortly after.
        m_idle.stop();
        m_deadline.start(2000);
    }

    QPointer<GuardedTcpServer> m_server; ///< a WebSocket may outlive the server
    const GuardedTcpServer::Limits m_limits;
    QTimer m_deadline;
    QTimer m_idle;
    State m_state = State::Head;
    QByteArray m_head;
    qint64 m_bodyRemaining = 0;
    qint64 m_received = 0;
    QList<bool> m_closeAfter; ///< per request parsed and not yet answered
    bool m_closeQueued = false;
    bool m_upgradeAnswered = false;
    QByteArray m_outHead;
    qint64 m_outBody = 0;
};

GuardedTcpServer::GuardedTcpServer(const Limits &limits, QObject *parent)
    : QTcpServer(parent), m_limits(limits)
{
    connect(this, &QTcpServer::acceptError, this, &GuardedTcpServer::onAcceptError);
    m_lastRefusalLog.invalidate();
}

GuardedTcpServer::~GuardedTcpServer() = default;

QByteArray GuardedTcpServer::errorResponse(const Rejection &r)
{
    const QByteArray body =
        QJsonDocument(
            QJsonObject{
                {wire::key::Error, QJsonObject{{wire::key::Code, QString::fromLatin1(r.code)},
                                               {wire::key::Message, r.message}}},
            })
            .toJson(QJsonDocument::Compact);
    return "HTTP/1.1 " + QByteArray::number(r.status) + ' ' + reasonPhrase(r.status) +
           "\r\nContent-Type: application/json\r\nCache-Control: no-store\r\n"
           "Connection: close\r\n" +
           r.extraHeaders + "Content-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" +
           body;
}

void GuardedTcpServer::refuse(qintptr socketDescriptor, const char *why)
{
    ++m_refused;
    if (!m_lastRefusalLog.isValid() || m_lastRefusalLog.elapsed() > 5000) {
        qCWarning(lcServer) << "refusing new connections:" << why << "(" << m_live << "open,"
                            << m_refused << "refused so far)";
        m_lastRefusalLog.start();
    }
#ifdef Q_OS_UNIX
    const QByteArray answer = errorResponse(
        Rejection{503, QByteArray(wire::code::TooManyConnections.latin1()),
                  QStringLiteral("the server is at its connection limit; retry later"),
                  "Retry-After: 5\r\n"});
    [[maybe_unused]] const auto n = ::send(int(socketDescriptor), answer.constData(),
                                           size_t(answer.size()), MSG_DONTWAIT | MSG_NOSIGNAL);
    ::close(int(socketDescriptor));
#else
    QTcpSocket s;
    s.setSocketDescriptor(socketDescriptor);
    s.abort();
#endif
}

void GuardedTcpServer::incomingConnection(qintptr socketDescriptor)
{
    if (!m_paused)
        m_acceptBackoffMs = 0;
#ifdef Q_OS_UNIX
    rlimit rl{};
    if (::getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY &&
        rlim_t(socketDescriptor) + rlim_t(m_limits.reservedDescriptors) >= rl.rlim_cur) {
        refuse(socketDescriptor, "close to the descriptor limit");
        return;
    }
#endif
    if (m_live >= m_limits.maxConnections) {
        refuse(socketDescriptor, "connection limit reached");
        return;
    }
    QTcpSocket *plain = nullptr;
    GuardedSocket<QSslSocket> *socket = nullptr;
    if (m_tls)
        plain = socket = new GuardedSocket<QSslSocket>(this);
    else
        plain = new GuardedSocket<QTcpSocket>(this);
    if (!plain->setSocketDescriptor(socketDescriptor)) {
        delete plain;
        return;
    }
    ++m_live; // the socket's destructor calls connectionClosed()
    // Answers go out as written: QHttpServer writes a head and a body, and with Nagle's
    // algorithm the body would wait for the peer's delayed ACK of the head (40 ms).
    plain->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (socket) {
        socket->setSslConfiguration(*m_tls);
        connect(socket, &QSslSocket::sslErrors, socket, [socket](const QList<QSslError> &errors) {
            qCInfo(lcServer).noquote()
                << "TLS handshake failed with" << socket->peerAddress().toString() << ":"
                << (errors.isEmpty() ? QString() : errors.first().errorString());
        });
        connect(socket, &QAbstractSocket::errorOccurred, socket,
                [socket](QAbstractSocket::SocketError e) {
                    if (e == QAbstractSocket::SslHandshakeFailedError) {
                        qCDebug(lcServer).noquote()
                            << "TLS handshake failed:" << socket->errorString();
                        socket->abort();
                    }
                });
        socket->startServerEncryption();
    }
    addPendingConnection(plain);
}

void GuardedTcpServer::guardAccepts()
{
    // The listening socket's read notifier belongs to QTcpServer's socket engine, a child.
    for (QSocketNotifier *n : findChildren<QSocketNotifier *>()) {
        if (n->type() == QSocketNotifier::Read)
            n->installEventFilter(this);
    }
}

bool GuardedTcpServer::eventFilter(QObject *watched, QEvent *event)
{
#ifdef Q_OS_UNIX
    if (event->type() == QEvent::SockAct) {
        // A connection is waiting. With no descriptor free, accept() would fail and Qt
        // would try again on the next event-loop turn: check first, and back off.
        const int probe = ::fcntl(0, F_DUPFD_CLOEXEC, 0);
        if (probe < 0 && (errno == EMFILE || errno == ENFILE)) {
            backOff(QStringLiteral("no file descriptor left"));
            return true;
        }
        if (probe >= 0)
            ::close(probe);
    }
#endif
    return QTcpServer::eventFilter(watched, event);
}

void GuardedTcpServer::backOff(const QString &why)
{
    pauseAccepting();
    if (m_paused)
        return;
    m_paused = true;
    m_acceptBackoffMs = m_acceptBackoffMs == 0 ? 50 : std::min(m_acceptBackoffMs * 2, 1000);
    if (m_acceptBackoffMs == 50 || m_acceptBackoffMs == 1000)
        qCWarning(lcServer).noquote()
            << "cannot accept connections:" << why << "- retrying in" << m_acceptBackoffMs << "ms";
    QTimer::singleShot(m_acceptBackoffMs, this, [this] {
        m_paused = false;
        if (isListening())
            resumeAccepting();
    });
}

void GuardedTcpServer::onAcceptError(QAbstractSocket::SocketError error)
{
    // QTcpServer paused accepting; resume after a growing delay rather than at once.
    backOff(QStringLiteral("%1 (%2)").arg(errorString()).arg(int(error)));
}

} // namespace enrichment
