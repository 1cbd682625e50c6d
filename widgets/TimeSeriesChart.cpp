// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TimeSeriesChart.h"

#include <cmath>

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QLocale>
#include <QCursor>
#include <QToolTip>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QGraphicsLineItem>
#include <QGraphicsRectItem>
#include <QLegend>
#include <QLegendMarker>
#include <QLineSeries>
#include <QValueAxis>

#include "ChartMarkers.h"
#include "StatusStyle.h"
#include "TimeSeriesModel.h"

namespace dashboard {

TimeSeriesChart::TimeSeriesChart(const QString &id, const QString &title, TimeSeriesModel *model,
                                 const QList<QColor> &colors, const QString &valueTitle,
                                 QWidget *parent)
    : ChartPanel(id, title, model, parent), m_model(model), m_span(new QComboBox(this)),
      m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_span->addItem(tr("15 min"), 15);
    m_span->addItem(tr("1 h"), 60);
    m_span->addItem(tr("6 h"), 360);
    m_span->addItem(tr("24 h"), 1440);
    m_span->setCurrentIndex(1);
    m_span->setToolTip(tr("Time span shown"));
    m_span->setAccessibleName(tr("Time span of %1").arg(title));
    addHeaderWidget(m_span);
    connect(m_span, &QComboBox::currentIndexChanged, this, [this] {
        m_spanMinutes = m_span->currentData().toInt();
        reloadHistory(); // cancels what was asked for the span before
        scheduleRebuild();
    });

    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("HH:mm"));
    x->setTickCount(7);
    auto *y = new QValueAxis;
    y->setLabelFormat(QStringLiteral("%.0f"));
    y->setTitleText(valueTitle);
    chart()->addAxis(x, Qt::AlignBottom);
    chart()->addAxis(y, Qt::AlignLeft);
    for (int s = 0; s < model->seriesCount(); ++s) {
        auto *line = new QLineSeries;
        line->setName(model->seriesLabel(s));
        QPen pen(colors.value(s, StatusStyle::seriesColor(s, palette())));
        pen.setWidthF(2.0);
        line->setPen(pen);
        chart()->addSeries(line);
        line->attachAxis(x);
        line->attachAxis(y);
        m_lines << line;
        connectHover(line, s);
    }
    m_extraSegments.resize(m_lines.size());
    m_segmentsUsed = QList<int>(m_lines.size(), 1);
    connect(chart(), &QChart::plotAreaChanged, this, &TimeSeriesChart::layoutMarkers);
    setLegendWanted(model->seriesCount() > 1);
    applyPalette();

    connect(model, &QAbstractItemModel::rowsInserted, this, &TimeSeriesChart::scheduleRebuild);
    connect(model, &QAbstractItemModel::modelReset, this, &TimeSeriesChart::scheduleRebuild);
    connect(model, &QAbstractItemModel::dataChanged, this, &TimeSeriesChart::scheduleRebuild);
    scheduleRebuild();
}

void TimeSeriesChart::setSpanMinutes(int minutes)
{
    const int i = m_span->findData(minutes);
    if (i >= 0)
        m_span->setCurrentIndex(i); // reloads the history when it serves this span
    m_spanMinutes = minutes;
    scheduleRebuild();
}

