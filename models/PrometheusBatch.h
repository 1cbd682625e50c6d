// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include "PrometheusClient.h"

namespace dashboard {

/// A set of range queries over the same span and step that belong together (the series of
/// one analysis), asked of a PrometheusClient now and again every `intervalMs`: answered()
/// once every query answered, with the answers by tag; failed() as soon as one fails (the
/// others are cancelled). A reload does not start while one is under way.
class PrometheusBatch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrometheusBatch)
public:
    using Answers = QHash<QString, QList<PrometheusClient::Series>>;

    /// @p queries: tag -> PromQL (tags are unique among the client's users); the span is
    /// the last @p spanMs at @p stepMs, asked again every @p intervalMs.
    PrometheusBatch(const QHash<QString, QString> &queries, qint64 spanMs, qint64 stepMs,
                    int intervalMs, QObject *parent = nullptr);

    /// Starts asking @p client (not owned); null stops.
    void setClient(PrometheusClient *client);
    bool hasClient() const { return m_client; }
    bool isLoading() const { return !m_waiting.isEmpty(); }
    /// Asks now (unless a batch is under way).
    void reload();

Q_SIGNALS:
    void answered(const dashboard::PrometheusBatch::Answers &answers);
    void failed(const QString &error);

private:
    QHash<QString, QString> m_queries;
    qint64 m_spanMs;
    qint64 m_stepMs;
    QPointer<PrometheusClient> m_client;
    QTimer m_timer;
    Answers m_answers;
    QSet<QString> m_waiting;
};

} // namespace dashboard
