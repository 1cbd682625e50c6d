// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AmqpBus.h"

#include <amqp.h>
#include <amqp_tcp_socket.h>

#include <sys/time.h>

#include <algorithm>
#include <chrono>
#include <deque>
#include <vector>

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

    bool open(const AmqpBus::Target &t, const AmqpBus::Config &config, QString *error)
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
        // A broker that accepts the connection and then hangs must not hang us: the
        // handshake and every call that waits for an answer give up after a while.
        timeval rpcTimeout{5, 0};
        amqp_set_handshake_timeout(m_conn, &rpcTimeout);
        amqp_set_rpc_timeout(m_conn, &rpcTimeout);
        const QByteArray vhost = t.vhost.toUtf8(), user = t.user.toUtf8(),
                         password = t.password.toUtf8();
        amqp_rpc_reply_t r =
            amqp_login(m_conn, vhost.constData(), 0, 131072, std::max(0, config.heartbeatSeconds),
                       AMQP_SASL_METHOD_PLAIN, user.constData(), password.constData());
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
        const QString &exchange = config.exchange;
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

namespace {

using SteadyClock = std::chrono::steady_clock;

/// Messages published on one connection and not yet confirmed, by delivery tag.
struct InFlight
{
    struct Sent
    {
        quint64 tag;
        quint64 sequence;
        SteadyClock::time_point at;
    };
    std::deque<Sent> sent;
    quint64 nextTag = 1; ///< the channel's delivery tags count from 1

