// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionPage.h"

#include <memory>

#include <QLabel>
#include <QMenu>
#include <QPushButton>
#include <QScrollArea>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

#include "BackendFeed.h"
#include "Connection.h"
#include "ConnectionIndicator.h"
#include "DashboardModels.h"
#include "DashboardView.h"
#include "ErrorBanner.h"
#include "EventLogModel.h"
#include "OperatorActions.h"
#include "OperatorViews.h"
#include "SourcesModel.h"
#include "SourcesTable.h"
#include "StatusStyle.h"
#include "enrichment/WireFormat.h"

namespace dashboard {

ConnectionPage::ConnectionPage(Connection *connection, QWidget *dialogParent, QWidget *parent)
    : QWidget(parent), m_connection(connection),
      m_ops(
          new OperatorActions(connection->feed(), dialogParent, this, connection->operatorClient()))
{
    buildViews();
    connectOperatorActions();
    connectSourceMenus();
    refreshPaused();

    BackendFeed *feed = connection->feed();
    connect(feed, &BackendFeed::errorChanged, m_banner, &ErrorBanner::setError);
    connect(m_banner, &ErrorBanner::retryRequested, feed, &BackendFeed::refresh);
    connect(feed, &BackendFeed::connectionLostChanged, m_view,
            [this, feed](bool lost) { m_view->setConnectionLost(lost, feed->lostSinceMs()); });
    connect(connection, &Connection::nameChanged, this, [this] {
        m_view->setBackendName(m_connection->name().isEmpty() ? m_connection->url().toString()
                                                              : m_connection->name());
    });
    for (ChartPanel *panel : m_view->panels())
        connect(panel, &ChartPanel::exportRequested, this, &ConnectionPage::exportPanelRequested);
}

ConnectionPage::~ConnectionPage() = default;

void ConnectionPage::buildViews()
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner = new ErrorBanner(this);
    layout->addWidget(m_banner);
    // Alt+R is the connection banner's Retry; this one is Alt+U.
    m_paused = new ErrorBanner(Health::Degraded, tr("Res&ume Pipeline"), this);
    m_paused->setObjectName(QStringLiteral("pausedBanner"));
    layout->addWidget(m_paused);

    m_scroll = new QScrollArea(this);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_view = new DashboardView(m_connection->models(), m_connection->eventLog());
    m_view->setBackendName(m_connection->name().isEmpty() ? m_connection->url().toString()
                                                          : m_connection->name());
    if (m_connection->history())
        m_view->setPrometheus(m_connection->history());
    m_scroll->setWidget(m_view);

    m_views = new QTabWidget(this);
    m_views->setDocumentMode(true);
    m_views->setObjectName(QStringLiteral("viewTabs"));
    m_views->addTab(m_scroll, tr("Overview"));
    m_failures = new FailuresView(m_ops);
    m_views->addTab(m_failures, tr("Failures"));
    m_tracks = new TracksView(m_ops);
    m_views->addTab(m_tracks, tr("Tracks"));
    m_audit = new AuditView(m_ops);
    m_views->addTab(m_audit, tr("Audit"));
    layout->addWidget(m_views, 1);

    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setContentsMargins(14, 0, 0, 0);
}

void ConnectionPage::connectOperatorActions()
{
    connect(m_failures, &FailuresView::showTracks, m_tracks, [this](const FailureGroupInfo &group) {
        m_tracks->showGroup(group);
        m_views->setCurrentWidget(m_tracks);
    });
    connect(m_paused, &ErrorBanner::retryRequested, m_ops, [ops = m_ops] {
        if (ops->pipelinePaused()) {
            ops->setPipelinePaused(false);
            return;
        }
        const QStringList sources = ops->pausedSources(); // a copy: the list may change
        for (const QString &source : sources)
            ops->setSourcePaused(source, false);
    });
    auto changed = [this] {
        refreshPaused();
        Q_EMIT actionsChanged();
    };
    connect(m_ops, &OperatorActions::pausedChanged, this, changed);
    connect(m_ops, &OperatorActions::accessChanged, this, changed);
    connect(m_ops, &OperatorActions::pausedChanged, m_view,
            [this] { m_view->setPausedSources(m_ops->pausedSources()); });
    connect(m_ops, &OperatorActions::actionFinished, this, [this](bool ok, const QString &text) {
        Q_EMIT message(text);
        if (!ok) // the room tells every dashboard what was done; failures stay ours
            m_connection->eventLog()->add(EventLogModel::Severity::Error, tr("Operator"), text);
    });
    DashboardModels *models = m_connection->models();
    connect(models, &DashboardModels::snapshotApplied, m_tracks, [this, models] {
        QStringList names;
        for (const SourceInfo &s : models->sources()->sources())
            names << s.name;
        m_tracks->setSources(names);
    });
}

void ConnectionPage::connectSourceMenus()
{
    QToolButton *sourceActions = m_view->sourceActionsButton();
    connect(sourceActions, &QToolButton::clicked, this, [this, sourceActions] {
        std::unique_ptr<QMenu> menu(sourcesMenu());
        menu->exec(sourceActions->mapToGlobal(QPoint(0, sourceActions->height())));
    });
    sourceActions->show();
    m_ops->bind(sourceActions,
                tr("Close or probe a breaker, pause or resume a source (also: right-click the "
                   "table)"));
    SourcesTable *table = m_view->sourcesTable();
    table->setToolTip(tr("Right-click a source for its actions"));
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table, &QWidget::customContextMenuRequested, this, [this, table](const QPoint &pos) {
        const QModelIndex i = table->indexAt(pos);
        if (!i.isValid())
            return;
        // A copy of the name: the menu's actions outlive the row it was read from.
        const QString source = table->model()->data(table->model()->index(i.row(), 0)).toString();
        QMenu *menu = sourceMenu(source);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(table->viewport()->mapToGlobal(pos));
    });
}

