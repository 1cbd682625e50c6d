// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ChartPanel.h"

class QLabel;
class QSlider;

namespace dashboard {

class FlowModel;
class FlowView;
class PrometheusClient;

/// The waterfall flow view (FlowView) as a dashboard panel, id `flow`: a time slider under
/// it replays the states the model holds (30 days from Prometheus, or the live hour), at
/// its right end it follows the newest; the label says which time is shown. PNG and SVG
/// export draw the view as shown, CSV its node and edge rates.
class FlowChart final : public ChartPanel
{
    Q_OBJECT
public:
    explicit FlowChart(FlowModel *model, QWidget *parent = nullptr);

    FlowView *view() const { return m_view; }
    QSlider *slider() const { return m_slider; }
    void setPrometheus(PrometheusClient *client);
    /// What the label under the view says (for tests).
    QString timeText() const;

protected:
    bool rebuild() override;

private:
    void refreshSlider();

    FlowModel *m_model;
    FlowView *m_view;
    QSlider *m_slider;
    QLabel *m_time;
    bool m_updatingSlider = false;
};

} // namespace dashboard
