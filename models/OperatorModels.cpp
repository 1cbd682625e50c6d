// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OperatorModels.h"

#include <QHash>
#include <QLocale>

#include <QJsonDocument>

#include "EventLogModel.h"
#include "ModelRoles.h"
#include "SourcesModel.h"
#include "SummaryModel.h"
#include "enrichment/WireFormat.h"

namespace dashboard {

namespace k = enrichment::wire::key;
namespace wf = enrichment::wire::field;

namespace {
QString timeText(const QDateTime &t)
{
    return t.isValid() ? QLocale().toString(t.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"))
                       : QStringLiteral("—");
}

QString statusText(const std::optional<QueueStatus> &s)
{
    return s ? SummaryModel::statusLabel(*s) : QStringLiteral("?");
}

QVariant header(int section, Qt::Orientation o, int role, const QStringList &labels,
                const QStringList &keys)
{
    if (o != Qt::Horizontal || section < 0 || section >= labels.size())
        return {};
    if (role == Qt::DisplayRole)
        return labels.at(section);
    if (role == ModelRole::Export)
        return keys.at(section);
    return {};
}
} // namespace

// FailuresModel

void FailuresModel::setGroups(const QList<FailureGroupInfo> &groups)
{
    beginResetModel();
    m_groups = groups;
    endResetModel();
}

qint64 FailuresModel::total() const
{
    qint64 n = 0;
    for (const FailureGroupInfo &g : m_groups)
        n += g.count;
    return n;
}

int FailuresModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_groups.size());
}

int FailuresModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString FailuresModel::errorTypeLabel(const QString &errorType)
{
    if (errorType.startsWith(QLatin1String("http_")))
        return QStringLiteral("HTTP ") +
               errorType.mid(5).toUpper().replace(QLatin1Char('X'), QLatin1Char('x'));
    // No error at all: every source was asked and none had the track (failed), or one had
    // it and the others had nothing (partial).
    if (errorType.isEmpty())
        return tr("no error: not found");
    QString s = errorType;
    return s.replace(QLatin1Char('_'), QLatin1Char(' '));
}

QVariant FailuresModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_groups.size())
        return {};
    const FailureGroupInfo &g = m_groups.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case StatusColumn: return statusText(g.status);
        case ErrorTypeColumn: return errorTypeLabel(g.errorType);
        case SourceColumn: return g.errorSource.isEmpty() ? tr("—") : g.errorSource;
        case CountColumn: return QLocale().toString(g.count);
        case ExamplesColumn: return g.examples.join(QStringLiteral(", "));
        }
        break;
    case ModelRole::Export:
    case ModelRole::Sort:
        switch (index.column()) {
        case StatusColumn: return g.status ? queueStatusKey(*g.status) : QString();
        case ErrorTypeColumn: return g.errorType;
        case SourceColumn: return g.errorSource;
        case CountColumn: return g.count;
        case ExamplesColumn: return g.examples.join(QLatin1Char(' '));
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == CountColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    case Qt::ToolTipRole:
        return tr("Tracks %1 with %2 at %3: %4")
            .arg(statusText(g.status).toLower(), errorTypeLabel(g.errorType),
                 g.errorSource.isEmpty() ? tr("—") : g.errorSource, QLocale().toString(g.count));
    }
    return {};
}

QVariant FailuresModel::headerData(int section, Qt::Orientation o, int role) const
{
    return header(section, o, role,
                  {tr("Status"), tr("Error"), tr("Source"), tr("Tracks"), tr("Examples")},
                  {k::Status, k::ErrorType, k::Source, k::Count, k::Examples});
}

// TracksModel

void TracksModel::setPage(const QList<TrackInfo> &rows, const QString &next, bool append)
{
    if (!append) {
        beginResetModel();
        m_rows = rows;
        m_next = next;
        endResetModel();
        return;
    }
    // Bounded: a search paged without end keeps at most this many rows.
    const qsizetype room = std::max<qsizetype>(0, 20'000 - m_rows.size());
    const QList<TrackInfo> added = rows.mid(0, room);
    m_next = added.size() < rows.size() ? QString() : next;
    if (added.isEmpty())
        return;
    beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + added.size() - 1));
    m_rows += added;
    endInsertRows();
}

int TracksModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int TracksModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TracksModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const TrackInfo &t = m_rows.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TrackColumn: return t.trackId;
        case StatusColumn: return statusText(t.status);
        case RetriesColumn: return t.retryCount;
        case NextAttemptColumn:
            return nextAttemptText(t.nextAttempt, QDateTime::currentDateTimeUtc());
        case ErrorTypeColumn:
            return t.errorType.isEmpty() ? QString() : FailuresModel::errorTypeLabel(t.errorType);
        case SourceColumn: return t.errorSource;
        case LastAttemptColumn: return timeText(t.lastAttempt);
        case EnrichedColumn: return t.sourcesEnriched.join(QStringLiteral(", "));
        }
        break;
    case ModelRole::Export:
    case ModelRole::Sort:
        switch (index.column()) {
        case TrackColumn: return t.trackId;
        case StatusColumn: return t.status ? queueStatusKey(*t.status) : QString();
        case RetriesColumn: return t.retryCount;
        case NextAttemptColumn:
            return t.nextAttempt.isValid() ? t.nextAttempt.toUTC().toString(Qt::ISODateWithMs)
                                           : QString();
        case ErrorTypeColumn: return t.errorType;
        case SourceColumn: return t.errorSource;
        case LastAttemptColumn:
            return t.lastAttempt.isValid() ? t.lastAttempt.toUTC().toString(Qt::ISODateWithMs)
                                           : QString();
        case EnrichedColumn: return t.sourcesEnriched.join(QLatin1Char(' '));
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == NextAttemptColumn && t.nextAttempt.isValid())
            return timeText(t.nextAttempt);
        return t.errorMessage.isEmpty() ? QVariant() : QVariant(t.errorMessage);
    }
    return {};
}

QString TracksModel::nextAttemptText(const QDateTime &next, const QDateTime &now)
{
    if (!next.isValid())
        return {};
    const qint64 seconds = now.secsTo(next);
    return seconds <= 0 ? tr("due") : tr("in %1").arg(SourcesModel::duration(seconds));
}

QVariant TracksModel::headerData(int section, Qt::Orientation o, int role) const
{
    return header(section, o, role,
                  {tr("Track"), tr("Status"), tr("Retries"), tr("Next attempt"), tr("Error"),
                   tr("Error source"), tr("Last attempt"), tr("Found by")},
                  {k::TrackId, k::Status, k::RetryCount, k::NextAttemptAt, k::ErrorType, k::Source,
                   k::LastAttempt, k::SourcesEnriched});
}

// AuditModel

void AuditModel::setEntries(const QList<AuditEntryInfo> &entries)
{
    beginResetModel();
    m_entries = entries;
    endResetModel();
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_entries.size())
        return {};
    const AuditEntryInfo &e = m_entries.at(index.row());
    const auto what = [&e] {
        return EventLogModel::describeAction(QJsonObject{
            {k::Action, e.action}, {k::Parameters, e.parameters}, {k::Result, e.result}});
    };
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return timeText(e.at);
        case ActorColumn: return e.actor;
        case WhatColumn: return what();
        case WorkerColumn: return e.worker;
        }
        break;
    case ModelRole::Export:
    case ModelRole::Sort:
        switch (index.column()) {
        case TimeColumn:
            return e.at.isValid() ? e.at.toUTC().toString(Qt::ISODateWithMs) : QString();
        case ActorColumn: return e.actor;
        case WhatColumn: return e.action;
        case WorkerColumn: return e.worker;
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == WhatColumn)
            return tr("Parameters: %1\nResult: %2")
                .arg(QString::fromUtf8(QJsonDocument(e.parameters).toJson(QJsonDocument::Compact)),
                     QString::fromUtf8(QJsonDocument(e.result).toJson(QJsonDocument::Compact)));
        break;
    }
    return {};
}

QVariant AuditModel::headerData(int section, Qt::Orientation o, int role) const
{
    return header(section, o, role, {tr("Time"), tr("Who"), tr("What"), tr("Carried out by")},
                  {k::At, k::Actor, k::Action, k::Worker});
}

// AttemptsModel

void AttemptsModel::setAttempts(const QList<AttemptInfo> &attempts)
{
    beginResetModel();
    m_attempts = attempts;
    endResetModel();
}

int AttemptsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_attempts.size());
}

int AttemptsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AttemptsModel::outcomeLabel(const QString &outcome)
{
    if (outcome == enrichment::toWire(enrichment::RequestStatus::Success))
        return tr("found data");
    if (outcome == enrichment::toWire(enrichment::RequestStatus::NoData))
        return tr("no data");
    if (outcome == enrichment::toWire(enrichment::RequestStatus::Error))
        return tr("error");
    if (outcome == enrichment::wire::outcome::Skipped)
        return tr("skipped");
    return outcome;
}

