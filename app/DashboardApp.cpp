// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DashboardApp.h"

#include <QCoreApplication>
#include <QFile>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSettings>

#include "AlertCenter.h"
#include "ConnectionList.h"
#include "ConnectionsDialog.h"
#include "enrichment/TokenFile.h"
#include "enrichment/BackendThread.h"
#include "DashboardModels.h"
#include "DashboardView.h"
#include "DashboardWindow.h"
#include "EventLogModel.h"
#include "HeadlessExport.h"
#include "IncidentRecorder.h"
#include "BackendFeed.h"
#include "PrometheusClient.h"

namespace dashboard {

DashboardApp::DashboardApp(const AppOptions &options, QObject *parent)
    : QObject(parent), m_options(options), m_network(new QNetworkAccessManager(this)),
      m_feed(new BackendFeed(m_network, this)), m_models(new DashboardModels(this)),
      m_eventLog(new EventLogModel(500, this)),
      m_incidents(new IncidentRecorder(m_feed, m_eventLog, this))
{
    m_models->follow(m_feed);
}

DashboardApp::~DashboardApp()
{
    m_feed->stop();
    for (const Session &session : std::as_const(m_sessions))
        session.feed->stop();
    m_window.reset();
    delete m_headless; // its view shows the models: gone before they are
    m_headless = nullptr;
    m_backend.reset(); // stops the embedded backend and joins its thread
}

bool DashboardApp::start(QString *error)
{
    QByteArray token;
    if (!enrichment::resolveToken(m_options.tokenFile, &token, error))
        return false;
    m_feed->setToken(token);
    if (!m_options.caFile.isEmpty() && !trustCaFile(m_options.caFile, error))
        return false;

    QUrl url = m_options.url;
    QString description;
    QString mainName;
    QUrl mainPrometheus;
    QString mainPrometheusToken;
    // Without --url, a window watches the saved connections (File > Connections), if any.
    QList<SavedConnection> saved;
    if (m_options.exportDir.isEmpty()) {
        QSettings settings;
        saved = ConnectionList::load(settings);
        saved.erase(std::remove_if(saved.begin(), saved.end(),
                                   [](const SavedConnection &c) { return !c.watch; }),
                    saved.end());
    }
    if (url.isEmpty() && !saved.isEmpty()) {
        const SavedConnection first = saved.takeFirst();
        url = first.url;
        mainName = first.name;
        mainPrometheus = first.prometheus;
        mainPrometheusToken = first.prometheusTokenFile;
        // A saved connection's token file that cannot be used (gone, a directory, too
        // large, a pipe) does not keep the window shut: the connection is watched without
        // it and says why, so that File > Connections can fix it.
        QByteArray savedToken;
        QString why;
        if (!first.tokenFile.isEmpty() &&
            !enrichment::readTokenFile(first.tokenFile, &savedToken, &why)) {
            savedToken.clear();
            m_startProblems << tr("%1: its token file cannot be used, watching without a token: "
                                  "%2 (fix it in File > Connections)")
                                   .arg(first.name, why);
        }
        m_feed->setToken(savedToken);
        description = tr("Backend %1 at %2").arg(first.name, url.toString());
    } else if (url.isEmpty()) {
        enrichment::BackendOptions b;
        b.port = 0;
        b.databasePath = m_demoDir.filePath(QStringLiteral("demo-queue.sqlite"));
        b.demo.seedTracks = 300;
        b.demo.keepPending = 300;
        b.token = token;
        m_backend = std::make_unique<enrichment::BackendThread>(b);
        m_backend->start();
        url = m_backend->waitUntilReady(15'000, error);
        if (url.isEmpty()) {
            *error = tr("cannot start the embedded backend: %1").arg(*error);
            return false;
        }
        description = tr("Embedded demo backend at %1 (simulated sources)").arg(url.toString());
    } else if (description.isEmpty()) {
        description = tr("Backend at %1").arg(url.toString());
    }

    // Long history, for the window and the export alike.
    QString historyError;
    PrometheusClient *prometheus =
        prometheusFor(mainPrometheus, mainPrometheusToken, &historyError);
    if (!historyError.isEmpty()) {
        if (mainName.isEmpty()) { // from the command line: say so and stop
            *error = historyError;
            return false;
        }
        m_startProblems << tr("%1: no long history: %2 (fix it in File > Connections)")
                               .arg(mainName, historyError);
    }

    if (!m_options.exportDir.isEmpty()) {
        // Headless: the dashboard's content is laid out and written without a window.
        m_headless = new HeadlessExport(m_feed, m_models, m_eventLog, m_options.exportDir,
                                        m_options.timeoutSeconds, this);
        connect(m_headless, &HeadlessExport::finished, this, &DashboardApp::finished);
        m_headless->setRangeMinutes(m_options.rangeMinutes);
        m_headless->setWaitSeconds(m_options.waitSeconds);
        m_headless->setOverwrite(m_options.overwrite);
        if (prometheus)
            m_headless->setPrometheus(prometheus);
        else // the backend's own history backfills what the range shows
            m_feed->setHistoryMinutes(std::max(60, m_options.rangeMinutes));
        m_headless->start();
        m_feed->setBaseUrl(url);
        m_feed->start();
        return true;
    }
    QByteArray alertmanagerToken;
    if (!m_options.alertmanagerTokenFile.isEmpty() &&
        !enrichment::readTokenFile(m_options.alertmanagerTokenFile, &alertmanagerToken, error))
        return false;
    m_window = std::make_unique<DashboardWindow>(m_feed, m_models, m_eventLog);
    m_window->setBackendDescription(description);
    connect(m_window.get(), &DashboardWindow::backendUrlChosen, this, &DashboardApp::connectTo);
    m_alerts = new AlertCenter(m_feed, m_eventLog, QDBusConnection::sessionBus(), this);
    if (!m_options.alertmanager.isEmpty())
        m_alerts->watchAlertmanager(m_network, m_options.alertmanager, alertmanagerToken);
    m_alerts->enableTray();
    m_alerts->attach(m_window.get());
    if (prometheus)
        m_window->view()->setPrometheus(prometheus);
    connect(m_alerts, &AlertCenter::quitRequested, this, &DashboardApp::quitWindow);
    QSettings settings;
    m_window->loadSettings(settings);
    m_alerts->loadSettings(settings);
    if (!m_options.url.isEmpty())
        settings.setValue(QStringLiteral("connection/url"), m_options.url.toString());
    m_window->setRecentUrl(QUrl(settings.value(QStringLiteral("connection/url")).toString()));
    m_feed->setBaseUrl(url);
    m_feed->start();
    if (!mainName.isEmpty())
        m_window->setConnectionName(0, mainName);
    connect(m_window.get(), &DashboardWindow::connectionsRequested, this,
            &DashboardApp::editConnections);
    // Every further --url (with the same token) and every other watched connection: a tab.
    for (const QUrl &more : std::as_const(m_options.moreUrls))
        if (!isOpen(more) && !openConnection(more.authority(), more, {}, token, error))
            return false;
    for (const SavedConnection &c : std::as_const(saved)) {
        QString why;
        if (!isOpen(c.url) && !openConnection(c.name, c.url, c.tokenFile, {}, &why, c.prometheus,
                                              c.prometheusTokenFile))
            m_eventLog->add(EventLogModel::Severity::Error, tr("Connection"),
                            tr("%1 not opened: %2").arg(c.name, why));
    }
    for (const QString &problem : std::as_const(m_startProblems)) {
        m_eventLog->add(EventLogModel::Severity::Error, tr("Connection"), problem);
        qWarning().noquote() << problem;
    }
    if (!m_startProblems.isEmpty())
        m_window->setBackendDescription(description + QStringLiteral(" — ") +
                                        m_startProblems.constFirst());
    if (m_window->connectionCount() > 1 && mainName.isEmpty())
        m_window->setConnectionName(0, url.authority());
    m_alerts->start();
    if (!m_options.minimized)
        m_window->show();
    else if (!m_alerts->tray())
        m_window->showMinimized(); // no tray to start in
    return true;
}

bool DashboardApp::trustCaFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = tr("cannot read CA file %1: %2").arg(path, f.errorString());
        return false;
    }
    const QList<QSslCertificate> cas = QSslCertificate::fromData(f.read(4 * 1024 * 1024));
    if (cas.isEmpty()) {
        *error = tr("%1 holds no PEM certificate").arg(path);
        return false;
    }
    // The default configuration is what both HTTP requests and the room's socket use.
    QSslConfiguration config = QSslConfiguration::defaultConfiguration();
    config.addCaCertificates(cas);
    QSslConfiguration::setDefaultConfiguration(config);
    return true;
}

