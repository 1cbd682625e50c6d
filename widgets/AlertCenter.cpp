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
#include "BackendFeed.h"
#include "NotificationSettingsDialog.h"
#include "TrayIcon.h"

namespace dashboard {

AlertCenter::AlertCenter(BackendFeed *feed, EventLogModel *log, const QDBusConnection &bus,
                         QObject *parent)
    : QObject(parent), m_notifier(new DesktopNotifier(bus, this))
{
    watch(QString(), feed, log, 0);
    connect(m_notifier, &DesktopNotifier::muteRequested, this, [this](const QString &key) {
        QString engineKey;
        const int i = indexOfKey(key, &engineKey);
        m_watched.at(i).engine->mute(engineKey, MuteMs);
        m_watched.at(i).log->add(EventLogModel::Severity::Info, tr("Notification"),
                                 tr("Muted for 1 h: %1").arg(engineKey));
    });
    connect(m_notifier, &DesktopNotifier::activated, this,
            [this](const QString &key, const QString &panel) {
                if (!m_window)
                    return;
                QString engineKey;
                m_window->setCurrentConnection(
                    m_watched.at(indexOfKey(key, &engineKey)).windowIndex);
                m_window->reveal(panel);
            });
}

int AlertCenter::addFeed(const QString &name, BackendFeed *feed, EventLogModel *log,
                         int windowIndex)
{
    watch(name.isEmpty() ? feed->baseUrl().authority() : name, feed, log, windowIndex);
    m_watched.last().engine->setSettings(engine()->settings());
    m_watched.last().engine->setPaused(engine()->isPaused());
    m_watched.last().engine->startTimer();
    return int(m_watched.size()) - 1;
}

void AlertCenter::watch(const QString &name, BackendFeed *feed, EventLogModel *log, int windowIndex)
{
    auto *engine = new AlertEngine(this);
    const int index = int(m_watched.size());
    m_watched.append({name, feed, log, engine, windowIndex});
    connect(feed, &BackendFeed::snapshotReceived, engine, &AlertEngine::applySnapshot);
    connect(feed, &BackendFeed::eventReceived, engine, &AlertEngine::applyRoomEvent);
    connect(feed, &BackendFeed::stateChanged, this, [this, index](BackendFeed::ConnectionState s) {
        m_watched.at(index).engine->setConnected(s == BackendFeed::ConnectionState::Live);
        refreshTray();
    });
    connect(engine, &AlertEngine::notice, this,
            [this, index](const AlertNotice &n) { deliver(index, n); });
    connect(engine, &AlertEngine::activeChanged, this, &AlertCenter::refreshTray);
}

AlertEngine *AlertCenter::engine(int index) const
{
    return index >= 0 && index < m_watched.size() ? m_watched.at(index).engine : nullptr;
}

int AlertCenter::indexOfKey(const QString &key, QString *engineKey) const
{
    // The first backend's keys are the engine's; the others' start with "name|".
    const qsizetype bar = key.indexOf(QLatin1Char('|'));
    if (bar > 0) {
        const QString name = key.left(bar);
        for (int i = 1; i < m_watched.size(); ++i)
            if (m_watched.at(i).name == name) {
                *engineKey = key.mid(bar + 1);
                return i;
            }
    }
    *engineKey = key;
    return 0;
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
                m_watched.first().log->add(
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
        for (const Watched &w : std::as_const(m_watched))
            w.feed->refresh();
    });
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
    window->pauseNotificationsAction()->setChecked(engine()->isPaused());
    connect(window->pauseNotificationsAction(), &QAction::toggled, this, &AlertCenter::setPaused);
    connect(window->notificationSettingsAction(), &QAction::triggered, this,
            &AlertCenter::editSettings);
}

void AlertCenter::start()
{
    for (const Watched &w : std::as_const(m_watched))
        w.engine->startTimer();
    if (m_alertmanager)
        m_alertmanager->start();
}

void AlertCenter::loadSettings(QSettings &settings)
{
    AlertSettings s;
    s.load(settings);
    for (const Watched &w : std::as_const(m_watched))
        w.engine->setSettings(s);
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
    for (const Watched &w : std::as_const(m_watched))
        w.engine->setSettings(dialog.settings());
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
    for (const Watched &w : std::as_const(m_watched))
        w.engine->setPaused(paused);
    if (m_tray)
        m_tray->setNotificationsPaused(paused);
    if (m_window)
        m_window->pauseNotificationsAction()->setChecked(paused);
    for (const Watched &w : std::as_const(m_watched))
        w.log->add(EventLogModel::Severity::Info, tr("Notification"),
                   paused ? tr("Notifications paused") : tr("Notifications resumed"));
    refreshTray();
}

void AlertCenter::deliver(int index, AlertNotice notice)
{
    const Watched &w = m_watched.at(index);
    // Every notification is also an entry in that backend's incident log.
    const EventLogModel::Severity severity =
        notice.kind == AlertNotice::Kind::Recovered  ? EventLogModel::Severity::Info
        : notice.severity == AlertSeverity::Critical ? EventLogModel::Severity::Error
                                                     : EventLogModel::Severity::Warning;
    QString text = notice.title;
    if (!notice.body.isEmpty())
        text += QStringLiteral(": ") +
                QString(notice.body).replace(QLatin1Char('\n'), QStringLiteral("; "));
    w.log->add(severity, tr("Notification"), text);
    // On the desktop, say which backend (once there are several) and keep each backend's
    // problems apart: its own keys, so it replaces and mutes only its own notifications.
    if (index > 0) {
        notice.key = w.name + QLatin1Char('|') + notice.key;
        for (QString &k : notice.keys)
            k = w.name + QLatin1Char('|') + k;
    }
    if (m_watched.size() > 1) {
        const QString name = index > 0 ? w.name : w.feed->baseUrl().authority();
        notice.title = tr("%1: %2").arg(name, notice.title);
    }
    m_notifier->show(notice);
}

void AlertCenter::refreshTray()
{
    if (!m_tray)
        return;
    QStringList problems;
    AlertSeverity worst = AlertSeverity::None;
    bool connected = true;
    for (const Watched &w : std::as_const(m_watched)) {
        for (const AlertEngine::Active &a : w.engine->active())
            problems << (m_watched.size() > 1
                             ? tr("%1: %2").arg(w.name.isEmpty() ? w.feed->baseUrl().authority()
                                                                 : w.name,
                                                a.title)
                             : a.title);
        worst = std::max(worst, w.engine->worstSeverity());
        connected = connected && w.feed->state() == BackendFeed::ConnectionState::Live;
    }
    m_tray->setState(TrayIcon::stateFor(worst, connected), problems);
}

} // namespace dashboard
