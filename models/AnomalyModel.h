// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QHash>

#include "Anomaly.h"
#include "PrometheusBatch.h"
#include "PrometheusClient.h"
#include "Snapshot.h"

namespace dashboard {

/// The dashboard's anomalies: each source's success rate, p95 latency and request rate and
/// the queue's processing rate, each against its expected band (AnomalyDetector).
///
/// Two inputs, as for the heatmap: with Prometheus, 30 days of 5-minute steps (asked again
/// every 5 minutes), so the seasonal weekday x hour baseline is there at once; without it,
/// the live snapshots, summed into 1-minute steps (the last day kept), against a rolling
/// baseline. The table is what the `anomalies` CSV export writes: every evaluated step of
/// the last 24 hours (`time,source,metric,observed,expected_low,expected_high,score`);
/// current() and recent() are the anomalies themselves.
class AnomalyModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AnomalyModel)
public:
    enum Column {
        TimeColumn,
        SourceColumn,
        MetricColumn,
        ObservedColumn,
        LowColumn,
        HighColumn,
        ScoreColumn,
        ColumnCount
    };
    /// The steps and the window of the two inputs.
    static constexpr qint64 LiveStepMs = 60'000;
    static constexpr qint64 HistoryStepMs = 5 * 60'000;
    static constexpr qint64 HistoryDays = 30;
    static constexpr qint64 WindowMs = 24 * 3'600'000LL; ///< shown and exported

    explicit AnomalyModel(QObject *parent = nullptr);

    /// The detector's settings for live steps and for Prometheus's.
    static AnomalySettings liveSettings();
    static AnomalySettings historySettings();

    /// Live input: calls and successes per source (from the counters since start), p95
    /// latency, the processing rate and whether tracks wait. Closes a step when a snapshot
    /// is past its end.
    void applySnapshot(const Snapshot &snapshot);

    /// Loads 30 days from @p client now and every 5 minutes; null: live again.
    void setPrometheus(PrometheusClient *client);
    /// The PromQL of each history query (tag -> expression), for @p stepMs.
    static QHash<QString, QString> historyQueries();
    /// Builds the series from the answers to historyQueries() (by tag); used by
    /// setPrometheus() and tests.
    void setHistory(const QHash<QString, QList<PrometheusClient::Series>> &answers);
    /// Prometheus did not answer (@p error): the live steps are used.
    void setHistoryFailed(const QString &error);
    bool hasHistory() const { return m_fromHistory; }
    bool isLoading() const;
    /// Where the baseline comes from now: "30 days from Prometheus", "live, 42 min".
    QString basis() const;

    /// Re-evaluates every series (new steps call it).
    void recompute();

    /// Sources with a series, in the order first seen.
    QStringList sources() const { return m_sources; }
    /// The evaluated steps of the last 24 hours of @p source's @p metric (empty source: the
    /// processing rate).
    QList<AnomalyPoint> points(const QString &source, AnomalyMetric metric) const;
    /// Anomalies still going on (their last step is the newest), worst first.
    QList<AnomalyEpisode> current() const;
    /// Anomalies of the last 24 hours, newest first.
    const QList<AnomalyEpisode> &recent() const { return m_episodes; }
    /// One line for the list and notifications: "discogs · Success rate 81 % against 95 %
    /// expected · only this source: the provider's problem".
    static QString describe(const AnomalyEpisode &episode);
    /// The value of @p metric as read: "81 %", "420 ms", "62 /min".
    static QString formatValue(AnomalyMetric metric, double value);
    static QString scopeText(AnomalyEpisode::Scope scope);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// The evaluation changed (new steps, new history).
    void evaluated();
    /// The history requests ended (ok or not).
    void historyLoaded(bool ok);

private:
    struct Row
    {
        QString source;
        AnomalyMetric metric;
        AnomalyPoint point;
    };
    static QString seriesKey(const QString &source, AnomalyMetric metric);
    void closeLiveStep();
    void addSource(const QString &source);

    // Live accumulation.
    struct Counters
    {
        double calls = -1; ///< at the last snapshot; -1: none yet
        double ok = -1;
    };
    QHash<QString, Counters> m_last;
    QHash<QString, QPair<double, double>> m_stepCalls; ///< source -> (calls, ok) this step
    QHash<QString, double> m_stepLatency;              ///< source -> newest p95 this step
    double m_stepRateSum = 0;
    int m_stepRateCount = 0;
    bool m_stepBusy = false;
    qint64 m_stepEndMs = -1;
    QHash<QString, QList<AnomalyInput>> m_live;

    // History.
    PrometheusBatch *m_batch;
    QHash<QString, QList<AnomalyInput>> m_history;
    bool m_fromHistory = false;
    QString m_historyError;

    QStringList m_sources;
    QHash<QString, QList<AnomalyPoint>> m_points;
    QList<AnomalyEpisode> m_episodes;
    QList<Row> m_rows;
};

} // namespace dashboard
