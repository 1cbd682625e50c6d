// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSqlDatabase>

#include "enrichment/QueueStore.h"

class QLoggingCategory;

namespace enrichment {

class Clock;

/// What both SQL stores (SQLite, PostgreSQL) share: the named QtSql connection, the clock,
/// the last error, and the write health: writable() probes a row of the store-health
/// table at most once per period, and any failed write of the queue itself (a claim, a
/// result, an enqueue) marks the store unwritable until the next write succeeds.
class SqlQueueStore : public QueueStore
{
    Q_OBJECT
public:
    ~SqlQueueStore() override;

    void close() override;
    /// Whether the connection is open (it may still have broken since).
    bool isOpen() const;
    bool writable(QString *error, qint64 maxAgeMs = 1000) final;
    QString lastError() const final { return m_lastError; }

protected:
    /// The connection is named @p connectionPrefix and this store's address; @p log is the
    /// category write failures are logged under.
    SqlQueueStore(const Clock &clock, const Config &config, const QString &connectionPrefix,
                  const QLoggingCategory &log, QObject *parent);

    QSqlDatabase db() const;
    /// Whether the connection can be used now (a store on a server reconnects here).
    virtual bool connected() const { return isOpen(); }
    /// Writes this worker's row of the store-health table at @p now; false with
    /// m_lastError set when the write failed.
    virtual bool probeWrite(qint64 now) = 0;
    /// Records the outcome of a write of the queue (the store's write health).
    void noteWrite(bool ok) const;

    const Clock &m_clock;
    const QString m_connectionName;
    mutable QString m_lastError;

private:
    const QLoggingCategory &m_log;
    mutable QString m_writeError; ///< empty while writes succeed
    qint64 m_lastProbeMs = -1;    ///< clock time of the last write probe
};

} // namespace enrichment