    /// The broker has @p tag (and, if @p multiple, everything before it); how many that was.
    std::size_t confirm(quint64 tag, bool multiple)
    {
        const auto before = sent.size();
        sent.erase(
            std::remove_if(sent.begin(), sent.end(),
                           [&](const Sent &s) { return multiple ? s.tag <= tag : s.tag == tag; }),
            sent.end());
        return before - sent.size();
    }
};

/// Reads what the broker sent on @p c: confirms (counted into @p confirmed), refusals,
/// closes. Waiting here also sends our heartbeats and notices a broker that missed two of
/// its own. Returns why the connection is no good any more, or nothing.
QString readConfirms(amqp_connection_state_t c, InFlight *inFlight, std::atomic<quint64> *confirmed)
{
    timeval wait{0, inFlight->sent.empty() ? 0 : 100'000};
    while (true) {
        amqp_frame_t frame;
        const int status = amqp_simple_wait_frame_noblock(c, &frame, &wait);
        wait = {0, 0}; // then take whatever else is already there
        if (status == AMQP_STATUS_TIMEOUT)
            return {};
        if (status != AMQP_STATUS_OK)
            return status == AMQP_STATUS_HEARTBEAT_TIMEOUT
                       ? QStringLiteral("the broker missed its heartbeats")
                       : QStringLiteral("the connection failed: %1")
                             .arg(QString::fromUtf8(amqp_error_string2(status)));
        if (frame.frame_type != AMQP_FRAME_METHOD)
            continue;
        const amqp_method_number_t id = frame.payload.method.id;
        if (id == AMQP_BASIC_ACK_METHOD) {
            const auto *ack = static_cast<amqp_basic_ack_t *>(frame.payload.method.decoded);
            *confirmed += inFlight->confirm(ack->delivery_tag, ack->multiple);
        } else if (id == AMQP_BASIC_NACK_METHOD) {
            return QStringLiteral("the broker refused an event");
        } else if (id == AMQP_CHANNEL_CLOSE_METHOD || id == AMQP_CONNECTION_CLOSE_METHOD) {
            return QStringLiteral("the broker closed the connection");
        }
    }
}

amqp_table_entry_t integerEntry(const char *key, qint64 value)
{
    amqp_table_entry_t e;
    e.key = amqp_cstring_bytes(key);
    e.value.kind = AMQP_FIELD_KIND_I64;
    e.value.value.i64 = value;
    return e;
}

} // namespace

void AmqpBus::publisherLoop()
{
    int backoffMs = 100;
    while (running()) {
        Connection conn;
        QString error;
        amqp_connection_state_t c = conn.get();
        bool ok = conn.open(m_target, m_config, &error);
        if (ok) {
            // Confirms: the broker says when it has each message (in the queues bound).
            amqp_confirm_select(c, Channel);
            const amqp_rpc_reply_t r = amqp_get_rpc_reply(c);
            ok = r.reply_type == AMQP_RESPONSE_NORMAL;
            if (!ok)
                error = QStringLiteral("cannot turn on publisher confirms: %1").arg(replyText(r));
        }
        if (!ok) {
            if (!retryLater(m_publisherUp, error, &backoffMs))
                return;
            continue;
        }
        backoffMs = 100;
        setUp(m_publisherUp, true);
        qCInfo(lcAmqp).noquote() << "publishing to" << m_config.exchange << "on"
                                 << m_target.displayName();
        const QString failure = publishOn(c);
        if (failure.isEmpty())
            return; // stopped
        setError(failure);
        qCWarning(lcAmqp).noquote() << failure << "- reconnecting";
        setUp(m_publisherUp, false);
        if (!pause(backoffMs))
            return;
    }
}

QString AmqpBus::publishOn(amqp_connection_state_t_ *c)
{
    constexpr std::size_t MaxInFlight = 256;
    const QByteArray exchange = m_config.exchange.toUtf8();
    amqp_basic_properties_t props;
    props._flags =
        AMQP_BASIC_CONTENT_TYPE_FLAG | AMQP_BASIC_DELIVERY_MODE_FLAG | AMQP_BASIC_USER_ID_FLAG;
    props.content_type = amqp_cstring_bytes("application/json");
    props.delivery_mode = 2; // persistent: it waits in a durable queue across a restart
    // The broker refuses a user_id that is not this connection's login: the consumer can
    // trust it to say who published (docs/SCALING.md, "One broker user per worker").
    const QByteArray userId = m_target.user.toUtf8();
    props.user_id = amqp_cstring_bytes(userId.constData());

    InFlight inFlight;
    quint64 nextToSend = 0; // everything still buffered is sent again: unconfirmed
    const auto idleWait =
        std::chrono::milliseconds(std::clamp(m_config.heartbeatSeconds * 500, 100, 1000));
    while (true) {
        // 1. What is buffered and not yet sent on this connection.
        std::vector<std::pair<quint64, QByteArray>> batch;
        {
            std::unique_lock lock(m_mutex);
            auto unsent = [&] {
                return !m_outbox.empty() && m_outbox.back().first >= nextToSend;
            };
            if (inFlight.sent.empty() && !unsent())
                m_wake.wait_for(lock, idleWait, [&] { return !m_running || unsent(); });
            if (!m_running)
                return {};
            for (const auto &entry : m_outbox) {
                if (inFlight.sent.size() + batch.size() >= MaxInFlight)
                    break;
                if (entry.first >= nextToSend)
                    batch.push_back(entry);
            }
        }
        for (const auto &[sequence, body] : batch) {
            // rabbitmq-c only reads the bytes; constData() keeps the buffer shared.
            amqp_bytes_t bytes{std::size_t(body.size()), const_cast<char *>(body.constData())};
            const int status =
                amqp_basic_publish(c, Channel, amqp_cstring_bytes(exchange.constData()),
                                   amqp_empty_bytes, 0, 0, &props, bytes);
            if (status != AMQP_STATUS_OK)
                return QStringLiteral("publish failed: %1")
                    .arg(QString::fromUtf8(amqp_error_string2(status)));
            inFlight.sent.push_back({inFlight.nextTag++, sequence, SteadyClock::now()});
            nextToSend = sequence + 1;
        }
        // 2. What the broker says: confirms.
        const QString failure = readConfirms(c, &inFlight, &m_published);
        // 3. Everything before the oldest unconfirmed message is the broker's now.
        {
            std::lock_guard lock(m_mutex);
            const quint64 confirmedBelow =
                inFlight.sent.empty() ? nextToSend : inFlight.sent.front().sequence;
            while (!m_outbox.empty() && m_outbox.front().first < confirmedBelow)
                m_outbox.pop_front();
        }
        if (!failure.isEmpty())
            return failure;
        if (!inFlight.sent.empty() && SteadyClock::now() - inFlight.sent.front().at >
                                          std::chrono::milliseconds(m_config.confirmTimeoutMs))
            return QStringLiteral("the broker confirmed nothing for %1 s")
                .arg(m_config.confirmTimeoutMs / 1000);
    }
}

void AmqpBus::consumerLoop()
{
    int backoffMs = 100;
    while (running()) {
        Connection conn;
        QString error;
        amqp_connection_state_t c = conn.get();
        if (!conn.open(m_target, m_config, &error) || !subscribe(c, &error)) {
            if (!retryLater(m_consumerUp, error, &backoffMs))
                return;
            continue;
        }
        backoffMs = 100;
        setUp(m_consumerUp, true);
        if (!consumeFrom(c))
            return; // stopped
        qCWarning(lcAmqp).noquote() << lastError() << "- reconnecting";
        setUp(m_consumerUp, false);
        if (!pause(backoffMs))
            return;
    }
}

bool AmqpBus::subscribe(amqp_connection_state_t_ *c, QString *error)
{
    // A queue of our own. Named: durable, bounded by age and length, deleted when unused
    // for long, so that what is published while we (or the broker) restart waits for us.
    // Unnamed: exclusive, gone with the connection.
    const QByteArray name = m_config.queue.toUtf8();
    const bool durable = !name.isEmpty();
    amqp_table_entry_t entries[4] = {integerEntry("x-message-ttl", m_config.queueMessageTtlMs),
                                     integerEntry("x-max-length", m_config.queueMaxLength),
                                     {},
                                     integerEntry("x-expires", m_config.queueExpiresMs)};
    entries[2].key = amqp_cstring_bytes("x-overflow");
    entries[2].value.kind = AMQP_FIELD_KIND_UTF8;
    entries[2].value.value.bytes = amqp_cstring_bytes("drop-head");
    const amqp_table_t arguments{4, entries};
    amqp_queue_declare_ok_t *q = amqp_queue_declare(
        c, Channel, durable ? amqp_cstring_bytes(name.constData()) : amqp_empty_bytes, 0,
        durable ? 1 : 0, durable ? 0 : 1, durable ? 0 : 1, durable ? arguments : amqp_empty_table);
    amqp_rpc_reply_t r = amqp_get_rpc_reply(c);
    bool ok = q && r.reply_type == AMQP_RESPONSE_NORMAL;
    if (ok) {
        amqp_bytes_t queue = amqp_bytes_malloc_dup(q->queue);
        const QByteArray exchange = m_config.exchange.toUtf8();
        amqp_queue_bind(c, Channel, queue, amqp_cstring_bytes(exchange.constData()),
                        amqp_empty_bytes, amqp_empty_table);
        r = amqp_get_rpc_reply(c);
        ok = r.reply_type == AMQP_RESPONSE_NORMAL;
        if (ok) {
            amqp_basic_qos(c, Channel, 0, 500, 0);
            r = amqp_get_rpc_reply(c);
            ok = r.reply_type == AMQP_RESPONSE_NORMAL;
        }
        if (ok) {
            // Acknowledged once handed on: the broker keeps what we never took.
            amqp_basic_consume(c, Channel, queue, amqp_empty_bytes, 0, /*no_ack*/ 0, 0,
                               amqp_empty_table);
            r = amqp_get_rpc_reply(c);
            ok = r.reply_type == AMQP_RESPONSE_NORMAL;
        }
        amqp_bytes_free(queue);
    }
    if (!ok)
        *error = QStringLiteral("cannot subscribe to %1: %2").arg(m_config.exchange, replyText(r));
    return ok;
}

bool AmqpBus::consumeFrom(amqp_connection_state_t_ *c)
{
    while (running()) {
        amqp_maybe_release_buffers(c);
        amqp_envelope_t envelope;
        timeval timeout{0, 250'000}; // to notice stop() in time
        const amqp_rpc_reply_t r = amqp_consume_message(c, &envelope, &timeout, 0);
        if (r.reply_type == AMQP_RESPONSE_NORMAL) {
            handOn(envelope.message);
            const quint64 tag = envelope.delivery_tag;
            amqp_destroy_envelope(&envelope);
            if (amqp_basic_ack(c, Channel, tag, 0) != AMQP_STATUS_OK) {
                setError(QStringLiteral("cannot acknowledge a message"));
                return true;
            }
            continue;
        }
        if (r.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION &&
            r.library_error == AMQP_STATUS_TIMEOUT)
            continue;
        setError(r.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION &&
                         r.library_error == AMQP_STATUS_HEARTBEAT_TIMEOUT
                     ? QStringLiteral("the broker missed its heartbeats")
                     : QStringLiteral("receive failed: %1").arg(replyText(r)));
        return true;
    }
    return false;
}

void AmqpBus::handOn(const amqp_message_t_ &message)
{
    const amqp_bytes_t &b = message.body;
    if (b.len > std::size_t(m_config.maxMessageBytes)) {
        const qint64 bytes = qint64(b.len);
        QMetaObject::invokeMethod(
            this, [this, bytes] { Q_EMIT messageRefused(bytes); }, Qt::QueuedConnection);
        return;
    }
    const QByteArray body(static_cast<const char *>(b.bytes), qsizetype(b.len));
    const amqp_basic_properties_t &p = message.properties;
    const QString userId =
        (p._flags & AMQP_BASIC_USER_ID_FLAG)
            ? QString::fromUtf8(static_cast<const char *>(p.user_id.bytes),
                                qsizetype(std::min<std::size_t>(p.user_id.len, 256)))
            : QString();
    QMetaObject::invokeMethod(
        this, [this, body, userId] { Q_EMIT messageReceived(body, userId); }, Qt::QueuedConnection);
}

} // namespace enrichment
