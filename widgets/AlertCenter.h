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
class DashboardWindow;
class DesktopNotifier;
class EventLogModel;
class FiringAlertsModel;
class MonitorFeed;
class TrayIcon;

/// Everything that tells the operator: the rules (fed by the feed and, optionally,
/// Alertmanager), desktop notifications, the tray icon, and an incident-log entry for
/// every notification. It attaches to a window for "show the right panel", the
/// notification settings and pausing; it starts nothing before start().
class AlertCenter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertCenter)
public:
    static constexpr qint64 MuteMs = 3'600'000;

    /// @p feed and @p log are not owned and must outlive this.
    AlertCenter(MonitorFeed *feed, EventLogModel *log,
                const QDBusConnection &bus = QDBusConnection::sessionBus(),
                QObject *parent = nullptr);
    ~AlertCenter() override;

    /// Reads what is firing from Alertmanager at @p url (API v2).
    void watchAlertmanager(QNetworkAccessManager *network, const QUrl &url,
                           const QByteArray &token);
    /// The tray icon, when the desktop has a tray (or @p force, for tests).
    void enableTray(bool force = false);
    void attach(DashboardWindow *window);
    void start();

    void loadSettings(QSettings &settings);
    void saveSettings(QSettings &settings) const;
    /// Opens Settings > Notifications (modal) and applies what the operator chose.
    void editSettings();
    void setPaused(bool paused);

    AlertEngine *engine() const { return m_engine; }
    DesktopNotifier *notifier() const { return m_notifier; }
    TrayIcon *tray() const { return m_tray; }
    AlertmanagerClient *alertmanager() const { return m_alertmanager; }
    FiringAlertsModel *firingAlerts() const { return m_firing; }
    bool closeToTray() const { return m_closeToTray; }

Q_SIGNALS:
    /// The operator asked to quit from the tray.
    void quitRequested();

private:
    void deliver(const AlertNotice &notice);
    void refreshTray();

    MonitorFeed *m_feed;
    EventLogModel *m_log;
    AlertEngine *m_engine;
    DesktopNotifier *m_notifier;
    TrayIcon *m_tray = nullptr;
    AlertmanagerClient *m_alertmanager = nullptr;
    FiringAlertsModel *m_firing = nullptr;
    QPointer<DashboardWindow> m_window;
    bool m_closeToTray = false;
    bool m_connected = false;
};

} // namespace dashboard
