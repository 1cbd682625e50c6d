// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QAbstractTableModel>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace dashboard {

class HttpFetch;

/// One alert that Alertmanager reports as firing (active, neither silenced nor inhibited).
struct FiringAlert
{
    QString fingerprint;
    QString name;     ///< label alertname
    QString severity; ///< label severity ("critical", "warning", ...)
    QString source;   ///< label source, when the alert is about one source
    QString instance; ///< label instance
    QString summary;  ///< annotation summary (or description)
    QDateTime since;  ///< startsAt
};

/// Reads what is firing from Alertmanager's API v2 (`GET /api/v2/alerts`), every
/// `interval` and on refresh(); an answer that is not an alert list, too large, or a
/// server that does not answer is reported as unreachable with the reason, keeping the
/// last list (marked by isReachable() == false).
class AlertmanagerClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertmanagerClient)
public:
    static constexpr qint64 MaxBytes = 4 * 1024 * 1024; ///< read as it streams
    static constexpr int DeadlineMs = 10'000;           ///< the whole answer
    static constexpr int MaxAlerts = 1000;

    explicit AlertmanagerClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~AlertmanagerClient() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QByteArray &token) { m_token = token; }
    void setInterval(int ms);

    void start();
    void stop();
    void refresh();

    const QList<FiringAlert> &alerts() const { return m_alerts; }
    /// nullopt until the first answer (or failure).
    std::optional<bool> isReachable() const { return m_reachable; }
    QString lastError() const { return m_error; }

    /// Parses an API v2 alert list; nullopt and @p error when it is not one.
    static std::optional<QList<FiringAlert>> parse(const QByteArray &json, QString *error);

Q_SIGNALS:
    void alertsChanged(const QList<dashboard::FiringAlert> &alerts);
    /// Reachability or its reason changed (error is empty when reachable).
    void reachabilityChanged(bool reachable, const QString &error);

private:
    void onReply();
    void setReachable(bool reachable, const QString &error);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QByteArray m_token;
    QTimer m_timer;
    QPointer<HttpFetch> m_fetch;
    QList<FiringAlert> m_alerts;
    std::optional<bool> m_reachable;
    QString m_error;
};

/// The Alerts panel's table: name, severity, source, since, summary; worst first.
class FiringAlertsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Severity, Source, Since, Summary, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setAlerts(const QList<FiringAlert> &alerts);
    const QList<FiringAlert> &alerts() const { return m_alerts; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    QList<FiringAlert> m_alerts;
};

} // namespace dashboard

Q_DECLARE_METATYPE(dashboard::FiringAlert)
