// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QElapsedTimer>
#include <QStringList>

#include "enrichment/MonitoringProvider.h"

class QUrlQuery;

namespace enrichment {

class PipelineMetrics;
class QueueStore;

/// The operator endpoints behind BackendService: checks each request's parameters and body
/// (400 with a JSON error, nothing changed), reads from or acts on the queue store (each
/// action one transaction with its audit row), counts the action in
/// `enrichment_operator_actions_total{action}` and tells the room (`operator_action`).
///
/// Lives on the backend thread with the store.
class OperatorEndpoints
{
public:
    struct Hooks
    {
        /// The names a `source` parameter may take.
        std::function<QStringList()> sources;
        /// Called after the pipeline control changed (breaker commands to carry out now).
        std::function<void()> controlChanged;
        /// Sends the `operator_action` event's data to the room (and the fleet).
        std::function<void(const QJsonObject &)> announce;
    };

    OperatorEndpoints(QueueStore &store, PipelineMetrics &monitor, Hooks hooks);

    ApiReply tracks(const QUrlQuery &query);
    ApiReply track(const QString &trackId);
    ApiReply failures();
    ApiReply audit(const QUrlQuery &query);
    ApiReply act(const QString &action, const QByteArray &body, const QString &actor);
    /// Something the service did by itself that operators must see: an audit row with the
    /// actor `pipeline` and the room's `operator_action` event, like an action's (not
    /// counted as an operator action). False if the store could not write it.
    bool recordOwn(const QString &action, const QJsonObject &parameters, const QJsonObject &result);

    /// The largest action body accepted (bytes); larger gets 400.
    static constexpr qsizetype MaxBodyBytes = 512 * 1024;
    /// Example ids per failure group.
    static constexpr int ExamplesPerGroup = 3;
    /// Attempts shown with one track.
    static constexpr int AttemptsShown = 200;
    /// The failure groups are counted at most this often (a GROUP BY over the failed and
    /// partial tracks: about 8 ms at 100 k of them); every dashboard asks every few seconds.
    /// An action starts a fresh count at once.
    static constexpr int FailuresCacheMs = 2000;

private:
    ApiReply retry(const QJsonObject &body, const QString &actor);
    ApiReply breaker(const QJsonObject &body, const QString &actor);
    ApiReply pause(const QJsonObject &body, const QString &actor, bool pause);
    ApiReply enqueue(const QJsonObject &body, const QString &actor);
    /// Changes the pipeline control through @p change with the audit row of @p action
    /// (@p body its parameters), in one transaction; tells the hooks; answers.
    ApiReply changeControl(const QString &action, const QJsonObject &body, const QString &actor,
                           const std::function<QJsonObject(struct PipelineControl &)> &change);
    /// The audit row's, the answer's and the room's form of a finished action.
    ApiReply done(const struct AuditEntry &audit);

    QueueStore &m_store;
    PipelineMetrics &m_monitor;
    Hooks m_hooks;
    ApiReply m_failures;         ///< the last failures answer
    QElapsedTimer m_failuresAge; ///< invalid: none kept
};

/// A 400/404/... JSON error reply.
ApiReply apiError(int status, const QString &code, const QString &message);

} // namespace enrichment
