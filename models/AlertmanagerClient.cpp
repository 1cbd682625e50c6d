// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AlertmanagerClient.h"

#include <algorithm>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

#include "ModelRoles.h"
#include "HttpFetch.h"
#include "enrichment/ServerText.h"

namespace dashboard {

AlertmanagerClient::AlertmanagerClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network)
{
    m_timer.setInterval(15'000);
    connect(&m_timer, &QTimer::timeout, this, &AlertmanagerClient::refresh);
}

AlertmanagerClient::~AlertmanagerClient()
{
    if (m_fetch)
        m_fetch->cancel();
}

void AlertmanagerClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = enrichment::serviceBaseUrl(url);
}

void AlertmanagerClient::setInterval(int ms)
{
    m_timer.setInterval(std::max(200, ms));
}

void AlertmanagerClient::start()
{
    m_timer.start();
    refresh();
}

void AlertmanagerClient::stop()
{
    m_timer.stop();
}

void AlertmanagerClient::refresh()
{
    if (!m_baseUrl.isValid() || m_fetch)
        return;
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + QStringLiteral("/api/v2/alerts"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("active"), QStringLiteral("true"));
    q.addQueryItem(QStringLiteral("silenced"), QStringLiteral("false"));
    q.addQueryItem(QStringLiteral("inhibited"), QStringLiteral("false"));
    url.setQuery(q);
    HttpFetch::Request request;
    request.service = QStringLiteral("Alertmanager");
    request.url = url;
    request.token = m_token;
    request.maxBytes = MaxBytes;
    request.deadlineMs = DeadlineMs;
    m_fetch = HttpFetch::start(m_network, request, this);
    connect(m_fetch, &HttpFetch::finished, this, &AlertmanagerClient::onReply);
}

void AlertmanagerClient::onReply()
{
    const HttpFetch *fetch = m_fetch;
    m_fetch = nullptr;
    if (!fetch)
        return;
    const int status = fetch->status();
    if (fetch->failure() != HttpFetch::Failure::None || status != 200) {
        setReachable(false, fetch->failure() != HttpFetch::Failure::None
                                ? fetch->errorText()
                                : tr("%1 answered HTTP %2").arg(fetch->where()).arg(status));
        return;
    }
    QString error;
    const auto alerts = parse(fetch->body(), &error);
    if (!alerts) {
        setReachable(false, tr("%1 sent what is not an alert list: %2").arg(fetch->where(), error));
        return;
    }
    setReachable(true, {});
    // Same alerts (by fingerprint and state): nothing to say.
    auto same = [](const FiringAlert &a, const FiringAlert &b) {
        return a.fingerprint == b.fingerprint && a.summary == b.summary &&
               a.severity == b.severity && a.since == b.since;
    };
    if (alerts->size() == m_alerts.size() &&
        std::equal(alerts->cbegin(), alerts->cend(), m_alerts.cbegin(), same))
        return;
    m_alerts = *alerts;
    Q_EMIT alertsChanged(m_alerts);
}

void AlertmanagerClient::setReachable(bool reachable, const QString &error)
{
    if (m_reachable == reachable && m_error == error)
        return;
    m_reachable = reachable;
    m_error = enrichment::plainServerText(error);
    Q_EMIT reachabilityChanged(reachable, m_error);
}

std::optional<QList<FiringAlert>> AlertmanagerClient::parse(const QByteArray &json, QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = pe.errorString();
        return std::nullopt;
    }
    if (!doc.isArray()) {
        *error = QStringLiteral("expected a JSON array");
        return std::nullopt;
    }
    QList<FiringAlert> out;
    for (const QJsonValue &v : doc.array()) {
        if (out.size() >= MaxAlerts)
            break;
        const QJsonObject o = v.toObject();
        const QJsonObject labels = o.value(QLatin1String("labels")).toObject();
        const QJsonObject annotations = o.value(QLatin1String("annotations")).toObject();
        const QString state =
            o.value(QLatin1String("status")).toObject().value(QLatin1String("state")).toString();
        if (labels.isEmpty() || (!state.isEmpty() && state != QLatin1String("active")))
            continue;
        FiringAlert a;
        a.fingerprint = o.value(QLatin1String("fingerprint")).toString().left(64);
        a.name =
            enrichment::plainServerText(labels.value(QLatin1String("alertname")).toString(), 100);
        a.severity =
            enrichment::plainServerText(labels.value(QLatin1String("severity")).toString(), 20);
        a.source =
            enrichment::plainServerText(labels.value(QLatin1String("source")).toString(), 64);
        a.instance =
            enrichment::plainServerText(labels.value(QLatin1String("instance")).toString(), 100);
        QString summary = annotations.value(QLatin1String("summary")).toString();
        if (summary.isEmpty())
            summary = annotations.value(QLatin1String("description")).toString();
        a.summary = enrichment::plainServerText(summary, 300);
        a.since =
            QDateTime::fromString(o.value(QLatin1String("startsAt")).toString(), Qt::ISODateWithMs);
        if (a.fingerprint.isEmpty())
            a.fingerprint = a.name + QLatin1Char('/') + a.source + QLatin1Char('/') + a.instance;
        out.append(a);
    }
    auto rank = [](const QString &severity) {
        return severity == QLatin1String("critical")  ? 0
               : severity == QLatin1String("warning") ? 1
                                                      : 2;
    };
    std::stable_sort(out.begin(), out.end(), [&rank](const FiringAlert &a, const FiringAlert &b) {
        if (rank(a.severity) != rank(b.severity))
            return rank(a.severity) < rank(b.severity);
        if (a.since != b.since)
            return a.since < b.since;
        return a.fingerprint < b.fingerprint;
    });
    return out;
}

void FiringAlertsModel::setAlerts(const QList<FiringAlert> &alerts)
{
    beginResetModel();
    m_alerts = alerts;
    endResetModel();
}

int FiringAlertsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_alerts.size());
}

int FiringAlertsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FiringAlertsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_alerts.size())
        return {};
    const FiringAlert &a = m_alerts.at(index.row());
    if (role == ModelRole::Severity)
        return a.severity;
    if (role == ModelRole::Export || role == ModelRole::Sort) {
        switch (index.column()) {
        case Name: return a.name;
        case Severity: return a.severity;
        case Source: return a.source;
        case Since: return a.since.toUTC().toString(Qt::ISODate);
        case Summary: return a.summary;
        }
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case Name: return a.name;
        case Severity: return a.severity.isEmpty() ? tr("none") : a.severity;
        case Source:
            return a.source.isEmpty() ? (a.instance.isEmpty() ? tr("pipeline") : a.instance)
                                      : a.source;
        case Since:
            return a.since.isValid()
                       ? QLocale().toString(a.since.toLocalTime(), QLocale::ShortFormat)
                       : tr("unknown");
        case Summary: return a.summary;
        }
    }
    if (role == Qt::ToolTipRole && index.column() == Summary)
        return a.summary;
    return {};
}

QVariant FiringAlertsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    if (role == ModelRole::Export) {
        static const char *keys[] = {"alertname", "severity", "source", "since", "summary"};
        return section >= 0 && section < ColumnCount ? QString::fromLatin1(keys[section])
                                                     : QVariant();
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name: return tr("Alert");
    case Severity: return tr("Severity");
    case Source: return tr("Source");
    case Since: return tr("Since");
    case Summary: return tr("Summary");
    }
    return {};
}

} // namespace dashboard
