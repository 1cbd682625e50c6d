// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DesktopNotifier.h"

#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QLoggingCategory>
#include <QSystemTrayIcon>

Q_LOGGING_CATEGORY(lcNotify, "enrichment.dashboard.notify")

namespace dashboard {

namespace {
/// Urgency hint values of the notification specification.
constexpr uchar UrgencyLow = 0;
constexpr uchar UrgencyNormal = 1;
constexpr uchar UrgencyCritical = 2;
} // namespace

DesktopNotifier::DesktopNotifier(const QDBusConnection &bus, QObject *parent)
    : QObject(parent), m_bus(bus)
{
    if (!m_bus.isConnected())
        return;
    m_bus.connect(QString(), QLatin1String(Path), QLatin1String(Interface),
                  QStringLiteral("ActionInvoked"), this, SLOT(onActionInvoked(uint, QString)));
    m_bus.connect(QString(), QLatin1String(Path), QLatin1String(Interface),
                  QStringLiteral("NotificationClosed"), this,
                  SLOT(onNotificationClosed(uint, uint)));
}

void DesktopNotifier::setTrayFallback(QSystemTrayIcon *tray)
{
    m_tray = tray;
}

void DesktopNotifier::show(const AlertNotice &notice)
{
    if (!m_bus.isConnected()) {
        fallBack(notice);
        return;
    }
    // Breaker open and source down wake the operator; a recovery is low.
    uchar urgency = UrgencyNormal;
    if (notice.kind == AlertNotice::Kind::Recovered)
        urgency = UrgencyLow;
    else if (notice.severity == AlertSeverity::Critical &&
             (notice.rule == AlertRule::BreakerOpen || notice.rule == AlertRule::SourceDown ||
              notice.kind == AlertNotice::Kind::Summary))
        urgency = UrgencyCritical;
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(urgency));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("enrichment-monitor"));
    hints.insert(QStringLiteral("category"), notice.kind == AlertNotice::Kind::Recovered
                                                 ? QStringLiteral("network")
                                                 : QStringLiteral("network.error"));
    QStringList actions{QLatin1String(DefaultAction), tr("Show")};
    if (notice.kind != AlertNotice::Kind::Summary)
        actions << QLatin1String(MuteAction) << tr("Mute for 1 h");

    QDBusMessage call =
        QDBusMessage::createMethodCall(QLatin1String(Service), QLatin1String(Path),
                                       QLatin1String(Interface), QStringLiteral("Notify"));
    call << tr("Enrichment Monitor") << m_ids.value(notice.key, 0u)
         << QStringLiteral("enrichment-monitor") << notice.title << notice.body << actions << hints
         << qint32(notice.kind == AlertNotice::Kind::Recovered ? 10'000 : -1);
    auto *watcher = new QDBusPendingCallWatcher(m_bus.asyncCall(call, 5000), this);
    connect(watcher, &QDBusPendingCallWatcher::finished, this,
            [this, notice](QDBusPendingCallWatcher *w) {
                w->deleteLater();
                const QDBusPendingReply<uint> reply = *w;
                if (reply.isError()) {
                    qCInfo(lcNotify).noquote()
                        << "no notification server:" << reply.error().message();
                    fallBack(notice);
                    return;
                }
                const uint id = reply.value();
                if (const uint old = m_ids.value(notice.key); old && old != id) {
                    m_keys.remove(old);
                    m_panels.remove(old);
                }
                m_ids.insert(notice.key, id);
                m_keys.insert(id, notice.key);
                m_panels.insert(id, notice.panel);
                Q_EMIT delivered(notice.key, id);
            });
}

void DesktopNotifier::fallBack(const AlertNotice &notice)
{
    ++m_fallbacks;
    if (m_tray && m_tray->isVisible() && QSystemTrayIcon::supportsMessages()) {
        const QSystemTrayIcon::MessageIcon icon =
            notice.kind == AlertNotice::Kind::Recovered  ? QSystemTrayIcon::Information
            : notice.severity == AlertSeverity::Critical ? QSystemTrayIcon::Critical
                                                         : QSystemTrayIcon::Warning;
        m_tray->showMessage(notice.title, notice.body, icon);
    }
    Q_EMIT delivered(notice.key, 0);
}

void DesktopNotifier::onActionInvoked(uint id, const QString &action)
{
    const auto it = m_keys.constFind(id);
    if (it == m_keys.constEnd())
        return; // another application's notification
    if (action == QLatin1String(MuteAction))
        Q_EMIT muteRequested(it.value());
    else
        Q_EMIT activated(it.value(), m_panels.value(id));
}

void DesktopNotifier::onNotificationClosed(uint id, uint /*reason*/)
{
    const QString key = m_keys.take(id);
    m_panels.remove(id);
    if (!key.isEmpty() && m_ids.value(key) == id)
        m_ids.remove(key);
}

} // namespace dashboard
