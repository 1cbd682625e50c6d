// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TrayIcon.h"

#include <QAction>
#include <QMenu>
#include <QSystemTrayIcon>

namespace dashboard {

TrayIcon::TrayIcon(QObject *parent)
    : QObject(parent), m_tray(new QSystemTrayIcon(this)), m_menu(new QMenu)
{
    m_menu->addAction(tr("&Show"), this, &TrayIcon::showRequested);
    m_menu->addAction(tr("&Refresh Now"), this, &TrayIcon::refreshRequested);
    m_pause = m_menu->addAction(tr("&Pause notifications"));
    m_pause->setCheckable(true);
    connect(m_pause, &QAction::toggled, this, &TrayIcon::notificationsPausedChanged);
    m_menu->addSeparator();
    m_menu->addAction(tr("&Quit"), this, &TrayIcon::quitRequested);
    m_tray->setContextMenu(m_menu);
    connect(m_tray, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason r) {
        if (r == QSystemTrayIcon::Trigger || r == QSystemTrayIcon::DoubleClick)
            Q_EMIT showRequested();
    });
    connect(m_tray, &QSystemTrayIcon::messageClicked, this, &TrayIcon::showRequested);
    setState(State::Unknown, {});
}

TrayIcon::~TrayIcon()
{
    delete m_menu; // a context menu is not owned by the tray icon
}

bool TrayIcon::isAvailable()
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayIcon::show()
{
    m_tray->show();
}

void TrayIcon::hide()
{
    m_tray->hide();
}

bool TrayIcon::isVisible() const
{
    return m_tray->isVisible();
}

TrayIcon::State TrayIcon::stateFor(AlertSeverity worst, bool connected)
{
    if (worst == AlertSeverity::Critical)
        return State::Critical;
    if (!connected)
        return State::Unknown;
    return worst == AlertSeverity::Warning ? State::Warning : State::Ok;
}

void TrayIcon::setState(State state, const QStringList &problems)
{
    m_state = state;
    static const char *icons[] = {":/icons/state-unknown.svg", ":/icons/state-ok.svg",
                                  ":/icons/state-warning.svg", ":/icons/state-error.svg"};
    m_tray->setIcon(QIcon(QString::fromLatin1(icons[int(state)])));
    QString text = tr("Enrichment Monitor");
    switch (state) {
    case State::Unknown: text += QLatin1Char('\n') + tr("Not connected to the backend"); break;
    case State::Ok: text += QLatin1Char('\n') + tr("All well"); break;
    case State::Warning:
    case State::Critical: break;
    }
    const int shown = 5;
    for (int i = 0; i < std::min<int>(shown, int(problems.size())); ++i)
        text += QLatin1Char('\n') + problems.at(i);
    if (problems.size() > shown)
        text += QLatin1Char('\n') + tr("and %n more", nullptr, int(problems.size()) - shown);
    if (m_pause->isChecked())
        text += QLatin1Char('\n') + tr("Notifications paused");
    m_tray->setToolTip(text);
}

QString TrayIcon::toolTip() const
{
    return m_tray->toolTip();
}

void TrayIcon::setNotificationsPaused(bool paused)
{
    m_pause->setChecked(paused);
}

} // namespace dashboard
