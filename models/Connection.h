// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;

namespace dashboard {

class AlertEngine;
class BackendFeed;
class DashboardModels;
class EventLogModel;
class OperatorClient;
class PrometheusClient;

/// One backend being watched, with everything that follows it: the feed (snapshots and
/// the room), the models it fills, the incident log, the operator client, the long-history
/// client (optional) and the alert rules. The window shows a Connection in a
/// ConnectionPage; the alert center notifies about it; the app makes, names and starts
/// them. Nothing here is a widget.
class Connection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Connection)
public:
    /// The incident log keeps this many entries.
    static constexpr int LogEntries = 500;

    /// @p network is not owned and must outlive the connection.
    explicit Connection(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~Connection() override;

    /// The name the operator gave it (File > Connections); empty for one opened by URL.
    QString name() const { return m_name; }
    void setName(const QString &name);
    /// The name, or the backend's host:port when it has none.
    QString displayName() const;
    /// The backend's URL (the feed's).
    QUrl url() const;
    /// Watches @p url from now on with @p token (bearer; empty: none), for the feed and the
    /// operator client alike. Takes effect at the next start().
    void setBackend(const QUrl &url, const QByteArray &token);
    /// Whether @p url is this backend (a trailing slash does not count).
    bool watches(const QUrl &url) const;

    BackendFeed *feed() const { return m_feed; }
    DashboardModels *models() const { return m_models; }
    EventLogModel *eventLog() const { return m_log; }
    OperatorClient *operatorClient() const { return m_operator; }
    AlertEngine *alerts() const { return m_alerts; }
    /// The Prometheus client for long history, or null (then the backend's own history
    /// backfills the charts).
    PrometheusClient *history() const { return m_history; }
    /// Takes @p client over (it becomes a child of this connection).
    void setHistory(PrometheusClient *client);

    /// What went wrong while opening it (a token file that cannot be read, …): each is
    /// also an error in its incident log. The connection stays watched regardless.
    QStringList problems() const { return m_problems; }
    void addProblem(const QString &problem);

    void start();
    void stop();

Q_SIGNALS:
    void nameChanged(const QString &name);

private:
    QString m_name;
    BackendFeed *m_feed;
    DashboardModels *m_models;
    EventLogModel *m_log;
    OperatorClient *m_operator;
    AlertEngine *m_alerts;
    PrometheusClient *m_history = nullptr;
    QStringList m_problems;
};

} // namespace dashboard
