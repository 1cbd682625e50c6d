// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourcesModel.h"

#include <cmath>
#include <iterator>

#include <QDateTime>
#include <QLocale>

#include "TripForecastModel.h"
#include "enrichment/WireFormat.h"

namespace dashboard {

SourcesModel::SourcesModel(QObject *parent)
    : QAbstractTableModel(parent), m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{}

int SourcesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_sources.size());
}

int SourcesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString SourcesModel::healthLabel(std::optional<Health> h)
{
    if (!h)
        return tr("Unknown");
    switch (*h) {
    case Health::Healthy: return tr("Healthy");
    case Health::Degraded: return tr("Degraded");
    case Health::Down: return tr("Down");
    case Health::Unavailable: return tr("Unavailable");
    }
    return {};
}

QString SourcesModel::stateLabel(std::optional<BreakerState> s)
{
    if (!s)
        return tr("Unknown");
    switch (*s) {
    case BreakerState::Closed: return tr("Closed");
    case BreakerState::HalfOpen: return tr("Half-open");
    case BreakerState::Open: return tr("Open");
    }
    return {};
}

QString SourcesModel::relativeTime(qint64 secondsAgo)
{
    if (secondsAgo < 0)
        secondsAgo = 0;
    if (secondsAgo < 60)
        return tr("%n s ago", nullptr, int(secondsAgo));
    if (secondsAgo < 3600)
        return tr("%n min ago", nullptr, int(secondsAgo / 60));
    if (secondsAgo < 86400)
        return tr("%n h ago", nullptr, int(secondsAgo / 3600));
    return tr("%n d ago", nullptr, int(secondsAgo / 86400));
}

QString SourcesModel::duration(qint64 seconds)
{
    if (seconds < 60)
        return tr("%n s", nullptr, int(std::max<qint64>(0, seconds)));
    if (seconds < 600)
        return tr("%1 min %2 s").arg(seconds / 60).arg(seconds % 60);
    if (seconds < 3600)
        return tr("%n min", nullptr, int(seconds / 60));
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QVariant SourcesModel::display(const SourceInfo &s, int column) const
{
    const QString none = tr("no data");
    const QLocale locale;
    switch (column) {
    case SourceColumn: return s.name;
    case HealthColumn:
        return m_paused.contains(s.name) ? tr("%1 · paused").arg(healthLabel(s.health))
                                         : healthLabel(s.health);
    case StateColumn: return s.breaker ? stateLabel(s.breaker->state) : none;
    case FailuresColumn:
        return s.breaker && s.breaker->failureCount ? locale.toString(*s.breaker->failureCount)
                                                    : none;
    case LastFailureColumn:
        if (!s.breaker || (!s.breaker->lastFailureTime && !s.breaker->lastFailureReported))
            return none;
        if (!s.breaker->lastFailureTime)
            return tr("never");
        return relativeTime(
            qint64(std::llround(double(m_now()) / 1000.0 - *s.breaker->lastFailureTime)));
    case NextProbeColumn: {
        if (!s.breaker || s.breaker->state != BreakerState::Open)
            return QStringLiteral("—");
        if (s.breaker->needsAttention.value_or(false))
            return tr("needs operator"); // short: the column is narrow; the tooltip says more
        if (!s.breaker->nextProbeInSeconds)
            return none;
        const double left =
            *s.breaker->nextProbeInSeconds - double(m_now() - m_receivedMs) / 1000.0;
        return left <= 0 ? tr("due now") : tr("in %1").arg(duration(qint64(std::ceil(left))));
    }
    case Success1hColumn:
        return s.successRate1h
                   ? locale.toString(*s.successRate1h * 100.0, 'f', 1) + QLatin1Char('%')
                   : none;
    case Success24hColumn:
        return s.successRate24h
                   ? locale.toString(*s.successRate24h * 100.0, 'f', 1) + QLatin1Char('%')
                   : none;
    case LatencyP95Column:
        return s.latency && s.latency->p95
                   ? tr("%1 ms").arg(locale.toString(*s.latency->p95 * 1000.0, 'f', 0))
                   : none;
    case RateLimitColumn:
        return s.rateLimit ? tr("%1 / %2").arg(locale.toString(s.rateLimit->remaining, 'f', 0),
                                               locale.toString(s.rateLimit->limit, 'f', 0))
                           : none;
    case TripColumn: {
        const auto it = m_trips.constFind(s.name);
        return it == m_trips.cend() ? none : TripForecastModel::shortText(*it);
    }
    default: return {};
    }
}

QVariant SourcesModel::exportValue(const SourceInfo &s, int column) const
{
    switch (column) {
    case SourceColumn: return s.name;
    case HealthColumn: return healthKey(s.health);
    case StateColumn: return s.breaker ? breakerStateKey(s.breaker->state) : QVariant();
    case FailuresColumn:
        return s.breaker && s.breaker->failureCount ? QVariant(*s.breaker->failureCount)
                                                    : QVariant();
    case LastFailureColumn:
        return s.breaker && s.breaker->lastFailureTime ? QVariant(*s.breaker->lastFailureTime)
                                                       : QVariant();
    case NextProbeColumn:
        return s.breaker && s.breaker->nextProbeInSeconds ? QVariant(*s.breaker->nextProbeInSeconds)
                                                          : QVariant();
    case Success1hColumn: return s.successRate1h ? QVariant(*s.successRate1h) : QVariant();
    case Success24hColumn: return s.successRate24h ? QVariant(*s.successRate24h) : QVariant();
    case LatencyP95Column:
        return s.latency && s.latency->p95 ? QVariant(*s.latency->p95) : QVariant();
    case RateLimitColumn: return s.rateLimit ? QVariant(s.rateLimit->remaining) : QVariant();
    case TripColumn: {
        const auto it = m_trips.constFind(s.name);
        return it != m_trips.cend() && it->ok ? QVariant(it->pTrip1h) : QVariant();
    }
    default: return {};
    }
}

QVariant SourcesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const SourceInfo &s = m_sources.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return display(s, index.column());
    case Qt::ToolTipRole:
        if (index.column() == HealthColumn && m_paused.contains(s.name))
            return tr("Paused by an operator: the pipeline skips %1").arg(s.name);
        if ((index.column() == StateColumn || index.column() == NextProbeColumn) && s.breaker &&
            s.breaker->needsAttention.value_or(false))
            return tr("Reopened %1 times in a row: it probes no more by itself. Close it once "
                      "%2 is back, or have it probe now (Source Actions).")
                .arg(s.breaker->reopens.value_or(0))
                .arg(s.name);
        if (index.column() == TripColumn && m_trips.contains(s.name))
            return TripForecastModel::longText(m_trips.value(s.name));
        if (index.column() == LastFailureColumn && s.breaker && s.breaker->lastFailureTime)
            return QLocale().toString(
                QDateTime::fromMSecsSinceEpoch(qint64(*s.breaker->lastFailureTime * 1000.0)),
                QLocale::LongFormat);
        return {};
    case HealthRole: return healthKey(s.health);
    case BreakerStateRole: return s.breaker ? breakerStateKey(s.breaker->state) : QString();
    case ExportRole: return exportValue(s, index.column());
    case SortRole: {
        const QVariant v = exportValue(s, index.column());
        return v.isValid() ? v : QVariant(-1.0);
    }
    case Qt::TextAlignmentRole:
        return index.column() >= FailuresColumn ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                                                : QVariant(Qt::AlignLeft | Qt::AlignVCenter);
    default: return {};
    }
}

