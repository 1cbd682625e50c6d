// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChartPanel.h"

class QPieSeries;

namespace dashboard {

class CategoryTableModel;

/// Cache performance: a donut of hits against misses with the hit ratio in the middle;
/// sets and errors are in the CSV and the tooltip.
class CachePieChart final : public ChartPanel
{
    Q_OBJECT
public:
    CachePieChart(const QString &id, const QString &title, CategoryTableModel *model,
                  QWidget *parent = nullptr);
    /// The hit ratio shown, in percent; negative when none.
    double shownHitRatio() const { return m_ratio; }

protected:
    bool rebuild() override;

private:
    CategoryTableModel *m_model;
    QPieSeries *m_pie;
    double m_ratio = -1;
};

} // namespace dashboard
