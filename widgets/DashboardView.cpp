// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DashboardView.h"

#include <QDateTime>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QToolButton>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QResizeEvent>
#include <QVBoxLayout>

#include "AlertsPanel.h"
#include "ChartCatalog.h"
#include "DashboardModels.h"
#include "EventLogView.h"
#include "FlowLayout.h"
#include "AnomalyChart.h"
#include "FlowChart.h"
#include "ForecastChart.h"
#include "HeatmapChart.h"
#include "HealthBadge.h"
#include "enrichment/SnapshotParser.h"
#include "SourcesModel.h"
#include "SourcesTable.h"
#include "StatCard.h"
#include "StatusStyle.h"
#include "SummaryModel.h"
#include "TimeSeriesChart.h"
#include "WorkersModel.h"
#include "WorkersPanel.h"
#include "enrichment/MetricNames.h"

namespace dashboard {

namespace {
QLabel *sectionLabel(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(text, parent);
    QFont f = l->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.1);
    l->setFont(f);
    return l;
}
} // namespace

DashboardView::DashboardView(DashboardModels *models, EventLogModel *eventLog, QWidget *parent)
    : QWidget(parent), m_models(models)
{
    setObjectName(QStringLiteral("dashboardContent"));
    setAutoFillBackground(true);
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(14, 12, 14, 14);
    v->setSpacing(10);

    addLostBanner(v);
    addCards(v);

    // The Alerts panel goes here when showAlerts() is called.
    m_alertsSection = new QWidget(this);
    m_alertsSection->setObjectName(QStringLiteral("alertsSection"));
    auto *alerts = new QVBoxLayout(m_alertsSection);
    alerts->setContentsMargins(0, 0, 0, 0);
    alerts->addWidget(sectionLabel(tr("Alerts"), m_alertsSection));
    m_alertsSection->hide();
    v->addWidget(m_alertsSection);

    addSources(v);
    m_table = new SourcesTable(models->sources(), this);
    v->addWidget(m_table);
    // The fleet behind a shared queue (hidden for one backend).
    m_workersSection = new QWidget(this);
    m_workersSection->setObjectName(QStringLiteral("workersSection"));
    auto *workers = new QVBoxLayout(m_workersSection);
    workers->setContentsMargins(0, 0, 0, 0);
    workers->addWidget(sectionLabel(tr("Workers"), m_workersSection));
    m_workers = new WorkersPanel(models->workers(), m_workersSection);
    workers->addWidget(m_workers);
    v->addWidget(m_workersSection);
    connect(models->workers(), &WorkersModel::updated, this, &DashboardView::refreshFleet);
    refreshFleet();

    v->addWidget(sectionLabel(tr("Incident log"), this));
    auto *log = new EventLogView(eventLog, this);
    log->setFixedHeight(log->horizontalHeader()->sizeHint().height() +
                        4 * log->verticalHeader()->defaultSectionSize() + 4);
    v->addWidget(log);

    v->addWidget(sectionLabel(tr("Charts"), this));
    m_chartGrid = new QGridLayout;
    m_chartGrid->setSpacing(8);
    m_panels = createDashboardCharts(models, palette(), this);
    for (ChartPanel *panel : std::as_const(m_panels)) {
        panel->setMinimumHeight(std::max(290, panel->minimumHeight()));
        panel->setMinimumWidth(280);
    }
    reflowCharts(1500);
    v->addLayout(m_chartGrid);
    v->addStretch(1);
    // An empty chart says what it waits for, not that the backend lacks the figure.
    connect(models, &DashboardModels::snapshotApplied, this, &DashboardView::refreshWaiting);
    refreshWaiting();
}

void DashboardView::addLostBanner(QVBoxLayout *v)
{
    // Said at once when the backend is out of reach: what is below is the last known.
    m_lostBanner = new QLabel(this);
    m_lostBanner->setObjectName(QStringLiteral("lostBanner"));
    m_lostBanner->setTextFormat(Qt::PlainText);
    m_lostBanner->setWordWrap(true);
    m_lostBanner->setMargin(8);
    m_lostBanner->setAutoFillBackground(true);
    {
        QPalette p = m_lostBanner->palette();
        QColor bg = StatusStyle::healthColor(Health::Down, palette());
        bg.setAlphaF(0.18);
        p.setColor(QPalette::Window, bg);
        m_lostBanner->setPalette(p);
        QFont f = m_lostBanner->font();
        f.setBold(true);
        m_lostBanner->setFont(f);
    }
    m_lostBanner->hide();
    v->addWidget(m_lostBanner);
}

