// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QStringList>

#include "AlertRules.h"

class QAction;
class QMenu;
class QSystemTrayIcon;

namespace dashboard {

/// The dashboard in the system tray: its icon's colour and its tooltip tell the worst
/// state now (all well, warning, critical, or no connection); its menu has Show, Refresh
/// Now, Pause notifications and Quit.
class TrayIcon final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayIcon)
public:
    enum class State { Unknown, Ok, Warning, Critical };

    explicit TrayIcon(QObject *parent = nullptr);
    ~TrayIcon() override;

    /// Whether the desktop has a tray at all (there is none under a bare X server).
    static bool isAvailable();
    void show();
    void hide();
    bool isVisible() const;

    /// @p problems: one line per active condition, worst first.
    void setState(State state, const QStringList &problems);
    State state() const { return m_state; }
    QString toolTip() const;
    static State stateFor(AlertSeverity worst, bool connected);

    void setNotificationsPaused(bool paused);
    QSystemTrayIcon *systemTrayIcon() const { return m_tray; }
    QMenu *menu() const { return m_menu; }
    QAction *pauseAction() const { return m_pause; }

Q_SIGNALS:
    void showRequested();
    void refreshRequested();
    void notificationsPausedChanged(bool paused);
    void quitRequested();

private:
    QSystemTrayIcon *m_tray;
    QMenu *m_menu;
    QAction *m_pause;
    State m_state = State::Unknown;
};

} // namespace dashboard
