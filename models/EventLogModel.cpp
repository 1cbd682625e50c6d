// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventLogModel.h"

#include "ServerText.h"

#include <QLocale>

#include "Snapshot.h"
#include "SourcesModel.h"
#include "enrichment/WireFormat.h"

namespace wire = enrichment::wire;

namespace dashboard {

EventLogModel::EventLogModel(int capacity, QObject *parent)
    : QAbstractTableModel(parent), m_capacity(std::max(1, capacity)),
      m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{}

int EventLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int EventLogModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant EventLogModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Entry &e = m_entries.at(index.row());
    if (role == SeverityRole)
        return QVariant::fromValue(e.severity);
    if (role == ExportRole) {
        switch (index.column()) {
        case TimeColumn: return e.time.toUTC().toString(Qt::ISODateWithMs);
        case KindColumn: return e.kind;
        case MessageColumn: return e.message;
        }
    }
    if (role != Qt::DisplayRole && role != Qt::ToolTipRole)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return role == Qt::ToolTipRole ? QLocale().toString(e.time, QLocale::LongFormat)
                                       : e.time.toString(QStringLiteral("HH:mm:ss"));
    case KindColumn: return e.kind;
    case MessageColumn: return e.message;
    }
    return {};
}

QVariant EventLogModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == ExportRole) {
        static const char *const keys[] = {"timestamp", "kind", "message"};
        return QString::fromLatin1(keys[section]);
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case KindColumn: return tr("Kind");
    case MessageColumn: return tr("What happened");
    }
    return {};
}

void EventLogModel::add(Severity severity, const QString &kind, const QString &message)
{
    if (m_entries.size() >= m_capacity) {
        const int last = int(m_entries.size()) - 1;
        beginRemoveRows({}, last, last);
        m_entries.removeLast();
        endRemoveRows();
    }
    beginInsertRows({}, 0, 0);
    m_entries.prepend({QDateTime::fromMSecsSinceEpoch(m_now()), severity, kind, message.left(500)});
    endInsertRows();
}

void EventLogModel::addRoomEvent(const QString &type, const QJsonObject &data)
{
    if (type != wire::event::BreakerStateChange)
        return;
    const QString source = data.value(wire::key::Source).toString().left(64);
    const std::optional<BreakerState> from =
        breakerStateFromKey(data.value(wire::key::PreviousState).toString());
    const std::optional<BreakerState> to =
        breakerStateFromKey(data.value(wire::key::State).toString());
    if (source.isEmpty() || !to)
        return;
    const int failures = data.value(wire::key::FailureCount).toInt();
    const Severity severity = to == BreakerState::Open       ? Severity::Error
                              : to == BreakerState::HalfOpen ? Severity::Warning
                                                             : Severity::Info;
    // From a fleet the same source has a breaker per worker: say whose.
    const QString worker = plainServerText(data.value(wire::key::Worker).toString()).left(64);
    const QString where =
        worker.isEmpty() ? source : tr("%1 on %2", "source on worker").arg(source, worker);
    add(severity, tr("Circuit breaker"),
        tr("%1: %2 → %3 (failures in a row: %4)")
            .arg(where, SourcesModel::stateLabel(from), SourcesModel::stateLabel(to))
            .arg(failures));
}

} // namespace dashboard
