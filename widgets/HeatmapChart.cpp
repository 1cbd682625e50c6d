// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HeatmapChart.h"

#include <QCategoryAxis>
#include <QChart>
#include <QComboBox>
#include <QDateTime>
#include <QLocale>
#include <QScatterSeries>
#include <QValueAxis>

#include "HeatmapModel.h"
#include "ModelRoles.h"
#include "SourcesModel.h"
#include "StatusStyle.h"

namespace dashboard {

namespace {
constexpr double Bounds[] = {0.0, 0.5, 0.8, 0.9, 0.97}; // lower bound of each class
const QString RatioTag = QStringLiteral("heatmap:ratio");
const QString RequestsTag = QStringLiteral("heatmap:requests");
} // namespace

int HeatmapChart::classOf(double ratio)
{
    int c = 0;
    for (int i = 0; i < 5; ++i)
        if (ratio >= Bounds[i])
            c = i;
    return c;
}

HeatmapChart::HeatmapChart(HeatmapModel *model, SourcesModel *sources, QWidget *parent)
    : ChartPanel(QStringLiteral("heatmap"), tr("Success by weekday and hour (30 days)"), model,
                 parent),
      m_model(model), m_sources(sources), m_source(new QComboBox(this))
{
    m_source->setToolTip(tr("Source"));
    m_source->setAccessibleName(tr("Source of the heatmap"));
    m_source->addItem(tr("All sources"), QString());
    addHeaderWidget(m_source);
    connect(m_source, &QComboBox::activated, this, [this] { reload(); });
    connect(sources, &QAbstractItemModel::modelReset, this, &HeatmapChart::refreshSources);
    connect(sources, &QAbstractItemModel::rowsInserted, this, &HeatmapChart::refreshSources);
    refreshSources();

    auto *x = new QValueAxis;
    x->setRange(0, 24);
    x->setTickCount(9); // every 3 hours
    x->setLabelFormat(QStringLiteral("%d"));
    x->setTitleText(tr("hour of day"));
    auto *y = new QCategoryAxis;
    y->setLabelsPosition(QCategoryAxis::AxisLabelsPositionCenter);
    for (int d = 6; d >= 0; --d) // Sunday at the bottom, Monday on top
        y->append(QLocale().dayName(d + 1, QLocale::ShortFormat), 7 - d);
    y->setRange(0, 7);
    chart()->addAxis(x, Qt::AlignBottom);
    chart()->addAxis(y, Qt::AlignLeft);
    // A ramp from the dashboard's error red to its healthy green, each class clearly apart.
    const QColor colors[] = {StatusStyle::healthColor(Health::Down, palette()),
                             QColor(0xef, 0x6c, 0x00), QColor(0xf9, 0xa8, 0x25),
                             QColor(0x9c, 0xcc, 0x65),
                             StatusStyle::healthColor(Health::Healthy, palette())};
    // Legend labels are rich text: no bare "<".
    const QString names[] = {tr("under 50 %"), tr("50–80 %"), tr("80–90 %"), tr("90–97 %"),
                             tr("97 % and over")};
    for (int c = 0; c < 5; ++c) {
        auto *s = new QScatterSeries;
        s->setName(names[c]);
        s->setMarkerShape(QScatterSeries::MarkerShapeRectangle);
        s->setColor(colors[c]);
        s->setBorderColor(Qt::transparent);
        chart()->addSeries(s);
        s->attachAxis(x);
        s->attachAxis(y);
        m_classes << s;
    }
    setLegendWanted(true);
    applyPalette();
    setNoDataText(tr("No data\nStart with --prometheus URL to see 30 days of history."));
    connect(model, &QAbstractItemModel::modelReset, this, &HeatmapChart::scheduleRebuild);
    scheduleRebuild();
}

void HeatmapChart::refreshSources()
{
    const QString current = source();
    while (m_source->count() > 1)
        m_source->removeItem(1);
    for (int r = 0; r < m_sources->rowCount(); ++r) {
        const QString name = m_sources->index(r, 0).data(ModelRole::Export).toString();
        if (!name.isEmpty())
            m_source->addItem(name, name);
    }
    const int i = m_source->findData(current);
    m_source->setCurrentIndex(i >= 0 ? i : 0);
}

QString HeatmapChart::source() const
{
    return m_source->currentData().toString();
}

void HeatmapChart::setSource(const QString &source)
{
    int i = m_source->findData(source);
    if (i < 0) {
        m_source->addItem(source, source);
        i = m_source->count() - 1;
    }
    m_source->setCurrentIndex(i);
    reload();
}

bool HeatmapChart::isLoading() const
{
    return m_waiting > 0;
}

void HeatmapChart::setPrometheus(PrometheusClient *client)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    connect(client, &PrometheusClient::rangeReady, this, &HeatmapChart::onReady);
    connect(client, &PrometheusClient::rangeFailed, this, &HeatmapChart::onFailed);
    reload();
}

void HeatmapChart::reload()
{
    if (!m_client)
        return;
    const qint64 hour = 3'600'000;
    const qint64 end = QDateTime::currentMSecsSinceEpoch() / hour * hour;
    const qint64 start = end - qint64(HeatmapModel::Days) * 24 * hour;
    m_ratio.clear();
    m_requests.clear();
    m_waiting = 2;
    setNoDataText(tr("Asking Prometheus …"));
    m_client->queryRange(RatioTag, HeatmapModel::successQuery(source()), start, end, hour);
    m_client->queryRange(RequestsTag, HeatmapModel::requestsQuery(source()), start, end, hour);
}

void HeatmapChart::onReady(const QString &tag, const QList<PrometheusClient::Series> &series)
{
    if (tag != RatioTag && tag != RequestsTag)
        return;
    const QList<QPair<qint64, double>> points =
        series.isEmpty() ? QList<QPair<qint64, double>>() : series.first().points;
    (tag == RatioTag ? m_ratio : m_requests) = points;
    if (--m_waiting > 0)
        return;
    setNoDataText(tr("No data\nPrometheus has no requests of this source in the last 30 days."));
    m_model->setSeries(m_ratio, m_requests);
    Q_EMIT loaded(true);
}

void HeatmapChart::onFailed(const QString &tag, const QString &error)
{
    if (tag != RatioTag && tag != RequestsTag)
        return;
    m_client->cancel(tag == RatioTag ? RequestsTag : RatioTag);
    m_waiting = 0;
    setNoDataText(tr("No data\n%1").arg(error));
    m_model->clear();
    Q_EMIT loaded(false);
}

int HeatmapChart::cellCount() const
{
    int n = 0;
    for (const QScatterSeries *s : m_classes)
        n += int(s->count());
    return n;
}

bool HeatmapChart::rebuild()
{
    QList<QList<QPointF>> points(5);
    for (int d = 0; d < 7; ++d)
        for (int h = 0; h < 24; ++h)
            if (const auto v = m_model->cell(d, h))
                points[classOf(*v)].append({h + 0.5, 6 - d + 0.5});
    // Square cells that fill the grid.
    const QRectF plot = chart()->plotArea();
    const double size =
        plot.isValid() ? std::max(4.0, std::min(plot.width() / 24.0, plot.height() / 7.0) - 1.0)
                       : 12.0;
    bool any = false;
    for (int c = 0; c < 5; ++c) {
        m_classes.at(c)->setMarkerSize(size);
        m_classes.at(c)->replace(points.at(c));
        any = any || !points.at(c).isEmpty();
    }
    return any;
}

} // namespace dashboard