void DashboardView::addCards(QVBoxLayout *v)
{
    // Queue counters, throughput and time to drain; they wrap on narrow screens.
    SummaryModel *summary = m_models->summary();
    auto *cards = new FlowLayout(nullptr, 8, true);
    for (int row = 0; row < summary->rowCount(); ++row) {
        const QColor accent =
            row < QueueStatusCount
                ? StatusStyle::queueColor(QueueStatus(row), palette())
                : StatusStyle::seriesColor(row == SummaryModel::ThroughputRow    ? 3
                                           : row == SummaryModel::TimeToDrainRow ? 1
                                                                                 : 4,
                                           palette());
        auto *card = new StatCard(summary->headerData(row, Qt::Vertical).toString(), accent, this);
        m_cards.append(card);
        cards->addWidget(card);
    }
    v->addLayout(cards);
    connect(
        summary, &QAbstractItemModel::dataChanged, this,
        [this](const QModelIndex &tl, const QModelIndex &br) { refreshCards(tl.row(), br.row()); });
    connect(summary, &QAbstractItemModel::modelReset, this,
            [this] { refreshCards(0, int(m_cards.size()) - 1); });
    refreshCards(0, int(m_cards.size()) - 1);
}

void DashboardView::addSources(QVBoxLayout *v)
{
    m_sourcesLabel = sectionLabel(tr("Sources"), this);
    auto *sourcesHeader = new QHBoxLayout;
    sourcesHeader->addWidget(m_sourcesLabel, 1);
    // Where the sources' actions are, for those who would not right-click the table.
    m_sourceActions = new QToolButton(this);
    m_sourceActions->setObjectName(QStringLiteral("sourceActions"));
    m_sourceActions->setText(tr("Source A&ctions"));
    m_sourceActions->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_sourceActions->setPopupMode(QToolButton::InstantPopup);
    m_sourceActions->hide(); // until a window gives it a menu
    sourcesHeader->addWidget(m_sourceActions);
    v->addLayout(sourcesHeader);
    m_badgeRow = new FlowLayout(nullptr, 8, false);
    m_moreSources = new QLabel(this);
    m_moreSources->setObjectName(QStringLiteral("moreSources"));
    m_moreSources->setTextFormat(Qt::PlainText);
    m_moreSources->hide();
    m_badgeRow->addWidget(m_moreSources); // badges are inserted before it
    v->addLayout(m_badgeRow);
    SourcesModel *sources = m_models->sources();
    connect(sources, &QAbstractItemModel::modelReset, this, &DashboardView::rebuildBadges);
    connect(sources, &QAbstractItemModel::rowsInserted, this, &DashboardView::rebuildBadges);
    connect(sources, &QAbstractItemModel::rowsRemoved, this, &DashboardView::rebuildBadges);
    connect(sources, &QAbstractItemModel::dataChanged, this, &DashboardView::refreshBadges);
    connect(sources, &SourcesModel::sourcesNotShownChanged, this, &DashboardView::refreshBadges);
    rebuildBadges();
}

void DashboardView::refreshWaiting()
{
    const QString text =
        m_lost ? tr("No data\nThe backend is out of reach; waiting for it to answer.")
        : !m_models->hasSnapshot() ? tr("No data yet\nWaiting for the backend's first answer.")
                                   : QString();
    for (ChartPanel *panel : std::as_const(m_panels))
        panel->setWaitingText(text);
}

DashboardView::~DashboardView() = default;

StatCard *DashboardView::throughputCard() const
{
    return m_cards.value(SummaryModel::ThroughputRow);
}

StatCard *DashboardView::drainCard() const
{
    return m_cards.value(SummaryModel::TimeToDrainRow);
}

ChartPanel *DashboardView::panel(const QString &id) const
{
    for (ChartPanel *p : m_panels)
        if (p->id() == id)
            return p;
    return nullptr;
}

void DashboardView::refreshCards(int first, int last)
{
    const SummaryModel *summary = m_models->summary();
    for (int row = std::max(first, 0); row <= last && row < m_cards.size(); ++row) {
        const QModelIndex i = summary->index(row);
        const QVariant value = summary->data(i, Qt::DisplayRole);
        if (value.isValid())
            m_cards.at(row)->setValue(value.toString(),
                                      summary->data(i, ModelRole::Detail).toString());
        else
            m_cards.at(row)->setNoData();
    }
}

