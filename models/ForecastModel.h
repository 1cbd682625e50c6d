// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QAbstractTableModel>

#include "Forecast.h"

namespace dashboard {

class TimeSeriesModel;

/// The backlog forecast of the dashboard: from the pending series of the queue trend
/// (the last `windowMinutes`, on a one-minute grid), Holt's projection `horizonMinutes`
/// ahead (see Forecast), cut a little after the projected drain. One row per minute:
/// observed, then projected with its band; this is also what the `forecast` CSV export
/// writes.
class ForecastModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, KindColumn, PendingColumn, LowColumn, HighColumn, ColumnCount };

    /// @p trend's series 0 is the pending count; it is not owned.
    explicit ForecastModel(TimeSeriesModel *trend, QObject *parent = nullptr);

    void setWindowMinutes(int minutes) { m_windowMinutes = std::max(10, minutes); }
    void setHorizonMinutes(int minutes) { m_horizonMinutes = std::max(1, minutes); }
    int horizonMinutes() const { return m_horizonMinutes; }
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

    /// Pending counts from a long history (Prometheus): the fit uses them for the part of
    /// the window the live samples do not cover, so a dashboard opened a minute ago
    /// forecasts at once. @p error non-empty: the history could not be read (said in the
    /// headline; the live samples are used alone).
    void setHistory(const QList<QPair<qint64, double>> &pending, const QString &error = {});
    /// Which history the last fit used: "2 h from Prometheus", "14 min of live samples".
    QString basis() const { return m_basis; }

    /// Recomputes now.
    void recompute();
    /// Recomputes unless it did less than @p minIntervalMs ago (snapshots come often).
    void recomputeAtMost(qint64 minIntervalMs);

    const Forecast &forecast() const { return m_forecast; }
    /// One line for the chart: "Empty in ≈ 1 h 10 min (at 15:20) · from 2 h of
    /// Prometheus history", "Not draining: growing by 300 /h · ...", ...
    QString headline() const;
    /// The headline without the basis.
    QString outlook() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    TimeSeriesModel *m_trend;
    Forecast m_forecast;
    QList<QPair<qint64, double>> m_history;
    QString m_historyError;
    QString m_basis;
    int m_windowMinutes = 120;
    int m_horizonMinutes = 240;
    qint64 m_lastComputedMs = -1;
    std::function<qint64()> m_now;
};

} // namespace dashboard
