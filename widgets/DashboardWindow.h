// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QMainWindow>
#include <QTimer>
#include <QUrl>

#include "ChartPanel.h"
#include "Snapshot.h"

class QAction;
class QComboBox;
class QMenu;
class QVBoxLayout;
class QLabel;
class QScrollArea;
class QTabWidget;
class QSettings;
class QWidget;

namespace dashboard {

class ConnectionIndicator;
class DashboardModels;
class DashboardView;
class ErrorBanner;
class EventLogModel;
class HealthBadge;
class AuditView;
class FailuresView;
class BackendFeed;
class OperatorActions;
class TracksView;
class SourcesTable;
class StatCard;

/// The operator's window: queue counters and time to drain, throughput, source-health
/// badges, the circuit-breaker table, and a chart per Grafana panel of the seed, fed by a
/// BackendFeed. Refresh Now (F5, Ctrl+R), auto-refresh with a choosable interval, an error
/// banner with Retry, export of any chart or the whole dashboard (PNG, SVG, CSV, clipboard).
class DashboardWindow final : public QMainWindow
{
    Q_OBJECT
public:
    /// Shows @p feed through @p models and @p eventLog (none owned; they must outlive the
    /// window, and their owner makes them follow the feed), so that whoever runs the feed
    /// decides what a window watches (the next step: several backends). The window starts
    /// nothing by itself.
    DashboardWindow(BackendFeed *feed, DashboardModels *models, EventLogModel *eventLog,
                    QWidget *parent = nullptr);
    /// The same with models of its own (one feed, one window).
    explicit DashboardWindow(BackendFeed *feed, QWidget *parent = nullptr);
    ~DashboardWindow() override;

    /// The chart ids, in export order.
    static QStringList chartIds();
    /// Every shortcut of the menus, "Keys: what it does", one per line (Help > Keyboard
    /// Shortcuts shows it); read off the actions, so it cannot drift from them.
    QString shortcutsText() const;

    /// Watches one more backend, in a tab of its own (the tabs show from two on). The
    /// feed, models and log are not owned; their owner makes the models and log follow the
    /// feed. Returns the connection's index.
    int addConnection(const QString &name, BackendFeed *feed, DashboardModels *models,
                      EventLogModel *eventLog);
    int connectionCount() const { return int(m_pages.size()); }
    int currentConnection() const { return m_current; }
    void setCurrentConnection(int index);
    QString connectionName(int index) const;
    void setConnectionName(int index, const QString &name);
    /// The status bar's words for connection @p index ("prod: Live").
    QString connectionStatusText(int index) const;
    /// The tabs (hidden while there is one connection).
    QTabWidget *tabs() const { return m_tabs; }
    QAction *connectionsAction() const { return m_connections; }

    /// The current connection's feed and models.
    BackendFeed *feed() const { return m_feed; }
    DashboardModels *models() const { return m_models; }
    /// What the window shows for the current connection, below its chrome.
    DashboardView *view() const { return m_view; }
    DashboardView *view(int index) const;
    QList<ChartPanel *> panels() const;
    ChartPanel *panel(const QString &id) const;
    QAction *refreshAction() const { return m_refresh; }
    QAction *autoRefreshAction() const { return m_autoRefresh; }
    QAction *exportAction() const { return m_exportAll; }
    /// Settings > Pause Notifications (checkable; its owner connects it).
    QAction *pauseNotificationsAction() const { return m_pauseNotifications; }
    QAction *notificationSettingsAction() const { return m_notificationSettings; }
    QComboBox *intervalBox() const { return m_interval; }
    ErrorBanner *errorBanner() const { return m_banner; }
    ConnectionIndicator *connectionIndicator() const { return m_indicator; }
    StatCard *queueCard(QueueStatus s) const;
    StatCard *throughputCard() const;
    StatCard *drainCard() const;
    HealthBadge *badge(const QString &source) const;
    QList<HealthBadge *> badges() const;
    SourcesTable *sourcesTable() const;
    EventLogModel *eventLog() const { return m_eventLog; }

    /// What operators do with connection @p index (default: the current one).
    OperatorActions *operatorActions(int index = -1) const;
    FailuresView *failuresView(int index = -1) const;
    TracksView *tracksView(int index = -1) const;
    AuditView *auditView(int index = -1) const;
    /// The current connection's Overview / Failures / Tracks tabs.
    QTabWidget *viewTabs(int index = -1) const;
    /// The banner that says the pipeline (or a source) is paused.
    ErrorBanner *pausedBanner(int index = -1) const;
    /// Toolbar: Pause Pipeline / Resume Pipeline for the current connection.
    QAction *pausePipelineAction() const { return m_pausePipeline; }
    /// Pipeline > Enqueue Tracks…: asks for track ids (setTextChooser()) and enqueues them.
    QAction *enqueueAction() const { return m_enqueue; }
    /// Seam for tests: how the window asks for a text (title, label; empty: cancelled).
    void setTextChooser(std::function<QString(const QString &, const QString &)> chooser)
    {
        m_chooseText = std::move(chooser);
    }
    /// The sources table's context menu for @p source, as it would open; the caller owns
    /// it. It offers what applies now: Close for an open or half-open breaker, Probe Now
    /// for an open one, Pause or Resume for the source.
    QMenu *sourceMenu(const QString &source);
    /// Every source's actions, one submenu each (the Sources section's button).
    QMenu *sourcesMenu();