void DashboardView::rebuildBadges()
{
    for (HealthBadge *b : std::as_const(m_badges))
        delete b;
    m_badges.clear();
    const SourcesModel *sources = m_models->sources();
    for (int row = 0; row < sources->rowCount(); ++row) {
        const QString name = sources->sources().at(row).name;
        auto *b = new HealthBadge(name, this);
        m_badgeRow->insertWidget(row, b);
        b->show(); // a layout shows a new child of a visible parent only a turn later
        m_badges.insert(name, b);
    }
    // Providers the backend was not configured with: a badge each that says "off".
    m_offShown = m_models->snapshot().sourcesOff;
    for (const QString &name : std::as_const(m_offShown)) {
        if (m_badges.contains(name))
            continue;
        auto *b = new HealthBadge(name, this);
        b->setOff(true);
        m_badgeRow->insertWidget(int(m_badges.size()), b);
        b->show();
        m_badges.insert(name, b);
    }
    refreshBadges();
}

void DashboardView::setPausedSources(const QStringList &sources)
{
    if (sources == m_pausedSources)
        return;
    m_pausedSources = sources;
    m_models->sources()->setPausedSources(sources);
    refreshBadges();
}

void DashboardView::refreshBadges()
{
    if (m_models->snapshot().sourcesOff != m_offShown) {
        rebuildBadges(); // the backend's configuration changed (a restart, another backend)
        return;
    }
    const SourcesModel *sources = m_models->sources();
    const int notShown = sources->sourcesNotShown();
    m_moreSources->setVisible(notShown > 0);
    m_moreSources->setText(
        (notShown == 1
             ? tr("1 more source not shown (the dashboard shows at most %1)")
             : tr("%1 more sources not shown (the dashboard shows at most %2)").arg(notShown))
            .arg(enrichment::SnapshotParser::MaxSources));
    for (const SourceInfo &src : sources->sources()) {
        HealthBadge *b = m_badges.value(src.name);
        if (!b)
            continue;
        QString detail;
        if (src.breaker)
            detail = tr("Circuit breaker %1").arg(SourcesModel::stateLabel(src.breaker->state));
        const bool paused = m_pausedSources.contains(src.name);
        if (paused)
            detail += (detail.isEmpty() ? QString() : QStringLiteral("\n")) +
                      tr("Paused by an operator: the pipeline skips it");
        b->setHealth(src.health, detail);
        b->setPaused(paused);
        b->setStale(m_lost);
    }
}

void DashboardView::setConnectionLost(bool lost, qint64 sinceMs)
{
    m_lost = lost;
    m_lostBanner->setText(
        lost ? tr("The backend is out of reach since %1: what is shown is the last known, not "
                  "live; actions wait until it is back.")
                   .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(sinceMs).time(),
                                           QLocale::LongFormat))
             : QString());
    m_lostBanner->setVisible(lost);
    for (StatCard *card : std::as_const(m_cards))
        card->setStale(lost);
    for (HealthBadge *b : std::as_const(m_badges))
        b->setStale(lost);
    m_table->setEnabled(!lost);
    m_workers->setEnabled(!lost);
    refreshWaiting();
}

void DashboardView::setBackendName(const QString &name)
{
    for (ChartPanel *panel : std::as_const(m_panels))
        panel->setExportSource(name);
}

QString DashboardView::lostText() const
{
    return m_lostBanner->isVisible() ? m_lostBanner->text() : QString();
}

int DashboardView::chartColumnsFor(int width)
{
    return width >= 1300 ? 3 : width >= 820 ? 2 : 1;
}

void DashboardView::reflowCharts(int width)
{
    const int columns = chartColumnsFor(width);
    if (columns == m_chartColumns)
        return;
    m_chartColumns = columns;
    for (ChartPanel *panel : std::as_const(m_panels))
        m_chartGrid->removeWidget(panel);
    // A panel that asks for a row of its own (the flow view) spans every column.
    int row = 0, column = 0;
    for (ChartPanel *panel : std::as_const(m_panels)) {
        if (panel->property("fullRow").toBool()) {
            if (column > 0)
                ++row;
            m_chartGrid->addWidget(panel, row++, 0, 1, columns);
            column = 0;
            continue;
        }
        m_chartGrid->addWidget(panel, row, column);
        if (++column == columns) {
            ++row;
            column = 0;
        }
    }
    for (int c = 0; c < 3; ++c)
        m_chartGrid->setColumnStretch(c, c < columns ? 1 : 0);
}

