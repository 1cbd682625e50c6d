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
class BackendFeed;
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
    AlertCenter(BackendFeed *feed, EventLogModel *log,
                const QDBusConnection &bus = QDBusConnection::sessionBus(),
                QObject *parent = nullptr);
    ~AlertCenter() override;

    /// Watches one more backend (a tab of the window, @p windowIndex): its own rules, its
    /// own incident log; notifications and the tray name it. Returns its index.
    int addFeed(const QString &name, BackendFeed *feed, EventLogModel *log, int windowIndex);
    int feedCount() const { return int(m_watched.size()); }
    AlertEngine *engine(int index) const;

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

    /// The first backend's rules (Alertmanager's alerts go there too).
    AlertEngine *engine() const { return m_watched.first().engine; }
    DesktopNotifier *notifier() const { return m_notifier; }
    TrayIcon *tray() const { return m_tray; }
    AlertmanagerClient *alertmanager() const { return m_alertmanager; }
    FiringAlertsModel *firingAlerts() const { return m_firing; }
    bool closeToTray() const { return m_closeToTray; }

Q_SIGNALS:
    /// The operator asked to quit from the tray.
    void quitRequested();

private:
    struct Watched
    {
        QString name; ///< empty for the first backend
        BackendFeed *feed;
        EventLogModel *log;
        AlertEngine *engine;
        int windowIndex;
    };
    void watch(const QString &name, BackendFeed *feed, EventLogModel *log, int windowIndex);
    void deliver(int index, AlertNotice notice);
    void refreshTray();
    /// The watched backend a notification key belongs to, and the key its engine knows.
    int indexOfKey(const QString &key, QString *engineKey) const;

    QList<Watched> m_watched;
    DesktopNotifier *m_notifier;
    TrayIcon *m_tray = nullptr;
    AlertmanagerClient *m_alertmanager = nullptr;
    FiringAlertsModel *m_firing = nullptr;
    QPointer<DashboardWindow> m_window;
    bool m_closeToTray = false;
};

} // namespace dashboard
