// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrichment/QueueStore.h"

#include <QCoreApplication>
#include <QHostInfo>

namespace enrichment {

QueueStore::QueueStore(const Config &config, QObject *parent) : QObject(parent), m_config(config)
{
    if (m_config.workerId.isEmpty())
        m_config.workerId = defaultWorkerId();
}

QueueStore::~QueueStore() = default;

int QueueStore::enqueue(const QStringList &trackIds)
{
    QList<TrackLookup> tracks;
    tracks.reserve(trackIds.size());
    for (const QString &id : trackIds)
        tracks.append(TrackLookup{id, {}, {}, {}, 0});
    return enqueue(tracks);
}

QString defaultWorkerId()
{
    return QStringLiteral("%1:%2")
        .arg(QHostInfo::localHostName())
        .arg(QCoreApplication::applicationPid());
}

} // namespace enrichment
