// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

class QMainWindow;
class QMenu;
class QMenuBar;

namespace dashboard {

/// The window's Help menu: Keyboard Shortcuts (F1), Documentation, About.
class HelpMenu
{
    Q_DECLARE_TR_FUNCTIONS(dashboard::HelpMenu)
public:
    /// Adds the Help menu to @p window's menu bar.
    static QMenu *add(QMainWindow *window);
    /// Every shortcut of @p bar's menus, "Keys: what it does", one per line; read off the
    /// actions, so it cannot drift from them.
    static QString shortcutsText(const QMenuBar *bar);
};

} // namespace dashboard
