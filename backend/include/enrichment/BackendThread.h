// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QMutex>
#include <QThread>
#include <QWaitCondition>
#include <QUrl>

#include "enrichment/BackendService.h"

namespace enrichment {

/// Runs a BackendService on its own thread with its own event loop, so the embedding
/// program's UI thread never waits on the pipeline or SQLite. start() returns at once;
/// ready() or failed() follows (queued to the creator's thread).
class BackendThread final : public QThread
{
    Q_OBJECT
public:
    explicit BackendThread(const BackendOptions &options, QObject *parent = nullptr);
    /// Stops the service and joins the thread.
    ~BackendThread() override;

    /// Blocks until ready() or failed() was decided (or @p timeoutMs passed); returns the
    /// URL, empty on failure with @p error set.
    QUrl waitUntilReady(int timeoutMs, QString *error);

    /// Runs @p work on the backend thread with the running service (queued; nothing
    /// happens when the service is not running). For embedding programs and benchmarks.
    void post(std::function<void(BackendService &)> work);

Q_SIGNALS:
    void ready(const QUrl &url);
    void failed(const QString &error);
    /// Emitted from the backend thread (connect with Qt::DirectConnection to time it, or
    /// queued to act on it) when a batch completed.
    void batchCompleted(int batchSize, int successCount, int batchNumber);

protected:
    void run() override;

private:
    BackendOptions m_options;
    QMutex m_mutex;
    QWaitCondition m_decided;
    bool m_done = false;
    QUrl m_url;
    QString m_error;
    BackendService *m_service = nullptr;
};

} // namespace enrichment
