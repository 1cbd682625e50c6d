// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HeadlessExport.h"

#include <QCoreApplication>

#include "DashboardWindow.h"
#include "MonitorFeed.h"

namespace dashboard {

HeadlessExport::HeadlessExport(MonitorFeed *feed, DashboardWindow *window, const QString &dir,
                               int timeoutSeconds, QObject *parent)
    : QObject(parent), m_feed(feed), m_window(window), m_dir(dir)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeoutSeconds * 1000);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (m_done)
            return;
        m_done = true;
        const QString why = m_feed->lastError().isEmpty()
                                ? QCoreApplication::translate("HeadlessExport", "nothing arrived")
                                : m_feed->lastError();
        Q_EMIT finished(
            1, QCoreApplication::translate("HeadlessExport", "no data from %1 within %2 s: %3")
                   .arg(m_feed->baseUrl().toString())
                   .arg(m_timeout.interval() / 1000)
                   .arg(why));
    });
    // After the first snapshot, give the history request a moment to land too.
    m_settle.setSingleShot(true);
    m_settle.setInterval(750);
    connect(&m_settle, &QTimer::timeout, this, &HeadlessExport::tryExport);
    connect(m_feed, &MonitorFeed::snapshotReceived, this, [this] {
        if (!m_haveSnapshot) {
            m_haveSnapshot = true;
            m_settle.start();
        }
    });
}

void HeadlessExport::start()
{
    m_timeout.start();
}

void HeadlessExport::tryExport()
{
    if (m_done)
        return;
    m_done = true;
    m_timeout.stop();
    QStringList written;
    QString error;
    if (!m_window->exportAll(m_dir, &written, &error)) {
        Q_EMIT finished(1, error);
        return;
    }
    Q_EMIT finished(0, QCoreApplication::translate("HeadlessExport", "wrote %1 files to %2")
                           .arg(written.size())
                           .arg(m_dir));
}

} // namespace dashboard
