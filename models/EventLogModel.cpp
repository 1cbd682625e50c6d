// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventLogModel.h"

#include "OperatorModels.h"
#include "enrichment/ServerText.h"
#include "SummaryModel.h"

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
    if (type == wire::event::OperatorAction) {
        addOperatorAction(data);
        return;
    }
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
    const QString worker =
        enrichment::plainServerText(data.value(wire::key::Worker).toString()).left(64);
    const QString where =
        worker.isEmpty() ? source : tr("%1 on %2", "source on worker").arg(source, worker);
    add(severity, tr("Circuit breaker"),
        tr("%1: %2 → %3 (failures in a row: %4)")
            .arg(where, SourcesModel::stateLabel(from), SourcesModel::stateLabel(to))
            .arg(failures));
}

QString EventLogModel::describeAction(const QJsonObject &data)
{
    const QString action = data.value(wire::key::Action).toString();
    const QJsonObject p = data.value(wire::key::Parameters).toObject();
    const QJsonObject r = data.value(wire::key::Result).toObject();
    const QString source = enrichment::plainServerText(p.value(wire::key::Source).toString(), 64);
    if (action == wire::action::Retry) {
        // In words, not wire names: "failed · HTTP 429 · spotify".
        QStringList filter;
        if (p.value(wire::key::Status).isString()) {
            const QString status = p.value(wire::key::Status).toString();
            const auto s = enrichment::trackStatusFromWire(status);
            filter << (s ? SummaryModel::statusLabel(*s).toLower()
                         : enrichment::plainServerText(status, 64));
        }
        if (p.value(wire::key::ErrorType).isString())
            filter << FailuresModel::errorTypeLabel(
                enrichment::plainServerText(p.value(wire::key::ErrorType).toString(), 64));
        if (p.value(wire::key::Source).isString())
            filter << source;
        const QString n = QLocale().toString(r.value(QStringLiteral("retried")).toInteger());
        if (p.contains(wire::key::TrackIds))
            return tr("retried tracks by id: %1 back to pending").arg(n);
        return filter.isEmpty()
                   ? tr("retried every failed and partial track: %1 back to pending").arg(n)
                   : tr("retried tracks (%1): %2 back to pending")
                         .arg(filter.join(QStringLiteral(" · ")), n);
    }
    if (action == wire::action::Breaker)
        return p.value(wire::key::Action).toString() == wire::action::Close
                   ? tr("closed the %1 circuit breaker").arg(source)
                   : tr("asked the %1 circuit breaker to probe now").arg(source);
    if (action == wire::action::Pause)
        return source.isEmpty() ? tr("paused the pipeline") : tr("paused source %1").arg(source);
    if (action == wire::action::Resume)
        return source.isEmpty() ? tr("resumed the pipeline") : tr("resumed source %1").arg(source);
    if (action == wire::action::Enqueue)
        return tr("enqueued tracks: %1 new")
            .arg(QLocale().toString(r.value(QStringLiteral("added")).toInteger()));
    return enrichment::plainServerText(action, 64);
}

void EventLogModel::addOperatorAction(const QJsonObject &data)
{
    const QString actor = enrichment::plainServerText(data.value(wire::key::Actor).toString(), 64);
    const QString worker =
        enrichment::plainServerText(data.value(wire::key::Worker).toString(), 64);
    QString text =
        tr("%1 %2").arg(actor.isEmpty() ? tr("An operator") : actor, describeAction(data));
    if (!worker.isEmpty())
        text = tr("%1 (carried out by backend %2)").arg(text, worker);
    add(Severity::Info, tr("Operator"), text);
}

} // namespace dashboard
