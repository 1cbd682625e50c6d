// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QColor>
#include <QPointer>
#include <QTimer>

#include "ChartPanel.h"

#include "PrometheusClient.h"

class QComboBox;
class QGraphicsItem;
class QLineSeries;

namespace dashboard {

class ChartMarkers;
class TimeSeriesModel;

/// A line chart of a TimeSeriesModel over a chosen span (15 min ... 24 h) ending now.
/// Each redraw hands every series at most two points per pixel column (min and max per
/// bucket) with QXYSeries::replace(), so a day of 1 s samples redraws as fast as a
/// minute of them.
class TimeSeriesChart final : public ChartPanel
{
    Q_OBJECT
public:
    TimeSeriesChart(const QString &id, const QString &title, TimeSeriesModel *model,
                    const QList<QColor> &colors, const QString &valueTitle,
                    QWidget *parent = nullptr);
    void setSpanMinutes(int minutes);
    int spanMinutes() const { return m_spanMinutes; }
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }
    /// Points currently handed to series @p i (for tests and benchmarks), over all its
    /// segments.
    int pointCount(int series) const;
    /// The pieces series @p i is drawn in now: more than one when it has gaps (the backend
    /// was out of reach, the pipeline paused).
    int segmentCount(int series) const;
    /// Bands (outages, pauses) and instants (operator actions) to draw over the plot;
    /// not owned, may be null.
    void setMarkers(ChartMarkers *markers);
    /// The markers drawn now, as "kind: label" (for tests).
    QStringList markersShown() const;
    /// The tooltip for @p point of series @p series: its time, the series and the value.
    QString valueText(int series, const QPointF &point) const;

    /// Long ranges (6 h, 24 h, 7 d, 30 d) from Prometheus: @p query gives the PromQL for a
    /// rate window in seconds; @p seriesOf maps a result series to a line (-1: none). The
    /// ranges up to an hour stay live from the backend's own samples.
    void setHistory(PrometheusClient *client, std::function<QString(qint64 windowSeconds)> query,
                    std::function<int(const PrometheusClient::Series &)> seriesOf);
    /// Whether the span now drawn comes from Prometheus.
    bool showsHistory() const;
    bool isLoadingHistory() const;
    /// Asks Prometheus again for the span shown (the window does every minute).
    void reloadHistory();

Q_SIGNALS:
    /// A history request ended (@p ok false: the reason is the panel's no-data text).
    void historyLoaded(bool ok);

protected:
    bool rebuild() override;

private:
    void onHistory(const QString &tag, const QList<PrometheusClient::Series> &series);
    void onHistoryFailed(const QString &tag, const QString &error);

    TimeSeriesModel *m_model;
    TimeSeriesModel *m_history = nullptr; ///< what Prometheus answered for the span
    QPointer<PrometheusClient> m_client;
    std::function<QString(qint64)> m_query;
    std::function<int(const PrometheusClient::Series &)> m_seriesOf;
    QTimer *m_historyTimer = nullptr;
    bool m_historyOk = false;
    void layoutMarkers();
    void connectHover(QLineSeries *line, int series);
    QLineSeries *segment(int series, int index);

    QList<QLineSeries *> m_lines;
    QList<QList<QLineSeries *>> m_extraSegments; ///< per series, the pieces after the first
    QList<int> m_segmentsUsed;
    QPointer<ChartMarkers> m_markers;
    QList<QGraphicsItem *> m_markerItems;
    QStringList m_markersShown;
    qint64 m_fromMs = 0;
    qint64 m_toMs = 0;
    QComboBox *m_span;
    int m_spanMinutes = 60;
    std::function<qint64()> m_now;
};

} // namespace dashboard
