// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WorkersModel.h"

#include <algorithm>
#include <cmath>

#include <QLocale>

#include "ModelRoles.h"
#include "SourcesModel.h"
#include "enrichment/WireFormat.h"

namespace dashboard {

QString WorkersModel::stateLabel(std::optional<FleetWorker::State> state)
{
    if (!state)
        return tr("Unknown");
    switch (*state) {
    case FleetWorker::State::Active: return tr("Active");
    case FleetWorker::State::Idle: return tr("Idle");
    case FleetWorker::State::Stopped: return tr("Stopped");
    case FleetWorker::State::Lost: return tr("Lost");
    }
    return {};
}

QString WorkersModel::stateKey(std::optional<FleetWorker::State> state)
{
    if (!state)
        return QStringLiteral("unknown");
    switch (*state) {
    case FleetWorker::State::Active: return enrichment::wire::worker::Active;
    case FleetWorker::State::Idle: return enrichment::wire::worker::Idle;
    case FleetWorker::State::Stopped: return enrichment::wire::worker::Stopped;
    case FleetWorker::State::Lost: return enrichment::wire::worker::Lost;
    }
    return {};
}

void WorkersModel::applyWorkers(const QList<FleetWorker> &workers)
{
    // Rows of workers that left go, from the bottom up.
    for (int r = int(m_workers.size()) - 1; r >= 0; --r) {
        const QString &id = m_workers.at(r).id;
        if (std::none_of(workers.cbegin(), workers.cend(),
                         [&id](const FleetWorker &w) { return w.id == id; })) {
            beginRemoveRows({}, r, r);
            m_workers.removeAt(r);
            endRemoveRows();
        }
    }
    // Then each worker in the snapshot's order: moved, inserted or updated in place, so a
    // selection and the scroll position stay on their worker.
    for (int i = 0; i < int(workers.size()); ++i) {
        const FleetWorker &w = workers.at(i);
        int at = -1;
        for (int r = i; r < int(m_workers.size()) && at < 0; ++r)
            if (m_workers.at(r).id == w.id)
                at = r;
        if (at < 0) {
            beginInsertRows({}, i, i);
            m_workers.insert(i, w);
            endInsertRows();
            continue;
        }
        if (at != i) {
            beginMoveRows({}, at, at, {}, i);
            m_workers.move(at, i);
            endMoveRows();
        }
        if (m_workers.at(i) != w) {
            m_workers[i] = w;
            Q_EMIT dataChanged(index(i, 0), index(i, columnCount() - 1));
        }
    }
    if (m_workers.size() > workers.size()) { // a repeated id in what the backend sent
        beginRemoveRows({}, int(workers.size()), int(m_workers.size()) - 1);
        m_workers.resize(workers.size());
        endRemoveRows();
    }
}

void WorkersModel::update(const Snapshot &snapshot)
{
    const bool hadFleet = m_hasFleet;
    QStringList sources;
    for (const SourceInfo &s : snapshot.sources)
        sources << s.name;
    if (snapshot.workers) {
        for (const FleetWorker &w : *snapshot.workers)
            for (auto it = w.breakers.cbegin(); it != w.breakers.cend(); ++it)
                if (!sources.contains(it.key()) && sources.size() < 64)
                    sources << it.key();
    }
    const QList<FleetWorker> workers = snapshot.workers.value_or(QList<FleetWorker>());
    if (sources != m_sources) {
        // Other columns: the one change that reshapes the whole table.
        beginResetModel();
        m_workers = workers;
        m_sources = sources;
        m_asOf = snapshot.timestamp;
        m_self = snapshot.workerId;
        m_hasFleet = snapshot.workers.has_value();
        endResetModel();
    } else {
        const bool newAsOf = m_asOf != snapshot.timestamp;
        const bool newSelf = m_self != snapshot.workerId;
        m_asOf = snapshot.timestamp;
        m_self = snapshot.workerId;
        m_hasFleet = snapshot.workers.has_value();
        applyWorkers(workers);
        const int last = rowCount() - 1;
        if (last >= 0 && newAsOf) // "last seen" is said relative to the snapshot's time
            Q_EMIT dataChanged(index(0, LastSeenColumn), index(last, LastSeenColumn));
        if (last >= 0 && newSelf)
            Q_EMIT dataChanged(index(0, WorkerColumn), index(last, WorkerColumn));
    }
    m_autoscale = snapshot.autoscale;
    if (hadFleet != m_hasFleet)
        Q_EMIT fleetChanged(m_hasFleet);
    Q_EMIT updated();
}

QString WorkersModel::autoscaleText() const
{
    if (!m_autoscale)
        return {};
    const AutoscaleInfo &a = *m_autoscale;
    const QLocale locale;
    // The time left to drain this backlog (the target from when it began).
    const qint64 minutesLeft = qint64(std::ceil(a.drainSecondsLeft / 60 - 1e-9));
    const QString target = minutesLeft >= 120 || (minutesLeft >= 60 && minutesLeft % 60 == 0)
                               ? tr("%1 h").arg(std::lround(minutesLeft / 60.0))
                               : tr("%1 min").arg(minutesLeft);
    QString why;
    switch (a.reason) {
    case AutoscaleInfo::Reason::Idle: why = tr("nothing queued"); break;
    case AutoscaleInfo::Reason::Measuring:
        why = tr("%1 queued; measuring how fast a worker goes").arg(locale.toString(a.backlog));
        break;
    case AutoscaleInfo::Reason::Backlog:
        why = tr("%1 queued, %2 a minute per worker: drains within %3")
                  .arg(locale.toString(a.backlog))
                  .arg(locale.toString(a.ratePerWorker.value_or(0), 'f', 0))
                  .arg(target);
        break;
    case AutoscaleInfo::Reason::Quota:
        why = tr("capped by %1's quota (%2 requests a minute); the backlog alone asks for %3")
                  .arg(a.capSource)
                  .arg(locale.toString(a.capQuotaPerMinute.value_or(0), 'f', 0))
                  .arg(a.uncappedWorkers);
        break;
    case AutoscaleInfo::Reason::BreakerOpen:
        why = tr("held while the breaker of %1 is open; the backlog alone asks for %2")
                  .arg(a.openSources.join(QStringLiteral(", ")))
                  .arg(a.uncappedWorkers);
        break;
    case AutoscaleInfo::Reason::Paused:
        why = tr("held while the pipeline is paused");
        break;
    case AutoscaleInfo::Reason::MinWorkers: why = tr("the minimum (%1)").arg(a.minWorkers); break;
    case AutoscaleInfo::Reason::MaxWorkers:
        why = tr("the maximum (%1); the backlog asks for %2").arg(a.maxWorkers).arg(a.uncappedWorkers);
        break;
    }
    return tr("Desired workers: %1 (%2 live): %3").arg(a.desiredWorkers).arg(a.liveWorkers).arg(why);
}

QString WorkersModel::autoscaleDetail() const
{
    if (!m_autoscale)
        return {};
    const AutoscaleInfo &a = *m_autoscale;
    const QLocale locale;
    QStringList lines;
    lines << tr("Backlog: %1 (pending and in progress)").arg(locale.toString(a.backlog));
    lines << tr("Inflow: %1 a minute; forecast over the target: %2")
                 .arg(locale.toString(a.inflowPerMinute, 'f', 1))
                 .arg(locale.toString(a.forecastBacklog, 'f', 0));
    lines << (a.ratePerWorker
                  ? tr("Rate per worker: %1 tracks a minute")
                        .arg(locale.toString(*a.ratePerWorker, 'f', 1))
                  : tr("Rate per worker: not measured yet"));
    lines << tr("Target drain time: %1 min; left for this backlog: %2 min")
                 .arg(locale.toString(a.targetDrainSeconds / 60, 'f', 0))
                 .arg(locale.toString(a.drainSecondsLeft / 60, 'f', 0));
    lines << tr("The backlog alone asks for: %1").arg(a.uncappedWorkers);
    if (a.capWorkers)
        lines << tr("Quota cap: %1 (%2, %3 requests a minute)")
                     .arg(*a.capWorkers)
                     .arg(a.capSource)
                     .arg(locale.toString(a.capQuotaPerMinute.value_or(0), 'f', 1));
    if (!a.openSources.isEmpty())
        lines << tr("Open breakers (not counted): %1").arg(a.openSources.join(QStringLiteral(", ")));
    lines << tr("Bounds: %1 to %2 workers").arg(a.minWorkers).arg(a.maxWorkers);
    return lines.join(QLatin1Char('\n'));
}

QString WorkersModel::summary() const
{
    if (!m_hasFleet)
        return {};
    int counts[4] = {};
    for (const FleetWorker &w : m_workers)
        if (w.state)
            ++counts[int(*w.state)];
    QStringList parts;
    for (FleetWorker::State s : {FleetWorker::State::Active, FleetWorker::State::Idle,
                                 FleetWorker::State::Stopped, FleetWorker::State::Lost})
        if (counts[int(s)] > 0)
            parts << QStringLiteral("%1 %2").arg(counts[int(s)]).arg(stateLabel(s).toLower());
    return parts.isEmpty()
               ? tr("Workers: %1").arg(m_workers.size())
               : tr("Workers: %1 (%2)").arg(m_workers.size()).arg(parts.join(QStringLiteral(", ")));
}

int WorkersModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_workers.size());
}

int WorkersModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : FirstSourceColumn + int(m_sources.size());
}

QVariant WorkersModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FleetWorker &w = m_workers.at(index.row());
    const int col = index.column();
    const bool lost = w.state == FleetWorker::State::Lost;
    if (col >= FirstSourceColumn) {
        const QString &source = m_sources.at(col - FirstSourceColumn);
        const auto it = w.breakers.constFind(source);
        const std::optional<BreakerState> state =
            it == w.breakers.cend() ? std::nullopt : std::optional(it.value());
        switch (role) {
        case Qt::DisplayRole: return state ? SourcesModel::stateLabel(state) : QStringLiteral("—");
        case ModelRole::BreakerState:
        case ModelRole::Export:
        case ModelRole::Sort: return state ? breakerStateKey(state) : QString();
        case Qt::ToolTipRole:
            return lost ? tr("%1 is lost: its breaker for %2 is unknown").arg(w.id, source)
                        : tr("%1's breaker for %2").arg(w.id, source);
        case ModelRole::Detail: return stateKey(w.state);
        }
        return {};
    }
    if (role == ModelRole::Detail)
        return stateKey(w.state);
    const QLocale locale;
    switch (col) {
    case WorkerColumn:
        if (role == Qt::DisplayRole)
            return w.id == m_self ? tr("%1 (this backend)").arg(w.id) : w.id;
        if (role == ModelRole::Export || role == ModelRole::Sort)
            return w.id;
        break;
    case HostColumn:
        if (role == Qt::DisplayRole || role == ModelRole::Export || role == ModelRole::Sort)
            return w.host;
        break;
    case StateColumn:
        if (role == Qt::DisplayRole)
            return stateLabel(w.state);
        if (role == ModelRole::Export || role == ModelRole::Sort)
            return stateKey(w.state);
        if (role == ModelRole::Health) {
            if (!w.state)
                return QStringLiteral("unknown");
            switch (*w.state) {
            case FleetWorker::State::Active:
            case FleetWorker::State::Idle: return healthKey(Health::Healthy);
            case FleetWorker::State::Stopped: return healthKey(Health::Unavailable);
            case FleetWorker::State::Lost: return healthKey(Health::Down);
            }
        }
        break;
    case BatchColumn:
        if (role == Qt::DisplayRole)
            return w.currentBatch ? locale.toString(*w.currentBatch) : tr("no data");
        if (role == ModelRole::Export || role == ModelRole::Sort || role == ModelRole::Value)
            return w.currentBatch ? QVariant(*w.currentBatch) : QVariant();
        break;
    case RateColumn:
        if (role == Qt::DisplayRole)
            return w.tracksPerMinute ? locale.toString(*w.tracksPerMinute, 'f', 1) : tr("no data");
        if (role == ModelRole::Export || role == ModelRole::Sort || role == ModelRole::Value)
            return w.tracksPerMinute ? QVariant(*w.tracksPerMinute) : QVariant();
        break;
    case BatchesColumn:
        if (role == Qt::DisplayRole)
            return w.batchesCompleted ? locale.toString(*w.batchesCompleted) : tr("no data");
        if (role == ModelRole::Export || role == ModelRole::Sort || role == ModelRole::Value)
            return w.batchesCompleted ? QVariant(*w.batchesCompleted) : QVariant();
        break;
    case LastSeenColumn:
        if (role == Qt::DisplayRole) {
            if (!w.lastSeen.isValid())
                return tr("no data");
            if (!m_asOf.isValid())
                return QLocale().toString(w.lastSeen.toLocalTime().time(), QLocale::ShortFormat);
            return SourcesModel::relativeTime(std::max<qint64>(0, w.lastSeen.secsTo(m_asOf)));
        }
        if (role == ModelRole::Export || role == ModelRole::Sort)
            return w.lastSeen.toUTC().toString(Qt::ISODateWithMs);
        if (role == Qt::ToolTipRole)
            return QLocale().toString(w.lastSeen.toLocalTime(), QLocale::LongFormat);
        break;
    }
    return {};
}

QVariant WorkersModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= columnCount())
        return {};
    if (section >= FirstSourceColumn) {
        const QString &source = m_sources.at(section - FirstSourceColumn);
        return role == Qt::DisplayRole || role == ModelRole::Export ? QVariant(source) : QVariant();
    }
    if (role == ModelRole::Export) {
        namespace k = enrichment::wire::key;
        static const QLatin1String keys[] = {
            k::Worker,           k::Host,    k::State, k::CurrentBatch, k::TracksPerMinute,
            k::BatchesCompleted, k::LastSeen};
        return QString(keys[section]);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case WorkerColumn: return tr("Worker");
    case HostColumn: return tr("Host");
    case StateColumn: return tr("State");
    case BatchColumn: return tr("In flight");
    case RateColumn: return tr("Tracks/min");
    case BatchesColumn: return tr("Batches");
    case LastSeenColumn: return tr("Last seen");
    }
    return {};
}

} // namespace dashboard
