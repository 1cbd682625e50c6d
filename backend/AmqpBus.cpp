// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmqpBus.h"

#include <amqp.h>
#include <amqp_tcp_socket.h>

#include <sys/time.h>

#include <tuple>

#include <QLoggingCategory>
#include <QMetaObject>
#include <QUrl>

Q_LOGGING_CATEGORY(lcAmqp, "enrichment.backend.amqp")

namespace enrichment {

namespace {

constexpr amqp_channel_t Channel = 1;

QString replyText(const amqp_rpc_reply_t &r)
{
    switch (r.reply_type) {
    case AMQP_RESPONSE_NORMAL: return {};
    case AMQP_RESPONSE_NONE: return QStringLiteral("no reply from the broker");
    case AMQP_RESPONSE_LIBRARY_EXCEPTION:
        return QString::fromUtf8(amqp_error_string2(r.library_error));
    case AMQP_RESPONSE_SERVER_EXCEPTION:
        if (r.reply.id == AMQP_CONNECTION_CLOSE_METHOD) {
            const auto *m = static_cast<amqp_connection_close_t *>(r.reply.decoded);
            return QStringLiteral("broker closed the connection: %1")
                .arg(QString::fromUtf8(static_cast<const char *>(m->reply_text.bytes),
                                       int(m->reply_text.len)));
        }
        if (r.reply.id == AMQP_CHANNEL_CLOSE_METHOD) {
            const auto *m = static_cast<amqp_channel_close_t *>(r.reply.decoded);
            return QStringLiteral("broker closed the channel: %1")
                .arg(QString::fromUtf8(static_cast<const char *>(m->reply_text.bytes),
                                       int(m->reply_text.len)));
        }
        return QStringLiteral("broker error (method %1)").arg(r.reply.id);
    }
    return QStringLiteral("unknown AMQP reply");
}

/// One AMQP connection with channel 1 open and the exchange declared; closed on scope exit.
class Connection
{
public:
    Connection() : m_conn(amqp_new_connection()) {}
    ~Connection()
    {
        if (m_open) {
            amqp_channel_close(m_conn, Channel, AMQP_REPLY_SUCCESS);
            amqp_connection_close(m_conn, AMQP_REPLY_SUCCESS);
        }
        amqp_destroy_connection(m_conn);
    }
    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    amqp_connection_state_t get() const { return m_conn; }

    bool open(const AmqpBus::Target &t, const QString &exchange, QString *error)
    {
        amqp_socket_t *socket = amqp_tcp_socket_new(m_conn);
        if (!socket) {
            *error = QStringLiteral("cannot create a socket");
            return false;
        }
        timeval timeout{3, 0};
        const QByteArray host = t.host.toUtf8();
        const int status = amqp_socket_open_noblock(socket, host.constData(), t.port, &timeout);
        if (status != AMQP_STATUS_OK) {
            *error = QStringLiteral("cannot connect to %1:%2: %3")
                         .arg(t.host)
                         .arg(t.port)
                         .arg(QString::fromUtf8(amqp_error_string2(status)));
            return false;
        }
        const QByteArray vhost = t.vhost.toUtf8(), user = t.user.toUtf8(),
                         password = t.password.toUtf8();
        // No AMQP heartbeats: a thread that only publishes would not answer them in time.
        // A broker that goes away shows as a failed send or receive instead.
        amqp_rpc_reply_t r =
            amqp_login(m_conn, vhost.constData(), 0, 131072, 0, AMQP_SASL_METHOD_PLAIN,
                       user.constData(), password.constData());
        if (r.reply_type != AMQP_RESPONSE_NORMAL) {
            *error = QStringLiteral("login as %1 refused: %2").arg(t.user, replyText(r));
            return false;
        }
        amqp_channel_open(m_conn, Channel);
        r = amqp_get_rpc_reply(m_conn);
        if (r.reply_type != AMQP_RESPONSE_NORMAL) {
            *error = replyText(r);
            return false;
        }
        m_open = true;
        const QByteArray name = exchange.toUtf8();
        amqp_exchange_declare(m_conn, Channel, amqp_cstring_bytes(name.constData()),
                              amqp_cstring_bytes("fanout"), 0, /*durable*/ 1, 0, 0,
                              amqp_empty_table);
        r = amqp_get_rpc_reply(m_conn);
        if (r.reply_type != AMQP_RESPONSE_NORMAL) {
            *error = QStringLiteral("cannot declare exchange %1: %2").arg(exchange, replyText(r));
            return false;
        }
        return true;
    }

private:
    amqp_connection_state_t m_conn;
    bool m_open = false;
};

} // namespace

QString AmqpBus::Target::displayName() const
{
    return QStringLiteral("%1@%2:%3%4")
        .arg(user, host)
        .arg(port)
        .arg(vhost.startsWith(QLatin1Char('/')) ? vhost : QLatin1Char('/') + vhost);
}

bool AmqpBus::parseUrl(const QString &text, Target *target, QString *error)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || url.scheme() != QLatin1String("amqp") || url.host().isEmpty()) {
        *error = QStringLiteral("not an amqp://USER@HOST:PORT/VHOST URL: %1")
                     .arg(url.toString(QUrl::RemovePassword).left(200));
        return false;
    }
    if (!url.password().isEmpty()) {
        *error = QStringLiteral(
            "the broker URL holds a password, which anyone could read in the process list;"
            " give it in ENRICHMENT_AMQP_PASSWORD or --amqp-password-file instead");
        return false;
    }
    if (url.hasQuery()) {
        *error = QStringLiteral("the broker URL takes no options");
        return false;
    }
    Target t;
    t.host = url.host();
    t.port = url.port(5672);
    if (!url.userName().isEmpty())
        t.user = url.userName();
    // amqp://host/ is the vhost "" in the AMQP URI spec, but "/" is what everyone means;
    // amqp://host/%2f and amqp://host/name name one explicitly.
    const QString path = url.path(QUrl::FullyDecoded);
    t.vhost = path.size() > 1 ? path.mid(1) : QStringLiteral("/");
    *target = t;
    return true;
}

