// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AlertCenter.h"

#include <QAction>
#include <QSettings>

#include "AlertmanagerClient.h"
#include "Connection.h"
#include "ConnectionPage.h"
#include "DashboardView.h"
#include "DashboardWindow.h"
#include "DesktopNotifier.h"
#include "EventLogModel.h"
#include "BackendFeed.h"
#include "NotificationSettingsDialog.h"
#include "TrayIcon.h"

namespace dashboard {

AlertCenter::AlertCenter(const QDBusConnection &bus, QObject *parent)
    : QObject(parent), m_notifier(new DesktopNotifier(bus, this))
{
    connect(m_notifier, &DesktopNotifier::muteRequested, this, [this](const QString &key) {
        QString engineKey;
        const int i = indexOfKey(key, &engineKey);
        if (i < 0)
            return;
        m_connections.at(i)->alerts()->mute(engineKey, MuteMs);
        m_connections.at(i)->eventLog()->add(EventLogModel::Severity::Info, tr("Notification"),
                                             tr("Muted for 1 h: %1").arg(engineKey));
    });
    connect(m_notifier, &DesktopNotifier::activated, this,
            [this](const QString &key, const QString &panel) {
                if (!m_window)
                    return;
                QString engineKey;
                const int i = indexOfKey(key, &engineKey);
                if (i >= 0)
                    m_window->setCurrentConnection(m_window->indexOf(m_connections.at(i)));
                m_window->reveal(panel);
            });
}

int AlertCenter::watch(Connection *connection)
{
    const int index = int(m_connections.size());
    m_connections.append(connection);
    AlertEngine *rules = connection->alerts();
    if (index > 0) { // one setting for every backend
        rules->setSettings(engine()->settings());
        rules->setPaused(engine()->isPaused());
    }
    if (m_started)
        rules->startTimer();
    connect(connection->feed(), &BackendFeed::stateChanged, this, &AlertCenter::refreshTray);
    connect(rules, &AlertEngine::notice, this, [this, connection](const AlertNotice &n) {
        deliver(int(m_connections.indexOf(connection)), n);
    });
    connect(rules, &AlertEngine::activeChanged, this, &AlertCenter::refreshTray);
    return index;
}

AlertEngine *AlertCenter::engine(int index) const
{
    return index >= 0 && index < m_connections.size() ? m_connections.at(index)->alerts() : nullptr;
}

int AlertCenter::indexOfKey(const QString &key, QString *engineKey) const
{
    // The first backend's keys are the engine's; the others' start with "name|".
    const qsizetype bar = key.indexOf(QLatin1Char('|'));
    if (bar > 0) {
        const QString name = key.left(bar);
        for (int i = 1; i < m_connections.size(); ++i)
            if (m_connections.at(i)->displayName() == name) {
                *engineKey = key.mid(bar + 1);
                return i;
            }
    }
    *engineKey = key;
    return m_connections.isEmpty() ? -1 : 0;
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
    connect(m_alertmanager, &AlertmanagerClient::alertsChanged, engine(),
            &AlertEngine::applyFiringAlerts);
    connect(m_alertmanager, &AlertmanagerClient::reachabilityChanged, this,
            [this](bool reachable, const QString &error) {
                m_connections.first()->eventLog()->add(
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
    connect(m_tray, &TrayIcon::refreshRequested, this, [this] {
        for (const Connection *c : std::as_const(m_connections))
            c->feed()->refresh();
    });
    connect(m_tray, &TrayIcon::notificationsPausedChanged, this, &AlertCenter::setPaused);
    connect(m_tray, &TrayIcon::quitRequested, this, &AlertCenter::quitRequested);
    refreshTray();
    m_tray->show();
}

void AlertCenter::attach(DashboardWindow *window)
{
    m_window = window;
    // Alertmanager's alerts are shown on the main connection's page.
    ConnectionPage *main =
        m_connections.isEmpty() ? nullptr : window->page(window->indexOf(m_connections.first()));
    if (m_alertmanager && main)
        main->view()->showAlerts(m_alertmanager, m_firing);
    window->setCloseToTray(m_closeToTray && m_tray);
    window->pauseNotificationsAction()->setChecked(engine()->isPaused());
    connect(window->pauseNotificationsAction(), &QAction::toggled, this, &AlertCenter::setPaused);
    connect(window->notificationSettingsAction(), &QAction::triggered, this,
            &AlertCenter::editSettings);
}

void AlertCenter::start()
{
    m_started = true;
    for (const Connection *c : std::as_const(m_connections))
        c->alerts()->startTimer();
    if (m_alertmanager)
        m_alertmanager->start();
}

void AlertCenter::loadSettings(QSettings &settings)
{
    AlertSettings s;
    s.load(settings);
    for (const Connection *c : std::as_const(m_connections))
        c->alerts()->setSettings(s);
    m_closeToTray = settings.value(QStringLiteral("alerts/close_to_tray"), false).toBool();
    if (m_window)
        m_window->setCloseToTray(m_closeToTray && m_tray);
}

void AlertCenter::saveSettings(QSettings &settings) const
{
    engine()->settings().save(settings);
    settings.setValue(QStringLiteral("alerts/close_to_tray"), m_closeToTray);
}

void AlertCenter::editSettings()
{
    NotificationSettingsDialog dialog(engine()->settings(), m_closeToTray, m_window);
    if (dialog.exec() != QDialog::Accepted)
        return;
    for (const Connection *c : std::as_const(m_connections))
        c->alerts()->setSettings(dialog.settings());
    m_closeToTray = dialog.closeToTray();
    if (m_window)
        m_window->setCloseToTray(m_closeToTray && m_tray);
    QSettings settings;
    saveSettings(settings);
}

void AlertCenter::setPaused(bool paused)
{
    if (engine()->isPaused() == paused)
        return;
    for (const Connection *c : std::as_const(m_connections))
        c->alerts()->setPaused(paused);
    if (m_tray)
        m_tray->setNotificationsPaused(paused);
    if (m_window)
        m_window->pauseNotificationsAction()->setChecked(paused);
    for (const Connection *c : std::as_const(m_connections))
        c->eventLog()->add(EventLogModel::Severity::Info, tr("Notification"),
                           paused ? tr("Notifications paused") : tr("Notifications resumed"));
    refreshTray();
}

void AlertCenter::deliver(int index, AlertNotice notice)
{
    const Connection *c = m_connections.at(index);
    // Every notification is also an entry in that backend's incident log.
    const EventLogModel::Severity severity =
        notice.kind == AlertNotice::Kind::Recovered  ? EventLogModel::Severity::Info
        : notice.severity == AlertSeverity::Critical ? EventLogModel::Severity::Error
                                                     : EventLogModel::Severity::Warning;
    QString text = notice.title;
    if (!notice.body.isEmpty())
        text += QStringLiteral(": ") +
                QString(notice.body).replace(QLatin1Char('\n'), QStringLiteral("; "));
    c->eventLog()->add(severity, tr("Notification"), text);
    // On the desktop, say which backend (once there are several) and keep each backend's
    // problems apart: its own keys, so it replaces and mutes only its own notifications.
    if (index > 0) {
        notice.key = c->displayName() + QLatin1Char('|') + notice.key;
        for (QString &k : notice.keys)
            k = c->displayName() + QLatin1Char('|') + k;
    }
    if (m_connections.size() > 1)
        notice.title = tr("%1: %2").arg(c->displayName(), notice.title);
    m_notifier->show(notice);
}

void AlertCenter::refreshTray()
{
    if (!m_tray)
        return;
    QStringList problems;
    AlertSeverity worst = AlertSeverity::None;
    bool connected = true;
    for (const Connection *c : std::as_const(m_connections)) {
        for (const AlertEngine::Active &a : c->alerts()->active())
            problems << (m_connections.size() > 1 ? tr("%1: %2").arg(c->displayName(), a.title)
                                                  : a.title);
        worst = std::max(worst, c->alerts()->worstSeverity());
        connected = connected && c->feed()->state() == BackendFeed::ConnectionState::Live;
    }
    m_tray->setState(TrayIcon::stateFor(worst, connected), problems);
}

} // namespace dashboard
