// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QAction>
#include <QCheckBox>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDoubleSpinBox>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSettings>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTableView>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include "enrichment/BackendService.h"
#include "AlertCenter.h"
#include "AlertmanagerClient.h"
#include "AlertsPanel.h"
#include "CircuitBreaker.h"
#include "DashboardModels.h"
#include "DashboardView.h"
#include "Connection.h"
#include "ConnectionPage.h"
#include "DashboardWindow.h"
#include "DesktopNotifier.h"
#include "EventLogModel.h"
#include "BackendFeed.h"
#include "NotificationSettingsDialog.h"
#include "Pipeline.h"
#include "ServiceInternals.h"
#include "TrayIcon.h"
#include "InProcessBackend.h"

using namespace dashboard;

/// What a freedesktop notification server received: one Notify call.
struct NotifyCall
{
    QString appName;
    uint replacesId = 0;
    QString icon;
    QString summary;
    QString body;
    QStringList actions;
    QVariantMap hints;
    int timeout = 0;
};

/// A notification server for the test's private session bus: it implements the methods
/// of org.freedesktop.Notifications that the dashboard calls, records every call, hands
/// out ids like a real server (a replaced notification keeps its id) and can send the
/// server's signals (a click on an action, a closed notification).
class RecordingNotificationServer : public QObject
{
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")
public:
    QList<NotifyCall> calls;

public Q_SLOTS:
    uint Notify(const QString &appName, uint replacesId, const QString &icon,
                const QString &summary, const QString &body, const QStringList &actions,
                const QVariantMap &hints, int timeout)
    {
        calls.append({appName, replacesId, icon, summary, body, actions, hints, timeout});
        return replacesId ? replacesId : ++m_next;
    }
    QStringList GetCapabilities() { return {QStringLiteral("actions"), QStringLiteral("body")}; }
    void CloseNotification(uint id) { Q_EMIT NotificationClosed(id, 3); }

Q_SIGNALS:
    void ActionInvoked(uint id, const QString &actionKey);
    void NotificationClosed(uint id, uint reason);

private:
    uint m_next = 100;
};

class TestNotifications : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    qint64 m_busPid = 0;
    QString m_address;
    std::unique_ptr<RecordingNotificationServer> m_server;
    QString m_serverConnection;
    int m_connections = 0;

    QDBusConnection connect(const QString &name)
    {
        return QDBusConnection::connectToBus(m_address, name + QString::number(++m_connections));
    }

    /// A fresh bus name for the server per test, so a test without one can be had too;
    /// cleanup() takes it off the bus again, also after a failed test.
    bool registerServer(QDBusConnection &bus)
    {
        m_serverConnection = bus.name();
        m_server = std::make_unique<RecordingNotificationServer>();
        return bus.registerObject(QLatin1String(DesktopNotifier::Path), m_server.get(),
                                  QDBusConnection::ExportAllSlots |
                                      QDBusConnection::ExportAllSignals) &&
               bus.registerService(QLatin1String(DesktopNotifier::Service));
    }

    static AlertNotice notice(const QString &key,
                              AlertNotice::Kind kind = AlertNotice::Kind::Raised)
    {
        AlertNotice n;
        n.kind = kind;
        n.key = key;
        n.rule = AlertRule::BreakerOpen;
        n.subject = QStringLiteral("discogs");
        n.severity = AlertSeverity::Critical;
        n.title = QStringLiteral("Circuit breaker of discogs is open");
        n.body = QStringLiteral("Calls are refused");
        n.panel = QStringLiteral("sources");
        return n;
    }

