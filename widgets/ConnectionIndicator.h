// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "BackendFeed.h"

class QLabel;

namespace dashboard {

/// The live-ness of the dashboard: a coloured dot with "Live", "Connecting…",
/// "Reconnecting in N s" or "Disconnected", and the data's age ("updated 3 s ago"),
/// marked stale when old. Follows the feed by itself; tick() refreshes the age.
class ConnectionIndicator final : public QWidget
{
    Q_OBJECT
public:
    /// Follows @p feed (not owned; null: none yet, "Disconnected").
    explicit ConnectionIndicator(BackendFeed *feed, QWidget *parent = nullptr);
    QString stateText() const;
    QString ageText() const;
    bool staleShown() const { return m_stale; }
    /// Shows @p feed from now on (the window's current connection; null: none).
    void setFeed(BackendFeed *feed);
    /// "Live", "Reconnecting in 3 s", ... for @p feed (the status bar's per-connection words).
    static QString stateTextFor(const BackendFeed *feed);

public Q_SLOTS:
    void tick();

private:
    void refreshState();
    BackendFeed *m_feed;
    QLabel *m_dot;
    QLabel *m_state;
    QLabel *m_age;
    bool m_stale = false;
};

} // namespace dashboard
