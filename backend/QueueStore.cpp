// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrichment/QueueStore.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QHostInfo>

#include "PostgresQueueStore.h"
#include "SqliteQueueStore.h"

namespace enrichment {

QList<bool> QueueStore::record(const QList<TrackResult> &results)
{
    QList<bool> done;
    done.reserve(results.size());
    for (const TrackResult &r : results)
        done << (r.deferUntilMs > 0
                     ? defer(r.trackId, r.deferUntilMs, r.errorMessage)
                     : finish(r.trackId, r.status, r.sourcesEnriched, r.errorMessage));
    return done;
}

QString defaultWorkerId()
{
    return QStringLiteral("%1:%2")
        .arg(QHostInfo::localHostName())
        .arg(QCoreApplication::applicationPid());
}

std::unique_ptr<QueueStore> openQueueStore(const QString &spec, const Clock &clock,
                                           const QueueStore::Config &config, QString *error)
{
    QueueStore::Config c = config;
    if (c.workerId.isEmpty())
        c.workerId = defaultWorkerId();
    if (spec.startsWith(QLatin1String("postgresql://")) ||
        spec.startsWith(QLatin1String("postgres://"))) {
        PostgresQueueStore::Target target;
        if (!PostgresQueueStore::parseUrl(spec, &target, error))
            return nullptr;
        auto store = std::make_unique<PostgresQueueStore>(clock, c);
        QString why;
        if (!store->open(target, &why)) {
            *error =
                QStringLiteral("cannot open queue database %1: %2").arg(target.displayName(), why);
            return nullptr;
        }
        return store;
    }
    QString path = spec;
    if (spec.startsWith(QLatin1String("sqlite:")))
        path = spec.mid(7);
    if (path.isEmpty()) {
        *error = QStringLiteral("no database path in \"%1\"").arg(spec.left(200));
        return nullptr;
    }
    if (path != QLatin1String(":memory:"))
        QDir().mkpath(QFileInfo(path).absolutePath());
    auto store = std::make_unique<SqliteQueueStore>(clock, c);
    QString why;
    if (!store->open(path, &why)) {
        *error = QStringLiteral("cannot open queue database %1: %2").arg(path, why);
        return nullptr;
    }
    return store;
}

} // namespace enrichment
