// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>
#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include <QByteArray>
#include <QObject>
#include <QString>

// rabbitmq-c's connection and message (amqp.h), named here only.
struct amqp_connection_state_t_;
struct amqp_message_t_;

namespace enrichment {

/// The room's events over RabbitMQ: every backend publishes its events to the durable
/// fanout exchange `enrichment_events` and consumes the exchange through a durable queue of
/// its own (Config::queue), bounded by age and length.
///
/// rabbitmq-c is blocking, so the bus runs two threads of its own, each with its own
/// connection: a publisher that sends what publish() queued, and a consumer that hands
/// each message to messageReceived() on the bus's thread. Neither ever blocks the caller:
/// publish() only appends to a bounded buffer (the oldest message is dropped, and counted,
/// when it is full). Messages are persistent and published with confirms: one stays in
/// the buffer until the broker confirmed it, and is sent again on the next connection if
/// not. Both connections use AMQP heartbeats, so a broker that hangs is noticed within two
/// of them; both reconnect with a capped exponential backoff while the broker is away.
class AmqpBus final : public QObject
{
    Q_OBJECT
public:
    /// Where the broker is: `amqp://USER@HOST:PORT/VHOST`.
    struct Target
    {
        QString host = QStringLiteral("localhost");
        int port = 5672;
        QString user = QStringLiteral("guest");
        QString password; ///< never logged
        QString vhost = QStringLiteral("/");
        /// USER@HOST:PORT/VHOST: safe to log.
        QString displayName() const;
    };
    /// Parses @p url; refuses a password in it, with a reason in @p error.
    static bool parseUrl(const QString &url, Target *target, QString *error);

    struct Config
    {
        QString exchange = QStringLiteral("enrichment_events");
        std::size_t bufferCapacity = 10'000; ///< messages kept until the broker confirms them
        int maxBackoffMs = 5'000;
        int maxMessageBytes = 64 * 1024; ///< larger incoming messages are refused
        /// AMQP heartbeat: a broker silent for two of them is down (and reconnected).
        int heartbeatSeconds = 5;
        /// A published message the broker has not confirmed within this is sent again on a
        /// new connection.
        int confirmTimeoutMs = 10'000;
        /// This backend's queue on the exchange: durable and named, so that events published
        /// while it (or the broker) restarts wait for it. Empty: a server-named, exclusive,
        /// auto-delete queue that lives as long as the connection (events meanwhile lost).
        QString queue;
        qint64 queueMessageTtlMs = 10 * 60'000; ///< an event older than this is dropped
        qint64 queueMaxLength = 100'000;        ///< beyond this the oldest are dropped
        qint64 queueExpiresMs = 30 * 60'000;    ///< an unused queue is deleted after this
    };

    AmqpBus(const Target &target, const Config &config, QObject *parent = nullptr);
    ~AmqpBus() override;

    void start();
    /// Stops both threads (waits for them; at most about a quarter second).
    void stop();

    /// Queues @p body for the exchange. Thread-safe; never blocks on the network.
    void publish(const QByteArray &body);

    /// Both connections are up.
    bool connected() const { return m_publisherUp && m_consumerUp; }
    /// Why not, while not connected.
    QString lastError() const;
    /// Messages lost: dropped from a full buffer while the broker was away.
    quint64 dropped() const { return m_dropped; }
    quint64 published() const { return m_published; }
    /// Messages waiting for the broker.
    std::size_t backlog() const;

Q_SIGNALS:
    /// A message from the exchange (any publisher's, this one's included), on the bus's
    /// thread. @p userId: its AMQP `user_id` property, which the broker refuses unless it
    /// is the publisher's login (empty when the publisher set none). Every publish of this
    /// bus carries its own login as `user_id`.
    void messageReceived(const QByteArray &body, const QString &userId);
    /// A message too large to read (over Config::maxMessageBytes), not handed on.
    void messageRefused(qint64 bytes);
    void connectedChanged(bool connected);

private:
    void publisherLoop();
    /// Publishes what is buffered on connection @p c until it fails (returns why) or
    /// stop() (returns nothing).
    QString publishOn(amqp_connection_state_t_ *c);
    void consumerLoop();
    /// Declares this worker's queue on @p c, binds and consumes it; false with @p error.
    bool subscribe(amqp_connection_state_t_ *c, QString *error);
    /// Hands on what arrives on @p c until the connection fails (true, lastError() says
    /// why) or stop() (false).
    bool consumeFrom(amqp_connection_state_t_ *c);
    /// Emits a message received (or refused as too large), in the bus's thread.
    void handOn(const amqp_message_t_ &message);
    void setError(const QString &error);
    void setUp(std::atomic<bool> &flag, bool up);
    bool running() const;
    /// Sleeps up to @p ms unless stopped; false once stopped.
    bool pause(int ms);
    /// A connection failed with @p error: says so, waits the backoff, doubles it (capped);
    /// false once stopped.
    bool retryLater(std::atomic<bool> &up, const QString &error, int *backoffMs);

    const Target m_target;
    const Config m_config;
    std::thread m_publisher;
    std::thread m_consumer;
    mutable std::mutex m_mutex; ///< guards m_outbox, m_error, m_running
    std::condition_variable m_wake;
    std::mutex m_upMutex; ///< serialises setUp() between the two threads
    std::deque<std::pair<quint64, QByteArray>> m_outbox; ///< (sequence number, body)
    quint64 m_nextSequence = 0;
    QString m_error;
    bool m_running = false;
    std::atomic<bool> m_publisherUp{false};
    std::atomic<bool> m_consumerUp{false};
    std::atomic<quint64> m_dropped{0};
    std::atomic<quint64> m_published{0};
};

} // namespace enrichment
