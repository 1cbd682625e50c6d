// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Connection.h"

#include "AlertRules.h"
#include "AnomalyModel.h"
#include "TripForecastModel.h"
#include "BackendFeed.h"
#include "DashboardModels.h"
#include "EventLogModel.h"
#include "IncidentRecorder.h"
#include "OperatorClient.h"
#include "PrometheusClient.h"

namespace dashboard {

Connection::Connection(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_feed(new BackendFeed(network, this)), m_models(new DashboardModels(this)),
      m_log(new EventLogModel(LogEntries, this)), m_operator(new OperatorClient(network, this)),
      m_alerts(new AlertEngine(this))
{
    m_models->follow(m_feed);
    new IncidentRecorder(m_feed, m_log, this);
    connect(m_feed, &BackendFeed::snapshotReceived, m_alerts, &AlertEngine::applySnapshot);
    connect(m_feed, &BackendFeed::eventReceived, m_alerts, &AlertEngine::applyRoomEvent);
    connect(m_models->anomalies(), &AnomalyModel::evaluated, m_alerts,
            [this] { m_alerts->applyAnomalies(m_models->anomalies()->current()); });
    connect(m_models->tripForecasts(), &TripForecastModel::updated, m_alerts,
            [this] { m_alerts->applyTripForecasts(m_models->tripForecasts()->forecasts()); });
    connect(m_feed, &BackendFeed::stateChanged, m_alerts, [this](BackendFeed::ConnectionState s) {
        m_alerts->setConnected(s == BackendFeed::ConnectionState::Live);
    });
}

Connection::~Connection()
{
    m_feed->stop();
}

void Connection::setName(const QString &name)
{
    if (name == m_name)
        return;
    m_name = name;
    Q_EMIT nameChanged(name);
}

QString Connection::displayName() const
{
    return m_name.isEmpty() ? m_feed->baseUrl().authority() : m_name;
}

QUrl Connection::url() const
{
    return m_feed->baseUrl();
}

void Connection::setBackend(const QUrl &url, const QByteArray &token)
{
    m_feed->setBaseUrl(url);
    m_feed->setToken(token);
    m_operator->setBaseUrl(url);
    m_operator->setToken(token);
}

bool Connection::watches(const QUrl &url) const
{
    return m_feed->baseUrl().adjusted(QUrl::StripTrailingSlash) ==
           url.adjusted(QUrl::StripTrailingSlash);
}

void Connection::setHistory(PrometheusClient *client)
{
    if (client)
        client->setParent(this);
    m_history = client;
}

void Connection::addProblem(const QString &problem)
{
    m_problems << problem;
    m_log->add(EventLogModel::Severity::Error, tr("Connection"), problem);
}

void Connection::start()
{
    m_feed->start();
}

void Connection::stop()
{
    m_feed->stop();
}

} // namespace dashboard