AmqpBus::AmqpBus(const Target &target, const Config &config, QObject *parent)
    : QObject(parent), m_target(target), m_config(config)
{}

AmqpBus::~AmqpBus()
{
    stop();
}

void AmqpBus::start()
{
    {
        std::lock_guard lock(m_mutex);
        if (m_running)
            return;
        m_running = true;
    }
    m_publisher = std::thread([this] { publisherLoop(); });
    m_consumer = std::thread([this] { consumerLoop(); });
}

void AmqpBus::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_running = false;
    }
    m_wake.notify_all();
    if (m_publisher.joinable())
        m_publisher.join();
    if (m_consumer.joinable())
        m_consumer.join();
}

void AmqpBus::publish(const QByteArray &body)
{
    {
        std::lock_guard lock(m_mutex);
        if (m_outbox.size() >= m_config.bufferCapacity) {
            m_outbox.pop_front(); // the oldest is the least useful to a live dashboard
            ++m_dropped;
        }
        m_outbox.emplace_back(m_nextSequence++, body);
    }
    m_wake.notify_all();
}

QString AmqpBus::lastError() const
{
    std::lock_guard lock(m_mutex);
    return m_error;
}

std::size_t AmqpBus::backlog() const
{
    std::lock_guard lock(m_mutex);
    return m_outbox.size();
}

void AmqpBus::setError(const QString &error)
{
    std::lock_guard lock(m_mutex);
    m_error = error;
}

void AmqpBus::setUp(std::atomic<bool> &flag, bool up)
{
    // Both threads report here: one at a time, so that a change of connected() is seen,
    // and announced, exactly once.
    std::lock_guard lock(m_upMutex);
    const bool before = connected();
    flag = up;
    const bool after = connected();
    if (before != after) {
        if (after)
            setError({});
        QMetaObject::invokeMethod(
            this, [this, after] { Q_EMIT connectedChanged(after); }, Qt::QueuedConnection);
    }
}

bool AmqpBus::retryLater(std::atomic<bool> &up, const QString &error, int *backoffMs)
{
    setError(error);
    setUp(up, false);
    qCDebug(lcAmqp).noquote() << error;
    const bool running = pause(*backoffMs);
    *backoffMs = std::min(*backoffMs * 2, m_config.maxBackoffMs);
    return running;
}

bool AmqpBus::running() const
{
    std::lock_guard lock(m_mutex);
    return m_running;
}

bool AmqpBus::pause(int ms)
{
    std::unique_lock lock(m_mutex);
    m_wake.wait_for(lock, std::chrono::milliseconds(ms), [this] { return !m_running; });
    return m_running;
}