int DashboardView::heightFor(int width) const
{
    const_cast<DashboardView *>(this)->reflowCharts(width);
    return layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width)
                                         : layout()->totalSizeHint().height();
}

void DashboardView::resizeEvent(QResizeEvent *event)
{
    reflowCharts(event->size().width());
    QWidget::resizeEvent(event);
}

void DashboardView::showAlerts(AlertmanagerClient *client, FiringAlertsModel *model)
{
    if (m_alerts)
        return;
    m_alerts = new AlertsPanel(client, model, m_alertsSection);
    m_alertsSection->layout()->addWidget(m_alerts);
    m_alertsSection->show();
}

QWidget *DashboardView::section(const QString &panel) const
{
    if (panel == QLatin1String("sources"))
        return m_sourcesLabel;
    if (panel == QLatin1String("alerts") && m_alerts)
        return m_alertsSection;
    if (panel == QLatin1String("workers") && m_workersSection->isVisible())
        return m_workersSection;
    if (panel == QLatin1String("anomalies"))
        if (ChartPanel *chart = this->panel(panel))
            return chart;
    return m_cards.isEmpty() ? nullptr : m_cards.first();
}

void DashboardView::refreshFleet()
{
    WorkersModel *workers = m_models->workers();
    m_workersSection->setVisible(workers->hasFleet());
    m_sourcesLabel->setText(sourcesCaption());
}

QString DashboardView::sourcesCaption() const
{
    // On a fleet, say whose numbers these are: one worker's own calls, or (a relay, which
    // asks no source itself) the fleet's breakers.
    const WorkersModel *workers = m_models->workers();
    if (!workers->hasFleet())
        return tr("Sources");
    const QString self = workers->self();
    for (const FleetWorker &w : workers->workers())
        if (!self.isEmpty() && w.id == self)
            return tr("Sources — calls of the fleet's live workers; breakers of worker %1")
                .arg(self);
    return tr("Sources — calls of the fleet's live workers; breakers: the worst state among "
              "them");
}

void DashboardView::setPrometheus(PrometheusClient *client)
{
    if (auto *heatmap = qobject_cast<HeatmapChart *>(panel(QStringLiteral("heatmap"))))
        heatmap->setPrometheus(client);
    if (auto *forecast = qobject_cast<ForecastChart *>(panel(QStringLiteral("forecast"))))
        forecast->setPrometheus(client);
    if (auto *anomalies = qobject_cast<AnomalyChart *>(panel(QStringLiteral("anomalies"))))
        anomalies->setPrometheus(client);
    if (auto *flow = qobject_cast<FlowChart *>(panel(QStringLiteral("flow"))))
        flow->setPrometheus(client);
    // The time charts' long ranges, aggregated across the fleet's instances.
    if (auto *rate = qobject_cast<TimeSeriesChart *>(panel(QStringLiteral("processing_rate"))))
        rate->setHistory(
            client,
            [](qint64 window) {
                return QStringLiteral("sum(rate(%1[%2s])) * 60")
                    .arg(QLatin1String(enrichment::metric::TracksProcessedTotal))
                    .arg(window);
            },
            [](const PrometheusClient::Series &) { return 0; });
    if (auto *trend = qobject_cast<TimeSeriesChart *>(panel(QStringLiteral("queue_trend")))) {
        const QStringList statuses{queueStatusKey(QueueStatus::Pending),
                                   queueStatusKey(QueueStatus::InProgress),
                                   queueStatusKey(QueueStatus::Failed)};
        trend->setHistory(
            client,
            [statuses](qint64) {
                // One queue is seen by every worker: the max per queue, then the sum.
                const QLatin1String status(enrichment::label::Status);
                return QStringLiteral("sum by (%1) (max by (%2, %1) (%3{%1=~\"%4\"}))")
                    .arg(status, QLatin1String(enrichment::label::Queue),
                         QLatin1String(enrichment::metric::QueueDepth),
                         statuses.join(QLatin1Char('|')));
            },
            [statuses](const PrometheusClient::Series &s) {
                return int(
                    statuses.indexOf(s.labels.value(QLatin1String(enrichment::label::Status))));
            });
    }
}

} // namespace dashboard