    /// Writes every chart as ID.png, ID.svg and ID.csv plus dashboard.png, dashboard.svg
    /// and dashboard.csv into @p dir (a DashboardExporter over view()). Returns the files
    /// written; on failure false + reason.
    bool exportAll(const QString &dir, QStringList *written, QString *error,
                   bool overwrite = false);
    bool exportPanel(ChartPanel *panel, ChartPanel::Format format, const QString &path,
                     QString *error);
    QImage renderDashboard();
    QByteArray dashboardCsv() const;

    /// Seams for tests: how the window asks for a folder / a file name.
    void setDirectoryChooser(std::function<QString(const QString &start)> chooser);
    /// Test seam: how File > Export Dashboard asks before replacing files (default: a
    /// question box); true: replace them.
    void setOverwriteConfirmer(std::function<bool(const QStringList &existing)> confirm)
    {
        m_confirmOverwrite = std::move(confirm);
    }
    void
    setFileChooser(std::function<QString(const QString &suggested, const QString &filter)> chooser);
    void setBackendDescription(const QString &text);
    /// The URL offered first by File > Connect to Backend.
    void setRecentUrl(const QUrl &url) { m_recentUrl = url; }

    /// Shows the window (from the tray, too), raises it and scrolls to @p panel (see
    /// DashboardView::section()).
    void reveal(const QString &panel = {});
    /// Closing the window hides it to the tray instead of quitting.
    void setCloseToTray(bool on) { m_closeToTray = on; }
    bool closeToTray() const { return m_closeToTray; }
    /// Closes for good, whatever closeToTray() says (Quit, a signal).
    void quit();

    void loadSettings(QSettings &settings);
    void saveSettings(QSettings &settings) const;
    QString lastExportDirectory() const { return m_lastExportDir; }

Q_SIGNALS:
    /// After a snapshot reached every model and card.
    void dashboardUpdated();
    void exported(const QString &dir, const QStringList &files);
    /// The operator chose another backend (File > Connect to Backend).
    void backendUrlChosen(const QUrl &url);
    /// Closing hid the window in the tray.
    void hiddenToTray();
    void currentConnectionChanged(int index);
    /// File > Connections was chosen (its owner opens the dialog).
    void connectionsRequested();

public:
    /// Columns of the chart grid now (3, 2 or 1, by the view's width).
    int chartColumns() const;

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    struct Page
    {
        QString name;
        BackendFeed *feed = nullptr;
        DashboardModels *models = nullptr;
        EventLogModel *log = nullptr;
        QWidget *widget = nullptr;
        ErrorBanner *banner = nullptr;
        QScrollArea *scroll = nullptr;
        DashboardView *view = nullptr;
        QLabel *status = nullptr;
        OperatorActions *ops = nullptr;
        QTabWidget *views = nullptr;
        ErrorBanner *paused = nullptr;
        FailuresView *failures = nullptr;
        TracksView *tracks = nullptr;
        AuditView *audit = nullptr;
    };
    const Page *page(int index) const;
    void addOperatorViews(Page &page, QVBoxLayout *layout);
    void refreshPaused(const Page &page);
    void addSourceActions(QMenu *menu, const QString &source);
    void refreshPauseAction();
    void buildActions();
    void refreshConnectionStatus(int index);
    void onSnapshotApplied();
    void tick();
    void onExportAll();
    void onExportPanel(ChartPanel *panel, ChartPanel::Format format);
    void showMessage(const QString &text);

    BackendFeed *m_feed;
    DashboardModels *m_models;
    QAction *m_refresh = nullptr;
    QAction *m_autoRefresh = nullptr;
    QAction *m_exportAll = nullptr;
    QAction *m_copyDashboard = nullptr;
    QAction *m_pauseNotifications = nullptr;
    QAction *m_notificationSettings = nullptr;
    QAction *m_pausePipeline = nullptr;
    QAction *m_enqueue = nullptr;
    std::function<QString(const QString &, const QString &)> m_chooseText;
    QScrollArea *m_scroll = nullptr;
    QTabWidget *m_tabs = nullptr;
    QAction *m_connections = nullptr;
    QList<Page> m_pages;
    int m_current = 0;
    bool m_closeToTray = false;
    bool m_quitting = false;
    QComboBox *m_interval = nullptr;
    ErrorBanner *m_banner = nullptr;
    ConnectionIndicator *m_indicator = nullptr;
    DashboardView *m_view = nullptr;
    QLabel *m_backendLabel = nullptr;
    EventLogModel *m_eventLog = nullptr;
    QTimer m_tick;
    QString m_lastExportDir;
    QUrl m_recentUrl;
    std::function<QString(const QString &)> m_chooseDirectory;
    std::function<bool(const QStringList &)> m_confirmOverwrite;
    std::function<QString(const QString &, const QString &)> m_chooseFile;
};

} // namespace dashboard
