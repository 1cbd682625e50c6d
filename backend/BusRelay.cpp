// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BusRelay.h"

#include <QJsonDocument>
#include <QLoggingCategory>

#include "PipelineMetrics.h"
#include "enrichment/Clock.h"

Q_LOGGING_CATEGORY(lcBus, "enrichment.backend.bus")

namespace enrichment {

BusRelay::BusRelay(Config config, PipelineMetrics &monitor, const Clock &clock,
                   std::function<void(const QString &)> forward, QObject *parent)
    : QObject(parent), m_config(std::move(config)), m_monitor(monitor), m_clock(clock),
      m_forward(std::move(forward)), m_log(m_config.logIntervalMs)
{
    for (bus::DropReason r : bus::allDropReasons())
        m_monitor.recordBusDrop(bus::toWire(r), 0); // every reason shows, at 0
    if (m_config.publishers.isEmpty())
        qCWarning(lcBus).noquote()
            << "any publisher on the event exchange can speak as any worker: no"
               " --amqp-publishers names the broker user of each (docs/SCALING.md)";
}

void BusRelay::onMessage(const QByteArray &body, const QString &userId)
{
    const bus::Checked c = bus::check(body);
    if (c.drop) {
        drop(*c.drop, c.detail);
        return;
    }
    // Ours, back from the exchange: skipped before the sender check, which our own login
    // need not pass (a relay acts too) and which would count it as a drop.
    if (!c.worker.isEmpty() && c.worker == m_config.ownWorkerId)
        return;
    if (!senderMayBe(userId, c.worker)) {
        drop(bus::DropReason::Sender,
             QStringLiteral("broker user \"%1\" may not publish as worker \"%2\"")
                 .arg(userId.isEmpty() ? QStringLiteral("(none)") : userId.left(64),
                      c.worker.isEmpty() ? QStringLiteral("(none)") : c.worker));
        return;
    }
    ++m_forwarded;
    m_forward(QString::fromUtf8(QJsonDocument(c.envelope).toJson(QJsonDocument::Compact)));
}

void BusRelay::onRefused(bus::DropReason reason, const QString &detail)
{
    drop(reason, detail);
}

bool BusRelay::senderMayBe(const QString &userId, const QString &worker) const
{
    if (m_config.publishers.isEmpty())
        return true;
    const auto allowed = m_config.publishers.constFind(userId);
    if (userId.isEmpty() || allowed == m_config.publishers.cend())
        return false;
    // An event that names no worker (the seed's publisher) is any allowed user's.
    return worker.isEmpty() || allowed->contains(QStringLiteral("*")) || allowed->contains(worker);
}

void BusRelay::drop(bus::DropReason reason, const QString &detail)
{
    const QLatin1String name = bus::toWire(reason);
    m_monitor.recordBusDrop(name, 1);
    quint64 held = 0;
    if (!m_log.allow(name, m_clock.nowMs(), &held))
        return;
    if (held > 0)
        qCWarning(lcBus).noquote()
            << "dropped a message from the event bus (" << name << "):" << detail << "- and" << held
            << "more for this reason since the last line";
    else
        qCWarning(lcBus).noquote()
            << "dropped a message from the event bus (" << name << "):" << detail;
}

void BusRelay::flushLog()
{
    for (const auto &[reason, count] : m_log.due(m_clock.nowMs()))
        qCWarning(lcBus).noquote() << "dropped" << count << "more messages from the event bus ("
                                   << reason << ") in the last" << m_log.intervalMs() / 1000 << "s";
}

} // namespace enrichment
