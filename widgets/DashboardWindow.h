// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMainWindow>
#include <QTimer>
#include <QUrl>

class QAction;
class QComboBox;
class QLabel;
class QSettings;
class QTabWidget;

namespace dashboard {

class Connection;
class ConnectionIndicator;
class ConnectionPage;
class ExportFlow;
class PipelineActions;

/// The operator's window, which is chrome: the menus, the toolbar (Refresh Now, the
/// auto-refresh interval, Export, Pause Pipeline, the live indicator), the tab bar with a
/// ConnectionPage per watched backend (shown from two on), and the status bar. What a
/// backend shows is its page's; what the window does applies to the current page.
class DashboardWindow final : public QMainWindow
{
    Q_OBJECT
public:
    explicit DashboardWindow(QWidget *parent = nullptr);
    ~DashboardWindow() override;

    /// Shows @p connection (not owned; it must outlive the window) in a page of its own,
    /// following the window's auto-refresh settings. Returns the page's index.
    int addConnection(Connection *connection);
    int connectionCount() const { return int(m_pages.size()); }
    /// The page at @p index, or null.
    ConnectionPage *page(int index) const;
    /// The page shown now (null before the first addConnection()).
    ConnectionPage *currentPage() const { return page(m_current); }
    /// The index of @p connection's page, or -1.
    int indexOf(const Connection *connection) const;
    int currentConnection() const { return m_current; }
    void setCurrentConnection(int index);
    /// The tabs (their bar is hidden while there is one connection).
    QTabWidget *tabs() const { return m_tabs; }

    QAction *refreshAction() const { return m_refresh; }
    QAction *autoRefreshAction() const { return m_autoRefresh; }
    QComboBox *intervalBox() const { return m_interval; }
    /// File > Export Dashboard and the charts' own exports.
    ExportFlow *exports() const { return m_exports; }
    /// Pause Pipeline and Enqueue Tracks, for the current connection.
    PipelineActions *pipelineActions() const { return m_pipeline; }
    /// File > Connections (its owner connects connectionsRequested()).
    QAction *connectionsAction() const { return m_connections; }
    /// Settings > Pause Notifications (checkable; its owner connects it).
    QAction *pauseNotificationsAction() const { return m_pauseNotifications; }
    QAction *notificationSettingsAction() const { return m_notificationSettings; }
    ConnectionIndicator *connectionIndicator() const { return m_indicator; }

    /// The status bar's left side ("Backend at …").
    void setBackendDescription(const QString &text);
    /// The URL offered first by File > Connect to Backend.
    void setRecentUrl(const QUrl &url) { m_recentUrl = url; }

    /// Shows the window (from the tray, too), raises it and scrolls the current page to
    /// @p panel (see DashboardView::section()).
    void reveal(const QString &panel = {});
    /// Closing the window hides it to the tray instead of quitting.
    void setCloseToTray(bool on) { m_closeToTray = on; }
    bool closeToTray() const { return m_closeToTray; }
    /// Closes for good, whatever closeToTray() says (Quit, a signal).
    void quit();

    void loadSettings(QSettings &settings);
    void saveSettings(QSettings &settings) const;

Q_SIGNALS:
    /// After a snapshot of the current connection reached every model and card.
    void dashboardUpdated();
    /// The operator chose another backend (File > Connect to Backend).
    void backendUrlChosen(const QUrl &url);
    /// Closing hid the window in the tray.
    void hiddenToTray();
    void currentConnectionChanged(int index);
    /// File > Connections was chosen (its owner opens the dialog).
    void connectionsRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createActions();
    void buildMenus();
    void buildToolBar();
    void onSnapshotApplied();
    void tick();
    void showMessage(const QString &text);

    QList<ConnectionPage *> m_pages;
    int m_current = -1;
    QTabWidget *m_tabs = nullptr;
    ExportFlow *m_exports = nullptr;
    ConnectionIndicator *m_indicator = nullptr;
    QLabel *m_backendLabel = nullptr;
    QAction *m_refresh = nullptr;
    QAction *m_autoRefresh = nullptr;
    QComboBox *m_interval = nullptr;
    QAction *m_connectTo = nullptr;
    QAction *m_connections = nullptr;
    QAction *m_quit = nullptr;
    QAction *m_pauseNotifications = nullptr;
    QAction *m_notificationSettings = nullptr;
    PipelineActions *m_pipeline = nullptr;
    bool m_closeToTray = false;
    bool m_quitting = false;
    QTimer m_tick;
    QUrl m_recentUrl;
};

} // namespace dashboard