QMenu *ConnectionPage::sourceMenu(const QString &source)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("sourceMenu"));
    addSourceActions(menu, source);
    return menu;
}

QMenu *ConnectionPage::sourcesMenu()
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("sourcesMenu"));
    for (const SourceInfo &s : m_connection->models()->sources()->sources())
        addSourceActions(menu->addMenu(s.name), s.name);
    if (menu->isEmpty())
        menu->addAction(tr("No sources yet"))->setEnabled(false);
    return menu;
}

void ConnectionPage::addSourceActions(QMenu *menu, const QString &source)
{
    OperatorActions *ops = m_ops;
    // Offer only what applies to the breaker's state now: closing a closed breaker or
    // probing one that is not open does nothing.
    std::optional<BreakerState> state;
    for (const SourceInfo &s : m_connection->models()->sources()->sources())
        if (s.name == source && s.breaker)
            state = s.breaker->state;
    const bool open = state == BreakerState::Open;
    const bool probing = state == BreakerState::HalfOpen;
    if (open || probing) {
        QAction *close = menu->addAction(tr("&Close Circuit Breaker…"), ops, [ops, source] {
            ops->breaker(source, enrichment::wire::action::Close);
        });
        ops->bind(close, tr("Close the %1 breaker now: calls go to the source again").arg(source));
    }
    if (open) {
        QAction *probe = menu->addAction(tr("&Probe Now"), ops, [ops, source] {
            ops->breaker(source, enrichment::wire::action::Probe);
        });
        ops->bind(
            probe,
            tr("Let the next calls to %1 probe it now instead of at the timeout").arg(source));
    }
    if (!open && !probing) {
        QAction *none = menu->addAction(state ? tr("Breaker closed: nothing to close or probe")
                                              : tr("Breaker state unknown"));
        none->setEnabled(false);
    }
    menu->addSeparator();
    const bool paused = ops->pausedSources().contains(source);
    QAction *pause =
        menu->addAction(paused ? tr("&Resume Source") : tr("P&ause Source…"), ops,
                        [ops, source, paused] { ops->setSourcePaused(source, !paused); });
    pause->setObjectName(QStringLiteral("pauseSource"));
    ops->bind(pause, paused ? tr("Let the pipeline ask %1 again").arg(source)
                            : tr("Skip %1 in the waterfall until resumed").arg(source));
    if (ops->access() == OperatorActions::Access::Unsupported) {
        QAction *none = menu->addAction(tr("Actions: not supported by this service"));
        none->setEnabled(false);
    }
}

void ConnectionPage::refreshPaused()
{
    QString text;
    if (m_ops->pipelinePaused())
        text = tr("The pipeline is paused by an operator: workers finish their batches and "
                  "claim no tracks until it is resumed.");
    if (!m_ops->pausedSources().isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) +
                tr("Paused sources (skipped by the waterfall): %1.")
                    .arg(m_ops->pausedSources().join(QStringLiteral(", ")));
    m_paused->setError(text);
    QPushButton *resume = m_paused->retryButton();
    // The pipeline first; with only sources paused, the button resumes them.
    resume->setText(m_ops->pipelinePaused() ? tr("Res&ume Pipeline") : tr("Res&ume Sources"));
    resume->setVisible(m_ops->pipelinePaused() || !m_ops->pausedSources().isEmpty());
    resume->setEnabled(m_ops->canAct());
    resume->setToolTip(m_ops->unavailableReason());
}

QString ConnectionPage::statusText() const
{
    return m_status->text();
}

Health ConnectionPage::health() const
{
    return m_health;
}

void ConnectionPage::refreshStatus(bool shown)
{
    m_status->setVisible(shown);
    const BackendFeed *feed = m_connection->feed();
    const QString name =
        m_connection->name().isEmpty() ? feed->baseUrl().host() : m_connection->name();
    const bool lost = feed->isConnectionLost();
    const QString text = tr("%1: %2").arg(name, lost ? tr("not answering")
                                                     : ConnectionIndicator::stateTextFor(feed));
    if (text == m_status->text())
        return; // called every second (reconnect countdowns): restyle only on a change
    m_status->setText(text);
    const bool live = feed->state() == BackendFeed::ConnectionState::Live && !lost;
    m_health = lost ? Health::Down : live ? Health::Healthy : Health::Degraded;
    m_status->setStyleSheet(
        live ? QString()
             : QStringLiteral("color: %1;")
                   .arg(StatusStyle::healthColor(Health::Degraded, palette()).name()));
    Q_EMIT statusChanged();
}

void ConnectionPage::tick(bool statusShown)
{
    m_connection->models()->sources()->tick();
    refreshStatus(statusShown);
}

void ConnectionPage::scrollTo(const QString &panel)
{
    QWidget *target = panel.isEmpty() ? nullptr : m_view->section(panel);
    if (!target)
        return; // the view the operator chose stays
    m_views->setCurrentWidget(m_scroll);
    m_scroll->ensureWidgetVisible(target, 0, 0);
}

void ConnectionPage::stepView(int by)
{
    m_views->setCurrentIndex((m_views->currentIndex() + by + m_views->count()) % m_views->count());
}

} // namespace dashboard
