// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QMainWindow>
#include <QMap>
#include <QTimer>
#include <QUrl>

#include "ChartPanel.h"
#include "Snapshot.h"

class QAction;
class QComboBox;
class QGridLayout;
class QHBoxLayout;
class QLabel;
class QSettings;
class QWidget;

namespace dashboard {

class ConnectionIndicator;
class FlowLayout;
class DashboardModels;
class ErrorBanner;
class EventLogModel;
class HealthBadge;
class MonitorFeed;
class SourcesTable;
class StatCard;

/// The operator's window: queue counters and time to drain, throughput, source-health
/// badges, the circuit-breaker table, and a chart per Grafana panel of the seed, fed by a
/// MonitorFeed. Refresh Now (F5, Ctrl+R), auto-refresh with a choosable interval, an error
/// banner with Retry, export of any chart or the whole dashboard (PNG, SVG, CSV, clipboard).
class DashboardWindow final : public QMainWindow
{
    Q_OBJECT
public:
    /// Shows @p feed through @p models and @p eventLog (none owned; they must outlive the
    /// window), so that whoever runs the feed decides what a window watches (the next
    /// step: several backends). The window starts nothing by itself.
    DashboardWindow(MonitorFeed *feed, DashboardModels *models, EventLogModel *eventLog,
                    QWidget *parent = nullptr);
    /// The same with models of its own (one feed, one window).
    explicit DashboardWindow(MonitorFeed *feed, QWidget *parent = nullptr);
    ~DashboardWindow() override;

    /// The chart ids, in export order.
    static QStringList chartIds();

    DashboardModels *models() const { return m_models; }
    QList<ChartPanel *> panels() const { return m_panels; }
    ChartPanel *panel(const QString &id) const;
    QAction *refreshAction() const { return m_refresh; }
    QAction *autoRefreshAction() const { return m_autoRefresh; }
    QAction *exportAction() const { return m_exportAll; }
    QComboBox *intervalBox() const { return m_interval; }
    ErrorBanner *errorBanner() const { return m_banner; }
    ConnectionIndicator *connectionIndicator() const { return m_indicator; }
    StatCard *queueCard(QueueStatus s) const { return m_queueCards.value(int(s)); }
    StatCard *throughputCard() const { return m_rateCard; }
    StatCard *drainCard() const { return m_drainCard; }
    HealthBadge *badge(const QString &source) const { return m_badges.value(source); }
    QList<HealthBadge *> badges() const { return m_badges.values(); }
    SourcesTable *sourcesTable() const { return m_table; }
    EventLogModel *eventLog() const { return m_eventLog; }

    /// Writes every chart as ID.png, ID.svg and ID.csv plus dashboard.png, dashboard.svg
    /// and dashboard.csv into @p dir. Returns the files written; on failure false + reason.
    bool exportAll(const QString &dir, QStringList *written, QString *error);
    bool exportPanel(ChartPanel *panel, ChartPanel::Format format, const QString &path,
                     QString *error);
    QImage renderDashboard();
    QByteArray dashboardCsv() const;

    /// Seams for tests: how the window asks for a folder / a file name.
    void setDirectoryChooser(std::function<QString(const QString &start)> chooser);
    void
    setFileChooser(std::function<QString(const QString &suggested, const QString &filter)> chooser);
    void setBackendDescription(const QString &text);
    /// The URL offered first by File > Connect to Backend.
    void setRecentUrl(const QUrl &url) { m_recentUrl = url; }

    void loadSettings(QSettings &settings);
    void saveSettings(QSettings &settings) const;
    QString lastExportDirectory() const { return m_lastExportDir; }

Q_SIGNALS:
    /// After a snapshot reached every model and card.
    void dashboardUpdated();
    void exported(const QString &dir, const QStringList &files);
    /// The operator chose another backend (File > Connect to Backend).
    void backendUrlChosen(const QUrl &url);

public:
    /// Columns of the chart grid now (3, 2 or 1, by the content's width).
    int chartColumns() const { return m_chartColumns; }
    /// The chart-grid columns for a content @p width.
    static int chartColumnsFor(int width);

protected:
    void closeEvent(QCloseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void buildActions();
    QWidget *buildContent();
    void applySnapshot(const Snapshot &s);
    void rebuildBadges(const Snapshot &s);
    void tick();
    void onExportAll();
    void onExportPanel(ChartPanel *panel, ChartPanel::Format format);
    void showMessage(const QString &text);
    /// Lays the charts out in chartColumnsFor(@p width) columns (only when that changes).
    void reflowCharts(int width);

    MonitorFeed *m_feed;
    DashboardModels *m_models;
    QList<ChartPanel *> m_panels;
    QAction *m_refresh = nullptr;
    QAction *m_autoRefresh = nullptr;
    QAction *m_exportAll = nullptr;
    QAction *m_copyDashboard = nullptr;
    QComboBox *m_interval = nullptr;
    ErrorBanner *m_banner = nullptr;
    ConnectionIndicator *m_indicator = nullptr;
    QWidget *m_content = nullptr;
    QMap<int, StatCard *> m_queueCards;
    StatCard *m_rateCard = nullptr;
    StatCard *m_drainCard = nullptr;
    FlowLayout *m_badgeRow = nullptr;
    QGridLayout *m_chartGrid = nullptr;
    int m_chartColumns = 0;
    QLabel *m_moreSources = nullptr; ///< "N more sources not shown" past the display cap
    QLabel *m_backendLabel = nullptr;
    QMap<QString, HealthBadge *> m_badges;
    QStringList m_badgeOrder; ///< the sources the badges were built for, in order
    SourcesTable *m_table = nullptr;
    EventLogModel *m_eventLog = nullptr;
    QTimer m_tick;
    QString m_lastExportDir;
    QUrl m_recentUrl;
    std::function<QString(const QString &)> m_chooseDirectory;
    std::function<QString(const QString &, const QString &)> m_chooseFile;
};

} // namespace dashboard
