// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>
#include <vector>

#include <QAbstractTableModel>
#include <QPointF>
#include <QStringList>

#include "ModelRoles.h"

namespace dashboard {

/// Timestamped samples of a few named series in a bounded ring (the oldest sample leaves
/// when a new one arrives at capacity), so a dashboard left open for days stays small.
/// Column 0 is the time, columns 1..n the series; a missing value is "no data".
/// downsample() turns a series into at most two points per pixel column (min and max),
/// which is what a chart of N pixels can show anyway.
class TimeSeriesModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TimeSeriesModel)
public:
    enum Role { ValueRole = ModelRole::Value, ExportRole = ModelRole::Export };
    Q_ENUM(Role)

    TimeSeriesModel(const QStringList &series, int capacity, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Appends a sample. A sample not newer than the last one replaces it when the time is
    /// equal and is dropped when older (use merge() for backfill).
    void append(qint64 timeMs, const QList<std::optional<double>> &values);
    /// Merges samples in any order (history backfill); keeps the newest `capacity`.
    void merge(const QList<QPair<qint64, QList<std::optional<double>>>> &samples);
    void clear();

    int capacity() const { return m_capacity; }
    int size() const { return int(m_count); }
    int seriesCount() const { return int(m_series.size()); }
    QString seriesName(int s) const { return m_series.value(s); }
    void setSeriesLabels(const QStringList &labels) { m_labels = labels; }
    QString seriesLabel(int s) const { return m_labels.value(s, m_series.value(s)); }
    qint64 timeAt(int row) const;
    std::optional<double> valueAt(int row, int series) const;
    bool hasValues() const;

    /// Marks a gap at @p timeMs (a sample with no value in any series: the dashboard could
    /// not reach the backend, say), so a chart does not draw a line across it. Nothing when
    /// the last sample is a gap already or not older. History merged later that spans the
    /// gap fills it.
    void appendGap(qint64 timeMs);
    /// Points of @p series with time in [fromMs, toMs], reduced to at most 2 * buckets
    /// points (min and max of each time bucket, in time order). x is epoch ms. @p breaks,
    /// if given, receives the indexes of the points that start a new segment: a sample
    /// without a value for the series came before them.
    QList<QPointF> downsample(int series, qint64 fromMs, qint64 toMs, int buckets,
                              QList<int> *breaks = nullptr) const;
    /// All raw points of @p series (for comparison in benchmarks).
    QList<QPointF> points(int series) const;
    /// The value range of @p series over [fromMs, toMs]; nullopt with no values.
    std::optional<QPair<double, double>> range(int series, qint64 fromMs, qint64 toMs) const;

private:
    std::size_t physical(int row) const
    {
        return (m_head + std::size_t(row)) % std::size_t(m_capacity);
    }
    int firstRowAtOrAfter(qint64 timeMs) const;

    QStringList m_series;
    QStringList m_labels;
    int m_capacity;
    std::vector<qint64> m_times;
    std::vector<double> m_values; ///< capacity x series, NaN = no data
    std::size_t m_head = 0;
    std::size_t m_count = 0;
};

} // namespace dashboard
