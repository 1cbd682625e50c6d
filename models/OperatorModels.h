// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>

#include "OperatorClient.h"

namespace dashboard {

/// Failed and partial tracks grouped by error type and source (`/failures`), one row per
/// group, largest first. Roles: display, ModelRole::Export, ModelRole::Sort, tooltip.
class FailuresModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        StatusColumn,
        ErrorTypeColumn,
        SourceColumn,
        CountColumn,
        ExamplesColumn,
        ColumnCount
    };
    using QAbstractTableModel::QAbstractTableModel;

    void setGroups(const QList<FailureGroupInfo> &groups);
    const FailureGroupInfo &group(int row) const { return m_groups.at(row); }
    /// Tracks in every group together.
    qint64 total() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    /// "http_429" -> "HTTP 429"; "no_data" -> "no data"; others as they are.
    static QString errorTypeLabel(const QString &errorType);

private:
    QList<FailureGroupInfo> m_groups;
};

/// The tracks of a search, page after page (appendPage()), with the cursor of the next.
class TracksModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TrackColumn,
        StatusColumn,
        RetriesColumn,
        NextAttemptColumn,
        ErrorTypeColumn,
        SourceColumn,
        LastAttemptColumn,
        EnrichedColumn,
        ColumnCount
    };
    using QAbstractTableModel::QAbstractTableModel;

    /// "in 4 min 10 s" from @p now until @p next; "due" once it passed; empty if invalid.
    static QString nextAttemptText(const QDateTime &next, const QDateTime &now);

    /// The first page of a new search (@p append false) or the next one.
    void setPage(const QList<TrackInfo> &rows, const QString &next, bool append);
    const TrackInfo &track(int row) const { return m_rows.at(row); }
    QString next() const { return m_next; }
    bool hasMore() const { return !m_next.isEmpty(); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

private:
    QList<TrackInfo> m_rows;
    QString m_next;
};

/// The operator actions log, newest first: who did what, with what result.
class AuditModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { TimeColumn, ActorColumn, WhatColumn, WorkerColumn, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setEntries(const QList<AuditEntryInfo> &entries);
    const AuditEntryInfo &entry(int row) const { return m_entries.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

private:
    QList<AuditEntryInfo> m_entries;
};

/// One track's attempts, newest first: its timeline.
class AttemptsModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        TimeColumn,
        SourceColumn,
        OutcomeColumn,
        ErrorTypeColumn,
        DetailColumn,
        LatencyColumn,
        WorkerColumn,
        ColumnCount
    };
    using QAbstractTableModel::QAbstractTableModel;

    void setAttempts(const QList<AttemptInfo> &attempts);
    const AttemptInfo &attempt(int row) const { return m_attempts.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    static QString outcomeLabel(const QString &outcome);

private:
    QList<AttemptInfo> m_attempts;
};

/// The metadata a track ended up with: field, value, the source that gave it, when.
class MetadataModel final : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { FieldColumn, ValueColumn, SourceColumn, TimeColumn, ColumnCount };
    using QAbstractTableModel::QAbstractTableModel;

    void setMetadata(const QList<MetadataInfo> &metadata);
    const MetadataInfo &entry(int row) const { return m_metadata.at(row); }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    /// A field's name for people ("ISRC", "Release date"); unknown fields as they came.
    static QString fieldLabel(const QString &field);

private:
    QList<MetadataInfo> m_metadata;
};

} // namespace dashboard
