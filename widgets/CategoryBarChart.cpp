// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CategoryBarChart.h"

#include <cmath>

#include <QBarCategoryAxis>
#include <QBarSeries>
#include <QBarSet>
#include <QChartView>
#include <QLocale>
#include <QCursor>
#include <QToolTip>
#include <QCategoryAxis>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QHorizontalStackedBarSeries>
#include <QLegend>
#include <QStackedBarSeries>
#include <QValueAxis>

#include "CategoryTableModel.h"
#include "StatusStyle.h"

namespace dashboard {

CategoryBarChart::CategoryBarChart(const QString &id, const QString &title,
                                   CategoryTableModel *model, const Spec &spec, QWidget *parent)
    : ChartPanel(id, title, model, parent), m_model(model), m_spec(spec)
{
    connect(model, &QAbstractItemModel::dataChanged, this, &CategoryBarChart::scheduleRebuild);
    connect(model, &QAbstractItemModel::modelReset, this, &CategoryBarChart::scheduleRebuild);
    connect(model, &QAbstractItemModel::rowsInserted, this, &CategoryBarChart::scheduleRebuild);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &CategoryBarChart::scheduleRebuild);
    scheduleRebuild();
}

int CategoryBarChart::position(int category) const
{
    return m_spec.horizontal ? int(m_builtCategories.size()) - 1 - category : category;
}

int CategoryBarChart::barSetCount() const
{
    return m_series ? int(m_series->count()) : 0;
}

double CategoryBarChart::barValue(int set, int category) const
{
    if (!m_series || set < 0 || set >= m_series->count())
        return std::nan("");
    return m_series->barSets().at(set)->at(position(category));
}

QStringList CategoryBarChart::activeColumns() const
{
    if (!m_spec.hideEmptySeries)
        return m_spec.valueColumns;
    QStringList active;
    for (const QString &c : m_spec.valueColumns) {
        const int col = m_model->column(c);
        for (int r = 0; r < m_model->rowCount(); ++r) {
            if (m_model->cell(r, col).toDouble() != 0.0) {
                active << c;
                break;
            }
        }
    }
    return active.isEmpty() ? m_spec.valueColumns.mid(0, 1) : active;
}

/// One list per bar set, one value per category.
QList<QList<double>> CategoryBarChart::values(bool *any) const
{
    *any = false;
    const int rows = m_model->rowCount();
    QList<QList<double>> out;
    if (m_spec.colorByCategory) {
        const int valueCol = m_model->column(m_spec.valueColumns.value(0));
        for (int k = 0; k < rows; ++k) {
            QList<double> set(rows, 0.0);
            const QVariant v = m_model->cell(k, valueCol);
            if (v.isValid()) {
                set[k] = v.toDouble();
                *any = true;
            }
            out << set;
        }
        return out;
    }
    if (!m_spec.colorByColumn.isEmpty()) {
        const int valueCol = m_model->column(m_spec.valueColumns.value(0));
        const int keyCol = m_model->column(m_spec.colorByColumn);
        for (int k = 0; k < m_spec.colorKeys.size(); ++k) {
            QList<double> set(rows, 0.0);
            for (int r = 0; r < rows; ++r) {
                const QVariant v = m_model->cell(r, valueCol);
                if (v.isValid() && m_model->cell(r, keyCol).toString() == m_spec.colorKeys.at(k)) {
                    set[r] = v.toDouble();
                    *any = true;
                }
            }
            out << set;
        }
        return out;
    }
    for (const QString &c : m_builtColumns) {
        const int col = m_model->column(c);
        QList<double> set(rows, 0.0);
        for (int r = 0; r < rows; ++r) {
            const QVariant v = m_model->cell(r, col);
            if (v.isValid()) {
                set[r] = v.toDouble();
                *any = true;
            }
        }
        out << set;
    }
    return out;
}

