// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ForecastModel.h"

#include <algorithm>
#include <limits>

#include <QDateTime>
#include <QLocale>

#include "ModelRoles.h"
#include "SourcesModel.h"
#include "TimeSeriesModel.h"

namespace dashboard {

ForecastModel::ForecastModel(TimeSeriesModel *trend, QObject *parent)
    : QAbstractTableModel(parent), m_trend(trend),
      m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{}

void ForecastModel::recomputeAtMost(qint64 minIntervalMs)
{
    if (m_lastComputedMs >= 0 && m_now() - m_lastComputedMs < minIntervalMs)
        return;
    recompute();
}

void ForecastModel::setHistory(const QList<QPair<qint64, double>> &pending, const QString &error)
{
    m_history = pending;
    std::sort(m_history.begin(), m_history.end());
    m_historyError = error;
    recompute();
}

void ForecastModel::recompute()
{
    m_lastComputedMs = m_now();
    QList<QPair<qint64, double>> live;
    const int n = m_trend->size();
    qint64 newest = m_history.isEmpty() ? 0 : m_history.last().first;
    for (int row = n - 1; row >= 0; --row)
        if (m_trend->valueAt(row, 0)) { // the newest sample that has a pending count
            newest = std::max(newest, m_trend->timeAt(row));
            break;
        }
    const qint64 from = newest - qint64(m_windowMinutes) * 60'000;
    for (int row = 0; row < n; ++row) {
        const qint64 t = m_trend->timeAt(row);
        if (t < from)
            continue;
        if (const auto v = m_trend->valueAt(row, 0))
            live.append({t, *v});
    }
    // The long history where the live samples do not reach, then the live samples.
    QList<QPair<qint64, double>> samples;
    const qint64 liveFrom =
        live.isEmpty() ? std::numeric_limits<qint64>::max() : live.first().first;
    for (const auto &p : std::as_const(m_history))
        if (p.first >= from && p.first < liveFrom)
            samples.append(p);
    const int fromHistory = int(samples.size());
    samples += live;
    const QLocale locale;
    auto span = [](const QList<QPair<qint64, double>> &s, int first, int last) {
        return s.isEmpty() || last < first ? 0 : (s.at(last).first - s.at(first).first) / 1000;
    };
    if (fromHistory > 0)
        m_basis = tr("from %1 of Prometheus history")
                      .arg(SourcesModel::duration(span(samples, 0, int(samples.size()) - 1)));
    else
        m_basis = tr("from %1 of live samples")
                      .arg(SourcesModel::duration(span(live, 0, int(live.size()) - 1)));
    if (!m_historyError.isEmpty())
        m_basis += tr(" (Prometheus: %1)").arg(m_historyError);
    Forecast f = Forecast::holt(samples, 60'000, m_horizonMinutes);
    // Past the drain the projection is zeros: keep a margin after it (a fifth of the time
    // to drain, at least 15 minutes), so the chart spends its width on what matters.
    if (f.ok && f.drainAtMs && !f.observed.isEmpty()) {
        const qint64 toDrain = *f.drainAtMs - f.observed.last().first;
        const qint64 until = *f.drainAtMs + std::max<qint64>(15 * 60'000, toDrain / 5);
        while (f.projection.size() > 2 && f.projection.last().ms > until)
            f.projection.removeLast();
    }
    beginResetModel();
    m_forecast = f;
    endResetModel();
}

QString ForecastModel::headline() const
{
    const Forecast &f = m_forecast;
    if (!f.ok)
        return tr("No forecast: %1").arg(f.reason);
    return tr("%1 · %2").arg(outlook(), m_basis);
}

QString ForecastModel::outlook() const
{
    const Forecast &f = m_forecast;
    const QLocale locale;
    if (f.drainAtMs) {
        const qint64 from = f.observed.isEmpty() ? 0 : f.observed.last().first;
        const qint64 seconds = std::max<qint64>(0, (*f.drainAtMs - from) / 1000);
        if (seconds == 0)
            return tr("Empty");
        return tr("Empty in ≈ %1 (at %2)")
            .arg(SourcesModel::duration(seconds),
                 locale.toString(QDateTime::fromMSecsSinceEpoch(*f.drainAtMs).time(),
                                 QStringLiteral("HH:mm")));
    }
    const double perHour = f.trendPerHour();
    if (perHour > 0.5)
        return tr("Not draining: growing by %1 /h").arg(locale.toString(perHour, 'f', 0));
    return tr("Not draining: flat");
}

int ForecastModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() || !m_forecast.ok)
        return 0;
    // The projection's first point is the last observed step.
    return int(m_forecast.observed.size() + m_forecast.projection.size() - 1);
}

int ForecastModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ForecastModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int observed = int(m_forecast.observed.size());
    const bool isObserved = index.row() < observed;
    qint64 ms = 0;
    double value = 0, low = 0, high = 0;
    if (isObserved) {
        ms = m_forecast.observed.at(index.row()).first;
        value = low = high = m_forecast.observed.at(index.row()).second;
    } else {
        const Forecast::Point &p = m_forecast.projection.at(index.row() - observed + 1);
        ms = p.ms;
        value = p.value;
        low = p.low;
        high = p.high;
    }
    if (role != Qt::DisplayRole && role != ModelRole::Export && role != ModelRole::Value &&
        role != ModelRole::Sort)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return role == Qt::DisplayRole
                   ? QVariant(QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms),
                                                 QLocale::ShortFormat))
                   : QVariant(QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate));
    case KindColumn:
        if (role == Qt::DisplayRole)
            return isObserved ? tr("observed") : tr("forecast");
        return isObserved ? QStringLiteral("observed") : QStringLiteral("forecast");
    case PendingColumn:
        return role == Qt::DisplayRole ? QVariant(qRound64(value)) : QVariant(value);
    case LowColumn:
        if (isObserved)
            return {};
        return role == Qt::DisplayRole ? QVariant(qRound64(low)) : QVariant(low);
    case HighColumn:
        if (isObserved)
            return {};
        return role == Qt::DisplayRole ? QVariant(qRound64(high)) : QVariant(high);
    }
    return {};
}

QVariant ForecastModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    if (role == ModelRole::Export) {
        static const char *keys[] = {"timestamp", "kind", "pending", "low_95", "high_95"};
        return QString::fromLatin1(keys[section]);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case KindColumn: return tr("Kind");
    case PendingColumn: return tr("Pending");
    case LowColumn: return tr("Low (95 %)");
    case HighColumn: return tr("High (95 %)");
    }
    return {};
}

} // namespace dashboard
