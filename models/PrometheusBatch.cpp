// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PrometheusBatch.h"

#include <QDateTime>

namespace dashboard {

PrometheusBatch::PrometheusBatch(const QHash<QString, QString> &queries, qint64 spanMs,
                                 qint64 stepMs, int intervalMs, QObject *parent)
    : QObject(parent), m_queries(queries), m_spanMs(spanMs), m_stepMs(stepMs)
{
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &PrometheusBatch::reload);
}

void PrometheusBatch::setClient(PrometheusClient *client)
{
    if (m_client) {
        m_client->disconnect(this);
        for (const QString &tag : std::as_const(m_waiting))
            m_client->cancel(tag);
    }
    m_client = client;
    m_answers.clear();
    m_waiting.clear();
    if (!client) {
        m_timer.stop();
        return;
    }
    connect(client, &PrometheusClient::rangeReady, this,
            [this](const QString &tag, const QList<PrometheusClient::Series> &series) {
                if (!m_waiting.remove(tag))
                    return;
                m_answers.insert(tag, series);
                if (m_waiting.isEmpty())
                    Q_EMIT answered(m_answers);
            });
    connect(client, &PrometheusClient::rangeFailed, this,
            [this](const QString &tag, const QString &error) {
                if (!m_waiting.contains(tag))
                    return;
                for (const QString &t : std::as_const(m_waiting))
                    m_client->cancel(t);
                m_waiting.clear();
                Q_EMIT failed(error);
            });
    m_timer.start();
    reload();
}

void PrometheusBatch::reload()
{
    if (!m_client || !m_waiting.isEmpty())
        return;
    const qint64 to = QDateTime::currentMSecsSinceEpoch() / m_stepMs * m_stepMs;
    m_answers.clear();
    for (auto it = m_queries.cbegin(); it != m_queries.cend(); ++it)
        m_waiting.insert(it.key());
    for (auto it = m_queries.cbegin(); it != m_queries.cend(); ++it)
        m_client->queryRange(it.key(), it.value(), to - m_spanMs, to, m_stepMs);
}

} // namespace dashboard
