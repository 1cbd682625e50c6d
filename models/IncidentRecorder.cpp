// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "IncidentRecorder.h"

#include "EventLogModel.h"
#include "BackendFeed.h"

namespace dashboard {

IncidentRecorder::IncidentRecorder(BackendFeed *feed, EventLogModel *log, QObject *parent)
    : QObject(parent), m_feed(feed), m_log(log)
{
    connect(feed, &BackendFeed::eventReceived, log, &EventLogModel::addRoomEvent);
    connect(feed, &BackendFeed::stateChanged, this, [this](BackendFeed::ConnectionState s) {
        if (s == BackendFeed::ConnectionState::Live) {
            m_log->add(EventLogModel::Severity::Info, tr("Connection"),
                       tr("Live: connected to %1").arg(m_feed->baseUrl().toString()));
            m_wasLive = true;
        } else if (s == BackendFeed::ConnectionState::Reconnecting && m_wasLive) {
            m_log->add(EventLogModel::Severity::Warning, tr("Connection"),
                       tr("Connection lost; reconnecting"));
            m_wasLive = false;
        }
    });
    connect(feed, &BackendFeed::errorChanged, this, [this](const QString &error) {
        // One entry per incident: while the backend keeps failing, a new wording of the
        // failure (closed, then refused) is the same incident; the banner shows the latest.
        if (!error.isEmpty() && !m_hadError)
            m_log->add(EventLogModel::Severity::Error, tr("Backend"), error);
        else if (error.isEmpty() && m_hadError)
            m_log->add(EventLogModel::Severity::Info, tr("Backend"),
                       tr("The backend answers again"));
        m_hadError = !error.isEmpty();
    });
}

} // namespace dashboard
