// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnomalyChart.h"

#include <cmath>

#include <QAreaSeries>
#include <QChart>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLabel>
#include <QLineSeries>
#include <QLocale>
#include <QScatterSeries>
#include <QValueAxis>
#include <QVBoxLayout>

#include "AnomalyModel.h"
#include "StatusStyle.h"

namespace dashboard {

namespace {
constexpr int MaxListed = 5;
}

AnomalyChart::AnomalyChart(AnomalyModel *model, QWidget *parent)
    : ChartPanel(QStringLiteral("anomalies"), tr("Anomalies"), model, parent), m_model(model),
      m_sourceBox(new QComboBox(this)), m_metricBox(new QComboBox(this)), m_list(new QLabel(this)),
      m_observed(new QLineSeries), m_upper(new QLineSeries), m_lower(new QLineSeries),
      m_band(new QAreaSeries(m_upper, m_lower)), m_marked(new QScatterSeries)
{
    m_sourceBox->setObjectName(QStringLiteral("anomalySource"));
    m_sourceBox->setAccessibleName(tr("Whose figure"));
    m_metricBox->setObjectName(QStringLiteral("anomalyMetric"));
    m_metricBox->setAccessibleName(tr("Which figure"));
    addHeaderWidget(m_sourceBox);
    addHeaderWidget(m_metricBox);
    m_list->setObjectName(QStringLiteral("anomalyList"));
    m_list->setTextFormat(Qt::PlainText);
    m_list->setWordWrap(true);
    if (auto *box = qobject_cast<QVBoxLayout *>(layout()))
        box->addWidget(m_list);

    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("HH:mm"));
    x->setTickCount(7);
    auto *y = new QValueAxis;
    chart()->addAxis(x, Qt::AlignBottom);
    chart()->addAxis(y, Qt::AlignLeft);
    const QColor line = StatusStyle::seriesColor(0, palette());
    QColor fill = StatusStyle::healthColor(Health::Healthy, palette());
    fill.setAlphaF(0.2);
    m_band->setName(tr("Expected band"));
    m_band->setBrush(fill);
    m_band->setPen(Qt::NoPen);
    m_observed->setName(tr("Observed"));
    QPen pen(line);
    pen.setWidthF(1.6);
    m_observed->setPen(pen);
    m_marked->setName(tr("Anomaly"));
    m_marked->setMarkerSize(7);
    m_marked->setColor(StatusStyle::healthColor(Health::Down, palette()));
    m_marked->setBorderColor(Qt::transparent);
    for (QAbstractSeries *s :
         {static_cast<QAbstractSeries *>(m_band), static_cast<QAbstractSeries *>(m_observed),
          static_cast<QAbstractSeries *>(m_marked)}) {
        chart()->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
    }
    setLegendWanted(true);
    applyPalette();
    setNoDataText(tr("No data yet\nThe band needs 15 minutes of live samples, or start with "
                     "--prometheus URL for a seasonal baseline from 30 days."));

    connect(m_sourceBox, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updatingBoxes)
            return;
        m_chosen = true;
        const QString source = m_sourceBox->currentData().toString();
        select(source, source.isEmpty()                            ? AnomalyMetric::ProcessingRate
                       : m_metric == AnomalyMetric::ProcessingRate ? AnomalyMetric::SuccessRate
                                                                   : m_metric);
    });
    connect(m_metricBox, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updatingBoxes)
            return;
        m_chosen = true;
        select(m_source, AnomalyMetric(m_metricBox->currentData().toInt()));
    });
    connect(model, &AnomalyModel::evaluated, this, &AnomalyChart::onEvaluated);
    connect(model, &AnomalyModel::historyLoaded, this, &AnomalyChart::scheduleRebuild);
    refreshChoices();
    onEvaluated();
}

void AnomalyChart::setPrometheus(PrometheusClient *client)
{
    if (client)
        setNoDataText(tr("No data\nWaiting for 30 days of history from Prometheus."));
    m_model->setPrometheus(client);
}

void AnomalyChart::select(const QString &source, AnomalyMetric metric)
{
    m_source = source;
    m_metric = source.isEmpty()                          ? AnomalyMetric::ProcessingRate
               : metric == AnomalyMetric::ProcessingRate ? AnomalyMetric::SuccessRate
                                                         : metric;
    refreshChoices();
    scheduleRebuild();
}

void AnomalyChart::refreshChoices()
{
    // The boxes are refilled only when their choices change: one open under the mouse stays.
    QStringList sources{QString()};
    sources += m_model->sources();
    if (!sources.contains(m_source))
        sources << m_source;
    QStringList shown;
    for (int i = 0; i < m_sourceBox->count(); ++i)
        shown << m_sourceBox->itemData(i).toString();
    m_updatingBoxes = true;
    if (shown != sources) {
        m_sourceBox->clear();
        for (const QString &s : std::as_const(sources))
            m_sourceBox->addItem(s.isEmpty() ? tr("Pipeline") : s, s);
    }
    m_sourceBox->setCurrentIndex(std::max(0, m_sourceBox->findData(m_source)));
    const bool pipeline = m_source.isEmpty();
    if (m_metricBox->count() != (pipeline ? 1 : 3)) {
        m_metricBox->clear();
        if (pipeline) {
            m_metricBox->addItem(anomalyMetricLabel(AnomalyMetric::ProcessingRate),
                                 int(AnomalyMetric::ProcessingRate));
        } else {
            for (AnomalyMetric m : {AnomalyMetric::SuccessRate, AnomalyMetric::LatencyP95,
                                    AnomalyMetric::RequestRate})
                m_metricBox->addItem(anomalyMetricLabel(m), int(m));
        }
    }
    m_metricBox->setCurrentIndex(std::max(0, m_metricBox->findData(int(m_metric))));
    m_metricBox->setEnabled(!pipeline);
    m_updatingBoxes = false;
}

