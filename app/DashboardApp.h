// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QObject>
#include <QTemporaryDir>

#include "AppOptions.h"

class QNetworkAccessManager;

namespace enrichment {
class BackendThread;
}

namespace dashboard {

class AlertCenter;
class DashboardModels;
class DashboardWindow;
class EventLogModel;
class HeadlessExport;
class IncidentRecorder;
class BackendFeed;
class PrometheusClient;

/// Wires the program: the embedded demo backend (unless --url), the feed, the window or
/// the headless export, and the settings.
class DashboardApp final : public QObject
{
    Q_OBJECT
public:
    explicit DashboardApp(const AppOptions &options, QObject *parent = nullptr);
    ~DashboardApp() override;

    /// Starts everything; false with a one-line reason in @p error.
    bool start(QString *error);
    /// SIGTERM/SIGINT: like closing the window (settings saved, clean exit with 0); a
    /// headless export ends with 1 ("interrupted").
    void requestQuit(int signal);

Q_SIGNALS:
    /// Headless mode finished.
    void finished(int exitCode, const QString &message);

private:
    void connectTo(const QUrl &url);
    void quitWindow();
    /// One more backend in a tab of the window; false with the reason in @p error.
    bool openConnection(const QString &name, const QUrl &url, const QString &tokenFile,
                        const QByteArray &token, QString *error, const QUrl &prometheus = {},
                        const QString &prometheusTokenFile = {});
    /// A new client for @p url (empty: --prometheus); null without either, or when the
    /// token file cannot be read (then @p error says why).
    PrometheusClient *prometheusFor(const QUrl &url, const QString &tokenFile, QString *error);
    bool isOpen(const QUrl &url) const;
    /// File > Connections: edits the saved connections and opens the newly watched ones.
    void editConnections();
    /// Adds the CA certificates in @p path to what https:// connections trust.
    static bool trustCaFile(const QString &path, QString *error);

    AppOptions m_options;
    QTemporaryDir m_demoDir;
    std::unique_ptr<enrichment::BackendThread> m_backend;
    QNetworkAccessManager *m_network;
    BackendFeed *m_feed;
    DashboardModels *m_models; ///< what the window shows; owned here, not by the window
    EventLogModel *m_eventLog;
    IncidentRecorder *m_incidents;
    std::unique_ptr<DashboardWindow> m_window;
    AlertCenter *m_alerts = nullptr; ///< notifications, tray, Alertmanager (windowed only)
    /// The backends watched besides the main one (tabs), each with what it shows.
    struct Session
    {
        BackendFeed *feed;
        DashboardModels *models;
        EventLogModel *log;
    };
    QList<Session> m_sessions;
    HeadlessExport *m_headless = nullptr;
    /// What went wrong with the saved connections at start (said in the log once the
    /// window is up, instead of keeping it shut).
    QStringList m_startProblems;
};

} // namespace dashboard