private Q_SLOTS:
    void initTestCase()
    {
        // A private session bus (Debian's dbus-daemon), stopped in cleanupTestCase.
        QProcess daemon;
        daemon.start(QStringLiteral("dbus-daemon"),
                     {QStringLiteral("--session"), QStringLiteral("--fork"),
                      QStringLiteral("--print-address=1"), QStringLiteral("--print-pid=1")});
        QVERIFY2(daemon.waitForFinished(10'000), "dbus-daemon did not start");
        QCOMPARE(daemon.exitCode(), 0);
        const QList<QByteArray> lines = daemon.readAllStandardOutput().trimmed().split('\n');
        QCOMPARE(lines.size(), 2);
        m_address = QString::fromUtf8(lines.at(0).trimmed());
        m_busPid = lines.at(1).trimmed().toLongLong();
        QVERIFY(m_busPid > 0);
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    }

    void cleanup()
    {
        if (m_serverConnection.isEmpty())
            return;
        QDBusConnection bus(m_serverConnection);
        if (bus.isConnected()) { // the test may have gone off the bus itself
            bus.unregisterService(QLatin1String(DesktopNotifier::Service));
            bus.unregisterObject(QLatin1String(DesktopNotifier::Path));
            QDBusConnection::disconnectFromBus(m_serverConnection);
        }
        m_serverConnection.clear();
    }

    void cleanupTestCase()
    {
        if (m_busPid > 0)
            QProcess::execute(QStringLiteral("kill"), {QString::number(m_busPid)});
    }

    void notifyCarriesUrgencyActionsAndReplacesItsEarlierOne()
    {
        QDBusConnection serverBus = connect(QStringLiteral("server"));
        QVERIFY(registerServer(serverBus));
        QDBusConnection clientBus = connect(QStringLiteral("client"));
        QVERIFY(clientBus.isConnected());
        DesktopNotifier notifier(clientBus);
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);

        notifier.show(notice(QStringLiteral("breaker_open:discogs")));
        QVERIFY(delivered.wait(5000));
        QCOMPARE(m_server->calls.size(), 1);
        const NotifyCall first = m_server->calls.at(0);
        QCOMPARE(first.appName, QStringLiteral("Enrichment Monitor"));
        QCOMPARE(first.icon, QStringLiteral("enrichment-monitor"));
        QCOMPARE(first.replacesId, 0u);
        QCOMPARE(first.summary, QStringLiteral("Circuit breaker of discogs is open"));
        QCOMPARE(first.hints.value(QStringLiteral("urgency")).toInt(), 2); // critical
        QCOMPARE(first.hints.value(QStringLiteral("desktop-entry")).toString(),
                 QStringLiteral("enrichment-monitor"));
        QCOMPARE(first.actions,
                 QStringList({QStringLiteral("default"), QStringLiteral("Show"),
                              QStringLiteral("mute"), QStringLiteral("Mute for 1 h")}));
        const uint id = delivered.at(0).at(1).toUInt();
        QVERIFY(id > 0);
        QCOMPARE(notifier.notificationId(QStringLiteral("breaker_open:discogs")), id);

        // The same problem again (its recovery): it replaces the first, at low urgency.
        notifier.show(notice(QStringLiteral("breaker_open:discogs"), AlertNotice::Kind::Recovered));
        QVERIFY(delivered.wait(5000));
        QCOMPARE(m_server->calls.size(), 2);
        QCOMPARE(m_server->calls.at(1).replacesId, id);
        QCOMPARE(m_server->calls.at(1).hints.value(QStringLiteral("urgency")).toInt(), 0);
        // Another problem: a notification of its own.
        AlertNotice rate = notice(QStringLiteral("rate_limit_low:spotify"));
        rate.rule = AlertRule::RateLimitLow;
        rate.severity = AlertSeverity::Warning;
        notifier.show(rate);
        QVERIFY(delivered.wait(5000));
        QCOMPARE(m_server->calls.at(2).replacesId, 0u);
        QCOMPARE(m_server->calls.at(2).hints.value(QStringLiteral("urgency")).toInt(), 1);

        // The operator clicks: "mute" and the default action are told apart, by key.
        QSignalSpy muted(&notifier, &DesktopNotifier::muteRequested);
        QSignalSpy activated(&notifier, &DesktopNotifier::activated);
        Q_EMIT m_server->ActionInvoked(id, QStringLiteral("mute"));
        QVERIFY(muted.wait(5000));
        QCOMPARE(muted.at(0).at(0).toString(), QStringLiteral("breaker_open:discogs"));
        Q_EMIT m_server->ActionInvoked(id, QStringLiteral("default"));
        QVERIFY(activated.wait(5000));
        QCOMPARE(activated.at(0).at(1).toString(), QStringLiteral("sources"));
        // Another application's notification is none of ours.
        Q_EMIT m_server->ActionInvoked(7, QStringLiteral("default"));
        // A closed notification is not replaced: the next one is new.
        Q_EMIT m_server->NotificationClosed(id, 2);
        QTRY_COMPARE(notifier.notificationId(QStringLiteral("breaker_open:discogs")), 0u);
        QCOMPARE(activated.size(), 1);
        QCOMPARE(notifier.fallbacks(), 0);

        serverBus.unregisterService(QLatin1String(DesktopNotifier::Service));
        serverBus.unregisterObject(QLatin1String(DesktopNotifier::Path));
        QDBusConnection::disconnectFromBus(serverBus.name());
    }

    void withoutAServerTheTrayShowsIt()
    {
        QDBusConnection clientBus = connect(QStringLiteral("lonely"));
        QVERIFY(clientBus.isConnected());
        QTRY_VERIFY(
            !clientBus.interface()->isServiceRegistered(QLatin1String(DesktopNotifier::Service)));
        DesktopNotifier notifier(clientBus);
        QSignalSpy delivered(&notifier, &DesktopNotifier::delivered);
        notifier.show(notice(QStringLiteral("source_down:discogs")));
        QVERIFY(delivered.wait(6000));
        QCOMPARE(delivered.at(0).at(1).toUInt(), 0u);
        QCOMPARE(notifier.fallbacks(), 1);

        // And without any bus at all.
        DesktopNotifier offline(QDBusConnection(QStringLiteral("not-connected")));
        offline.show(notice(QStringLiteral("x:")));
        QCOMPARE(offline.fallbacks(), 1);
    }

    void aBreakerOpeningReachesTheDesktopTrayAndLog()
    {
        // A real backend in-process, a feed, the alert centre on the private bus.
        enrichment::BackendOptions o = testsupport::testBackendOptions();
        o.historyIntervalMs = enrichment::BackendOptions().historyIntervalMs;
        o.demo.seedTracks = 20;
        o.breakerTimeoutMs = 1000; // open -> half_open after 1 s, so it can close again
        auto started =
            testsupport::startBackend(o, m_dir.filePath(QStringLiteral("alerts.sqlite")));
        enrichment::BackendService &backend = *started;

        QDBusConnection serverBus = connect(QStringLiteral("server"));
        QVERIFY(registerServer(serverBus));
        QNetworkAccessManager nam;
        Connection connection(&nam);
        BackendFeed &feed = *connection.feed();
        const EventLogModel &log = *connection.eventLog();
        AlertCenter center(connect(QStringLiteral("app")));
        QCOMPARE(center.watch(&connection), 0);
        center.enableTray(true); // offscreen has no tray; the icon's state is still kept
        AlertSettings settings;
        settings.recoverSeconds = 0;
        center.engine()->setSettings(settings);
        DashboardWindow window;
        window.addConnection(&connection);
        center.attach(&window);
        QSignalSpy delivered(center.notifier(), &DesktopNotifier::delivered);
        feed.setBaseUrl(backend.url());
        feed.start();
        center.start();
        QTRY_COMPARE(feed.state(), BackendFeed::ConnectionState::Live);
        QTRY_COMPARE(center.tray()->state(), TrayIcon::State::Ok);

        for (int i = 0; i < 5; ++i)
            internals(backend).pipeline().breaker(2)->recordFailure();
        QVERIFY(delivered.wait(10'000));
        QCOMPARE(m_server->calls.size(), 1);
        QCOMPARE(m_server->calls.at(0).summary,
                 QStringLiteral("Circuit breaker of discogs is open"));
        QCOMPARE(m_server->calls.at(0).hints.value(QStringLiteral("urgency")).toInt(), 2);
        QCOMPARE(center.tray()->state(), TrayIcon::State::Critical);
        QVERIFY2(center.tray()->toolTip().contains(QStringLiteral("discogs")),
                 qPrintable(center.tray()->toolTip()));
        bool logged = false;
        for (int r = 0; r < log.rowCount(); ++r)
            logged |=
                log.message(r).startsWith(QStringLiteral("Circuit breaker of discogs is open"));
        QVERIFY(logged);

        // "Show" on the notification brings the window up.
        QVERIFY(!window.isVisible());
        const uint id = delivered.at(0).at(1).toUInt();
        Q_EMIT m_server->ActionInvoked(id, QStringLiteral("default"));
        QTRY_VERIFY(window.isVisible());
        // "Mute for 1 h": that problem is muted in the rules.
        Q_EMIT m_server->ActionInvoked(id, QStringLiteral("mute"));
        QTRY_VERIFY(center.engine()->isMuted(QStringLiteral("breaker_open:discogs")));

        // Pause from the window's menu: the tray's menu follows.
        window.pauseNotificationsAction()->trigger();
        QVERIFY(center.engine()->isPaused());
        QVERIFY(center.tray()->pauseAction()->isChecked());
        center.tray()->pauseAction()->trigger();
        QVERIFY(!center.engine()->isPaused());
        QVERIFY(!window.pauseNotificationsAction()->isChecked());

        // The breaker closes: the recovery replaces the notification (mute over first).
        center.engine()->mute(QStringLiteral("breaker_open:discogs"), 0);
        enrichment::CircuitBreaker *breaker = internals(backend).pipeline().breaker(2);
        QTRY_COMPARE(breaker->state(), enrichment::BreakerState::HalfOpen);
        breaker->recordSuccess();
        breaker->recordSuccess();
        QCOMPARE(breaker->currentState(), enrichment::BreakerState::Closed);
        QTRY_VERIFY(m_server->calls.size() >= 2);
        QStringList summaries;
        for (const NotifyCall &c : std::as_const(m_server->calls))
            summaries << c.summary;
        QVERIFY2(m_server->calls.size() == 2, qPrintable(summaries.join(QStringLiteral(" | "))));
        QCOMPARE(m_server->calls.at(1).replacesId, id);
        QVERIFY(m_server->calls.at(1).summary.contains(QStringLiteral("closed again")));
        QTRY_COMPARE(center.tray()->state(), TrayIcon::State::Ok);

        // The tray's Quit asks the app to quit.
        QSignalSpy quit(&center, &AlertCenter::quitRequested);
        const QList<QAction *> actions = center.tray()->menu()->actions();
        actions.last()->trigger();
        QCOMPARE(quit.size(), 1);
        feed.stop();
        serverBus.unregisterService(QLatin1String(DesktopNotifier::Service));
        QDBusConnection::disconnectFromBus(serverBus.name());
    }

    void everyWatchedBackendNotifiesUnderItsName()
    {
        auto start = [this](const QString &file) {
            enrichment::BackendOptions o = testsupport::testBackendOptions();
            o.demo.seedTracks = 5;
            return testsupport::startBackend(o, m_dir.filePath(file));
        };
        auto prod = start(QStringLiteral("prod.sqlite"));
        auto staging = start(QStringLiteral("staging.sqlite"));
        QDBusConnection serverBus = connect(QStringLiteral("server"));
        QVERIFY(registerServer(serverBus));
        QNetworkAccessManager nam;
        Connection prodConnection(&nam), stagingConnection(&nam);
        stagingConnection.setName(QStringLiteral("staging"));
        BackendFeed &prodFeed = *prodConnection.feed();
        BackendFeed &stagingFeed = *stagingConnection.feed();
        const EventLogModel &stagingLog = *stagingConnection.eventLog();
        DashboardWindow window;
        window.addConnection(&prodConnection);
        AlertCenter center(connect(QStringLiteral("app")));
        center.watch(&prodConnection);
        center.attach(&window);
        const int tab = window.addConnection(&stagingConnection);
        QCOMPARE(center.watch(&stagingConnection), 1);
        center.enableTray(true);
        QSignalSpy delivered(center.notifier(), &DesktopNotifier::delivered);
        prodFeed.setBaseUrl(prod->url());
        stagingFeed.setBaseUrl(staging->url());
        prodFeed.start();
        stagingFeed.start();
        center.start();
        QTRY_COMPARE(stagingFeed.state(), BackendFeed::ConnectionState::Live);
        QTRY_COMPARE(prodFeed.state(), BackendFeed::ConnectionState::Live);

        // staging's discogs breaker opens: the notification names staging.
        for (int i = 0; i < 5; ++i)
            internals(*staging).pipeline().breaker(2)->recordFailure();
        QVERIFY(delivered.wait(10'000));
        QCOMPARE(m_server->calls.size(), 1);
        QCOMPARE(m_server->calls.at(0).summary,
                 QStringLiteral("staging: Circuit breaker of discogs is open"));
        QCOMPARE(delivered.at(0).at(0).toString(), QStringLiteral("staging|breaker_open:discogs"));
        QVERIFY(center.engine(1)->worstSeverity() == AlertSeverity::Critical);
        QVERIFY(center.engine(0)->worstSeverity() == AlertSeverity::None);
        QCOMPARE(center.tray()->state(), TrayIcon::State::Critical);
        QVERIFY(center.tray()->toolTip().contains(QStringLiteral("staging: Circuit breaker")));
        QCOMPARE(stagingLog.message(0).left(34),
                 QStringLiteral("Circuit breaker of discogs is open"));

        // Its Show goes to staging's tab; its Mute mutes staging's discogs only.
        const uint id = delivered.at(0).at(1).toUInt();
        Q_EMIT m_server->ActionInvoked(id, QStringLiteral("default"));
        QTRY_COMPARE(window.currentConnection(), tab);
        Q_EMIT m_server->ActionInvoked(id, QStringLiteral("mute"));
        QTRY_VERIFY(center.engine(1)->isMuted(QStringLiteral("breaker_open:discogs")));
        QVERIFY(!center.engine(0)->isMuted(QStringLiteral("breaker_open:discogs")));

        // The same on prod is a notification of its own.
        for (int i = 0; i < 5; ++i)
            internals(*prod).pipeline().breaker(2)->recordFailure();
        QTRY_COMPARE(m_server->calls.size(), 2);
        QCOMPARE(m_server->calls.at(1).replacesId, 0u);
        QVERIFY(m_server->calls.at(1).summary.endsWith(
            QStringLiteral(": Circuit breaker of discogs is open")));
        QVERIFY(!m_server->calls.at(1).summary.startsWith(QStringLiteral("staging")));
        prodFeed.stop();
        stagingFeed.stop();
        serverBus.unregisterService(QLatin1String(DesktopNotifier::Service));
        QDBusConnection::disconnectFromBus(serverBus.name());
    }

    void closingKeepsTheDashboardInTheTrayWhenAsked()
    {
        QNetworkAccessManager nam;
        Connection connection(&nam);
        DashboardWindow window;
        window.addConnection(&connection);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.setCloseToTray(true);
        QSignalSpy hidden(&window, &DashboardWindow::hiddenToTray);
        QVERIFY(!window.close()); // ignored: hidden instead
        QCOMPARE(hidden.size(), 1);
        QVERIFY(!window.isVisible());
        window.reveal(QStringLiteral("sources"));
        QVERIFY(window.isVisible());
        window.quit(); // Quit always closes
        QVERIFY(!window.isVisible());
        QCOMPARE(hidden.size(), 1);
    }

    void settingsDialogEditsTheRules()
    {
        AlertSettings s;
        NotificationSettingsDialog dialog(s, false);
        QVERIFY(dialog.ruleBox(AlertRule::Stuck)->isChecked());
        dialog.ruleBox(AlertRule::Stuck)->setChecked(false);
        QVERIFY(!dialog.stuckMinutes()->isEnabled()); // its threshold follows the switch
        dialog.rateLimitPercent()->setValue(25);
        const AlertSettings edited = dialog.settings();
        QVERIFY(!edited.isEnabled(AlertRule::Stuck));
        QVERIFY(edited.isEnabled(AlertRule::BreakerOpen));
        QCOMPARE(edited.rateLimitShare, 0.25);
        QCOMPARE(edited.repeatMinutes, s.repeatMinutes);
    }

    void theWindowGetsAnAlertsPanelOnlyWithAlertmanager()
    {
        QNetworkAccessManager nam;
        Connection connection(&nam);
        {
            AlertCenter center(QDBusConnection(QStringLiteral("none")));
            center.watch(&connection);
            DashboardWindow window;
            window.addConnection(&connection);
            center.attach(&window);
            QVERIFY(!window.currentPage()->view()->alertsPanel());
            QCOMPARE(window.currentPage()->view()->section(QStringLiteral("alerts")),
                     window.currentPage()->view()->section(QStringLiteral("queue"))); // the top
        }
        AlertCenter center(QDBusConnection(QStringLiteral("none")));
        center.watch(&connection);
        center.watchAlertmanager(&nam, QUrl(QStringLiteral("http://127.0.0.1:9")), {});
        DashboardWindow window;
        window.addConnection(&connection);
        center.attach(&window);
        QVERIFY(window.currentPage()->view()->alertsPanel());
        QCOMPARE(window.currentPage()->view()->alertsPanel()->table()->model(),
                 center.firingAlerts());
        QVERIFY(window.currentPage()
                    ->view()
                    ->section(QStringLiteral("alerts"))
                    ->isAncestorOf(window.currentPage()->view()->alertsPanel()));
        QVERIFY(window.currentPage()->view()->section(QStringLiteral("sources")) !=
                window.currentPage()->view()->section(QStringLiteral("alerts")));
    }

    void alertsPanelSaysWhatAlertmanagerSays()
    {
        QNetworkAccessManager nam;
        AlertmanagerClient client(&nam);
        FiringAlertsModel model;
        // Nothing listens on this port: the panel says so.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        const quint16 port = probe.serverPort();
        probe.close();
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        AlertsPanel panel(&client, &model);
        QVERIFY(panel.statusText().contains(QStringLiteral("Asking")));
        client.refresh();
        QTRY_VERIFY(client.isReachable().has_value());
        QVERIFY(!*client.isReachable());
        QVERIFY2(panel.statusText().contains(QStringLiteral("does not answer")),
                 qPrintable(panel.statusText()));
    }
};

QTEST_MAIN(TestNotifications)
#include "tst_notifications.moc"