void AnomalyChart::onEvaluated()
{
    const QList<AnomalyEpisode> current = m_model->current();
    // Until the operator picks, show the worst anomaly going on.
    if (!m_chosen && !current.isEmpty() &&
        (current.first().source != m_source || current.first().metric != m_metric)) {
        m_source = current.first().source;
        m_metric = current.first().metric;
    }
    refreshChoices();
    QStringList lines;
    for (int i = 0; i < current.size() && i < MaxListed; ++i)
        lines << QStringLiteral("⚠ ") + AnomalyModel::describe(current.at(i)) +
                     QStringLiteral(" (") +
                     tr("since %1")
                         .arg(QDateTime::fromMSecsSinceEpoch(current.at(i).startMs)
                                  .toString(QStringLiteral("HH:mm"))) +
                     QLatin1Char(')');
    if (current.size() > MaxListed)
        lines << tr("… and %1 more").arg(current.size() - MaxListed);
    if (current.isEmpty())
        lines << tr("No anomaly now (%1 in the last 24 h).").arg(m_model->recent().size());
    lines << tr("Expected: %1").arg(m_model->basis());
    m_list->setText(lines.join(QLatin1Char('\n')));
    scheduleRebuild();
}

QStringList AnomalyChart::currentLines() const
{
    QStringList lines = m_list->text().split(QLatin1Char('\n'));
    lines.removeIf([](const QString &l) { return !l.startsWith(QStringLiteral("⚠ ")); });
    return lines;
}

int AnomalyChart::observedPoints() const
{
    return int(m_observed->count());
}

int AnomalyChart::bandPoints() const
{
    return int(m_upper->count());
}

int AnomalyChart::markedPoints() const
{
    return int(m_marked->count());
}

bool AnomalyChart::rebuild()
{
    const QList<AnomalyPoint> points = m_model->points(m_source, m_metric);
    const double scale = m_metric == AnomalyMetric::SuccessRate  ? 100.0
                         : m_metric == AnomalyMetric::LatencyP95 ? 1000.0
                                                                 : 1.0;
    QList<QPointF> observed, upper, lower, marked;
    double top = 0;
    double bottom = 100;
    for (const AnomalyPoint &p : points) {
        const double x = double(p.ms);
        if (std::isfinite(p.observed)) {
            observed.append({x, p.observed * scale});
            top = std::max(top, p.observed * scale);
            bottom = std::min(bottom, p.observed * scale);
            if (p.anomalous)
                marked.append({x, p.observed * scale});
        }
        if (p.basis != AnomalyPoint::Basis::None) {
            upper.append({x, p.high * scale});
            lower.append({x, p.low * scale});
            top = std::max(top, p.high * scale);
            bottom = std::min(bottom, p.low * scale);
        }
    }
    m_observed->replace(observed);
    m_upper->replace(upper);
    m_lower->replace(lower);
    m_marked->replace(marked);
    const QString subject = m_source.isEmpty() ? tr("pipeline") : m_source;
    for (QAbstractAxis *a : chart()->axes(Qt::Vertical)) {
        auto *y = static_cast<QValueAxis *>(a);
        switch (m_metric) {
        case AnomalyMetric::SuccessRate: y->setTitleText(tr("%1: success %").arg(subject)); break;
        case AnomalyMetric::LatencyP95: y->setTitleText(tr("%1: p95 ms").arg(subject)); break;
        case AnomalyMetric::RequestRate: y->setTitleText(tr("%1: calls / min").arg(subject)); break;
        case AnomalyMetric::ProcessingRate:
            y->setTitleText(tr("%1: tracks / min").arg(subject));
            break;
        }
    }
    if (observed.isEmpty()) {
        if (m_model->isLoading())
            setNoDataText(tr("No data\nWaiting for 30 days of history from Prometheus."));
        return false;
    }
    const double from = observed.first().x();
    const double to = observed.last().x();
    for (QAbstractAxis *a : chart()->axes()) {
        if (auto *x = qobject_cast<QDateTimeAxis *>(a)) {
            x->setRange(QDateTime::fromMSecsSinceEpoch(qint64(from)),
                        QDateTime::fromMSecsSinceEpoch(qint64(std::max(to, from + 60'000))));
        } else if (auto *y = qobject_cast<QValueAxis *>(a)) {
            double max = top <= 0 ? 1.0 : top * 1.1;
            double min = 0;
            if (m_metric == AnomalyMetric::SuccessRate) {
                // Success lives near the top: from ten points under the lowest to 100.
                max = 100;
                min = std::max(0.0, std::floor(bottom / 10.0) * 10.0 - 10.0);
            }
            const double mag = std::pow(10.0, std::floor(std::log10(max)));
            for (double step : {1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0})
                if (step * mag >= max) {
                    max = step * mag;
                    break;
                }
            y->setRange(min, max);
            y->setTickCount(6);
            y->setLabelFormat(QStringLiteral("%.0f"));
        }
    }
    return true;
}

} // namespace dashboard
