// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AlertCenter.h"

#include <QAction>
#include <QSettings>

#include "AlertmanagerClient.h"
#include "DashboardView.h"
#include "DashboardWindow.h"
#include "DesktopNotifier.h"
#include "EventLogModel.h"
#include "MonitorFeed.h"
#include "NotificationSettingsDialog.h"
#include "TrayIcon.h"

namespace dashboard {

AlertCenter::AlertCenter(MonitorFeed *feed, EventLogModel *log, const QDBusConnection &bus,
                         QObject *parent)
    : QObject(parent), m_feed(feed), m_log(log), m_engine(new AlertEngine(this)),
      m_notifier(new DesktopNotifier(bus, this))
{
    connect(feed, &MonitorFeed::snapshotReceived, m_engine, &AlertEngine::applySnapshot);
    connect(feed, &MonitorFeed::eventReceived, m_engine, &AlertEngine::applyRoomEvent);
    connect(feed, &MonitorFeed::stateChanged, this, [this](MonitorFeed::ConnectionState s) {
        m_connected = s == MonitorFeed::ConnectionState::Live;
        m_engine->setConnected(m_connected);
        refreshTray();
    });
    connect(m_engine, &AlertEngine::notice, this, &AlertCenter::deliver);
    connect(m_engine, &AlertEngine::activeChanged, this, &AlertCenter::refreshTray);
    connect(m_notifier, &DesktopNotifier::muteRequested, this, [this](const QString &key) {
        m_engine->mute(key, MuteMs);
        m_log->add(EventLogModel::Severity::Info, tr("Notification"),
                   tr("Muted for 1 h: %1").arg(key));
    });
    connect(m_notifier, &DesktopNotifier::activated, this,
            [this](const QString &, const QString &panel) {
                if (m_window)
                    m_window->reveal(panel);
            });
}

AlertCenter::~AlertCenter() = default;

void AlertCenter::watchAlertmanager(QNetworkAccessManager *network, const QUrl &url,
                                    const QByteArray &token)
{
    if (m_alertmanager)
        return;
    m_alertmanager = new AlertmanagerClient(network, this);
    m_alertmanager->setBaseUrl(url);
    m_alertmanager->setToken(token);
    m_firing = new FiringAlertsModel(this);
    connect(m_alertmanager, &AlertmanagerClient::alertsChanged, m_firing,
            &FiringAlertsModel::setAlerts);
    connect(m_alertmanager, &AlertmanagerClient::alertsChanged, m_engine,
            &AlertEngine::applyFiringAlerts);
    connect(m_alertmanager, &AlertmanagerClient::reachabilityChanged, this,
            [this](bool reachable, const QString &error) {
                m_log->add(
                    reachable ? EventLogModel::Severity::Info : EventLogModel::Severity::Warning,
                    tr("Alertmanager"),
                    reachable
                        ? tr("Alertmanager answers at %1").arg(m_alertmanager->baseUrl().toString())
                        : error);
            });
}

void AlertCenter::enableTray(bool force)
{
    if (m_tray || (!force && !TrayIcon::isAvailable()))
        return;
    m_tray = new TrayIcon(this);
    m_notifier->setTrayFallback(m_tray->systemTrayIcon());
    connect(m_tray, &TrayIcon::showRequested, this, [this] {
        if (m_window)
            m_window->reveal();
    });
    connect(m_tray, &TrayIcon::refreshRequested, m_feed, &MonitorFeed::refresh);
    connect(m_tray, &TrayIcon::notificationsPausedChanged, this, &AlertCenter::setPaused);
    connect(m_tray, &TrayIcon::quitRequested, this, &AlertCenter::quitRequested);
    refreshTray();
    m_tray->show();
}

void AlertCenter::attach(DashboardWindow *window)
{
    m_window = window;
    if (m_alertmanager)
        window->view()->showAlerts(m_alertmanager, m_firing);
    window->setCloseToTray(m_closeToTray && m_tray);
    window->pauseNotificationsAction()->setChecked(m_engine->isPaused());
    connect(window->pauseNotificationsAction(), &QAction::toggled, this, &AlertCenter::setPaused);
    connect(window->notificationSettingsAction(), &QAction::triggered, this,
            &AlertCenter::editSettings);
}

void AlertCenter::start()
{
    m_engine->startTimer();
    if (m_alertmanager)
        m_alertmanager->start();
}

void AlertCenter::loadSettings(QSettings &settings)
{
    AlertSettings s;
    s.load(settings);
    m_engine->setSettings(s);
    m_closeToTray = settings.value(QStringLiteral("alerts/close_to_tray"), false).toBool();
    if (m_window)
        m_window->setCloseToTray(m_closeToTray && m_tray);
}

void AlertCenter::saveSettings(QSettings &settings) const
{
    m_engine->settings().save(settings);
    settings.setValue(QStringLiteral("alerts/close_to_tray"), m_closeToTray);
}

void AlertCenter::editSettings()
{
    NotificationSettingsDialog dialog(m_engine->settings(), m_closeToTray, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_engine->setSettings(dialog.settings());
    m_closeToTray = dialog.closeToTray();
    if (m_window)
        m_window->setCloseToTray(m_closeToTray && m_tray);
    QSettings settings;
    saveSettings(settings);
}

void AlertCenter::setPaused(bool paused)
{
    if (m_engine->isPaused() == paused)
        return;
    m_engine->setPaused(paused);
    if (m_tray)
        m_tray->setNotificationsPaused(paused);
    if (m_window)
        m_window->pauseNotificationsAction()->setChecked(paused);
    m_log->add(EventLogModel::Severity::Info, tr("Notification"),
               paused ? tr("Notifications paused") : tr("Notifications resumed"));
    refreshTray();
}

void AlertCenter::deliver(const AlertNotice &notice)
{
    // Every notification is also an incident-log entry.
    const EventLogModel::Severity severity =
        notice.kind == AlertNotice::Kind::Recovered  ? EventLogModel::Severity::Info
        : notice.severity == AlertSeverity::Critical ? EventLogModel::Severity::Error
                                                     : EventLogModel::Severity::Warning;
    QString text = notice.title;
    if (!notice.body.isEmpty())
        text += QStringLiteral(": ") +
                QString(notice.body).replace(QLatin1Char('\n'), QStringLiteral("; "));
    m_log->add(severity, tr("Notification"), text);
    m_notifier->show(notice);
}

void AlertCenter::refreshTray()
{
    if (!m_tray)
        return;
    QStringList problems;
    for (const AlertEngine::Active &a : m_engine->active())
        problems << a.title;
    m_tray->setState(TrayIcon::stateFor(m_engine->worstSeverity(), m_connected), problems);
}

} // namespace dashboard