void AmqpBus::publisherLoop()
{
    int backoffMs = 100;
    while (true) {
        if (!running())
            return;
        Connection conn;
        QString error;
        if (!conn.open(m_target, m_config.exchange, &error)) {
            if (!retryLater(m_publisherUp, error, &backoffMs))
                return;
            continue;
        }
        backoffMs = 100;
        setUp(m_publisherUp, true);
        qCInfo(lcAmqp).noquote() << "publishing to" << m_config.exchange << "on"
                                 << m_target.displayName();
        const QByteArray exchange = m_config.exchange.toUtf8();
        amqp_basic_properties_t props;
        props._flags = AMQP_BASIC_CONTENT_TYPE_FLAG | AMQP_BASIC_DELIVERY_MODE_FLAG;
        props.content_type = amqp_cstring_bytes("application/json");
        props.delivery_mode = 1; // transient: a live feed, not a record
        bool healthy = true;
        while (healthy) {
            quint64 sequence = 0;
            QByteArray body;
            {
                std::unique_lock lock(m_mutex);
                m_wake.wait(lock, [this] { return !m_running || !m_outbox.empty(); });
                if (!m_running)
                    return;
                // It stays queued until it is sent: a failed send keeps it for the next
                // connection.
                std::tie(sequence, body) = m_outbox.front();
            }
            // rabbitmq-c only reads the bytes; constData() keeps the buffer shared.
            amqp_bytes_t bytes{std::size_t(body.size()), const_cast<char *>(body.constData())};
            const int status =
                amqp_basic_publish(conn.get(), Channel, amqp_cstring_bytes(exchange.constData()),
                                   amqp_empty_bytes, 0, 0, &props, bytes);
            if (status != AMQP_STATUS_OK) {
                setError(QStringLiteral("publish failed: %1")
                             .arg(QString::fromUtf8(amqp_error_string2(status))));
                qCWarning(lcAmqp).noquote() << lastError() << "- reconnecting";
                healthy = false;
                break;
            }
            ++m_published;
            std::lock_guard lock(m_mutex);
            // Unless a full buffer dropped it meanwhile, it is still the first.
            if (!m_outbox.empty() && m_outbox.front().first == sequence)
                m_outbox.pop_front();
        }
        setUp(m_publisherUp, false);
        if (!pause(backoffMs))
            return;
    }
}

void AmqpBus::consumerLoop()
{
    int backoffMs = 100;
    while (true) {
        if (!running())
            return;
        Connection conn;
        QString error;
        amqp_connection_state_t c = conn.get();
        bool ok = conn.open(m_target, m_config.exchange, &error);
        amqp_bytes_t queue = amqp_empty_bytes;
        if (ok) {
            // A queue of our own: exclusive, gone when we are.
            amqp_queue_declare_ok_t *q =
                amqp_queue_declare(c, Channel, amqp_empty_bytes, 0, 0, 1, 1, amqp_empty_table);
            amqp_rpc_reply_t r = amqp_get_rpc_reply(c);
            ok = q && r.reply_type == AMQP_RESPONSE_NORMAL;
            if (ok) {
                queue = amqp_bytes_malloc_dup(q->queue);
                const QByteArray exchange = m_config.exchange.toUtf8();
                amqp_queue_bind(c, Channel, queue, amqp_cstring_bytes(exchange.constData()),
                                amqp_empty_bytes, amqp_empty_table);
                r = amqp_get_rpc_reply(c);
                ok = r.reply_type == AMQP_RESPONSE_NORMAL;
            }
            if (ok) {
                amqp_basic_consume(c, Channel, queue, amqp_empty_bytes, 0, /*no_ack*/ 1, 0,
                                   amqp_empty_table);
                r = amqp_get_rpc_reply(c);
                ok = r.reply_type == AMQP_RESPONSE_NORMAL;
            }
            if (!ok)
                error = QStringLiteral("cannot subscribe to %1: %2")
                            .arg(m_config.exchange, replyText(r));
        }
        if (!ok) {
            amqp_bytes_free(queue);
            if (!retryLater(m_consumerUp, error, &backoffMs))
                return;
            continue;
        }
        amqp_bytes_free(queue);
        backoffMs = 100;
        setUp(m_consumerUp, true);
        while (true) {
            if (!running())
                return;
            amqp_maybe_release_buffers(c);
            amqp_envelope_t envelope;
            timeval timeout{0, 250'000}; // to notice stop() in time
            const amqp_rpc_reply_t r = amqp_consume_message(c, &envelope, &timeout, 0);
            if (r.reply_type == AMQP_RESPONSE_NORMAL) {
                const amqp_bytes_t &b = envelope.message.body;
                if (b.len > std::size_t(m_config.maxMessageBytes)) {
                    ++m_dropped;
                    qCWarning(lcAmqp) << "dropped a message of" << b.len << "bytes (limit"
                                      << m_config.maxMessageBytes << ")";
                } else {
                    const QByteArray body(static_cast<const char *>(b.bytes), qsizetype(b.len));
                    QMetaObject::invokeMethod(
                        this, [this, body] { Q_EMIT messageReceived(body); }, Qt::QueuedConnection);
                }
                amqp_destroy_envelope(&envelope);
                continue;
            }
            if (r.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION &&
                r.library_error == AMQP_STATUS_TIMEOUT)
                continue;
            setError(QStringLiteral("receive failed: %1").arg(replyText(r)));
            qCWarning(lcAmqp).noquote() << lastError() << "- reconnecting";
            break;
        }
        setUp(m_consumerUp, false);
        if (!pause(backoffMs))
            return;
    }
}

} // namespace enrichment