void TimeSeriesChart::setHistory(PrometheusClient *client, std::function<QString(qint64)> query,
                                 std::function<int(const PrometheusClient::Series &)> seriesOf)
{
    if (m_client)
        m_client->disconnect(this);
    m_client = client;
    m_query = std::move(query);
    m_seriesOf = std::move(seriesOf);
    if (!m_history) {
        QStringList names;
        for (int s = 0; s < m_model->seriesCount(); ++s)
            names << m_model->seriesName(s);
        m_history = new TimeSeriesModel(names, 20'000, this);
        QStringList labels;
        for (int s = 0; s < m_model->seriesCount(); ++s)
            labels << m_model->seriesLabel(s);
        m_history->setSeriesLabels(labels);
        m_span->addItem(tr("7 d"), 7 * 1440);
        m_span->addItem(tr("30 d"), 30 * 1440);
        m_historyTimer = new QTimer(this);
        m_historyTimer->setInterval(60'000);
        connect(m_historyTimer, &QTimer::timeout, this, &TimeSeriesChart::reloadHistory);
        m_historyTimer->start();
    }
    connect(client, &PrometheusClient::rangeReady, this, &TimeSeriesChart::onHistory);
    connect(client, &PrometheusClient::rangeFailed, this, &TimeSeriesChart::onHistoryFailed);
    reloadHistory();
}

bool TimeSeriesChart::showsHistory() const
{
    return m_client && m_spanMinutes > 60;
}

bool TimeSeriesChart::isLoadingHistory() const
{
    return m_client && m_client->isPending(id());
}

void TimeSeriesChart::reloadHistory()
{
    if (!showsHistory()) {
        if (m_client)
            m_client->cancel(id());
        setCsvModel(m_model);
        return;
    }
    const qint64 to = m_now();
    const qint64 from = to - qint64(m_spanMinutes) * 60'000;
    const qint64 step = PrometheusClient::stepFor(to - from, std::max(200, plotWidth()));
    // A rate over one step at least (and two scrapes), so no sample falls between windows.
    const qint64 window = std::max<qint64>(60, step / 1000);
    m_client->queryRange(id(), m_query(window), from, to, step);
}

void TimeSeriesChart::onHistory(const QString &tag, const QList<PrometheusClient::Series> &series)
{
    if (tag != id() || !m_history)
        return;
    QMap<qint64, QList<std::optional<double>>> rows;
    for (const PrometheusClient::Series &s : series) {
        const int line = m_seriesOf(s);
        if (line < 0 || line >= m_history->seriesCount())
            continue;
        for (const auto &[ms, v] : s.points) {
            auto &row = rows[ms];
            if (row.isEmpty())
                row = QList<std::optional<double>>(m_history->seriesCount());
            row[line] = v;
        }
    }
    QList<QPair<qint64, QList<std::optional<double>>>> samples;
    for (auto it = rows.cbegin(); it != rows.cend(); ++it)
        samples.append({it.key(), it.value()});
    m_history->clear();
    m_history->merge(samples);
    m_historyOk = true;
    setNoDataText(tr("No data\nPrometheus has no samples in this range."));
    setCsvModel(m_history);
    scheduleRebuild();
    Q_EMIT historyLoaded(true);
}

void TimeSeriesChart::onHistoryFailed(const QString &tag, const QString &error)
{
    if (tag != id() || !m_history)
        return;
    m_history->clear();
    m_historyOk = false;
    setNoDataText(tr("No data\n%1").arg(error));
    scheduleRebuild();
    Q_EMIT historyLoaded(false);
}

int TimeSeriesChart::pointCount(int series) const
{
    if (series < 0 || series >= m_lines.size())
        return 0;
    int n = int(m_lines.at(series)->count());
    for (int i = 0; i + 1 < m_segmentsUsed.at(series); ++i)
        n += int(m_extraSegments.at(series).at(i)->count());
    return n;
}

int TimeSeriesChart::segmentCount(int series) const
{
    return series >= 0 && series < m_segmentsUsed.size() ? m_segmentsUsed.at(series) : 0;
}

QLineSeries *TimeSeriesChart::segment(int series, int index)
{
    if (index == 0)
        return m_lines.at(series);
    QList<QLineSeries *> &extra = m_extraSegments[series];
    while (extra.size() < index) {
        // A piece of the same line after a gap: same pen, no legend entry of its own.
        QLineSeries *first = m_lines.at(series);
        auto *piece = new QLineSeries;
        piece->setName(first->name());
        piece->setPen(first->pen());
        chart()->addSeries(piece);
        for (QAbstractAxis *axis : first->attachedAxes())
            piece->attachAxis(axis);
        for (QLegendMarker *m : chart()->legend()->markers(piece))
            m->setVisible(false);
        connectHover(piece, series);
        extra << piece;
    }
    QLineSeries *piece = extra.at(index - 1);
    piece->setPen(m_lines.at(series)->pen()); // the palette may have changed
    return piece;
}

QString TimeSeriesChart::valueText(int series, const QPointF &point) const
{
    const QDateTime t = QDateTime::fromMSecsSinceEpoch(qint64(point.x()));
    const bool days = m_toMs - m_fromMs > 2 * 86'400'000LL;
    return tr("%1 · %2: %3")
        .arg(QLocale().toString(t, days ? QLocale::ShortFormat : QLocale::LongFormat),
             m_model->seriesLabel(series),
             QLocale().toString(point.y(), 'f', point.y() < 10 ? 1 : 0));
}

void TimeSeriesChart::connectHover(QLineSeries *line, int series)
{
    // The value under the mouse (the nearest drawn point), as a tooltip.
    connect(line, &QLineSeries::hovered, this, [this, series](const QPointF &point, bool on) {
        if (on)
            QToolTip::showText(QCursor::pos(), valueText(series, point), chartView());
        else
            QToolTip::hideText();
    });
}

void TimeSeriesChart::setMarkers(ChartMarkers *markers)
{
    if (m_markers)
        m_markers->disconnect(this);
    m_markers = markers;
    if (markers)
        connect(markers, &ChartMarkers::changed, this, &TimeSeriesChart::layoutMarkers);
    layoutMarkers();
}

QStringList TimeSeriesChart::markersShown() const
{
    return m_markersShown;
}

void TimeSeriesChart::layoutMarkers()
{
    qDeleteAll(m_markerItems);
    m_markerItems.clear();
    m_markersShown.clear();
    if (!m_markers || m_lines.isEmpty() || m_toMs <= m_fromMs)
        return;
    const QRectF plot = chart()->plotArea();
    if (plot.width() <= 0)
        return;
    auto xAt = [this, &plot](qint64 ms) {
        return plot.left() + plot.width() * double(ms - m_fromMs) / double(m_toMs - m_fromMs);
    };
    const qint64 now = m_now();
    for (const ChartMarkers::Marker &m : m_markers->markers()) {
        const qint64 to = m.toMs == 0 ? std::max(now, m_toMs) : m.toMs;
        if (to < m_fromMs || m.fromMs > m_toMs)
            continue;
        const double x0 = std::clamp(xAt(m.fromMs), plot.left(), plot.right());
        const double x1 = std::clamp(xAt(to), plot.left(), plot.right());
        QString kind;
        QGraphicsItem *item = nullptr;
        if (m.kind == ChartMarkers::Kind::Action) {
            kind = tr("Operator action");
            auto *line = new QGraphicsLineItem(x0, plot.top(), x0, plot.bottom(), chart());
            QPen pen(StatusStyle::seriesColor(4, palette()), 1.2, Qt::DashLine);
            line->setPen(pen);
            item = line;
        } else {
            const bool outage = m.kind == ChartMarkers::Kind::Outage;
            const bool anomaly = m.kind == ChartMarkers::Kind::Anomaly;
            kind = anomaly  ? tr("Anomaly")
                   : outage ? tr("Backend out of reach")
                            : tr("Pipeline paused");
            QColor c = anomaly ? StatusStyle::seriesColor(4, palette())
                               : StatusStyle::healthColor(outage ? Health::Down : Health::Degraded,
                                                          palette());
            auto *band = new QGraphicsRectItem(
                QRectF(QPointF(x0, plot.top()), QPointF(std::max(x1, x0 + 2), plot.bottom())),
                chart());
            c.setAlphaF(0.16);
            band->setBrush(c);
            band->setPen(Qt::NoPen);
            item = band;
        }
        item->setZValue(-1); // under the lines
        const QString text = m.label.isEmpty() ? kind : kind + QStringLiteral(": ") + m.label;
        item->setToolTip(text);
        m_markerItems << item;
        m_markersShown << text;
    }
}

bool TimeSeriesChart::rebuild()
{
    // Long spans come from Prometheus when it is there, shorter ones from the live samples.
    const bool history = showsHistory();
    TimeSeriesModel *model = history ? m_history : m_model;
    // The window ends at the newest sample or now, whichever is later.
    qint64 to = m_now();
    if (model->size() > 0)
        to = std::max(to, model->timeAt(model->size() - 1));
    // Until the history fills the chosen span, show what there is (at least 5 minutes).
    qint64 from = to - qint64(m_spanMinutes) * 60'000;
    if (model->size() > 0 && !history)
        from = std::max(from, std::min(model->timeAt(0), to - 5 * 60'000));
    if (!history)
        setNoDataText(tr("No data\nThe backend does not report this yet."));
    const int buckets = std::max(50, plotWidth());
    double lo = 0, hi = 0;
    bool any = false;
    constexpr int MaxSegments = 64; // past this many gaps in view, the oldest are joined
    for (int s = 0; s < m_lines.size(); ++s) {
        QList<int> breaks;
        const QList<QPointF> pts = model->downsample(s, from, to, buckets, &breaks);
        while (breaks.size() >= MaxSegments)
            breaks.removeFirst();
        breaks.prepend(0);
        breaks.append(int(pts.size()));
        const int used = int(breaks.size()) - 1;
        for (int i = 0; i < used; ++i) {
            QLineSeries *piece = segment(s, i);
            const QList<QPointF> part = pts.mid(breaks.at(i), breaks.at(i + 1) - breaks.at(i));
            piece->replace(part);
            piece->setPointsVisible(part.size() < 3); // a lone sample still shows
        }
        for (int i = std::max(used, 1); i <= m_extraSegments.at(s).size(); ++i)
            m_extraSegments.at(s).at(i - 1)->clear();
        m_segmentsUsed[s] = used;
        if (const auto r = model->range(s, from, to)) {
            hi = any ? std::max(hi, r->second) : r->second;
            lo = any ? std::min(lo, r->first) : std::min(0.0, r->first);
            any = true;
        }
    }
    const auto axes = chart()->axes();
    for (QAbstractAxis *a : axes) {
        if (auto *x = qobject_cast<QDateTimeAxis *>(a)) {
            x->setRange(QDateTime::fromMSecsSinceEpoch(from), QDateTime::fromMSecsSinceEpoch(to));
            const bool seconds = to - from < 15 * 60'000;
            const bool days = to - from > 2 * 86'400'000LL;
            x->setFormat(seconds ? QStringLiteral("HH:mm:ss")
                         : days  ? QStringLiteral("dd MMM")
                                 : QStringLiteral("HH:mm"));
            x->setTickCount(seconds ? 5 : 7);
        } else if (auto *y = qobject_cast<QValueAxis *>(a)) {
            double top = hi <= 0 ? 1.0 : hi * 1.15;
            const double mag = std::pow(10.0, std::floor(std::log10(top)));
            for (double step : {1.0, 2.0, 2.5, 5.0, 10.0})
                if (step * mag >= top) {
                    top = step * mag;
                    break;
                }
            y->setRange(lo, top);
            y->setTickCount(6);
            y->setLabelFormat(top <= 5 ? QStringLiteral("%.1f") : QStringLiteral("%.0f"));
        }
    }
    m_fromMs = from;
    m_toMs = to;
    layoutMarkers();
    return any;
}

} // namespace dashboard
