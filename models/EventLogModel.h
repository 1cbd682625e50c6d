// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QAbstractTableModel>
#include <QDateTime>
#include <QJsonObject>

#include "ModelRoles.h"

namespace dashboard {

/// The incident log: circuit-breaker transitions from the room, and the dashboard's own
/// connection changes and fetch errors, newest first, at most `capacity` entries.
class EventLogModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventLogModel)
public:
    enum Column { TimeColumn, KindColumn, MessageColumn, ColumnCount };
    Q_ENUM(Column)
    enum Role { SeverityRole = ModelRole::Severity, ExportRole = ModelRole::Export };
    Q_ENUM(Role)
    enum class Severity { Info, Warning, Error };
    Q_ENUM(Severity)

    explicit EventLogModel(int capacity = 500, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    void add(Severity severity, const QString &kind, const QString &message);
    /// Turns a room event into an entry when it is worth one (breaker transitions,
    /// operator actions).
    void addRoomEvent(const QString &type, const QJsonObject &data);
    /// What an `operator_action` event's data says was done ("retried 3 tracks (...)").
    static QString describeAction(const QJsonObject &data);
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }
    QString message(int row) const { return m_entries.value(row).message; }

private:
    void addOperatorAction(const QJsonObject &data);

    struct Entry
    {
        QDateTime time;
        Severity severity;
        QString kind;
        QString message;
    };
    int m_capacity;
    QList<Entry> m_entries; ///< newest first
    std::function<qint64()> m_now;
};

} // namespace dashboard
