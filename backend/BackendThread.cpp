// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrichment/BackendThread.h"

#include <QDeadlineTimer>

namespace enrichment {

BackendThread::BackendThread(const BackendOptions &options, QObject *parent)
    : QThread(parent), m_options(options)
{
    setObjectName(QStringLiteral("enrichment-backend"));
}

BackendThread::~BackendThread()
{
    quit();
    wait();
}

void BackendThread::run()
{
    QString error;
    {
        BackendService service(m_options);
        const bool ok = service.start(&error);
        connect(&service, &BackendService::batchCompleted, this, &BackendThread::batchCompleted,
                Qt::DirectConnection);
        {
            QMutexLocker lock(&m_mutex);
            m_service = ok ? &service : nullptr;
            m_done = true;
            m_url = ok ? service.url() : QUrl();
            m_error = error;
            m_decided.wakeAll();
        }
        if (ok) {
            Q_EMIT ready(service.url());
            exec();
            {
                QMutexLocker lock(&m_mutex);
                m_service = nullptr;
            }
            service.stop();
        } else {
            Q_EMIT failed(error);
        }
    }
}

void BackendThread::post(std::function<void(BackendService &)> work)
{
    QMutexLocker lock(&m_mutex);
    if (!m_service)
        return;
    BackendService *service = m_service;
    QMetaObject::invokeMethod(
        service, [service, work = std::move(work)] { work(*service); }, Qt::QueuedConnection);
}

QUrl BackendThread::waitUntilReady(int timeoutMs, QString *error)
{
    QMutexLocker lock(&m_mutex);
    if (!m_done)
        m_decided.wait(&m_mutex, QDeadlineTimer(timeoutMs));
    if (!m_done) {
        *error = QStringLiteral("the embedded backend did not start within %1 ms").arg(timeoutMs);
        return {};
    }
    *error = m_error;
    return m_url;
}

} // namespace enrichment
