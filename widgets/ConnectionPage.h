// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QWidget>

#include "ChartPanel.h"
#include "Snapshot.h"

class QLabel;
class QMenu;
class QScrollArea;
class QTabWidget;

namespace dashboard {

class AuditView;
class Connection;
class DashboardView;
class ErrorBanner;
class FailuresView;
class OperatorActions;
class TracksView;

/// What the window shows of one Connection, in a tab of its own: the connection's error
/// banner, the paused banner, and the Overview (the dashboard), Failures, Tracks and Audit
/// views, with the operator actions they offer (source menus, Resume). It also keeps the
/// one-line status that the window puts in its status bar ("prod: Live").
class ConnectionPage final : public QWidget
{
    Q_OBJECT
public:
    /// @p connection is not owned and must outlive the page; dialogs (confirmations) open
    /// over @p dialogParent.
    ConnectionPage(Connection *connection, QWidget *dialogParent, QWidget *parent = nullptr);
    ~ConnectionPage() override;

    Connection *connection() const { return m_connection; }
    /// The Overview: cards, badges and charts.
    DashboardView *view() const { return m_view; }
    OperatorActions *operatorActions() const { return m_ops; }
    FailuresView *failuresView() const { return m_failures; }
    TracksView *tracksView() const { return m_tracks; }
    AuditView *auditView() const { return m_audit; }
    /// Overview / Failures / Tracks / Audit.
    QTabWidget *viewTabs() const { return m_views; }
    /// Says why the backend cannot be read, with Retry.
    ErrorBanner *errorBanner() const { return m_banner; }
    /// Says the pipeline (or a source) is paused, with Resume.
    ErrorBanner *pausedBanner() const { return m_paused; }

    /// The status bar's words for this connection ("prod: Live"), a label the window places.
    QLabel *statusLabel() const { return m_status; }
    QString statusText() const;
    /// How the connection is doing, for its tab's icon: Down when it does not answer,
    /// Healthy when live, Degraded while connecting.
    Health health() const;
    /// Recomputes the status (called every second: reconnect countdowns); @p shown: whether
    /// the label is shown (with one connection the toolbar's indicator says it all).
    void refreshStatus(bool shown);
    /// Every second: the relative times ("3 s ago") and refreshStatus().
    void tick(bool statusShown);

    /// The sources table's context menu for @p source, as it would open; the caller owns
    /// it. It offers what applies now: Close for an open or half-open breaker, Probe Now
    /// for an open one, Pause or Resume for the source.
    QMenu *sourceMenu(const QString &source);
    /// Every source's actions, one submenu each (the Sources section's button).
    QMenu *sourcesMenu();
    /// Shows the Overview scrolled to @p panel (see DashboardView::section()).
    void scrollTo(const QString &panel);
    /// The next (@p by 1) or previous (-1) of Overview, Failures, Tracks, Audit.
    void stepView(int by);

Q_SIGNALS:
    /// Something the status bar says for a while ("Saved…", an action's outcome).
    void message(const QString &text);
    /// statusText() or health() changed.
    void statusChanged();
    /// What the operator may do or what is paused changed.
    void actionsChanged();
    /// A chart's own export menu was used.
    void exportPanelRequested(dashboard::ChartPanel *panel, dashboard::ChartPanel::Format format);

private:
    void buildViews();
    void connectOperatorActions();
    void connectSourceMenus();
    void refreshPaused();
    void addSourceActions(QMenu *menu, const QString &source);

    Connection *m_connection;
    OperatorActions *m_ops;
    ErrorBanner *m_banner = nullptr;
    ErrorBanner *m_paused = nullptr;
    QScrollArea *m_scroll = nullptr;
    DashboardView *m_view = nullptr;
    QTabWidget *m_views = nullptr;
    FailuresView *m_failures = nullptr;
    TracksView *m_tracks = nullptr;
    AuditView *m_audit = nullptr;
    QLabel *m_status = nullptr;
    Health m_health = Health::Degraded;
};

} // namespace dashboard