void CategoryBarChart::build()
{
    QChart *c = chart();
    c->removeAllSeries();
    m_series = nullptr;
    for (QAbstractAxis *a : c->axes())
        c->removeAxis(a), delete a;
    if (m_spec.horizontal)
        m_series = m_spec.stacked
                       ? static_cast<QAbstractBarSeries *>(new QHorizontalStackedBarSeries)
                       : new QHorizontalBarSeries;
    else
        m_series = m_spec.stacked ? static_cast<QAbstractBarSeries *>(new QStackedBarSeries)
                                  : new QBarSeries;
    const bool colorBy = !m_spec.colorByColumn.isEmpty() || m_spec.colorByCategory;
    QStringList categoryLabels;
    for (int r = 0; r < m_model->rowCount(); ++r)
        categoryLabels << m_model->categoryLabel(r);
    m_builtColumns = activeColumns();
    const QStringList labels = m_spec.colorByCategory ? categoryLabels
                               : colorBy              ? m_spec.colorLabels
                                                      : [this] {
                                               QStringList l;
                                               for (const QString &c : m_builtColumns)
                                                   l << m_model->columnLabel(m_model->column(c));
                                               return l;
                                           }();
    for (int i = 0; i < labels.size(); ++i) {
        auto *set = new QBarSet(labels.at(i));
        const int colorIndex =
            colorBy ? i : int(m_spec.valueColumns.indexOf(m_builtColumns.value(i)));
        const QColor color =
            colorBy
                ? m_spec.colorValues.value(i)
                : m_spec.colors.value(colorIndex, StatusStyle::seriesColor(colorIndex, palette()));
        set->setColor(color);
        set->setBorderColor(color);
        set->setLabelColor(palette().color(QPalette::Text));
        for (int r = 0; r < m_model->rowCount(); ++r)
            set->append(0.0);
        // The value under the mouse: category, what the bar is, and its value.
        connect(set, &QBarSet::hovered, this, [this, set, colorBy](bool on, int index) {
            if (!on) {
                QToolTip::hideText();
                return;
            }
            QString category;
            for (QAbstractAxis *a : chart()->axes())
                if (auto *axis = qobject_cast<QBarCategoryAxis *>(a))
                    category = axis->categories().value(index);
            const QString text = colorBy
                                     ? tr("%1: %2").arg(category, set->label())
                                     : tr("%1 · %2: %3")
                                           .arg(category, set->label(),
                                                QLocale().toString(set->at(index), 'f',
                                                                   m_spec.integerValues ? 0 : 1));
            QToolTip::showText(QCursor::pos(), text, chartView());
        });
        m_series->append(set);
    }
    m_series->setBarWidth(colorBy || m_spec.stacked ? 0.6 : 0.8);
    c->addSeries(m_series);

    auto *categories = new QBarCategoryAxis;
    QStringList names;
    for (int r = 0; r < m_model->rowCount(); ++r)
        names << m_model->categoryLabel(r);
    // Horizontal bars stack categories bottom-up: reverse them so the first is on top,
    // as in the table.
    if (m_spec.horizontal)
        std::reverse(names.begin(), names.end());
    categories->append(names);
    // Qt Charts elides category names to "..." as soon as it thinks them cramped, even
    // with room to spare (seven sources in an export); names must stay readable.
    categories->setTruncateLabels(false);
    QAbstractAxis *valueAxis = nullptr;
    if (!m_spec.levelLabels.isEmpty()) {
        auto *levels = new QCategoryAxis;
        levels->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
        for (int i = 0; i < m_spec.levelLabels.size(); ++i)
            levels->append(m_spec.levelLabels.at(i), i + 1);
        levels->setRange(0, m_spec.levelLabels.size() + 0.3);
        valueAxis = levels;
    } else {
        auto *axis = new QValueAxis;
        axis->setLabelFormat(QStringLiteral("%.0f"));
        if (!m_spec.valueTitle.isEmpty())
            axis->setTitleText(m_spec.valueTitle);
        valueAxis = axis;
    }
    c->addAxis(categories, m_spec.horizontal ? Qt::AlignLeft : Qt::AlignBottom);
    c->addAxis(valueAxis, m_spec.horizontal ? Qt::AlignBottom : Qt::AlignLeft);
    m_series->attachAxis(categories);
    m_series->attachAxis(valueAxis);
    setLegendWanted(!m_spec.colorByCategory && (labels.size() > 1 || colorBy));
    applyPalette();
    m_builtCategories.clear();
    for (int r = 0; r < m_model->rowCount(); ++r)
        m_builtCategories << m_model->category(r);
}

bool CategoryBarChart::rebuild()
{
    QStringList categories;
    for (int r = 0; r < m_model->rowCount(); ++r)
        categories << m_model->category(r);
    if (!m_series || categories != m_builtCategories || activeColumns() != m_builtColumns)
        build();
    bool any = false;
    const QList<QList<double>> v = values(&any);
    double maxSeen = 0;
    for (int s = 0; s < v.size() && s < m_series->count(); ++s) {
        QBarSet *set = m_series->barSets().at(s);
        for (int r = 0; r < v.at(s).size(); ++r) {
            set->replace(position(r), v.at(s).at(r));
            maxSeen = std::max(maxSeen, v.at(s).at(r));
        }
    }
    if (m_spec.stacked) {
        maxSeen = 0;
        for (int r = 0; r < categories.size(); ++r) {
            double sum = 0;
            for (const QList<double> &set : v)
                sum += set.value(r);
            maxSeen = std::max(maxSeen, sum);
        }
    }
    auto *axis = qobject_cast<QValueAxis *>(m_series->attachedAxes().value(1));
    if (axis && !qobject_cast<QCategoryAxis *>(axis)) {
        const double lo = m_spec.minValue.value_or(0.0);
        double hi = m_spec.maxValue.value_or(maxSeen > 0 ? maxSeen * 1.12 : 1.0);
        if (!m_spec.maxValue) {
            // A round upper bound: 1, 2 or 5 times a power of ten.
            const double mag = std::pow(10.0, std::floor(std::log10(hi)));
            for (double step : {1.0, 2.0, 2.5, 5.0, 10.0})
                if (step * mag >= hi) {
                    hi = step * mag;
                    break;
                }
        }
        if (m_spec.integerValues && hi <= 5) {
            hi = 5;
            axis->setTickCount(6);
        } else {
            axis->setTickCount(6);
        }
        axis->setRange(lo, hi);
        axis->setLabelFormat(hi <= 5 && !m_spec.integerValues ? QStringLiteral("%.1f")
                                                              : QStringLiteral("%.0f"));
    }
    return any;
}

} // namespace dashboard
