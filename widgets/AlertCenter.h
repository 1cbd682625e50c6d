// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDBusConnection>
#include <QObject>
#include <QPointer>

#include "AlertRules.h"

class QNetworkAccessManager;
class QSettings;

namespace dashboard {

class AlertmanagerClient;
class Connection;
class DashboardWindow;
class DesktopNotifier;
class FiringAlertsModel;
class TrayIcon;

/// Everything that tells the operator: each watched Connection's alert rules (fed by its
/// feed and, for the first one, optionally Alertmanager), desktop notifications, the tray
/// icon, and an incident-log entry for every notification. It attaches to a window for
/// "show the right panel", the notification settings and pausing; it starts nothing
/// before start().
class AlertCenter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertCenter)
public:
    static constexpr qint64 MuteMs = 3'600'000;

    explicit AlertCenter(const QDBusConnection &bus = QDBusConnection::sessionBus(),
                         QObject *parent = nullptr);
    ~AlertCenter() override;

    /// Notifies about @p connection (not owned; it must outlive this) by its own rules,
    /// with an entry in its own incident log. The first one watched is the main one
    /// (Alertmanager's alerts go to its rules); once there are several, notifications and
    /// the tray name each. A later one takes the first one's settings. Returns its index.
    int watch(Connection *connection);
    int connectionCount() const { return int(m_connections.size()); }
    /// The rules of the connection watched @p index -th (the first: the main one).
    AlertEngine *engine(int index = 0) const;

    /// Reads what is firing from Alertmanager at @p url (API v2).
    void watchAlertmanager(QNetworkAccessManager *network, const QUrl &url,
                           const QByteArray &token);
    /// The tray icon, when the desktop has a tray (or @p force, for tests).
    void enableTray(bool force = false);
    /// Shows and acts through @p window (which shows the watched connections already).
    void attach(DashboardWindow *window);
    void start();

    void loadSettings(QSettings &settings);
    void saveSettings(QSettings &settings) const;
    /// Opens Settings > Notifications (modal) and applies what the operator chose.
    void editSettings();
    void setPaused(bool paused);

    DesktopNotifier *notifier() const { return m_notifier; }
    TrayIcon *tray() const { return m_tray; }
    AlertmanagerClient *alertmanager() const { return m_alertmanager; }
    FiringAlertsModel *firingAlerts() const { return m_firing; }
    bool closeToTray() const { return m_closeToTray; }

Q_SIGNALS:
    /// The operator asked to quit from the tray.
    void quitRequested();

private:
    void deliver(int index, AlertNotice notice);
    void refreshTray();
    /// The watched backend a notification key belongs to, and the key its engine knows.
    int indexOfKey(const QString &key, QString *engineKey) const;

    QList<Connection *> m_connections;
    DesktopNotifier *m_notifier;
    TrayIcon *m_tray = nullptr;
    AlertmanagerClient *m_alertmanager = nullptr;
    FiringAlertsModel *m_firing = nullptr;
    QPointer<DashboardWindow> m_window;
    bool m_closeToTray = false;
    bool m_started = false;
};

} // namespace dashboard
