// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>

#include "Snapshot.h"
#include "TripForecast.h"

namespace dashboard {

class CategoryTableModel;

/// Each source's breaker-trip forecast (TripForecast), from the live snapshots: the calls
/// and errors of each source summed into 1-minute steps (the counters since start, a step
/// closed when a snapshot is past its end), the p95 latency, and the breaker's rule and
/// state from the same snapshot. Recomputed at every closed step. table() is the chart
/// `breaker_forecast` and its CSV: `source,p_trip_1h,expected_minutes_to_trip`.
class TripForecastModel final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TripForecastModel)
public:
    static constexpr qint64 StepMs = 60'000;
    static constexpr int KeepSteps = 60;

    explicit TripForecastModel(QObject *parent = nullptr);

    void applySnapshot(const Snapshot &snapshot);
    /// Sources in the snapshot's order.
    QStringList sources() const { return m_order; }
    TripForecast forecast(const QString &source) const { return m_forecasts.value(source); }
    const QHash<QString, TripForecast> &forecasts() const { return m_forecasts; }
    CategoryTableModel *table() const { return m_table; }

    /// Short words for the sources table: "may trip in ~20 min", "steady", "open now",
    /// "measuring…".
    static QString shortText(const TripForecast &f);
    /// The long form, with the band: "Chance of opening within the hour 72 % (55–86 %);
    /// expected in about 20 min (12–35); failures 18 % of calls, rising 30 points an hour."
    static QString longText(const TripForecast &f);

Q_SIGNALS:
    void updated();

private:
    void closeStep();
    void recompute();

    struct Counters
    {
        double calls = -1;
        double failures = -1;
    };
    QHash<QString, Counters> m_last;
    QHash<QString, TripStep> m_step; ///< this step, per source
    QHash<QString, TripRule> m_rules;
    QHash<QString, QList<TripStep>> m_steps;
    QHash<QString, TripForecast> m_forecasts;
    QStringList m_order;
    qint64 m_stepEndMs = -1;
    CategoryTableModel *m_table;
};

} // namespace dashboard
