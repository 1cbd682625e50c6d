// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QStringList>

#include "ChartPanel.h"

class QAbstractBarSeries;

namespace dashboard {

class CategoryTableModel;

/// A bar chart of a CategoryTableModel: one bar set per value column (grouped or
/// stacked, vertical or horizontal), or, in "colour by" mode, one value column whose bars
/// take the colour of a state column (breaker state, health) with a legend of states.
/// Updates in place (QBarSet::replace) while the categories stay the same.
class CategoryBarChart final : public ChartPanel
{
    Q_OBJECT
public:
    struct Spec
    {
        QStringList valueColumns;
        QList<QColor> colors;
        bool stacked = false;
        bool horizontal = false;
        bool colorByCategory = false; ///< each category its own colour (colorValues, in row order)
        QString colorByColumn;        ///< state column for "colour by" mode
        QStringList colorKeys;        ///< its values, in legend order
        QStringList colorLabels;      ///< their legend labels
        QList<QColor> colorValues;    ///< their colours
        std::optional<double> minValue;
        std::optional<double> maxValue;
        QStringList levelLabels; ///< value axis labels at 1, 2, 3... (state levels)
        QString valueTitle;
        bool integerValues = false;   ///< counts: whole-number ticks
        bool hideEmptySeries = false; ///< leave out value columns that are zero everywhere
    };

    CategoryBarChart(const QString &id, const QString &title, CategoryTableModel *model,
                     const Spec &spec, QWidget *parent = nullptr);
    /// The value of one bar as drawn (for tests): set @p set, category @p category.
    double barValue(int set, int category) const;
    int barSetCount() const;
    /// What the chart was made to draw (for tests).
    const Spec &spec() const { return m_spec; }

protected:
    bool rebuild() override;

private:
    void build();
    QList<QList<double>> values(bool *any) const;
    /// Index on the category axis of model row @p category.
    int position(int category) const;

    CategoryTableModel *m_model;
    Spec m_spec;
    QStringList m_builtCategories;
    QStringList m_builtColumns;
    QStringList activeColumns() const;
    QAbstractBarSeries *m_series = nullptr;
};

} // namespace dashboard
