// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QObject>
#include <QTemporaryDir>

#include "AppOptions.h"
#include "ConnectionList.h"

class QNetworkAccessManager;

namespace enrichment {
class BackendThread;
}

namespace dashboard {

class AlertCenter;
class Connection;
class DashboardWindow;
class HeadlessExport;
class PrometheusClient;

/// Wires the program: the embedded demo backend (unless --url or saved connections), a
/// Connection per watched backend, the window and the alert center or the headless export,
/// and the settings.
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
    /// Points the main connection at --url, the first saved connection (the rest stay in
    /// @p saved) or the embedded demo backend it starts; false with the reason.
    bool openMain(const QByteArray &token, QList<SavedConnection> *saved, QString *error);
    bool startHeadless();
    bool startWindow(const QByteArray &token, const QList<SavedConnection> &saved, QString *error);
    void connectTo(const QUrl &url);
    void quitWindow();
    /// One more backend in a tab of the window. What cannot be used (a token file, the
    /// history's) is said in its log and the main one's; the connection opens regardless.
    Connection *openConnection(const QString &name, const QUrl &url, const QString &tokenFile,
                               const QByteArray &token, const QUrl &prometheus = {},
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
    /// Every backend watched; the first is the main one (the command line's or the first
    /// saved one, or the embedded demo).
    QList<Connection *> m_connections;
    QString m_description; ///< what the status bar says of the main connection
    std::unique_ptr<DashboardWindow> m_window;
    AlertCenter *m_alerts = nullptr; ///< notifications, tray, Alertmanager (windowed only)
    HeadlessExport *m_headless = nullptr;
};

} // namespace dashboard