QVariant SourcesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == ExportRole) {
        // The export's columns are named as the snapshot names them.
        namespace k = enrichment::wire::key;
        static const QLatin1String keys[] = {k::Source,
                                             k::Health,
                                             k::State,
                                             k::FailureCount,
                                             k::LastFailureTime,
                                             k::NextProbeInSeconds,
                                             k::SuccessRate1h,
                                             k::SuccessRate24h,
                                             k::LatencyP95Seconds,
                                             k::RateLimitRemaining,
                                             QLatin1String("p_trip_1h")};
        static_assert(std::size(keys) == ColumnCount);
        return QString(keys[section]);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case SourceColumn: return tr("Source");
    case HealthColumn: return tr("Health");
    case StateColumn: return tr("Breaker");
    case FailuresColumn: return tr("Failures");
    case LastFailureColumn: return tr("Last failure");
    case NextProbeColumn: return tr("Next probe");
    case Success1hColumn: return tr("Success 1 h");
    case Success24hColumn: return tr("Success 24 h");
    case LatencyP95Column: return tr("p95 latency");
    case RateLimitColumn: return tr("Rate limit left");
    case TripColumn: return tr("Trip forecast");
    default: return {};
    }
}

void SourcesModel::setTripForecasts(const QHash<QString, TripForecast> &forecasts)
{
    m_trips = forecasts;
    if (!m_sources.isEmpty())
        Q_EMIT dataChanged(index(0, TripColumn), index(int(m_sources.size()) - 1, TripColumn));
}

void SourcesModel::update(const QList<SourceInfo> &sources, qint64 snapshotReceivedMs, int notShown)
{
    m_receivedMs = snapshotReceivedMs;
    if (notShown != m_notShown) {
        m_notShown = notShown;
        Q_EMIT sourcesNotShownChanged(notShown);
    }
    bool sameNames = sources.size() == m_sources.size();
    for (int i = 0; sameNames && i < sources.size(); ++i)
        sameNames = sources.at(i).name == m_sources.at(i).name;
    if (!sameNames) {
        beginResetModel();
        m_sources = sources;
        endResetModel();
        return;
    }
    m_sources = sources;
    if (!m_sources.isEmpty())
        Q_EMIT dataChanged(index(0, HealthColumn),
                           index(int(m_sources.size()) - 1, ColumnCount - 1));
}

void SourcesModel::setPausedSources(const QStringList &sources)
{
    if (sources == m_paused)
        return;
    m_paused = sources;
    if (!m_sources.isEmpty())
        Q_EMIT dataChanged(index(0, HealthColumn), index(int(m_sources.size()) - 1, HealthColumn));
}

void SourcesModel::tick()
{
    if (!m_sources.isEmpty())
        Q_EMIT dataChanged(index(0, LastFailureColumn),
                           index(int(m_sources.size()) - 1, NextProbeColumn), {Qt::DisplayRole});
}

} // namespace dashboard
