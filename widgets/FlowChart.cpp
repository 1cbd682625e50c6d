// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FlowChart.h"

#include <QChartView>
#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QSlider>
#include <QVBoxLayout>

#include "FlowModel.h"
#include "FlowView.h"

namespace dashboard {

FlowChart::FlowChart(FlowModel *model, QWidget *parent)
    : ChartPanel(QStringLiteral("flow"), tr("Flow through the waterfall"), model, parent),
      m_model(model), m_view(new FlowView(this)), m_slider(new QSlider(Qt::Horizontal, this)),
      m_time(new QLabel(this))
{
    // The view takes the chart's place.
    chartView()->hide();
    m_slider->setObjectName(QStringLiteral("flowTime"));
    m_slider->setAccessibleName(tr("Time shown"));
    m_slider->setToolTip(tr("Drag back to replay the flow; at the right end it is live"));
    m_time->setObjectName(QStringLiteral("flowTimeText"));
    if (auto *box = qobject_cast<QVBoxLayout *>(layout())) {
        box->insertWidget(box->indexOf(chartView()), m_view, 1);
        auto *row = new QHBoxLayout;
        row->addWidget(m_slider, 1);
        row->addWidget(m_time);
        box->addLayout(row);
    }
    setMinimumHeight(340);
    // A waterfall of five sources and three outcomes reads best across the whole window.
    setProperty("fullRow", true);
    connect(m_slider, &QSlider::valueChanged, this, [this](int value) {
        if (m_updatingSlider)
            return;
        m_model->setPosition(value >= m_slider->maximum() ? -1 : value);
    });
    connect(model, &FlowModel::shownChanged, this, &FlowChart::scheduleRebuild);
    connect(model, &FlowModel::statesChanged, this, &FlowChart::refreshSlider);
    refreshSlider();
    scheduleRebuild();
}

void FlowChart::setPrometheus(PrometheusClient *client)
{
    m_model->setPrometheus(client);
}

void FlowChart::refreshSlider()
{
    m_updatingSlider = true;
    const int count = m_model->stateCount();
    m_slider->setRange(0, std::max(0, count - 1));
    m_slider->setEnabled(count > 1);
    m_slider->setValue(m_model->position() < 0 ? m_slider->maximum() : m_model->position());
    m_updatingSlider = false;
}

QString FlowChart::timeText() const
{
    return m_time->text();
}

bool FlowChart::rebuild()
{
    const FlowState &state = m_model->shown();
    m_view->setState(state);
    if (m_model->position() < 0) {
        m_time->setText(m_model->hasHistory() ? tr("newest (5-minute steps from Prometheus)")
                                              : tr("live"));
    } else {
        m_time->setText(
            QLocale().toString(QDateTime::fromMSecsSinceEpoch(state.ms), QLocale::ShortFormat));
    }
    if (!m_updatingSlider && m_model->position() < 0) {
        m_updatingSlider = true;
        m_slider->setValue(m_slider->maximum());
        m_updatingSlider = false;
    }
    // The view says itself when there is nothing yet (the panel's overlay is on the hidden
    // chart view); an export waits for rates.
    return !state.isEmpty();
}

} // namespace dashboard