void DashboardApp::requestQuit(int signal)
{
    if (m_headless || !m_window) {
        Q_EMIT finished(1, tr("interrupted by signal %1").arg(signal));
        return;
    }
    quitWindow();
}

void DashboardApp::quitWindow()
{
    // Closing the window saves its settings and, as the last visible window, quits the
    // app; a window hidden in the tray is not one, so then the app quits itself.
    const bool visible = m_window->isVisible();
    m_window->quit();
    if (!visible)
        QCoreApplication::quit();
}

void DashboardApp::connectTo(const QUrl &url)
{
    // The tab shown now moves to the chosen backend.
    BackendFeed *feed = m_window->feed();
    feed->stop();
    feed->setBaseUrl(url);
    m_window->setBackendDescription(tr("Backend at %1").arg(url.toString()));
    if (m_window->connectionCount() > 1)
        m_window->setConnectionName(m_window->currentConnection(), url.authority());
    QSettings().setValue(QStringLiteral("connection/url"), url.toString());
    feed->start();
}

bool DashboardApp::isOpen(const QUrl &url) const
{
    if (m_feed->baseUrl().adjusted(QUrl::StripTrailingSlash) ==
        url.adjusted(QUrl::StripTrailingSlash))
        return true;
    for (const Session &s : m_sessions)
        if (s.feed->baseUrl().adjusted(QUrl::StripTrailingSlash) ==
            url.adjusted(QUrl::StripTrailingSlash))
            return true;
    return false;
}

