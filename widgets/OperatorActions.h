// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>

#include "BackendFeed.h"
#include "OperatorClient.h"
#include "enrichment/ActionRequests.h"

class QAbstractButton;
class QAction;
class QWidget;

namespace dashboard {

class AuditModel;
class FailuresModel;
class BackendFeed;

/// What an operator may do with one backend, and doing it: owns the backend's
/// OperatorClient and the live FailuresModel, knows the caller's access (from the room's
/// welcome and the service's answers), asks for confirmation saying how many tracks will
/// change, sends the action and reports the outcome.
///
/// Access: Operator (actions enabled), ReadOnly (a viewer's token: actions disabled with
/// a tooltip that says why), Unsupported (a service without the operator endpoints, such
/// as the seed's: actions and the operator views are hidden with "not supported by this
/// service"), Unknown (not connected yet).
class OperatorActions final : public QObject
{
    Q_OBJECT
public:
    enum class Access { Unknown, Unsupported, ReadOnly, Operator };
    Q_ENUM(Access)

    /// @p feed must outlive this; dialogs open over @p dialogParent. Requests go through
    /// @p client (not owned; a Connection's), or through a client of its own when null; it
    /// follows the feed's URL and token either way.
    OperatorActions(BackendFeed *feed, QWidget *dialogParent, QObject *parent = nullptr,
                    OperatorClient *client = nullptr);
    ~OperatorActions() override;

    OperatorClient *client() const { return m_client; }
    FailuresModel *failures() const { return m_failures; }
    /// The audit log, refreshed when anyone acts (the room says so).
    AuditModel *audit() const { return m_audit; }
    BackendFeed *feed() const { return m_feed; }
    Access access() const { return m_access; }
    /// Why actions are not available now (empty when canAct()).
    QString unavailableReason() const;
    /// Enables, disables (with a tooltip saying why) or hides @p action by access();
    /// @p tooltip is its tooltip when enabled. Follows later changes.
    void bind(QAction *action, const QString &tooltip);
    void bind(QAbstractButton *button, const QString &tooltip);
    /// What bind() does, once: hidden when unsupported, enabled for an operator, the
    /// reason as tooltip otherwise.
    template<typename Control> void apply(Control *control, const QString &tooltip) const
    {
        control->setVisible(m_access != Access::Unsupported);
        control->setEnabled(canAct());
        control->setToolTip(canAct() ? tooltip : unavailableReason());
    }
    /// An operator, and the backend within reach now (an action sent to a backend that
    /// does not answer would only fail later).
    bool canAct() const { return m_access == Access::Operator && !m_feed->isConnectionLost(); }

    bool pipelinePaused() const { return m_paused; }
    QStringList pausedSources() const { return m_pausedSources; }

    /// Test seam: how a confirmation is asked (default: a question box). True: go ahead.
    void setConfirmer(std::function<bool(const QString &title, const QString &text)> confirm);

    /// Fetches the failure groups now (they also follow the feed, at most every 3 s).
    void refreshFailures();
    /// Fetches the audit log now.
    void refreshAudit();

    // Every action takes its parameters by value: a confirmation is a modal dialog whose
    // event loop lets the live feed replace the models the caller read them from, so a
    // reference into a model would be read after it was freed.
    void retryGroup(FailureGroupInfo group);
    void retryTracks(QStringList trackIds);
    void breaker(QString source, QString action);
    void setPipelinePaused(bool paused);
    void setSourcePaused(QString source, bool paused);
    /// Adds the track ids in @p text (one per line or separated by spaces or commas;
    /// duplicates once) as pending, after a confirmation that says how many. Lines past
    /// enrichment::MaxActionTrackIds are refused with a message, not cut.
    /// Ids (one per line, or separated by commas or spaces), or a CSV track list whose
    /// header names id, artist and title (isrc, duration_ms optional): asks, then enqueues.
    void enqueueText(QString text);

Q_SIGNALS:
    /// access() or canAct() changed.
    void accessChanged(dashboard::OperatorActions::Access access);
    /// The pipeline control the last snapshot showed changed.
    void pausedChanged();
    /// An action finished: @p message says what it did, or why it failed.
    void actionFinished(bool ok, const QString &message);

private:
    void enqueueTrackList(const QString &csv);
    void updateAccess();
    void onSnapshot(const Snapshot &snapshot);
    void send(const enrichment::wire::ActionRequest &request);
    bool confirm(const QString &title, const QString &text);

    BackendFeed *m_feed;
    QPointer<QWidget> m_dialogParent;
    OperatorClient *m_client;
    FailuresModel *m_failures;
    AuditModel *m_audit;
    Access m_access = Access::Unknown;
    bool m_unsupported = false; ///< the service answered 404 to an operator endpoint
    bool m_sawSnapshot = false; ///< a snapshot came; m_hasPipeline says what it had
    bool m_hasPipeline = false;
    bool m_auditLoaded = false; ///< the last fetch of the audit log succeeded
    bool m_paused = false;
    qint64 m_pending = 0;
    int m_liveWorkers = 0;
    QStringList m_openBreakers; ///< sources whose breaker the last snapshot showed open ///< of a
                                ///< fleet; 0 for a backend with a queue of its own
    QStringList m_pausedSources;
    QElapsedTimer m_sinceFailures;
    std::function<bool(const QString &, const QString &)> m_confirm;
};

} // namespace dashboard
