// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChartPanel.h"

class QAreaSeries;
class QLabel;
class QLineSeries;

namespace dashboard {

class ForecastModel;

/// The backlog forecast: the pending count observed (solid), its projection (dashed) with
/// the 95 % band (shaded), and a headline that says when the queue will be empty, or that
/// it is not draining.
class ForecastChart final : public ChartPanel
{
    Q_OBJECT
public:
    ForecastChart(ForecastModel *model, const QColor &color, QWidget *parent = nullptr);

    QString headline() const;
    int observedPoints() const;
    int projectedPoints() const;

protected:
    bool rebuild() override;

private:
    ForecastModel *m_model;
    QLineSeries *m_observed;
    QLineSeries *m_projected;
    QLineSeries *m_upper;
    QLineSeries *m_lower;
    QAreaSeries *m_band;
    QLabel *m_headline;
};

} // namespace dashboard
