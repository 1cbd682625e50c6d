// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PrometheusClient.h"

#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QUrlQuery>

#include "ServerText.h"

namespace dashboard {

PrometheusClient::PrometheusClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network)
{}

PrometheusClient::~PrometheusClient()
{
    for (const QPointer<QNetworkReply> &r : std::as_const(m_pending))
        if (r) {
            r->disconnect(this);
            r->abort();
        }
}

void PrometheusClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = serviceBaseUrl(url);
}

qint64 PrometheusClient::stepFor(qint64 spanMs, int pixels)
{
    const qint64 points = 2LL * std::max(1, pixels);
    const qint64 step = (std::max<qint64>(1, spanMs) + points - 1) / points;
    return std::max<qint64>(15'000, (step + 999) / 1000 * 1000);
}

void PrometheusClient::cancel(const QString &tag)
{
    if (QPointer<QNetworkReply> old = m_pending.take(tag); old) {
        old->disconnect(this);
        old->abort();
        old->deleteLater();
    }
}

void PrometheusClient::queryRange(const QString &tag, const QString &expr, qint64 startMs,
                                  qint64 endMs, qint64 stepMs)
{
    cancel(tag);
    if (!m_baseUrl.isValid() || m_baseUrl.isEmpty()) {
        Q_EMIT rangeFailed(tag, tr("No Prometheus configured (start with --prometheus URL)"));
        return;
    }
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + QStringLiteral("/api/v1/query_range"));
    QUrlQuery q;
    q.addQueryItem(QStringLiteral("query"), QString::fromLatin1(QUrl::toPercentEncoding(expr)));
    q.addQueryItem(QStringLiteral("start"), QString::number(double(startMs) / 1000.0, 'f', 3));
    q.addQueryItem(QStringLiteral("end"), QString::number(double(endMs) / 1000.0, 'f', 3));
    q.addQueryItem(QStringLiteral("step"), QString::number(double(stepMs) / 1000.0, 'f', 3));
    url.setQuery(q);
    QNetworkRequest req(url);
    req.setTransferTimeout(30'000);
    if (!m_token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + m_token);
    QNetworkReply *reply = m_network->get(req);
    m_pending.insert(tag, reply);
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > MaxBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, tag, reply] {
        reply->deleteLater();
        if (m_pending.value(tag) != reply)
            return; // replaced meanwhile
        m_pending.remove(tag);
        const QString where = m_baseUrl.adjusted(QUrl::RemoveUserInfo).toString();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const QByteArray body = reply->read(MaxBytes);
        if (reply->error() != QNetworkReply::NoError && status == 0) {
            Q_EMIT rangeFailed(tag, tr("Prometheus at %1 does not answer: %2")
                                        .arg(where, plainServerText(reply->errorString())));
            return;
        }
        if (status != 200) {
            const QString message = plainServerText(
                QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toString());
            Q_EMIT rangeFailed(tag,
                               message.isEmpty()
                                   ? tr("Prometheus at %1 answered HTTP %2").arg(where).arg(status)
                                   : tr("Prometheus at %1 answered HTTP %2: %3")
                                         .arg(where)
                                         .arg(status)
                                         .arg(message));
            return;
        }
        QString error;
        const auto series = parseMatrix(body, &error);
        if (!series) {
            Q_EMIT rangeFailed(
                tag, tr("Prometheus at %1 sent what is not a range answer: %2").arg(where, error));
            return;
        }
        Q_EMIT rangeReady(tag, *series);
    });
}

std::optional<QList<PrometheusClient::Series>> PrometheusClient::parseMatrix(const QByteArray &json,
                                                                             QString *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &pe);
    if (pe.error != QJsonParseError::NoError) {
        *error = pe.errorString();
        return std::nullopt;
    }
    const QJsonObject o = doc.object();
    if (o.value(QLatin1String("status")).toString() != QLatin1String("success")) {
        *error = plainServerText(
            o.value(QLatin1String("error")).toString(QStringLiteral("status is not success")));
        return std::nullopt;
    }
    const QJsonObject data = o.value(QLatin1String("data")).toObject();
    if (data.value(QLatin1String("resultType")).toString() != QLatin1String("matrix")) {
        *error = QStringLiteral("not a matrix");
        return std::nullopt;
    }
    QList<Series> out;
    for (const QJsonValue &v : data.value(QLatin1String("result")).toArray()) {
        if (out.size() >= 200)
            break;
        Series s;
        const QJsonObject metric = v.toObject().value(QLatin1String("metric")).toObject();
        for (auto it = metric.begin(); it != metric.end(); ++it)
            s.labels.insert(it.key().left(64), plainServerText(it.value().toString(), 128));
        for (const QJsonValue &p : v.toObject().value(QLatin1String("values")).toArray()) {
            const QJsonArray pair = p.toArray();
            if (pair.size() != 2)
                continue;
            bool ok = false;
            const double value = pair.at(1).toString().toDouble(&ok);
            if (!ok || !std::isfinite(value))
                continue;
            s.points.append({qint64(std::llround(pair.at(0).toDouble() * 1000.0)), value});
        }
        out.append(s);
    }
    return out;
}

} // namespace dashboard
