// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
// openQueueStore(): the one place that knows both implementations.
#include <QDir>
#include <QFileInfo>

#include "PostgresQueueStore.h"
#include "SqliteQueueStore.h"

namespace enrichment {

namespace {

std::unique_ptr<QueueStore> openPostgres(const QString &spec, const Clock &clock,
                                         const QueueStore::Config &config,
                                         const ServerStoreOptions &server, QString *error)
{
    PostgresQueueStore::Target target;
    if (!PostgresQueueStore::parseUrl(spec, &target, error))
        return nullptr;
    auto store = std::make_unique<PostgresQueueStore>(clock, config, server);
    QString why;
    if (!store->open(target, &why)) {
        *error = QStringLiteral("cannot open queue database %1: %2").arg(target.displayName(), why);
        return nullptr;
    }
    return store;
}

std::unique_ptr<QueueStore> openSqlite(const QString &spec, const Clock &clock,
                                       const QueueStore::Config &config, QString *error)
{
    const QString path = spec.startsWith(QLatin1String("sqlite:")) ? spec.mid(7) : spec;
    if (path.isEmpty()) {
        *error = QStringLiteral("no database path in \"%1\"").arg(spec.left(200));
        return nullptr;
    }
    if (path != QLatin1String(":memory:"))
        QDir().mkpath(QFileInfo(path).absolutePath());
    auto store = std::make_unique<SqliteQueueStore>(clock, config);
    QString why;
    if (!store->open(path, &why)) {
        *error = QStringLiteral("cannot open queue database %1: %2").arg(path, why);
        return nullptr;
    }
    return store;
}

} // namespace

std::unique_ptr<QueueStore> openQueueStore(const QString &spec, const Clock &clock,
                                           const QueueStore::Config &config, QString *error,
                                           const ServerStoreOptions &server)
{
    if (spec.startsWith(QLatin1String("postgresql://")) ||
        spec.startsWith(QLatin1String("postgres://")))
        return openPostgres(spec, clock, config, server, error);
    return openSqlite(spec, clock, config, error);
}

} // namespace enrichment
