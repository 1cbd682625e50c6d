// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QAbstractTableModel>
#include <QHash>

#include "PrometheusBatch.h"
#include "PrometheusClient.h"
#include "Snapshot.h"

namespace dashboard {

/// One node of the waterfall flow: the queue, a source, or an outcome.
struct FlowNode
{
    enum class Kind { Queue, Source, Outcome };
    Kind kind = Kind::Source;
    QString key; ///< "queue", a source's name, or completed / partial / failed
    /// Per minute: the calls a source answered by outcome, and the tracks it let pass
    /// without a call (breaker open, quota spent); an outcome's tracks.
    double success = 0;
    double noData = 0;
    double error = 0;
    double skipped = 0;
    std::optional<BreakerState> breaker;
    std::optional<double> quotaLeft; ///< rate-limit budget left, 0..1
    bool paused = false;
    std::optional<qint64> pending; ///< the queue's
    double calls() const { return success + noData + error; }
    /// Errors over answered calls (0 without calls).
    double errorShare() const { return calls() > 0 ? error / calls() : 0; }
};

/// One edge: the tracks a node passes on to the next, per minute.
struct FlowEdge
{
    QString from;
    QString to;
    double rate = 0;       ///< tracks per minute
    double errorShare = 0; ///< of the calls at `from` (a source), 0 otherwise
};

/// The flow at one time.
struct FlowState
{
    qint64 ms = 0;
    QList<FlowNode> nodes; ///< the queue, the sources in waterfall order, the outcomes
    QList<FlowEdge> edges;
    bool isEmpty() const { return nodes.isEmpty(); }
    const FlowNode *node(const QString &key) const;
};

/// Tracks flowing through the waterfall: every track passes each source in order (asked,
/// answered from the cache, or let pass because its breaker is open or its quota spent)
/// and ends completed, partial or failed. Edges: the queue to the first source at the rate
/// tracks are taken, each source to the next at the same rate, the last source to each
/// outcome at that outcome's rate; each source's edge out is coloured by its error share.
///
/// Live: rates over the last minute from the snapshots' counters (requests by status,
/// skips, finished tracks), one state kept a minute for the last hour. With Prometheus,
/// 30 days of 5-minute states (six range queries, again every 5 minutes). setPosition()
/// picks the state shown (the time slider); -1 follows the newest. The table is what the
/// `flow` CSV export writes: `kind,name,from,to,rate_per_minute,error_share` for the
/// state shown.
class FlowModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FlowModel)
public:
    enum Column {
        KindColumn,
        NameColumn,
        FromColumn,
        ToColumn,
        RateColumn,
        ErrorShareColumn,
        ColumnCount
    };
    static constexpr int LiveKeep = 60; ///< minutes of live states
    static constexpr qint64 HistoryStepMs = 5 * 60'000;
    static constexpr qint64 HistoryDays = 30;

    explicit FlowModel(QObject *parent = nullptr);

    void applySnapshot(const Snapshot &snapshot);
    void setPrometheus(PrometheusClient *client);
    static QHash<QString, QString> historyQueries();
    /// Builds the states from the answers to historyQueries() (by tag).
    void setHistory(const QHash<QString, QList<PrometheusClient::Series>> &answers);
    bool hasHistory() const { return !m_history.isEmpty(); }

    /// The states the slider moves over (history, or the live hour), oldest first.
    int stateCount() const;
    qint64 stateTime(int index) const;
    /// -1: the newest (live).
    void setPosition(int index);
    int position() const { return m_position; }
    /// What the view draws now.
    const FlowState &shown() const { return m_shown; }
    /// The newest live state (rates over the last minute).
    const FlowState &live() const { return m_live; }

    /// Builds a state from per-minute figures (tests, history).
    static FlowState build(qint64 ms, const QList<FlowNode> &sources, std::optional<qint64> pending,
                           double completed, double partial, double failed);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    /// The state shown changed (new rates, another position, new history).
    void shownChanged();
    void statesChanged();

private:
    struct Sample
    {
        qint64 ms = 0;
        QHash<QString, std::array<double, 4>> sources; ///< success, no data, error, skipped
        std::array<double, 3> outcomes{};              ///< completed, partial, failed
        bool hasOutcomes = false;
    };
    void refreshShown();

    QList<Sample> m_samples; ///< the last ~70 s of counters
    FlowState m_live;
    QList<FlowState> m_liveStates;
    qint64 m_lastKeptMs = -1;
    QList<FlowState> m_history;
    int m_position = -1;
    FlowState m_shown;
    PrometheusBatch *m_batch;
};

} // namespace dashboard
