// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ForecastChart.h"

#include <cmath>

#include <QAreaSeries>
#include <QChart>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLineSeries>
#include <QTimer>
#include <QValueAxis>

#include "ForecastModel.h"
#include "enrichment/MetricNames.h"
#include "enrichment/Vocabulary.h"

namespace dashboard {

ForecastChart::ForecastChart(ForecastModel *model, const QColor &color, QWidget *parent)
    : ChartPanel(QStringLiteral("forecast"), tr("Backlog forecast"), model, parent), m_model(model),
      m_observed(new QLineSeries), m_projected(new QLineSeries), m_upper(new QLineSeries),
      m_lower(new QLineSeries), m_band(new QAreaSeries(m_upper, m_lower)),
      m_headline(new QLabel(this))
{
    m_headline->setObjectName(QStringLiteral("forecastHeadline"));
    m_headline->setTextFormat(Qt::PlainText);
    addHeaderWidget(m_headline);

    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("HH:mm"));
    x->setTickCount(6);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(tr("pending tracks"));
    chart()->addAxis(x, Qt::AlignBottom);
    chart()->addAxis(y, Qt::AlignLeft);

    QColor fill = color;
    fill.setAlphaF(0.18);
    m_band->setName(tr("95 % band"));
    m_band->setBrush(fill);
    m_band->setPen(Qt::NoPen);
    m_observed->setName(tr("Observed"));
    QPen solid(color);
    solid.setWidthF(2.0);
    m_observed->setPen(solid);
    m_projected->setName(tr("Forecast"));
    QPen dashed(color);
    dashed.setWidthF(2.0);
    dashed.setStyle(Qt::DashLine);
    m_projected->setPen(dashed);
    for (QAbstractSeries *s :
         {static_cast<QAbstractSeries *>(m_band), static_cast<QAbstractSeries *>(m_observed),
          static_cast<QAbstractSeries *>(m_projected)}) {
        chart()->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    setLegendWanted(true);
    applyPalette();
    connect(model, &QAbstractItemModel::modelReset, this, &ForecastChart::scheduleRebuild);
    scheduleRebuild();
}

void ForecastChart::setPrometheus(PrometheusClient *client)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    if (!client)
        return;
    connect(client, &PrometheusClient::rangeReady, this,
            [this](const QString &tag, const QList<PrometheusClient::Series> &series) {
                if (tag != id())
                    return;
                QList<QPair<qint64, double>> pending;
                for (const PrometheusClient::Series &s : series)
                    pending += s.points;
                m_model->setHistory(pending);
            });
    connect(client, &PrometheusClient::rangeFailed, this,
            [this](const QString &tag, const QString &error) {
                if (tag == id())
                    m_model->setHistory({}, error);
            });
    if (!m_historyTimer) {
        m_historyTimer = new QTimer(this);
        m_historyTimer->setInterval(60'000);
        connect(m_historyTimer, &QTimer::timeout, this, &ForecastChart::reloadHistory);
        m_historyTimer->start();
    }
    setNoDataText(tr("No data\nWaiting for the pending history from Prometheus."));
    reloadHistory();
}

void ForecastChart::reloadHistory()
{
    if (!m_client)
        return;
    const qint64 to = QDateTime::currentMSecsSinceEpoch();
    // One queue is seen by every worker: the max per queue, then the sum.
    m_client->queryRange(id(),
                         QStringLiteral("sum(max by (%1) (%2{%3=\"%4\"}))")
                             .arg(QLatin1String(enrichment::label::Queue),
                                  QLatin1String(enrichment::metric::QueueDepth),
                                  QLatin1String(enrichment::label::Status),
                                  enrichment::toWire(enrichment::TrackStatus::Pending)),
                         to - 360 * 60'000, to,
                         60'000); // the fit takes the newest two hours it finds
}

QString ForecastChart::headline() const
{
    return m_headline->text();
}

int ForecastChart::observedPoints() const
{
    return int(m_observed->count());
}

int ForecastChart::projectedPoints() const
{
    return int(m_projected->count());
}

bool ForecastChart::rebuild()
{
    const Forecast &f = m_model->forecast();
    m_headline->setText(f.ok ? m_model->outlook() : m_model->headline());
    m_headline->setToolTip(m_model->headline());
    for (QAbstractAxis *a : chart()->axes(Qt::Horizontal))
        a->setTitleText(m_model->basis()); // which history the fit used
    QList<QPointF> observed, projected, upper, lower;
    double top = 0;
    for (const auto &[ms, v] : f.observed) {
        observed.append({double(ms), v});
        top = std::max(top, v);
    }
    for (const Forecast::Point &p : f.projection) {
        projected.append({double(p.ms), p.value});
        upper.append({double(p.ms), p.high});
        lower.append({double(p.ms), p.low});
        top = std::max(top, p.high);
    }
    m_observed->replace(observed);
    m_projected->replace(projected);
    m_upper->replace(upper);
    m_lower->replace(lower);
    if (!f.ok || observed.isEmpty()) {
        // Say what it waits for: Prometheus's answer, or more samples.
        setNoDataText(m_client && m_client->isPending(id())
                          ? tr("No forecast yet\nWaiting for the pending history from "
                               "Prometheus.")
                          : tr("No forecast yet: %1\n(%2)").arg(f.reason, m_model->basis()));
        return false;
    }
    const qint64 from = f.observed.first().first;
    const qint64 to = f.projection.isEmpty() ? f.observed.last().first : f.projection.last().ms;
    const auto axes = chart()->axes();
    for (QAbstractAxis *a : axes) {
        if (auto *x = qobject_cast<QDateTimeAxis *>(a)) {
            x->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
        } else if (auto *y = qobject_cast<QValueAxis *>(a)) {
            double max = top <= 0 ? 1.0 : top * 1.1;
            const double mag = std::pow(10.0, std::floor(std::log10(max)));
            for (double step : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0})
                if (step * mag >= max) {
                    max = step * mag;
                    break;
                }
            y->setRange(0, max);
            y->setTickCount(6);
        }
    }
    return true;
}

} // namespace dashboard
