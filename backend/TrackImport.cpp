// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrackImport.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>

#include "enrichment/QueueStore.h"
#include "enrichment/TrackLookup.h"
#include "enrichment/Vocabulary.h"
#include "enrichment/WireFormat.h"

Q_LOGGING_CATEGORY(lcImport, "enrichment.backend.import")

namespace enrichment {

bool importTrackFile(QueueStore &store, const QString &path, TrackImportResult *result,
                     QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return false;
    }
    if (file.size() > TrackImportMaxBytes) {
        *error = QStringLiteral("%1 is %2 MB; at most %3 MB")
                     .arg(path)
                     .arg(file.size() / (1024 * 1024))
                     .arg(TrackImportMaxBytes / (1024 * 1024));
        return false;
    }
    const TrackCsv csv = readTrackCsv(file.readAll());
    if (!csv.error.isEmpty()) {
        *error = QStringLiteral("%1: %2").arg(path, csv.error);
        return false;
    }
    result->problems = csv.problems;
    constexpr int Shown = 20;
    for (int i = 0; i < csv.problems.size() && i < Shown; ++i)
        qCWarning(lcImport).noquote() << path + QLatin1String(": ") + csv.problems.at(i);
    if (csv.problems.size() > Shown)
        qCWarning(lcImport).noquote()
            << path + QLatin1String(":") << csv.problems.size() - Shown << "more rows refused";
    for (qsizetype at = 0; at < csv.tracks.size(); at += MaxActionTrackIds) {
        const QList<TrackLookup> chunk = csv.tracks.mid(at, MaxActionTrackIds);
        AuditEntry audit;
        audit.actor = QStringLiteral("--import-tracks");
        audit.action = wire::action::Enqueue;
        QJsonArray firstIds;
        for (qsizetype i = 0; i < chunk.size() && i < 5; ++i)
            firstIds.append(chunk.at(i).id);
        // As an enqueue by id keeps it (the first five and how many), and the file.
        audit.parameters = QJsonDocument(QJsonObject{{wire::key::TrackIds, firstIds},
                                                     {wire::key::Count, chunk.size()},
                                                     {wire::key::File, path}})
                               .toJson(QJsonDocument::Compact);
        QString why;
        const qint64 added = store.enqueue(chunk, &audit, &why);
        if (added < 0) {
            *error = QStringLiteral("%1: the queue refused the import after %2 tracks: %3")
                         .arg(path)
                         .arg(at)
                         .arg(why);
            return false;
        }
        result->added += added;
        result->alreadyQueued += chunk.size() - added;
    }
    qCInfo(lcImport).noquote() << QStringLiteral("imported %1: %2 tracks added, %3 already"
                                                 " queued, %4 rows refused")
                                      .arg(path)
                                      .arg(result->added)
                                      .arg(result->alreadyQueued)
                                      .arg(csv.problems.size());
    return true;
}

} // namespace enrichment
