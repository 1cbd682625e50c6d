// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>

#include "ChartPanel.h"
#include "PrometheusClient.h"

class QAreaSeries;
class QLabel;
class QLineSeries;
class QTimer;

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
    /// Fits on the pending history Prometheus holds (the last six hours are asked, again
    /// every minute; the fit takes the newest two) as well as the live samples; not owned.
    void setPrometheus(PrometheusClient *client);
    int observedPoints() const;
    int projectedPoints() const;

protected:
    bool rebuild() override;

private:
    void reloadHistory();

    ForecastModel *m_model;
    QPointer<PrometheusClient> m_client;
    QTimer *m_historyTimer = nullptr;
    QLineSeries *m_observed;
    QLineSeries *m_projected;
    QLineSeries *m_upper;
    QLineSeries *m_lower;
    QAreaSeries *m_band;
    QLabel *m_headline;
};

} // namespace dashboard
