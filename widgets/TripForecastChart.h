// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChartPanel.h"

class QBarSet;
class QLabel;

namespace dashboard {

class TripForecastModel;

/// Breaker-trip forecast: one bar per source, its chance of opening within the hour (in the
/// colour of its class: unlikely under 20 %, watch under 50 %, likely from 50 %), and under
/// the chart, for each source at risk, when (with the band). The CSV is the model's table:
/// `source,p_trip_1h,expected_minutes_to_trip`.
class TripForecastChart final : public ChartPanel
{
    Q_OBJECT
public:
    explicit TripForecastChart(TripForecastModel *model, QWidget *parent = nullptr);

    /// The bar drawn for @p source in percent (for tests), -1 without one.
    double barPercent(const QString &source) const;
    /// The lines under the chart (for tests).
    QStringList lines() const;

protected:
    bool rebuild() override;

private:
    TripForecastModel *m_model;
    QList<QBarSet *> m_classes; ///< unlikely, watch, likely
    QStringList m_categories;
    QLabel *m_list;
};

} // namespace dashboard
