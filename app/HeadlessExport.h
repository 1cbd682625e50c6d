// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>

#include <QObject>
#include <QTimer>

namespace dashboard {

class DashboardModels;
class DashboardView;
class PrometheusClient;
class EventLogModel;
class BackendFeed;

/// `--export DIR`: builds a DashboardView over the models (no window: it is laid out at
/// 1600 px wide and never shown on a screen), waits until the feed delivered a snapshot
/// and its history request ended (with points, or none from a seed-only service), writes
/// the files with a DashboardExporter and finishes with an exit code: 0 on success, 1 with
/// a one-line reason when no data arrived in time or a file could not be written.
class HeadlessExport final : public QObject
{
    Q_OBJECT
public:
    /// @p models must follow @p feed; none of them is owned.
    HeadlessExport(BackendFeed *feed, DashboardModels *models, EventLogModel *eventLog,
                   const QString &dir, int timeoutSeconds, QObject *parent = nullptr);
    ~HeadlessExport() override;
    void start();
    DashboardView *view() const { return m_view.get(); }
    /// Long history for the heatmap: the export then also waits for its answer (or
    /// failure, which the heatmap's files then say).
    void setPrometheus(PrometheusClient *client);
    /// The span of the time charts (before setPrometheus(): long spans then come from it,
    /// and the export waits for their answers).
    void setRangeMinutes(int minutes);
    /// After the first snapshot, wait up to @p seconds more for the charts to fill (every
    /// chart but the heatmap and the forecast, which need long history): a backend that
    /// has just started has drawn nothing yet. 0: write at once.
    void setWaitSeconds(int seconds) { m_wait.setInterval(std::max(0, seconds) * 1000); }
    /// Replace files the folder already has (otherwise the export refuses, naming one).
    void setOverwrite(bool overwrite) { m_overwrite = overwrite; }

    /// The width the dashboard is laid out at.
    static constexpr int Width = 1600;

Q_SIGNALS:
    void finished(int exitCode, const QString &message);

private:
    void tryExport();
    bool chartsFilled() const;
    BackendFeed *m_feed;
    QTimer m_wait;
    bool m_waited = false;
    bool m_overwrite = false;
    std::unique_ptr<DashboardView> m_view;
    QString m_dir;
    QTimer m_timeout;
    bool m_haveSnapshot = false;
    bool m_historySettled = false;
    bool m_heatmapSettled = true; ///< false while waiting for Prometheus
    bool m_anomaliesSettled = true; ///< likewise, the anomalies' 30 days
    int m_historyPending = 0;     ///< time charts waiting for Prometheus
    bool m_done = false;
    QString m_prometheusUrl; ///< set with setPrometheus(): named when it is the one late
};

} // namespace dashboard
