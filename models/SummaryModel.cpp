// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SummaryModel.h"

#include <QLocale>

#include "SourcesModel.h"

namespace dashboard {

SummaryModel::SummaryModel(QObject *parent) : QAbstractListModel(parent), m_cells(RowCount) {}

int SummaryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : RowCount;
}

QVariant SummaryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Cell &c = m_cells.at(index.row());
    switch (role) {
    case Qt::DisplayRole: return c.display;
    case ModelRole::Detail: return c.detail;
    case ModelRole::Value:
    case ModelRole::Export:
    case ModelRole::Sort: return c.value;
    default: return {};
    }
}

QVariant SummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section != 0)
            return {};
        if (role == Qt::DisplayRole)
            return tr("Value");
        return role == ModelRole::Export ? QVariant(QStringLiteral("value")) : QVariant();
    }
    if (section < 0 || section >= RowCount)
        return {};
    if (role == ModelRole::Export) {
        if (section < QueueStatusCount)
            return queueStatusKey(QueueStatus(section));
        return section == ThroughputRow    ? QStringLiteral("tracks_per_minute")
               : section == TimeToDrainRow ? QStringLiteral("minutes_to_drain")
                                           : QStringLiteral("oldest_pending_seconds");
    }
    if (role != Qt::DisplayRole)
        return {};
    if (section < QueueStatusCount)
        return statusLabel(QueueStatus(section));
    return section == ThroughputRow    ? tr("Throughput")
           : section == TimeToDrainRow ? tr("Time to drain")
                                       : tr("Oldest pending");
}

QString SummaryModel::statusLabel(QueueStatus status)
{
    switch (status) {
    case QueueStatus::Pending: return tr("Pending");
    case QueueStatus::InProgress: return tr("In progress");
    case QueueStatus::Completed: return tr("Completed");
    case QueueStatus::Failed: return tr("Failed");
    case QueueStatus::Partial: return tr("Partial");
    }
    return {};
}

void SummaryModel::update(const Snapshot &s)
{
    const QLocale locale;
    QList<Cell> cells(RowCount);
    for (int i = 0; i < QueueStatusCount; ++i) {
        if (const auto v = s.queue[std::size_t(i)])
            cells[i] = {locale.toString(*v), s.workers ? tr("tracks, whole fleet") : tr("tracks"),
                        *v};
    }
    // How long the longest-waiting track has waited (Sidekiq's "latency").
    if (s.oldestPendingSeconds)
        cells[OldestPendingRow] = {SourcesModel::duration(qint64(*s.oldestPendingSeconds)),
                                   tr("waiting to be claimed"), *s.oldestPendingSeconds};
    else if (const auto pending = s.queueCount(QueueStatus::Pending); pending && *pending == 0)
        cells[OldestPendingRow] = {tr("None"), tr("nothing pending"), 0.0};
    if (s.perMinute && s.rateMeasuring())
        cells[ThroughputRow] = {tr("Measuring…"),
                                tr("%1 /min over the first %2 s")
                                    .arg(locale.toString(*s.perMinute, 'f', 0))
                                    .arg(*s.rateWindowSeconds),
                                *s.perMinute};
    else if (s.perMinute) {
        QString detail = s.completedLastHour ? (s.workers ? tr("%1 in the last hour, whole fleet")
                                                          : tr("%1 in the last hour"))
                                                   .arg(locale.toString(*s.completedLastHour))
                                             : QString();
        // What comes in beside what goes out.
        if (s.enqueuedPerMinute)
            detail += (detail.isEmpty() ? QString() : QStringLiteral(" · ")) +
                      tr("%1 /min enqueued")
                          .arg(locale.toString(*s.enqueuedPerMinute, 'f',
                                               *s.enqueuedPerMinute < 10 ? 1 : 0));
        cells[ThroughputRow] = {
            tr("%1 /min").arg(locale.toString(*s.perMinute, 'f', *s.perMinute < 10 ? 1 : 0)),
            detail, *s.perMinute};
    }
    const auto pending = s.queueCount(QueueStatus::Pending);
    const auto minutes = s.minutesToDrain();
    if (pending && *pending == 0)
        cells[TimeToDrainRow] = {tr("Empty"), tr("nothing pending"), 0.0};
    else if (pending && s.rateMeasuring())
        cells[TimeToDrainRow] = {tr("Measuring…"), tr("the rate needs a minute"), {}};
    else if (pending && !minutes)
        cells[TimeToDrainRow] = {tr("Not draining"), tr("no tracks finished recently"), {}};
    else if (pending)
        cells[TimeToDrainRow] = {tr("≈ %1").arg(SourcesModel::duration(qint64(*minutes * 60.0))),
                                 tr("at the current rate"), *minutes};
    // Operators paused the pipeline: nothing drains until they resume it.
    if (s.pipeline && s.pipeline->paused && pending && *pending > 0)
        cells[TimeToDrainRow] = {tr("Paused"), tr("by an operator; nothing is claimed"), {}};

    for (int row = 0; row < RowCount; ++row) {
        if (cells.at(row) == m_cells.at(row))
            continue;
        m_cells[row] = cells.at(row);
        Q_EMIT dataChanged(index(row), index(row));
    }
}

} // namespace dashboard
