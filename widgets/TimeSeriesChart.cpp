// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TimeSeriesChart.h"

#include <cmath>

#include <QChart>
#include <QComboBox>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QLegend>
#include <QLineSeries>
#include <QValueAxis>

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
    }
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
        m_span->setCurrentIndex(i);
    m_spanMinutes = minutes;
    scheduleRebuild();
}

int TimeSeriesChart::pointCount(int series) const
{
    return series >= 0 && series < m_lines.size() ? int(m_lines.at(series)->count()) : 0;
}

bool TimeSeriesChart::rebuild()
{
    // The window ends at the newest sample or now, whichever is later.
    qint64 to = m_now();
    if (m_model->size() > 0)
        to = std::max(to, m_model->timeAt(m_model->size() - 1));
    // Until the history fills the chosen span, show what there is (at least 5 minutes).
    qint64 from = to - qint64(m_spanMinutes) * 60'000;
    if (m_model->size() > 0)
        from = std::max(from, std::min(m_model->timeAt(0), to - 5 * 60'000));
    const int buckets = std::max(50, plotWidth());
    double lo = 0, hi = 0;
    bool any = false;
    for (int s = 0; s < m_lines.size(); ++s) {
        const QList<QPointF> pts = m_model->downsample(s, from, to, buckets);
        m_lines.at(s)->replace(pts);
        m_lines.at(s)->setPointsVisible(pts.size() < 3); // a lone sample still shows
        if (const auto r = m_model->range(s, from, to)) {
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
            x->setFormat(seconds ? QStringLiteral("HH:mm:ss") : QStringLiteral("HH:mm"));
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
    return any;
}

} // namespace dashboard
