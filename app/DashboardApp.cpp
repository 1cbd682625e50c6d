// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DashboardApp.h"

#include <algorithm>

#include <QCoreApplication>
#include <QFile>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSslCertificate>
#include <QSslConfiguration>

#include "AlertCenter.h"
#include "BackendFeed.h"
#include "Connection.h"
#include "ConnectionsDialog.h"
#include "DashboardWindow.h"
#include "EventLogModel.h"
#include "HeadlessExport.h"
#include "PrometheusClient.h"
#include "enrichment/BackendThread.h"
#include "enrichment/TokenFile.h"

namespace dashboard {

DashboardApp::DashboardApp(const AppOptions &options, QObject *parent)
    : QObject(parent), m_options(options), m_network(new QNetworkAccessManager(this))
{
    m_connections << new Connection(m_network, this);
}

DashboardApp::~DashboardApp()
{
    for (Connection *c : std::as_const(m_connections))
        c->stop();
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
    if (!m_options.caFile.isEmpty() && !trustCaFile(m_options.caFile, error))
        return false;
    // Without --url, a window watches the saved connections (File > Connections), if any.
    QList<SavedConnection> saved;
    if (m_options.exportDir.isEmpty()) {
        QSettings settings;
        saved = ConnectionList::load(settings);
        saved.erase(std::remove_if(saved.begin(), saved.end(),
                                   [](const SavedConnection &c) { return !c.watch; }),
                    saved.end());
    }
    if (!openMain(token, &saved, error))
        return false;
    if (!m_options.exportDir.isEmpty())
        return startHeadless();
    return startWindow(token, saved, error);
}

bool DashboardApp::openMain(const QByteArray &token, QList<SavedConnection> *saved, QString *error)
{
    Connection *main = m_connections.first();
    QUrl url = m_options.url;
    QByteArray secret = token;
    QUrl prometheus;
    QString prometheusToken;
    if (url.isEmpty() && !saved->isEmpty()) {
        const SavedConnection first = saved->takeFirst();
        url = first.url;
        main->setName(first.name);
        prometheus = first.prometheus;
        prometheusToken = first.prometheusTokenFile;
        // A saved connection's token file that cannot be used (gone, a directory, too
        // large, a pipe) does not keep the window shut: the connection is watched without
        // it and says why, so that File > Connections can fix it.
        QString why;
        secret.clear();
        if (!first.tokenFile.isEmpty() &&
            !enrichment::readTokenFile(first.tokenFile, &secret, &why)) {
            secret.clear();
            main->addProblem(tr("%1: its token file cannot be used, watching without a token: "
                                "%2 (fix it in File > Connections)")
                                 .arg(first.name, why));
        }
        m_description = tr("Backend %1 at %2").arg(first.name, url.toString());
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
        m_description = tr("Embedded demo backend at %1 (simulated sources)").arg(url.toString());
    } else {
        m_description = tr("Backend at %1").arg(url.toString());
    }
    main->setBackend(url, secret);

    // Long history, for the window and the export alike.
    QString historyError;
    main->setHistory(prometheusFor(prometheus, prometheusToken, &historyError));
    if (!historyError.isEmpty()) {
        if (main->name().isEmpty()) { // from the command line: say so and stop
            *error = historyError;
            return false;
        }
        main->addProblem(tr("%1: no long history: %2 (fix it in File > Connections)")
                             .arg(main->name(), historyError));
    }
    return true;
}

bool DashboardApp::startHeadless()
{
    // The dashboard's content is laid out and written without a window.
    Connection *main = m_connections.first();
    m_headless = new HeadlessExport(main->feed(), main->models(), main->eventLog(),
                                    m_options.exportDir, m_options.timeoutSeconds, this);
    connect(m_headless, &HeadlessExport::finished, this, &DashboardApp::finished);
    m_headless->setRangeMinutes(m_options.rangeMinutes);
    m_headless->setWaitSeconds(m_options.waitSeconds);
    m_headless->setOverwrite(m_options.overwrite);
    if (main->history())
        m_headless->setPrometheus(main->history());
    else // the backend's own history backfills what the range shows
        main->feed()->setHistoryMinutes(std::max(60, m_options.rangeMinutes));
    m_headless->start();
    main->start();
    return true;
}

bool DashboardApp::startWindow(const QByteArray &token, const QList<SavedConnection> &saved,
                               QString *error)
{
    QByteArray alertmanagerToken;
    if (!m_options.alertmanagerTokenFile.isEmpty() &&
        !enrichment::readTokenFile(m_options.alertmanagerTokenFile, &alertmanagerToken, error))
        return false;
    Connection *main = m_connections.first();
    m_window = std::make_unique<DashboardWindow>();
    m_window->addConnection(main);
    m_window->setBackendDescription(m_description);
    connect(m_window.get(), &DashboardWindow::backendUrlChosen, this, &DashboardApp::connectTo);
    connect(m_window.get(), &DashboardWindow::connectionsRequested, this,
            &DashboardApp::editConnections);
    m_alerts = new AlertCenter(QDBusConnection::sessionBus(), this);
    m_alerts->watch(main);
    if (!m_options.alertmanager.isEmpty())
        m_alerts->watchAlertmanager(m_network, m_options.alertmanager, alertmanagerToken);
    m_alerts->enableTray();
    m_alerts->attach(m_window.get());
    connect(m_alerts, &AlertCenter::quitRequested, this, &DashboardApp::quitWindow);
    QSettings settings;
    m_window->loadSettings(settings);
    m_alerts->loadSettings(settings);
    if (!m_options.url.isEmpty())
        settings.setValue(QStringLiteral("connection/url"), m_options.url.toString());
    m_window->setRecentUrl(QUrl(settings.value(QStringLiteral("connection/url")).toString()));
    main->start();
    // Every further --url (with the same token) and every other watched connection: a tab.
    for (const QUrl &more : std::as_const(m_options.moreUrls))
        if (!isOpen(more))
            openConnection(more.authority(), more, {}, token);
    for (const SavedConnection &c : saved)
        if (!isOpen(c.url))
            openConnection(c.name, c.url, c.tokenFile, {}, c.prometheus, c.prometheusTokenFile);
    const QStringList problems = main->problems();
    for (const QString &problem : problems)
        qWarning().noquote() << problem;
    if (!problems.isEmpty())
        m_window->setBackendDescription(m_description + QStringLiteral(" — ") + problems.first());
    if (m_window->connectionCount() > 1 && main->name().isEmpty())
        main->setName(main->url().authority());
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
    // The tab shown now moves to the chosen backend, with its token.
    Connection *c = m_connections.value(m_window->currentConnection());
    if (!c)
        return;
    c->stop();
    c->setBackend(url, c->feed()->token());
    m_window->setBackendDescription(tr("Backend at %1").arg(url.toString()));
    if (m_window->connectionCount() > 1)
        c->setName(url.authority());
    QSettings().setValue(QStringLiteral("connection/url"), url.toString());
    c->start();
}

bool DashboardApp::isOpen(const QUrl &url) const
{
    return std::any_of(m_connections.cbegin(), m_connections.cend(),
                       [&url](const Connection *c) { return c->watches(url); });
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

Connection *DashboardApp::openConnection(const QString &name, const QUrl &url,
                                         const QString &tokenFile, const QByteArray &token,
                                         const QUrl &prometheus, const QString &prometheusTokenFile)
{
    auto *c = new Connection(m_network, this);
    c->setName(name);
    // A token file that cannot be used leaves the connection open without it, saying why
    // in its own log (and the main one's): the way to fix it, File > Connections, stays
    // at hand.
    QByteArray secret = token;
    QString why;
    if (!tokenFile.isEmpty() && !enrichment::readTokenFile(tokenFile, &secret, &why)) {
        secret.clear();
        c->addProblem(tr("its token file cannot be used, watching without a token: %1 (fix it "
                         "in File > Connections)")
                          .arg(why));
    }
    QString historyError;
    c->setHistory(prometheusFor(prometheus, prometheusTokenFile, &historyError));
    if (!historyError.isEmpty())
        c->addProblem(tr("no long history: %1 (fix it in File > Connections)").arg(historyError));
    c->setBackend(url, secret);
    m_connections << c;
    m_window->addConnection(c);
    m_alerts->watch(c); // its notifications too, named
    for (const QString &problem : c->problems()) {
        qWarning().noquote() << name + QStringLiteral(": ") + problem;
        m_connections.first()->eventLog()->add(EventLogModel::Severity::Error, tr("Connection"),
                                               tr("%1: %2").arg(name, problem));
    }
    c->start();
    return c;
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
    // The dialog's own copy, read after its event loop ended.
    const QList<SavedConnection> edited = dialog.connections();
    ConnectionList::save(settings, edited);
    // Newly watched connections open now; one no longer watched stays until the next start.
    for (const SavedConnection &c : edited)
        if (c.watch && !isOpen(c.url))
            openConnection(c.name, c.url, c.tokenFile, {}, c.prometheus, c.prometheusTokenFile);
}

} // namespace dashboard
