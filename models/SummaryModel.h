// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractListModel>

#include "ModelRoles.h"
#include "Snapshot.h"

namespace dashboard {

/// The headline numbers over the cards: one row per queue status, then throughput and
/// time to drain. Display: the value as shown ("1,234", "28 /min", "≈ 12 min"), or no
/// data (an invalid QVariant) when the service did not report it; ModelRole::Detail: the
/// line under it; ModelRole::Value / Export: the raw number (tracks, tracks per minute,
/// minutes to drain). The vertical header is the caption.
class SummaryModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SummaryModel)
public:
    enum Row {
        PendingRow,
        InProgressRow,
        CompletedRow,
        FailedRow,
        PartialRow,
        ThroughputRow,
        TimeToDrainRow,
        OldestPendingRow, ///< the queue's latency: how long the oldest pending track waits
        RowCount
    };
    Q_ENUM(Row)

    explicit SummaryModel(QObject *parent = nullptr);

    /// "Pending", "In progress", ...: how the dashboard names a queue status.
    static QString statusLabel(QueueStatus status);
    /// The row of a queue status.
    static int rowOf(QueueStatus status) { return int(status); }

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void update(const Snapshot &snapshot);

private:
    struct Cell
    {
        QVariant display;
        QString detail;
        QVariant value;
        bool operator==(const Cell &o) const
        {
            return display == o.display && detail == o.detail && value == o.value;
        }
    };
    QList<Cell> m_cells;
};

} // namespace dashboard
