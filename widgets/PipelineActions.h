// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QObject>
#include <QPointer>

class QAction;
class QWidget;

namespace dashboard {

class ConnectionPage;

/// The Pipeline menu's actions, which act on the page the window shows: Pause Pipeline /
/// Resume Pipeline (also on the toolbar) and Enqueue Tracks…. They are enabled, disabled
/// with the reason, or hidden by that page's operator access, and follow it as it changes.
class PipelineActions final : public QObject
{
    Q_OBJECT
public:
    /// Dialogs open over @p window.
    explicit PipelineActions(QWidget *window);
    ~PipelineActions() override;

    QAction *pauseAction() const { return m_pause; }
    /// Asks for track ids (setTextChooser()) and enqueues them.
    QAction *enqueueAction() const { return m_enqueue; }
    /// Acts on @p page from now on (the window's current page; not owned).
    void follow(ConnectionPage *page);
    /// Seam for tests: how a text is asked for (title, label; empty: cancelled).
    void setTextChooser(std::function<QString(const QString &, const QString &)> chooser);

private:
    void refresh();

    QPointer<ConnectionPage> m_page;
    QAction *m_pause;
    QAction *m_enqueue;
    std::function<QString(const QString &, const QString &)> m_chooseText;
};

} // namespace dashboard
