// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Anomaly.h"
#include "ChartPanel.h"

class QAreaSeries;
class QComboBox;
class QLabel;
class QLineSeries;
class QScatterSeries;

namespace dashboard {

class AnomalyModel;
class PrometheusClient;

/// Anomalies: one figure (the pipeline's processing rate, or a source's success rate,
/// p95 latency or request rate) over the last 24 hours against its expected band (shaded),
/// the steps that are part of an anomaly marked in red, and under the chart the list of
/// the anomalies going on now, each saying whether one source deviates (the provider's
/// problem) or most of them at once (ours). Until the operator picks a figure it follows
/// the worst current anomaly.
class AnomalyChart final : public ChartPanel
{
    Q_OBJECT
public:
    AnomalyChart(AnomalyModel *model, QWidget *parent = nullptr);

    /// The seasonal baseline's 30 days (not owned); null: the live samples.
    void setPrometheus(PrometheusClient *client);
    /// Shows @p source's @p metric (empty source: the pipeline's processing rate).
    void select(const QString &source, AnomalyMetric metric);
    QString selectedSource() const { return m_source; }
    AnomalyMetric selectedMetric() const { return m_metric; }
    /// The list under the chart, one line per current anomaly (for tests).
    QStringList currentLines() const;
    /// Points drawn: observed, in the band, marked anomalous (for tests).
    int observedPoints() const;
    int bandPoints() const;
    int markedPoints() const;

protected:
    bool rebuild() override;

private:
    void refreshChoices();
    void onEvaluated();

    AnomalyModel *m_model;
    QComboBox *m_sourceBox;
    QComboBox *m_metricBox;
    QLabel *m_list;
    QLineSeries *m_observed;
    QLineSeries *m_upper;
    QLineSeries *m_lower;
    QAreaSeries *m_band;
    QScatterSeries *m_marked;
    QString m_source;
    AnomalyMetric m_metric = AnomalyMetric::ProcessingRate;
    bool m_chosen = false; ///< the operator picked a figure: stop following the worst
    bool m_updatingBoxes = false;
};

} // namespace dashboard
