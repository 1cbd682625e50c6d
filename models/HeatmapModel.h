// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QAbstractTableModel>

#include "PrometheusClient.h"

namespace dashboard {

/// Enrichment success by day of week and hour of day (7 x 24, local time) over the last
/// 30 days, per source or for all: from Prometheus, the hourly success ratio
/// (`successQuery()`), averaged per (day, hour) cell, weighted by the requests of each
/// hour so that a quiet hour does not count as much as a busy one. Rows are Monday to
/// Sunday; column 0 names the day, columns 1 to 24 are the hours 0 to 23; a cell without
/// requests is no data.
class HeatmapModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int Days = 30;
    using QAbstractTableModel::QAbstractTableModel;

    /// The PromQL of the hourly success ratio of @p source (empty: all sources) and of the
    /// hourly request count that weighs it.
    static QString successQuery(const QString &source);
    static QString requestsQuery(const QString &source);

    /// Fills the grid from the two hourly series; an empty list clears it.
    void setSeries(const QList<QPair<qint64, double>> &successRatio,
                   const QList<QPair<qint64, double>> &requests);
    void clear();
    /// 0..1, nullopt without requests.
    std::optional<double> cell(int day, int hour) const;
    bool isEmpty() const { return m_cells == 0; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    double m_sum[7][24] = {};    ///< ratio x weight
    double m_weight[7][24] = {}; ///< requests
    int m_cells = 0;
};

} // namespace dashboard
