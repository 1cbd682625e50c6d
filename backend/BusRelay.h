// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QHash>
#include <QObject>
#include <QStringList>

#include "LogLimiter.h"
#include "enrichment/BusEvents.h"

namespace enrichment {

class Clock;
class PipelineMetrics;

/// What a backend does with each message off the event bus: checks it (bus::check()),
/// checks that its sender may speak as the worker it names, forwards what passes to the
/// room (documented keys only), and drops and counts the rest
/// (`enrichment_bus_messages_dropped_total{reason}`), logging at most one line per reason
/// per interval. Its own events, back from the exchange, are skipped (they reached the room
/// when they were sent).
class BusRelay final : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QString ownWorkerId;
        /// AMQP user -> the worker ids it may publish as (`*`: any). Empty: every publisher
        /// may speak as any worker (said once in the log).
        QHash<QString, QStringList> publishers;
        qint64 logIntervalMs = 60'000;
    };

    BusRelay(Config config, PipelineMetrics &monitor, const Clock &clock,
             std::function<void(const QString &)> forward, QObject *parent = nullptr);

    /// A message off the bus; @p userId is the AMQP `user_id` property (the broker checked
    /// it against the publisher's login), empty when the publisher set none.
    void onMessage(const QByteArray &body, const QString &userId);
    /// A message the bus itself refused (too large to read).
    void onRefused(bus::DropReason reason, const QString &detail);
    /// Says in one line per reason how many drops the interval held back; call it now and
    /// then (the service's tick).
    void flushLog();

    quint64 forwarded() const { return m_forwarded; }

private:
    void drop(bus::DropReason reason, const QString &detail);
    bool senderMayBe(const QString &userId, const QString &worker) const;

    Config m_config;
    PipelineMetrics &m_monitor;
    const Clock &m_clock;
    std::function<void(const QString &)> m_forward;
    LogLimiter m_log;
    quint64 m_forwarded = 0;
};

} // namespace enrichment
