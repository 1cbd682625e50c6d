// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SqlQueueStore.h"

#include <QLoggingCategory>

#include "enrichment/Clock.h"

namespace enrichment {

SqlQueueStore::SqlQueueStore(const Clock &clock, const Config &config,
                             const QString &connectionPrefix, const QLoggingCategory &log,
                             QObject *parent)
    : QueueStore(config, parent), m_clock(clock),
      m_connectionName(QStringLiteral("%1-%2").arg(connectionPrefix).arg(quintptr(this), 0, 16)),
      m_log(log)
{}

SqlQueueStore::~SqlQueueStore()
{
    SqlQueueStore::close();
}

QSqlDatabase SqlQueueStore::db() const
{
    return QSqlDatabase::database(m_connectionName, false);
}

void SqlQueueStore::close()
{
    if (!QSqlDatabase::contains(m_connectionName))
        return;
    {
        QSqlDatabase d = db();
        d.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool SqlQueueStore::isOpen() const
{
    return QSqlDatabase::contains(m_connectionName) && db().isOpen();
}

void SqlQueueStore::noteWrite(bool ok) const
{
    if (ok) {
        if (!m_writeError.isEmpty())
            qCInfo(m_log) << "writes succeed again";
        m_writeError.clear();
    } else {
        if (m_writeError.isEmpty())
            qCWarning(m_log).noquote() << "writes are failing:" << m_lastError;
        m_writeError = m_lastError.isEmpty() ? QStringLiteral("write failed") : m_lastError;
    }
}

bool SqlQueueStore::writable(QString *error, qint64 maxAgeMs)
{
    const qint64 now = m_clock.nowMs();
    if (!connected()) {
        *error = !isOpen()               ? QStringLiteral("database is not open")
                 : m_lastError.isEmpty() ? QStringLiteral("database is not connected")
                                         : m_lastError;
        return false;
    }
    if (m_lastProbeMs < 0 || now - m_lastProbeMs >= maxAgeMs || now < m_lastProbeMs) {
        m_lastProbeMs = now;
        noteWrite(probeWrite(now));
    }
    *error = m_writeError;
    return m_writeError.isEmpty();
}

} // namespace enrichment
