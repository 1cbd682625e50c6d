// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QMap>
#include <QWidget>

#include "ChartPanel.h"
#include "Snapshot.h"

class QGridLayout;
class QLabel;
class QToolButton;
class QVBoxLayout;

namespace dashboard {

class AlertmanagerClient;
class AlertsPanel;
class DashboardModels;
class FiringAlertsModel;
class PrometheusClient;
class EventLogModel;
class FlowLayout;
class HealthBadge;
class SourcesTable;
class StatCard;
class WorkersPanel;

/// What the dashboard shows, without window chrome: the headline cards, a health badge
/// per source, the circuit-breaker table, the incident log and every chart of the
/// catalogue. Everything binds to the models it is given (cards to the summary model,
/// badges to the sources model), so the window and the headless export show the same
/// thing from the same models. The cards and badges wrap; the charts reflow to three, two
/// or one column by width.
class DashboardView final : public QWidget
{
    Q_OBJECT
public:
    /// @p models and @p eventLog are not owned and must outlive the view.
    DashboardView(DashboardModels *models, EventLogModel *eventLog, QWidget *parent = nullptr);
    ~DashboardView() override;

    DashboardModels *models() const { return m_models; }
    QList<ChartPanel *> panels() const { return m_panels; }
    ChartPanel *panel(const QString &id) const;
    StatCard *queueCard(QueueStatus s) const { return m_cards.value(int(s)); }
    StatCard *throughputCard() const;
    StatCard *drainCard() const;
    HealthBadge *badge(const QString &source) const { return m_badges.value(source); }
    QList<HealthBadge *> badges() const { return m_badges.values(); }
    SourcesTable *sourcesTable() const { return m_table; }
    /// "Source Actions" beside the Sources caption (hidden until the window uses it).
    QToolButton *sourceActionsButton() const { return m_sourceActions; }

    /// Shows the Alerts panel (what Alertmanager says is firing) above the sources;
    /// without a call it is not there. @p client and @p model must outlive the view.
    void showAlerts(AlertmanagerClient *client, FiringAlertsModel *model);
    AlertsPanel *alertsPanel() const { return m_alerts; }
    /// The Workers section: visible only when the backend reports a fleet.
    WorkersPanel *workersPanel() const { return m_workers; }
    QString sourcesCaption() const;
    /// Sources operators paused: their badges say so.
    void setPausedSources(const QStringList &sources);
    /// The backend is out of reach since @p sinceMs (epoch ms): a banner says so, the cards
    /// and badges are drawn as last known, the sources table and workers greyed. False:
    /// live again.
    void setConnectionLost(bool lost, qint64 sinceMs = 0);
    /// The backend's name (or URL), which every exported chart names in its title.
    void setBackendName(const QString &name);
    bool connectionLostShown() const { return m_lost; }
    QString lostText() const;
    /// Long history from Prometheus for the charts that use it (the heatmap); not owned.
    void setPrometheus(PrometheusClient *client);
    /// The part of the view a notification points at: "sources", "queue", "alerts",
    /// "connection" (the top); the top for anything else.
    QWidget *section(const QString &panel) const;

    /// Columns of the chart grid now (3, 2 or 1, by the view's width).
    int chartColumns() const { return m_chartColumns; }
    /// The chart-grid columns for a view @p width.
    static int chartColumnsFor(int width);
    /// The height the view needs at @p width (everything visible, nothing scrolled).
    int heightFor(int width) const;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    /// Said at once when the backend is out of reach: what is below is the last known.
    void addLostBanner(QVBoxLayout *layout);
    /// Queue counters, throughput and time to drain; they wrap on narrow screens.
    void addCards(QVBoxLayout *layout);
    /// The Sources heading with its actions button, and a health badge per source.
    void addSources(QVBoxLayout *layout);
    void refreshCards(int first, int last);
    void refreshBadges();
    void rebuildBadges();
    void reflowCharts(int width);
    void refreshFleet();
    void refreshWaiting();

    DashboardModels *m_models;
    QList<ChartPanel *> m_panels;
    QList<StatCard *> m_cards; ///< one per SummaryModel row
    FlowLayout *m_badgeRow = nullptr;
    QLabel *m_moreSources = nullptr; ///< "N more sources not shown" past the display cap
    QMap<QString, HealthBadge *> m_badges;
    QStringList m_offShown; ///< the sources shown as off (badges after the others)
    QGridLayout *m_chartGrid = nullptr;
    int m_chartColumns = 0;
    SourcesTable *m_table = nullptr;
    QWidget *m_alertsSection = nullptr;
    AlertsPanel *m_alerts = nullptr;
    QLabel *m_sourcesLabel = nullptr;
    QWidget *m_workersSection = nullptr;
    WorkersPanel *m_workers = nullptr;
    QStringList m_pausedSources;
    QLabel *m_lostBanner = nullptr;
    QToolButton *m_sourceActions = nullptr;
    bool m_lost = false;
};

} // namespace dashboard
