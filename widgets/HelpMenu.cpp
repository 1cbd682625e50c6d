// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HelpMenu.h"

#include <QApplication>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>

namespace dashboard {

QMenu *HelpMenu::add(QMainWindow *window)
{
    QMenu *help = window->menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard Shortcuts"), window, [window] {
        QMessageBox box(QMessageBox::Information, tr("Keyboard Shortcuts"),
                        tr("Keyboard shortcuts of Enrichment Monitor"), QMessageBox::Close, window);
        box.setInformativeText(shortcutsText(window->menuBar()));
        box.exec();
    });
    keys->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&Documentation"), window, [window] {
        QMessageBox::information(
            window, tr("Documentation"),
            tr("The documentation comes with the program's sources, in the docs/ folder: "
               "OPERATIONS.md (running the stack, what each alert means, acting on the "
               "pipeline), SCALING.md (many workers), PROTOCOL.md (what the backend serves). "
               "enrichment-monitor --help lists the command line."));
    });
    help->addSeparator();
    help->addAction(tr("&About Enrichment Monitor"), window, [window] {
        QMessageBox::about(
            window, tr("About Enrichment Monitor"),
            tr("<b>Enrichment Monitor</b> %1<br>Live monitoring of the music-metadata enrichment "
               "pipeline.<br>Licensed under the GNU GPL, version 3 or later.")
                .arg(QApplication::applicationVersion()));
    });
    return help;
}

QString HelpMenu::shortcutsText(const QMenuBar *bar)
{
    QStringList lines;
    const auto menus = bar->actions();
    for (const QAction *menuAction : menus) {
        const QMenu *menu = menuAction->menu();
        if (!menu)
            continue;
        for (const QAction *a : menu->actions()) {
            if (a->shortcuts().isEmpty())
                continue;
            QStringList keys;
            for (const QKeySequence &k : a->shortcuts())
                keys << k.toString(QKeySequence::NativeText);
            lines << tr("%1: %2").arg(
                keys.join(tr(" or ")),
                QString(a->text()).remove(QLatin1Char('&')).remove(QStringLiteral("…")));
        }
    }
    lines << tr("Alt + underlined letter: the button or menu with that letter");
    return lines.join(QLatin1Char('\n'));
}

} // namespace dashboard
