// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QTimer>

namespace dashboard {

class DashboardWindow;
class MonitorFeed;

/// `--export DIR`: waits until the feed delivered a snapshot (and the history, if the
/// service has one), renders every chart offscreen, writes the files and finishes with an
/// exit code: 0 on success, 1 with a one-line reason when no data arrived in time or a
/// file could not be written.
class HeadlessExport final : public QObject
{
    Q_OBJECT
public:
    HeadlessExport(MonitorFeed *feed, DashboardWindow *window, const QString &dir,
                   int timeoutSeconds, QObject *parent = nullptr);
    void start();

Q_SIGNALS:
    void finished(int exitCode, const QString &message);

private:
    void tryExport();
    MonitorFeed *m_feed;
    DashboardWindow *m_window;
    QString m_dir;
    QTimer m_timeout;
    QTimer m_settle;
    bool m_haveSnapshot = false;
    bool m_done = false;
};

} // namespace dashboard
