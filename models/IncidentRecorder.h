// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

namespace dashboard {

class EventLogModel;
class BackendFeed;

/// The incident policy: what of a feed's life goes into the incident log. Every breaker
/// transition the room announces; the first time the feed is Live and every loss of a
/// live connection; every backend error, and the moment the backend answers again.
/// Repeats are not logged (a reconnect attempt that fails again is not a new incident, nor
/// is the same outage described in other words).
class IncidentRecorder final : public QObject
{
    Q_OBJECT
public:
    /// Neither @p feed nor @p log is owned; both must outlive the recorder.
    IncidentRecorder(BackendFeed *feed, EventLogModel *log, QObject *parent = nullptr);

private:
    BackendFeed *m_feed;
    EventLogModel *m_log;
    bool m_wasLive = false;
    bool m_hadError = false;
};

} // namespace dashboard
