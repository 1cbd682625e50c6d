// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDBusConnection>
#include <QHash>
#include <QObject>
#include <QPointer>

#include "AlertRules.h"

class QSystemTrayIcon;

namespace dashboard {

/// Delivers notices as freedesktop notifications (`org.freedesktop.Notifications.Notify`
/// on the session bus): the app's name and icon, urgency critical for a breaker that
/// opened or a source that went down, a default action that shows the window on the right
/// panel and a "Mute for 1 h" action, and the id of the earlier notification for the
/// same problem as `replaces_id`, so an ongoing problem updates one notification. When no
/// notification server answers, the tray icon's balloon shows it instead.
class DesktopNotifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopNotifier)
public:
    static constexpr const char *Service = "org.freedesktop.Notifications";
    static constexpr const char *Path = "/org/freedesktop/Notifications";
    static constexpr const char *Interface = "org.freedesktop.Notifications";
    static constexpr const char *MuteAction = "mute";
    static constexpr const char *DefaultAction = "default";

    explicit DesktopNotifier(const QDBusConnection &bus = QDBusConnection::sessionBus(),
                             QObject *parent = nullptr);

    /// Where notices go when no notification server answers (not owned; may be null).
    void setTrayFallback(QSystemTrayIcon *tray);

    /// Sends @p notice (asynchronously; the answer is handled when it comes).
    void show(const AlertNotice &notice);

    /// The notification id the server gave for @p key (0: none open).
    uint notificationId(const QString &key) const { return m_ids.value(key); }
    int fallbacks() const { return m_fallbacks; }

Q_SIGNALS:
    /// The operator clicked the notification of @p key: show @p panel.
    void activated(const QString &key, const QString &panel);
    /// The operator chose "Mute for 1 h" on the notification of @p key.
    void muteRequested(const QString &key);
    /// The server answered @p notice with @p id (or, @p id 0, the fallback showed it).
    void delivered(const QString &key, uint id);

private Q_SLOTS:
    void onActionInvoked(uint id, const QString &action);
    void onNotificationClosed(uint id, uint reason);

private:
    void fallBack(const AlertNotice &notice);

    QDBusConnection m_bus;
    QPointer<QSystemTrayIcon> m_tray;
    QHash<QString, uint> m_ids; ///< key -> open notification id
    QHash<uint, QString> m_keys;
    QHash<uint, QString> m_panels;
    int m_fallbacks = 0;
};

} // namespace dashboard
