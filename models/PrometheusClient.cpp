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

#include "HttpFetch.h"
#include "enrichment/ServerText.h"

namespace dashboard {

PrometheusClient::PrometheusClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network)
{}

PrometheusClient::~PrometheusClient()
{
    for (const QPointer<HttpFetch> &f : std::as_const(m_pending))
        if (f)
            f->cancel();
}

void PrometheusClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = enrichment::serviceBaseUrl(url);
}

qint64 PrometheusClient::stepFor(qint64 spanMs, int pixels)
{
    const qint64 points = 2LL * std::max(1, pixels);
    const qint64 step = (std::max<qint64>(1, spanMs) + points - 1) / points;
    return std::max<qint64>(15'000, (step + 999) / 1000 * 1000);
}

void PrometheusClient::cancel(const QString &tag)
{
    if (QPointer<HttpFetch> old = m_pending.take(tag); old)
        old->cancel();
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
    HttpFetch::Request request;
    request.service = QStringLiteral("Prometheus");
    request.url = url;
    request.token = m_token;
    request.maxBytes = MaxBytes;
    request.deadlineMs = m_deadlineMs;
    HttpFetch *fetch = HttpFetch::start(m_network, request, this);
    m_pending.insert(tag, fetch);
    connect(fetch, &HttpFetch::finished, this, [this, tag, fetch] {
        if (m_pending.value(tag) != fetch)
            return; // replaced meanwhile
        m_pending.remove(tag);
        if (fetch->failure() != HttpFetch::Failure::None) {
            Q_EMIT rangeFailed(tag, fetch->errorText());
            return;
        }
        const QString where = fetch->where();
        const int status = fetch->status();
        const QByteArray &body = fetch->body();
        if (status != 200) {
            const QString message = enrichment::plainServerText(
                QJsonDocument::fromJson(body).object().value(QLatin1String("error")).toString());
            Q_EMIT rangeFailed(
                tag, message.isEmpty()
                         ? tr("%1 answered HTTP %2").arg(where).arg(status)
                         : tr("%1 answered HTTP %2: %3").arg(where).arg(status).arg(message));
            return;
        }
        QString error;
        const auto series = parseMatrix(body, &error);
        if (!series) {
            Q_EMIT rangeFailed(tag, tr("%1 sent what is not a range answer: %2").arg(where, error));
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
        *error = enrichment::plainServerText(
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
        if (out.size() >= MaxSeries)
            break;
        Series s;
        const QJsonObject metric = v.toObject().value(QLatin1String("metric")).toObject();
        for (auto it = metric.begin(); it != metric.end(); ++it)
            s.labels.insert(it.key().left(64),
                            enrichment::plainServerText(it.value().toString(), 128));
        const QJsonArray values = v.toObject().value(QLatin1String("values")).toArray();
        if (values.size() > MaxPointsPerSeries) { // Prometheus itself answers at most 11,000
            *error = QStringLiteral("a series of %1 points (at most %2)")
                         .arg(values.size())
                         .arg(MaxPointsPerSeries);
            return std::nullopt;
        }
        s.points.reserve(values.size());
        for (const QJsonValue &p : values) {
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