PrometheusClient *DashboardApp::prometheusFor(const QUrl &url, const QString &tokenFile,
                                              QString *error)
{
    // A client per view: a client's requests are named by chart id, the same in every tab.
    const QUrl where = url.isEmpty() ? m_options.prometheus : url;
    const QString file = url.isEmpty() ? m_options.prometheusTokenFile : tokenFile;
    if (where.isEmpty())
        return nullptr;
    QByteArray token;
    if (!file.isEmpty() && !enrichment::readTokenFile(file, &token, error))
        return nullptr;
    auto *client = new PrometheusClient(m_network, this);
    client->setBaseUrl(where);
    client->setToken(token);
    return client;
}

bool DashboardApp::openConnection(const QString &name, const QUrl &url, const QString &tokenFile,
                                  const QByteArray &token, QString *error, const QUrl &prometheus,
                                  const QString &prometheusTokenFile)
{
    // A token file that cannot be used leaves the connection open without it, saying why
    // in its own log (and the window's): the way to fix it, File > Connections, stays at
    // hand.
    QStringList problems;
    QByteArray secret = token;
    QString why;
    if (!tokenFile.isEmpty() && !enrichment::readTokenFile(tokenFile, &secret, &why)) {
        secret.clear();
        problems << tr("its token file cannot be used, watching without a token: %1 (fix it "
                       "in File > Connections)")
                        .arg(why);
    }
    QString historyError;
    PrometheusClient *history = prometheusFor(prometheus, prometheusTokenFile, &historyError);
    if (!historyError.isEmpty())
        problems << tr("no long history: %1 (fix it in File > Connections)").arg(historyError);
    Q_UNUSED(error);
    Session s;
    s.feed = new BackendFeed(m_network, this);
    s.feed->setToken(secret);
    s.models = new DashboardModels(this);
    s.models->follow(s.feed);
    s.log = new EventLogModel(500, this);
    new IncidentRecorder(s.feed, s.log, this);
    m_sessions.append(s);
    const int index = m_window->addConnection(name, s.feed, s.models, s.log);
    if (history)
        m_window->view(index)->setPrometheus(history);
    if (m_alerts) // its notifications too, named
        m_alerts->addFeed(name, s.feed, s.log, index);
    for (const QString &problem : std::as_const(problems)) {
        qWarning().noquote() << name + QStringLiteral(": ") + problem;
        s.log->add(EventLogModel::Severity::Error, tr("Connection"), problem);
        m_eventLog->add(EventLogModel::Severity::Error, tr("Connection"),
                        tr("%1: %2").arg(name, problem));
    }
    s.feed->setBaseUrl(url);
    s.feed->start();
    return true;
}

void DashboardApp::editConnections()
{
    QSettings settings;
    const QList<SavedConnection> saved = ConnectionList::load(settings);
    ConnectionsDialog dialog(saved, m_window.get());
    // The backends the command line opened are watched too: say so.
    QStringList fromCommandLine;
    if (!m_options.url.isEmpty())
        fromCommandLine << m_options.url.toString();
    for (const QUrl &u : m_options.moreUrls)
        fromCommandLine << u.toString();
    for (const SavedConnection &c : saved)
        fromCommandLine.removeAll(c.url.toString());
    dialog.setCommandLineUrls(fromCommandLine);
    if (dialog.exec() != QDialog::Accepted)
        return;
    ConnectionList::save(settings, dialog.connections());
    // Newly watched connections open now; one no longer watched stays until the next start.
    for (const SavedConnection &c : dialog.connections()) {
        QString why;
        if (c.watch && !isOpen(c.url) &&
            !openConnection(c.name, c.url, c.tokenFile, {}, &why, c.prometheus,
                            c.prometheusTokenFile))
            QMessageBox::warning(m_window.get(), tr("Connections"),
                                 tr("%1 not opened: %2").arg(c.name, why));
    }
}

} // namespace dashboard
