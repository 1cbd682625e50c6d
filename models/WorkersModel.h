// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QStringList>

#include "Snapshot.h"

namespace dashboard {

/// The fleet behind a shared queue, one row per worker: id, host, state (active, idle,
/// stopped, lost), tracks in flight, its own tracks per minute, batches, when it was last
/// heard from; then one column per source with that worker's breaker state (the worker x
/// source grid). Rows are in the service's order; the source columns follow the
/// snapshot's sources, then any source only a worker reports.
class WorkersModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        WorkerColumn,
        HostColumn,
        StateColumn,
        BatchColumn,
        RateColumn,
        BatchesColumn,
        LastSeenColumn,
        FirstSourceColumn
    };

    using QAbstractTableModel::QAbstractTableModel;

    /// Takes the workers of @p snapshot (none: the model empties and hasFleet() is false).
    void update(const Snapshot &snapshot);
    bool hasFleet() const { return m_hasFleet; }
    const QList<FleetWorker> &workers() const { return m_workers; }
    QStringList sources() const { return m_sources; }
    /// "Workers: 3 (2 active, 1 lost)" (empty without a fleet).
    QString summary() const;
    /// How many workers the fleet should run and why, as the backend says (none: it does
    /// not say).
    const std::optional<AutoscaleInfo> &autoscale() const { return m_autoscale; }
    /// "Desired: 3 workers (2 live): 12,000 queued, 150 a minute per worker, drain within
    /// 1 h" and the like; empty when the backend says nothing.
    QString autoscaleText() const;
    /// The numbers behind autoscaleText(): backlog, forecast, rate, cap, bounds.
    QString autoscaleDetail() const;
    /// This backend's own worker id (service.worker_id): whose per-source numbers these are.
    QString self() const { return m_self; }

    static QString stateLabel(std::optional<FleetWorker::State> state);
    static QString stateKey(std::optional<FleetWorker::State> state);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void fleetChanged(bool hasFleet);
    /// After every update(), whatever it changed (rows, cells, the fleet, nothing): for
    /// views that summarise the whole table.
    void updated();

private:
    /// Brings the rows to @p workers (same columns): removed, moved, inserted, and
    /// dataChanged only for the rows that changed.
    void applyWorkers(const QList<FleetWorker> &workers);

    QList<FleetWorker> m_workers;
    QStringList m_sources;
    QDateTime m_asOf; ///< the snapshot's time: "last seen" is relative to it
    QString m_self;
    bool m_hasFleet = false;
    std::optional<AutoscaleInfo> m_autoscale;
};

} // namespace dashboard
