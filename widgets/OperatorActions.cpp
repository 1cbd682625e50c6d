// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OperatorActions.h"

#include <QAbstractButton>
#include <QAction>
#include <QJsonArray>
#include <QLocale>
#include <QMessageBox>
#include <QRegularExpression>

#include "EventLogModel.h"
#include "BackendFeed.h"
#include "OperatorModels.h"
#include "SummaryModel.h"
#include "enrichment/WireFormat.h"

namespace dashboard {

namespace wire = enrichment::wire;

OperatorActions::OperatorActions(BackendFeed *feed, QWidget *dialogParent, QObject *parent,
                                 OperatorClient *client)
    : QObject(parent), m_feed(feed), m_dialogParent(dialogParent),
      m_client(client ? client : new OperatorClient(feed->network(), this)),
      m_failures(new FailuresModel(this)), m_audit(new AuditModel(this))
{
    m_client->setBaseUrl(feed->baseUrl());
    m_client->setToken(feed->token());
    m_confirm = [this](const QString &title, const QString &text) {
        return QMessageBox::question(m_dialogParent, title, text,
                                     QMessageBox::Yes | QMessageBox::Cancel,
                                     QMessageBox::Cancel) == QMessageBox::Yes;
    };
    connect(m_client, &OperatorClient::failuresReceived, m_failures, &FailuresModel::setGroups);
    connect(m_client, &OperatorClient::auditReceived, m_audit, &AuditModel::setEntries);
    connect(m_client, &OperatorClient::auditReceived, this, [this] { m_auditLoaded = true; });
    // A read that failed is asked again with the next snapshot, not left empty until the
    // operator presses Refresh.
    connect(m_client, &OperatorClient::requestFailed, this,
            [this](OperatorClient::Request request) {
                if (request == OperatorClient::Request::Audit)
                    m_auditLoaded = false;
            });
    connect(m_client, &OperatorClient::unsupported, this, [this] {
        m_unsupported = true;
        updateAccess();
    });
    connect(m_client, &OperatorClient::actionFinished, this,
            [this](const QString &action, const QJsonObject &body, bool ok,
                   const QJsonObject &result, const QString &error) {
                if (!ok) {
                    Q_EMIT actionFinished(false, tr("The %1 action failed: %2").arg(action, error));
                    return;
                }
                // Say it as the incident log says it of everyone's actions.
                const QString what =
                    EventLogModel::describeAction(QJsonObject{{wire::key::Action, action},
                                                              {wire::key::Parameters, body},
                                                              {wire::key::Result, result}});
                Q_EMIT actionFinished(true, what);
                refreshFailures();
                refreshAudit();
                m_feed->refresh();
            });
    connect(feed, &BackendFeed::roleChanged, this, &OperatorActions::updateAccess);
    connect(feed, &BackendFeed::connectionLostChanged, this,
            [this] { Q_EMIT accessChanged(m_access); });
    connect(feed, &BackendFeed::snapshotReceived, this, &OperatorActions::onSnapshot);
    // Anyone's action (another dashboard's, through the room) changes the failures.
    connect(feed, &BackendFeed::eventReceived, this, [this](const QString &type) {
        if (type == wire::event::OperatorAction) {
            refreshFailures();
            refreshAudit();
        }
    });
    updateAccess();
}

OperatorActions::~OperatorActions() = default;

void OperatorActions::setConfirmer(std::function<bool(const QString &, const QString &)> confirm)
{
    m_confirm = std::move(confirm);
}

bool OperatorActions::confirm(const QString &title, const QString &text)
{
    return m_confirm ? m_confirm(title, text) : true;
}

QString OperatorActions::unavailableReason() const
{
    if (m_access == Access::Operator && m_feed->isConnectionLost())
        return tr("The backend does not answer: actions wait until it is back");
    switch (m_access) {
    case Access::Operator: return {};
    case Access::ReadOnly:
        return tr("Your token may only read this backend; actions need an operator token");
    case Access::Unsupported: return tr("Not supported by this service");
    case Access::Unknown: break;
    }
    return tr("Not connected to the backend yet");
}

void OperatorActions::updateAccess()
{
    // The feed may watch another backend now, with another token.
    m_client->setBaseUrl(m_feed->baseUrl());
    m_client->setToken(m_feed->token());
    if (m_feed->operatorEndpoints())
        m_unsupported = false;
    Access a = Access::Unknown;
    if (m_unsupported || (m_sawSnapshot && !m_hasPipeline))
        a = Access::Unsupported;
    else if (m_feed->role() == wire::role::Operator)
        a = Access::Operator;
    else if (m_feed->role() == wire::role::Viewer)
        a = Access::ReadOnly;
    // Otherwise the room has not said yet (the first snapshot may come before it): Unknown.
    if (a == m_access)
        return;
    m_access = a;
    Q_EMIT accessChanged(a);
    if (a == Access::Operator || a == Access::ReadOnly) {
        refreshFailures();
        refreshAudit();
    }
}

void OperatorActions::bind(QAction *action, const QString &tooltip)
{
    connect(this, &OperatorActions::accessChanged, action,
            [this, action, tooltip] { apply(action, tooltip); });
    apply(action, tooltip);
}

void OperatorActions::bind(QAbstractButton *button, const QString &tooltip)
{
    connect(this, &OperatorActions::accessChanged, button,
            [this, button, tooltip] { apply(button, tooltip); });
    apply(button, tooltip);
}

void OperatorActions::onSnapshot(const Snapshot &snapshot)
{
    const bool first = !m_sawSnapshot;
    m_sawSnapshot = true;
    m_hasPipeline = snapshot.pipeline.has_value();
    m_pending = snapshot.queueCount(QueueStatus::Pending).value_or(0);
    m_openBreakers.clear();
    for (const SourceInfo &src : snapshot.sources)
        if (src.breaker && src.breaker->state == BreakerState::Open)
            m_openBreakers << src.name;
    m_liveWorkers = 0;
    for (const FleetWorker &w : snapshot.workers.value_or(QList<FleetWorker>()))
        if (w.state == FleetWorker::State::Active || w.state == FleetWorker::State::Idle)
            ++m_liveWorkers;
    const bool paused = snapshot.pipeline && snapshot.pipeline->paused;
    const QStringList sources =
        snapshot.pipeline ? snapshot.pipeline->pausedSources : QStringList();
    if (paused != m_paused || sources != m_pausedSources) {
        m_paused = paused;
        m_pausedSources = sources;
        Q_EMIT pausedChanged();
    }
    if (first)
        updateAccess();
    // The failures follow the queue, at most every 3 s.
    if (m_access != Access::Unsupported && m_access != Access::Unknown &&
        (!m_sinceFailures.isValid() || m_sinceFailures.elapsed() >= 3000))
        refreshFailures();
    if (!m_auditLoaded && !m_client->auditInFlight())
        refreshAudit();
}

void OperatorActions::refreshFailures()
{
    if (m_access == Access::Unsupported)
        return;
    m_sinceFailures.start();
    m_client->fetchFailures();
}

void OperatorActions::refreshAudit()
{
    if (m_access == Access::Operator || m_access == Access::ReadOnly)
        m_client->fetchAudit();
}

void OperatorActions::send(const enrichment::wire::ActionRequest &request)
{
    if (!canAct()) { // it may have gone while the confirmation was open
        Q_EMIT actionFinished(false, unavailableReason());
        return;
    }
    m_client->act(request.action, request.body);
}

void OperatorActions::retryGroup(FailureGroupInfo group)
{
    if (!group.status)
        return;
    QString text =
        group.errorType.isEmpty()
            ? tr("Tracks to retry: %1 (%2, no source had them).\n\nThey go back to pending "
                 "with their retries reset.")
                  .arg(QLocale().toString(group.count),
                       SummaryModel::statusLabel(*group.status).toLower())
            : tr("Tracks to retry: %1 (%2, error %3 at %4).\n\nThey go back to pending with "
                 "their retries reset.")
                  .arg(QLocale().toString(group.count),
                       SummaryModel::statusLabel(*group.status).toLower(),
                       FailuresModel::errorTypeLabel(group.errorType), group.errorSource);
    // Retrying into a breaker that is still open only skips that source again.
    if (m_openBreakers.contains(group.errorSource))
        text += tr("\n\nWarning: the %1 circuit breaker is open now: these tracks will not be "
                   "sent to %1 until it closes; close it first, or retry later.")
                    .arg(group.errorSource);
    if (!confirm(tr("Retry tracks"), text))
        return;
    send(wire::retryGroupRequest(*group.status, group.errorType, group.errorSource));
}

void OperatorActions::retryTracks(QStringList trackIds)
{
    if (trackIds.isEmpty())
        return;
    const QString text =
        trackIds.size() == 1
            ? tr("Retry track %1?\n\nIf it failed or is partial it goes back to pending with its "
                 "retries reset.")
                  .arg(trackIds.constFirst())
            : tr("Tracks to retry: %1.\n\nThose that failed or are partial go back to pending "
                 "with their retries reset; the others are left as they are.")
                  .arg(QLocale().toString(trackIds.size()));
    if (!confirm(tr("Retry tracks"), text))
        return;
    send(wire::retryTracksRequest(trackIds));
}

void OperatorActions::breaker(QString source, QString action)
{
    // On a fleet every worker has its own breaker, and every one of them carries it out.
    const QString where =
        m_liveWorkers > 1
            ? tr("\n\nThis acts on all %1 live workers of the fleet, each on its own %2 breaker.")
                  .arg(m_liveWorkers)
                  .arg(source)
            : QString();
    if (action == wire::action::Close &&
        !confirm(tr("Close circuit breaker"),
                 tr("Close the %1 circuit breaker now?\n\nCalls go to %1 again at once; if it "
                    "still fails, the breaker opens again.")
                         .arg(source) +
                     where))
        return;
    send(wire::breakerRequest(source, action));
}

void OperatorActions::setPipelinePaused(bool paused)
{
    if (paused &&
        !confirm(tr("Pause pipeline"),
                 tr("Pause the whole pipeline?\n\nWorkers finish the batches in flight and then "
                    "claim no tracks until it is resumed (pending now: %1).")
                     .arg(QLocale().toString(m_pending))))
        return;
    send(wire::pauseRequest(paused));
}

void OperatorActions::enqueueText(QString text)
{
    // A CSV track list (its header names id, artist and title) carries what a real
    // provider needs to find each track; anything else is a list of ids.
    const QString firstLine = text.trimmed().section(QLatin1Char('\n'), 0, 0).toLower();
    if (firstLine.startsWith(QLatin1String("id,")) && firstLine.contains(QLatin1String("artist")) &&
        firstLine.contains(QLatin1String("title"))) {
        enqueueTrackList(text);
        return;
    }
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    QStringList ids = text.split(separators, Qt::SkipEmptyParts);
    ids.removeDuplicates();
    if (ids.isEmpty())
        return;
    if (ids.size() > enrichment::MaxActionTrackIds) {
        Q_EMIT actionFinished(false, tr("%1 track ids is more than one request may carry (%2); "
                                        "enqueue them in parts")
                                         .arg(QLocale().toString(ids.size()),
                                              QLocale().toString(enrichment::MaxActionTrackIds)));
        return;
    }
    if (!confirm(tr("Enqueue tracks"),
                 tr("Tracks to enqueue: %1.\n\nThose not in the queue yet are added as "
                    "pending; those already there are left as they are.")
                     .arg(QLocale().toString(ids.size()))))
        return;
    send(wire::enqueueRequest(ids));
}

void OperatorActions::enqueueTrackList(const QString &csv)
{
    const enrichment::TrackCsv list = enrichment::readTrackCsv(csv.toUtf8());
    if (!list.error.isEmpty()) {
        Q_EMIT actionFinished(false, tr("Not a track list: %1").arg(list.error));
        return;
    }
    if (list.tracks.size() > enrichment::MaxActionTrackIds) {
        Q_EMIT actionFinished(false, tr("%1 tracks is more than one request may carry (%2); "
                                        "enqueue them in parts")
                                         .arg(QLocale().toString(list.tracks.size()),
                                              QLocale().toString(enrichment::MaxActionTrackIds)));
        return;
    }
    if (list.tracks.isEmpty()) {
        Q_EMIT actionFinished(false, tr("No row of the track list can be enqueued: %1")
                                         .arg(list.problems.mid(0, 3).join(QStringLiteral("; "))));
        return;
    }
    QString skipped;
    if (!list.problems.isEmpty())
        skipped = tr("\n\nRows skipped (%1):\n").arg(QLocale().toString(list.problems.size())) +
                  list.problems.mid(0, 5).join(QLatin1Char('\n')) +
                  (list.problems.size() > 5 ? QStringLiteral("\n…") : QString());
    if (!confirm(tr("Enqueue tracks"),
                 tr("Tracks to enqueue, with artist and title: %1.\n\nThose not in the queue "
                    "yet are added as pending; those already there keep their state and take "
                    "the artist and title given.")
                         .arg(QLocale().toString(list.tracks.size())) +
                     skipped))
        return;
    send(wire::enqueueRequest(list.tracks));
}

void OperatorActions::setSourcePaused(QString source, bool paused)
{
    if (paused && !confirm(tr("Pause source"),
                           tr("Pause %1?\n\nThe pipeline skips it until it is resumed; tracks "
                              "are enriched from the other sources.")
                               .arg(source)))
        return;
    send(wire::pauseRequest(paused, source));
}

} // namespace dashboard
