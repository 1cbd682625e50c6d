// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPointer>

#include "ChartPanel.h"
#include "PrometheusClient.h"

class QComboBox;
class QScatterSeries;

namespace dashboard {

class HeatmapModel;
class SourcesModel;

/// Success by day of week and hour of day over the last 30 days, from Prometheus: a 7 x 24
/// grid of cells coloured by success ratio (five classes, the legend is the key), for all
/// sources or the one chosen. Without Prometheus, or when it does not answer, it says so.
class HeatmapChart final : public ChartPanel
{
    Q_OBJECT
public:
    HeatmapChart(HeatmapModel *model, SourcesModel *sources, QWidget *parent = nullptr);

    /// Where the history comes from (not owned); fetches now.
    void setPrometheus(PrometheusClient *client);
    /// Asks Prometheus again (the chosen source, the last 30 days).
    void reload();
    QString source() const;
    void setSource(const QString &source);
    bool isLoading() const;
    /// Cells drawn (for tests).
    int cellCount() const;
    /// The class (0: worst .. 4: best) a ratio falls into, and its lower bound.
    static int classOf(double ratio);

Q_SIGNALS:
    /// A reload finished (@p ok false: the reason is the panel's no-data text).
    void loaded(bool ok);

protected:
    bool rebuild() override;

private:
    void onReady(const QString &tag, const QList<PrometheusClient::Series> &series);
    void onFailed(const QString &tag, const QString &error);
    void refreshSources();

    HeatmapModel *m_model;
    SourcesModel *m_sources;
    QPointer<PrometheusClient> m_client;
    QComboBox *m_source;
    QList<QScatterSeries *> m_classes;
    QList<QPair<qint64, double>> m_ratio;
    QList<QPair<qint64, double>> m_requests;
    int m_waiting = 0;
};

} // namespace dashboard
