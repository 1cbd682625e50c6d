// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TripForecastChart.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalStackedBarSeries>
#include <QLabel>
#include <QVBoxLayout>
#include <QValueAxis>

#include "CategoryTableModel.h"
#include "StatusStyle.h"
#include "TripForecastModel.h"

namespace dashboard {

namespace {
int classOf(double p)
{
    return p >= 0.5 ? 2 : (p >= 0.2 ? 1 : 0);
}
} // namespace

TripForecastChart::TripForecastChart(TripForecastModel *model, QWidget *parent)
    : ChartPanel(QStringLiteral("breaker_forecast"), tr("Breaker-trip forecast"), model->table(),
                 parent),
      m_model(model), m_list(new QLabel(this))
{
    m_list->setObjectName(QStringLiteral("tripForecastList"));
    m_list->setTextFormat(Qt::PlainText);
    m_list->setWordWrap(true);
    if (auto *box = qobject_cast<QVBoxLayout *>(layout()))
        box->addWidget(m_list);
    auto *series = new QHorizontalStackedBarSeries;
    const QString names[] = {tr("unlikely (under 20 %)"), tr("watch (20–50 %)"),
                             tr("likely (50 % and over)")};
    const QColor colors[] = {StatusStyle::healthColor(Health::Healthy, palette()),
                             StatusStyle::healthColor(Health::Degraded, palette()),
                             StatusStyle::healthColor(Health::Down, palette())};
    for (int c = 0; c < 3; ++c) {
        auto *set = new QBarSet(names[c]);
        set->setColor(colors[c]);
        set->setBorderColor(Qt::transparent);
        series->append(set);
        m_classes << set;
    }
    series->setBarWidth(0.6);
    chart()->addSeries(series);
    auto *y = new QBarCategoryAxis;
    auto *x = new QValueAxis;
    x->setRange(0, 100);
    x->setTickCount(6);
    x->setLabelFormat(QStringLiteral("%.0f"));
    x->setTitleText(tr("% chance of opening within the hour"));
    chart()->addAxis(y, Qt::AlignLeft);
    chart()->addAxis(x, Qt::AlignBottom);
    series->attachAxis(y);
    series->attachAxis(x);
    setLegendWanted(true);
    applyPalette();
    setNoDataText(tr("No forecast yet\nIt needs ten minutes of calls to each source."));
    connect(model, &TripForecastModel::updated, this, &TripForecastChart::scheduleRebuild);
    scheduleRebuild();
}

double TripForecastChart::barPercent(const QString &source) const
{
    const int i = int(m_categories.indexOf(source));
    if (i < 0)
        return -1;
    double sum = 0;
    for (QBarSet *set : m_classes)
        sum += set->at(i);
    return sum;
}

QStringList TripForecastChart::lines() const
{
    return m_list->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

bool TripForecastChart::rebuild()
{
    // Categories bottom-up in a horizontal chart: reversed, so the first source is on top.
    QStringList categories = m_model->sources();
    std::reverse(categories.begin(), categories.end());
    QList<QList<qreal>> values(3, QList<qreal>(categories.size(), 0.0));
    QStringList lines;
    bool any = false;
    for (int i = 0; i < categories.size(); ++i) {
        const TripForecast f = m_model->forecast(categories.at(i));
        if (!f.ok)
            continue;
        any = true;
        values[classOf(f.pTrip1h)][i] = f.pTrip1h * 100.0;
    }
    for (const QString &source : m_model->sources()) {
        const TripForecast f = m_model->forecast(source);
        if (f.ok && !f.open && f.pTrip1h >= 0.2)
            lines << source + QStringLiteral(": ") + TripForecastModel::shortText(f) +
                         QStringLiteral(" · ") + TripForecastModel::longText(f);
        else if (f.open)
            lines << source + QStringLiteral(": ") + TripForecastModel::shortText(f);
    }
    if (lines.isEmpty() && any)
        lines << tr("No breaker is expected to open within the hour.");
    m_list->setText(lines.join(QLatin1Char('\n')));
    if (categories != m_categories) {
        m_categories = categories;
        for (QAbstractAxis *a : chart()->axes(Qt::Vertical))
            if (auto *axis = qobject_cast<QBarCategoryAxis *>(a)) {
                axis->clear();
                axis->append(categories);
            }
    }
    for (int c = 0; c < 3; ++c) {
        if (m_classes[c]->count() == values[c].size())
            for (int i = 0; i < values[c].size(); ++i)
                m_classes[c]->replace(i, values[c][i]);
        else {
            m_classes[c]->remove(0, m_classes[c]->count());
            m_classes[c]->append(values[c]);
        }
    }
    return any;
}

} // namespace dashboard