QVariant AttemptsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_attempts.size())
        return {};
    const AttemptInfo &a = m_attempts.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn: return timeText(a.at);
        case SourceColumn: return a.source;
        case OutcomeColumn: return outcomeLabel(a.outcome);
        case ErrorTypeColumn:
            return a.errorType.isEmpty() ? QString() : FailuresModel::errorTypeLabel(a.errorType);
        case DetailColumn:
            return a.fields.isEmpty() ? a.detail
                   : a.detail.isEmpty()
                       ? a.fields.join(QStringLiteral(", "))
                       : tr("%1 (%2)").arg(a.detail, a.fields.join(QStringLiteral(", ")));
        case LatencyColumn: return tr("%1 ms").arg(QLocale().toString(a.latencyMs, 'f', 0));
        case WorkerColumn: return a.worker;
        }
        break;
    case ModelRole::Export:
    case ModelRole::Sort:
        switch (index.column()) {
        case TimeColumn:
            return a.at.isValid() ? a.at.toUTC().toString(Qt::ISODateWithMs) : QString();
        case SourceColumn: return a.source;
        case OutcomeColumn: return a.outcome;
        case ErrorTypeColumn: return a.errorType;
        case DetailColumn: return a.detail;
        case LatencyColumn: return a.latencyMs;
        case WorkerColumn: return a.worker;
        }
        break;
    case Qt::TextAlignmentRole:
        if (index.column() == LatencyColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        break;
    }
    return {};
}

QVariant AttemptsModel::headerData(int section, Qt::Orientation o, int role) const
{
    return header(section, o, role,
                  {tr("Time"), tr("Source"), tr("Outcome"), tr("Error"), tr("What it said"),
                   tr("Latency"), tr("Worker")},
                  {k::At, k::Source, k::Outcome, k::ErrorType, k::Detail, k::LatencyMs, k::Worker});
}

// MetadataModel

void MetadataModel::setMetadata(const QList<MetadataInfo> &metadata)
{
    beginResetModel();
    m_metadata = metadata;
    endResetModel();
}

int MetadataModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_metadata.size());
}

int MetadataModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString MetadataModel::fieldLabel(const QString &field)
{
    static const QHash<QString, const char *> labels = {
        {wf::Isrc, QT_TR_NOOP("ISRC")},
        {wf::Bpm, QT_TR_NOOP("BPM")},
        {wf::Key, QT_TR_NOOP("Key")},
        {wf::SpotifyId, QT_TR_NOOP("Spotify ID")},
        {wf::MusicBrainzId, QT_TR_NOOP("MusicBrainz ID")},
        {wf::DiscogsId, QT_TR_NOOP("Discogs ID")},
        {wf::BeatportId, QT_TR_NOOP("Beatport ID")},
        {wf::Genre, QT_TR_NOOP("Genre")},
        {wf::Label, QT_TR_NOOP("Label")},
        {wf::ReleaseDate, QT_TR_NOOP("Release date")},
        {wf::Energy, QT_TR_NOOP("Energy")},
        {wf::Tags, QT_TR_NOOP("Tags")},
    };
    const char *label = labels.value(field);
    return label ? tr(label) : field;
}

QVariant MetadataModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_metadata.size())
        return {};
    const MetadataInfo &m = m_metadata.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case FieldColumn: return fieldLabel(m.field);
        case ValueColumn: return m.value;
        case SourceColumn: return m.source;
        case TimeColumn: return timeText(m.at);
        }
        break;
    case Qt::ToolTipRole:
        if (index.column() == ValueColumn)
            return m.value; // the whole of a long value
        if (index.column() == FieldColumn)
            return m.field;
        break;
    case ModelRole::Export:
    case ModelRole::Sort:
        switch (index.column()) {
        case FieldColumn: return m.field;
        case ValueColumn: return m.value;
        case SourceColumn: return m.source;
        case TimeColumn:
            return m.at.isValid() ? m.at.toUTC().toString(Qt::ISODateWithMs) : QString();
        }
        break;
    }
    return {};
}

QVariant MetadataModel::headerData(int section, Qt::Orientation o, int role) const
{
    return header(section, o, role, {tr("Field"), tr("Value"), tr("Source"), tr("Found")},
                  {k::Field, k::Value, k::Source, k::At});
}

} // namespace dashboard
