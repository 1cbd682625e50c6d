// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DashboardWindow.h"

#include <memory>

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QScreen>
#include <QInputDialog>
#include <QLineEdit>
#include <QLocale>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolButton>
#include <QToolBar>
#include <QVBoxLayout>

#include "ConnectionIndicator.h"
#include "ChartCatalog.h"
#include "DashboardExporter.h"
#include "DashboardModels.h"
#include "DashboardView.h"
#include "ErrorBanner.h"
#include "EventLogModel.h"
#include "IncidentRecorder.h"
#include "BackendFeed.h"
#include "OperatorActions.h"
#include "OperatorViews.h"
#include "SourcesTable.h"
#include "SourcesModel.h"
#include "StatusStyle.h"
#include "enrichment/WireFormat.h"

namespace dashboard {

QStringList DashboardWindow::chartIds()
{
    return dashboardChartIds();
}

DashboardWindow::DashboardWindow(BackendFeed *feed, QWidget *parent)
    : DashboardWindow(feed, nullptr, nullptr, parent)
{}

DashboardWindow::DashboardWindow(BackendFeed *feed, DashboardModels *models,
                                 EventLogModel *eventLog, QWidget *parent)
    : QMainWindow(parent), m_feed(feed), m_models(models ? models : new DashboardModels(this)),
      m_eventLog(eventLog ? eventLog : new EventLogModel(500, this))
{
    setWindowTitle(tr("Enrichment Monitor"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/enrichment-monitor.svg")));
    m_confirmOverwrite = [this](const QStringList &existing) {
        return QMessageBox::question(
                   this, tr("Replace files?"),
                   tr("The folder has %n file(s) of an earlier export (%1). Replace them?", nullptr,
                      int(existing.size()))
                       .arg(QFileInfo(existing.first()).fileName()),
                   QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
    };
    m_chooseDirectory = [this](const QString &start) {
        return QFileDialog::getExistingDirectory(this, tr("Export dashboard to folder"), start);
    };
    m_chooseFile = [this](const QString &suggested, const QString &filter) {
        return QFileDialog::getSaveFileName(this, tr("Export chart"), suggested, filter);
    };
    m_lastExportDir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);

    m_indicator = new ConnectionIndicator(feed, this);
    buildActions();

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabBarAutoHide(true); // one backend: no tab bar
    m_tabs->setObjectName(QStringLiteral("connectionTabs"));
    setCentralWidget(m_tabs);
    connect(m_tabs, &QTabWidget::currentChanged, this, &DashboardWindow::setCurrentConnection);

    m_backendLabel = new QLabel(this);
    m_backendLabel->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_backendLabel, 1);

    if (!models) // models of its own follow this feed; given ones are fed by their owner
        m_models->follow(feed);
    if (!eventLog) // a log of its own follows this feed; a given one is fed by its owner
        new IncidentRecorder(feed, m_eventLog, this);
    addConnection(QString(), feed, m_models, m_eventLog);
    connect(&m_tick, &QTimer::timeout, this, &DashboardWindow::tick);
    m_tick.start(1000);
    // Fit the screen it opens on (settings may restore a saved geometry later).
    QSize size(1500, 960);
    if (const QScreen *s = screen())
        size = size.boundedTo(s->availableGeometry().size() * 0.95);
    resize(size);
}

DashboardWindow::~DashboardWindow() = default;

void DashboardWindow::buildActions()
{
    m_refresh = new QAction(QIcon(QStringLiteral(":/icons/refresh.svg")), tr("&Refresh Now"), this);
    m_refresh->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R)});
    m_refresh->setToolTip(tr("Fetch the latest numbers now (F5, Ctrl+R)"));
    connect(m_refresh, &QAction::triggered, this, [this] { m_feed->refresh(); });

    m_autoRefresh = new QAction(tr("&Auto-refresh"), this);
    m_autoRefresh->setCheckable(true);
    m_autoRefresh->setChecked(m_feed->autoRefresh());
    m_autoRefresh->setToolTip(tr("Poll the backend on a timer as well as on live events"));
    connect(m_autoRefresh, &QAction::toggled, this, [this](bool on) {
        for (const Page &p : std::as_const(m_pages)) // one setting for every backend
            p.feed->setAutoRefresh(on);
        m_interval->setEnabled(on);
    });

    m_interval = new QComboBox(this);
    m_interval->setAccessibleName(tr("Auto-refresh interval"));
    m_interval->setToolTip(tr("Auto-refresh interval"));
    for (int s : {10, 30, 60, 300})
        m_interval->addItem(
            s < 60 ? tr("every %n s", nullptr, s) : tr("every %n min", nullptr, s / 60), s * 1000);
    m_interval->setCurrentIndex(1);
    m_feed->setAutoRefreshInterval(30'000);
    connect(m_interval, &QComboBox::currentIndexChanged, this, [this] {
        for (const Page &p : std::as_const(m_pages))
            p.feed->setAutoRefreshInterval(m_interval->currentData().toInt());
    });

    m_exportAll =
        new QAction(QIcon(QStringLiteral(":/icons/export.svg")), tr("&Export Dashboard…"), this);
    m_exportAll->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAll->setToolTip(
        tr("Save every chart and the whole dashboard as PNG, SVG and CSV (Ctrl+E)"));
    connect(m_exportAll, &QAction::triggered, this, &DashboardWindow::onExportAll);
    m_copyDashboard = new QAction(tr("&Copy Dashboard Image"), this);
    m_copyDashboard->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_copyDashboard, &QAction::triggered, this, [this] {
        QApplication::clipboard()->setImage(renderDashboard());
        showMessage(tr("Dashboard image copied"));
    });
    auto *connectTo = new QAction(tr("C&onnect to Backend…"), this);
    connectTo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(connectTo, &QAction::triggered, this, [this] {
        const QUrl current =
            m_recentUrl.isValid() && !m_recentUrl.isEmpty() ? m_recentUrl : m_feed->baseUrl();
        bool ok = false;
        const QString text =
            QInputDialog::getText(this, tr("Connect to Backend"),
                                  tr("URL of a backend that serves /monitoring/enrichment:"),
                                  QLineEdit::Normal, current.toString(), &ok);
        if (!ok || text.trimmed().isEmpty())
            return;
        const QUrl url = QUrl::fromUserInput(text.trimmed());
        if (!url.isValid() || url.host().isEmpty() ||
            (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
            QMessageBox::warning(this, tr("Connect to Backend"),
                                 tr("\"%1\" is not an http(s) URL.").arg(text.left(200)));
            return;
        }
        m_recentUrl = url;
        Q_EMIT backendUrlChosen(url);
    });
    auto *quit = new QAction(tr("&Quit"), this);
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &DashboardWindow::quit);
    m_notificationSettings = new QAction(tr("&Notifications…"), this);
    m_pauseNotifications = new QAction(tr("&Pause Notifications"), this);
    m_pauseNotifications->setCheckable(true);

    m_pausePipeline = new QAction(tr("&Pause Pipeline…"), this);
    m_pausePipeline->setObjectName(QStringLiteral("pausePipeline"));
    connect(m_pausePipeline, &QAction::triggered, this, [this] {
        if (OperatorActions *ops = operatorActions())
            ops->setPipelinePaused(!ops->pipelinePaused());
    });

    m_enqueue = new QAction(tr("&Enqueue Tracks…"), this);
    m_enqueue->setObjectName(QStringLiteral("enqueueTracks"));
    m_chooseText = [this](const QString &title, const QString &label) {
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(this, title, label, QString(), &ok);
        return ok ? text : QString();
    };
    connect(m_enqueue, &QAction::triggered, this, [this] {
        OperatorActions *ops = operatorActions();
        if (!ops)
            return;
        const QString text = m_chooseText(
            tr("Enqueue Tracks"), tr("Track ids to add as pending, one per line (at most %1):")
                                      .arg(QLocale().toString(enrichment::MaxActionTrackIds)));
        ops->enqueueText(text);
    });

    m_connections = new QAction(tr("Co&nnections…"), this);
    m_connections->setToolTip(tr("Named backends to watch side by side"));
    connect(m_connections, &QAction::triggered, this, &DashboardWindow::connectionsRequested);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(connectTo);
    file->addAction(m_connections);
    file->addSeparator();
    file->addAction(m_exportAll);
    file->addAction(m_copyDashboard);
    file->addSeparator();
    file->addAction(quit);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refresh);
    view->addAction(m_autoRefresh);
    view->addSeparator();
    // Overview, Failures, Tracks, Audit from anywhere in the window (a tab widget's own
    // Ctrl+Tab works only while the focus is inside it).
    auto stepView = [this](int by) {
        if (QTabWidget *views = viewTabs())
            views->setCurrentIndex((views->currentIndex() + by + views->count()) % views->count());
    };
    QAction *nextView = view->addAction(tr("&Next View"), this, [stepView] { stepView(1); });
    nextView->setShortcuts(
        {QKeySequence(Qt::CTRL | Qt::Key_PageDown), QKeySequence(Qt::CTRL | Qt::Key_Tab)});
    nextView->setShortcutContext(Qt::WindowShortcut);
    QAction *previousView =
        view->addAction(tr("P&revious View"), this, [stepView] { stepView(-1); });
    previousView->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_PageUp),
                                QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Backtab)});
    previousView->setShortcutContext(Qt::WindowShortcut);
    QAction *nextBackend = view->addAction(tr("Next &Backend"), this, [this] {
        if (m_tabs->count() > 1)
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + 1) % m_tabs->count());
    });
    nextBackend->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_PageDown));
    QAction *previousBackend = view->addAction(tr("Previous B&ackend"), this, [this] {
        if (m_tabs->count() > 1)
            m_tabs->setCurrentIndex((m_tabs->currentIndex() - 1 + m_tabs->count()) %
                                    m_tabs->count());
    });
    previousBackend->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_PageUp));
    QMenu *pipeline = menuBar()->addMenu(tr("&Pipeline"));
    pipeline->addAction(m_pausePipeline);
    pipeline->addSeparator();
    pipeline->addAction(m_enqueue);
    QMenu *settingsMenu = menuBar()->addMenu(tr("&Settings"));
    settingsMenu->addAction(m_notificationSettings);
    settingsMenu->addAction(m_pauseNotifications);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *keys = help->addAction(tr("&Keyboard Shortcuts"), this, [this] {
        QMessageBox box(QMessageBox::Information, tr("Keyboard Shortcuts"),
                        tr("Keyboard shortcuts of Enrichment Monitor"), QMessageBox::Close, this);
        box.setInformativeText(shortcutsText());
        box.exec();
    });
    keys->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&Documentation"), this, [this] {
        QMessageBox::information(
            this, tr("Documentation"),
            tr("The documentation comes with the program's sources, in the docs/ folder: "
               "OPERATIONS.md (running the stack, what each alert means, acting on the "
               "pipeline), SCALING.md (many workers), PROTOCOL.md (what the backend serves). "
               "enrichment-monitor --help lists the command line."));
    });
    help->addSeparator();
    help->addAction(tr("&About Enrichment Monitor"), this, [this] {
        QMessageBox::about(
            this, tr("About Enrichment Monitor"),
            tr("<b>Enrichment Monitor</b> %1<br>Live monitoring of the music-metadata enrichment "
               "pipeline.<br>Licensed under the GNU GPL, version 3 or later.")
                .arg(QApplication::applicationVersion()));
    });

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_refresh);
    bar->addSeparator();
    bar->addAction(m_autoRefresh);
    bar->addWidget(m_interval);
    bar->addSeparator();
    bar->addAction(m_exportAll);
    bar->addSeparator();
    bar->addAction(m_pausePipeline);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(m_indicator);
    auto *pad = new QWidget(bar);
    pad->setFixedWidth(8);
    bar->addWidget(pad);
}

QList<ChartPanel *> DashboardWindow::panels() const
{
    return m_view->panels();
}

ChartPanel *DashboardWindow::panel(const QString &id) const
{
    return m_view->panel(id);
}

StatCard *DashboardWindow::queueCard(QueueStatus s) const
{
    return m_view->queueCard(s);
}

StatCard *DashboardWindow::throughputCard() const
{
    return m_view->throughputCard();
}

StatCard *DashboardWindow::drainCard() const
{
    return m_view->drainCard();
}

HealthBadge *DashboardWindow::badge(const QString &source) const
{
    return m_view->badge(source);
}

QList<HealthBadge *> DashboardWindow::badges() const
{
    return m_view->badges();
}

SourcesTable *DashboardWindow::sourcesTable() const
{
    return m_view->sourcesTable();
}

int DashboardWindow::chartColumns() const
{
    return m_view->chartColumns();
}

void DashboardWindow::setBackendDescription(const QString &text)
{
    m_backendLabel->setText(text);
}

void DashboardWindow::onSnapshotApplied()
{
    QString host = m_feed->baseUrl().host();
    if (m_feed->baseUrl().port() > 0)
        host += QLatin1Char(':') + QString::number(m_feed->baseUrl().port());
    // The platform appends " — Enrichment Monitor" (the application's display name).
    setWindowTitle(host);
    m_indicator->tick();
    Q_EMIT dashboardUpdated();
}

void DashboardWindow::tick()
{
    m_indicator->tick();
    for (int i = 0; i < m_pages.size(); ++i) {
        m_pages.at(i).models->sources()->tick();
        refreshConnectionStatus(i); // reconnect countdowns
    }
}

int DashboardWindow::addConnection(const QString &name, BackendFeed *feed, DashboardModels *models,
                                   EventLogModel *eventLog)
{
    Page page;
    page.name = name;
    page.feed = feed;
    page.models = models;
    page.log = eventLog;
    page.widget = new QWidget(m_tabs);
    auto *layout = new QVBoxLayout(page.widget);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    page.banner = new ErrorBanner(page.widget);
    layout->addWidget(page.banner);
    page.scroll = new QScrollArea(page.widget);
    page.scroll->setWidgetResizable(true);
    page.scroll->setFrameShape(QFrame::NoFrame);
    page.view = new DashboardView(models, eventLog);
    page.view->setBackendName(name.isEmpty() ? feed->baseUrl().toString() : name);
    for (ChartPanel *panel : page.view->panels())
        connect(panel, &ChartPanel::exportRequested, this, &DashboardWindow::onExportPanel);
    page.scroll->setWidget(page.view);
    addOperatorViews(page, layout);
    page.status = new QLabel(this);
    page.status->setTextFormat(Qt::PlainText);
    page.status->setContentsMargins(14, 0, 0, 0);
    statusBar()->addPermanentWidget(page.status);
    feed->setAutoRefresh(m_autoRefresh->isChecked());
    feed->setAutoRefreshInterval(m_interval->currentData().toInt());

    const int index = int(m_pages.size());
    m_pages.append(page);
    refreshPaused(page);
    connect(models, &DashboardModels::snapshotApplied, this, [this, models] {
        if (models == m_models)
            onSnapshotApplied();
    });
    connect(feed, &BackendFeed::errorChanged, page.banner, &ErrorBanner::setError);
    connect(page.banner, &ErrorBanner::retryRequested, feed, &BackendFeed::refresh);
    auto status = [this, feed] {
        for (int i = 0; i < m_pages.size(); ++i)
            if (m_pages.at(i).feed == feed)
                refreshConnectionStatus(i);
    };
    connect(feed, &BackendFeed::stateChanged, this, status);
    connect(feed, &BackendFeed::connectionLostChanged, this, status);
    DashboardView *view = page.view;
    connect(feed, &BackendFeed::connectionLostChanged, view,
            [view, feed](bool lost) { view->setConnectionLost(lost, feed->lostSinceMs()); });
    {
        const QSignalBlocker block(m_tabs); // the first page is made current below
        m_tabs->addTab(page.widget, name.isEmpty() ? feed->baseUrl().toString() : name);
    }
    if (index == 0)
        setCurrentConnection(0);
    for (int i = 0; i < m_pages.size(); ++i)
        refreshConnectionStatus(i);
    return index;
}

void DashboardWindow::setCurrentConnection(int index)
{
    if (index < 0 || index >= m_pages.size())
        return;
    const Page &page = m_pages.at(index);
    const bool changed = index != m_current || m_view != page.view;
    m_current = index;
    m_feed = page.feed;
    m_models = page.models;
    m_eventLog = page.log;
    m_banner = page.banner;
    m_scroll = page.scroll;
    m_view = page.view;
    m_indicator->setFeed(page.feed);
    refreshPauseAction();
    if (m_tabs->currentIndex() != index)
        m_tabs->setCurrentIndex(index);
    if (changed) {
        if (m_pages.size() > 1) // the status bar names the backend shown
            setBackendDescription(tr("Backend at %1").arg(page.feed->baseUrl().toString()));
        if (m_models->hasSnapshot())
            onSnapshotApplied();
        Q_EMIT currentConnectionChanged(index);
    }
}

const DashboardWindow::Page *DashboardWindow::page(int index) const
{
    if (index < 0)
        index = m_current;
    return index < m_pages.size() ? &m_pages.at(index) : nullptr;
}

OperatorActions *DashboardWindow::operatorActions(int index) const
{
    const Page *p = page(index);
    return p ? p->ops : nullptr;
}

FailuresView *DashboardWindow::failuresView(int index) const
{
    const Page *p = page(index);
    return p ? p->failures : nullptr;
}

TracksView *DashboardWindow::tracksView(int index) const
{
    const Page *p = page(index);
    return p ? p->tracks : nullptr;
}

AuditView *DashboardWindow::auditView(int index) const
{
    const Page *p = page(index);
    return p ? p->audit : nullptr;
}

QTabWidget *DashboardWindow::viewTabs(int index) const
{
    const Page *p = page(index);
    return p ? p->views : nullptr;
}

ErrorBanner *DashboardWindow::pausedBanner(int index) const
{
    const Page *p = page(index);
    return p ? p->paused : nullptr;
}

void DashboardWindow::addOperatorViews(Page &page, QVBoxLayout *layout)
{
    OperatorActions *ops = new OperatorActions(page.feed, this, this);
    page.ops = ops;
    // Alt+R is the connection banner's Retry; this one is Alt+U.
    page.paused = new ErrorBanner(Health::Degraded, tr("Res&ume Pipeline"), page.widget);
    page.paused->setObjectName(QStringLiteral("pausedBanner"));
    layout->addWidget(page.paused);
    page.views = new QTabWidget(page.widget);
    page.views->setDocumentMode(true);
    page.views->setObjectName(QStringLiteral("viewTabs"));
    page.views->addTab(page.scroll, tr("Overview"));
    page.failures = new FailuresView(ops);
    page.views->addTab(page.failures, tr("Failures"));
    page.tracks = new TracksView(ops);
    page.views->addTab(page.tracks, tr("Tracks"));
    page.audit = new AuditView(ops);
    page.views->addTab(page.audit, tr("Audit"));
    layout->addWidget(page.views, 1);

    FailuresView *failures = page.failures;
    TracksView *tracks = page.tracks;
    QTabWidget *views = page.views;
    connect(failures, &FailuresView::showTracks, tracks,
            [tracks, views](const FailureGroupInfo &group) {
                tracks->showGroup(group);
                views->setCurrentWidget(tracks);
            });
    connect(page.paused, &ErrorBanner::retryRequested, ops, [ops] {
        if (ops->pipelinePaused()) {
            ops->setPipelinePaused(false);
            return;
        }
        const QStringList sources = ops->pausedSources(); // a copy: the list may change
        for (const QString &source : sources)
            ops->setSourcePaused(source, false);
    });
    auto changed = [this, ops] {
        for (const Page &p : std::as_const(m_pages))
            if (p.ops == ops)
                refreshPaused(p);
        if (ops == operatorActions())
            refreshPauseAction();
    };
    connect(ops, &OperatorActions::pausedChanged, this, changed);
    DashboardView *view = page.view;
    connect(ops, &OperatorActions::pausedChanged, view,
            [view, ops] { view->setPausedSources(ops->pausedSources()); });
    connect(ops, &OperatorActions::accessChanged, this, changed);
    EventLogModel *log = page.log;
    connect(ops, &OperatorActions::actionFinished, this,
            [this, log](bool ok, const QString &message) {
                showMessage(message);
                if (!ok) // the room tells every dashboard what was done; failures stay ours
                    log->add(EventLogModel::Severity::Error, tr("Operator"), message);
            });
    DashboardModels *models = page.models;
    connect(models, &DashboardModels::snapshotApplied, tracks, [tracks, models] {
        QStringList names;
        for (const SourceInfo &s : models->sources()->sources())
            names << s.name;
        tracks->setSources(names);
    });
    QToolButton *sourceActions = page.view->sourceActionsButton();
    connect(sourceActions, &QToolButton::clicked, this, [this, sourceActions] {
        std::unique_ptr<QMenu> menu(sourcesMenu());
        menu->exec(sourceActions->mapToGlobal(QPoint(0, sourceActions->height())));
    });
    sourceActions->show();
    ops->bind(sourceActions,
              tr("Close or probe a breaker, pause or resume a source (also: right-click the "
                 "table)"));
    SourcesTable *table = page.view->sourcesTable();
    table->setToolTip(tr("Right-click a source for its actions"));
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(table, &QWidget::customContextMenuRequested, this, [this, table](const QPoint &pos) {
        const QModelIndex i = table->indexAt(pos);
        if (!i.isValid())
            return;
        const QString source = table->model()->data(table->model()->index(i.row(), 0)).toString();
        QMenu *menu = sourceMenu(source);
        menu->setAttribute(Qt::WA_DeleteOnClose);
        menu->popup(table->viewport()->mapToGlobal(pos));
    });
}

QMenu *DashboardWindow::sourceMenu(const QString &source)
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("sourceMenu"));
    addSourceActions(menu, source);
    return menu;
}

QMenu *DashboardWindow::sourcesMenu()
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("sourcesMenu"));
    for (const SourceInfo &s : m_models->sources()->sources())
        addSourceActions(menu->addMenu(s.name), s.name);
    if (menu->isEmpty())
        menu->addAction(tr("No sources yet"))->setEnabled(false);
    return menu;
}

void DashboardWindow::addSourceActions(QMenu *menu, const QString &source)
{
    OperatorActions *ops = operatorActions();
    // Offer only what applies to the breaker's state now: closing a closed breaker or
    // probing one that is not open does nothing.
    std::optional<BreakerState> state;
    for (const SourceInfo &s : m_models->sources()->sources())
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

void DashboardWindow::refreshPaused(const Page &page)
{
    const OperatorActions *ops = page.ops;
    QString text;
    if (ops->pipelinePaused())
        text = tr("The pipeline is paused by an operator: workers finish their batches and "
                  "claim no tracks until it is resumed.");
    if (!ops->pausedSources().isEmpty())
        text += (text.isEmpty() ? QString() : QStringLiteral(" ")) +
                tr("Paused sources (skipped by the waterfall): %1.")
                    .arg(ops->pausedSources().join(QStringLiteral(", ")));
    page.paused->setError(text);
    QPushButton *resume = page.paused->retryButton();
    // The pipeline first; with only sources paused, the button resumes them.
    resume->setText(ops->pipelinePaused() ? tr("Res&ume Pipeline") : tr("Res&ume Sources"));
    resume->setVisible(ops->pipelinePaused() || !ops->pausedSources().isEmpty());
    resume->setEnabled(ops->canAct());
    resume->setToolTip(ops->unavailableReason());
}

void DashboardWindow::refreshPauseAction()
{
    const OperatorActions *ops = operatorActions();
    if (!ops || !m_pausePipeline)
        return;
    // The two actions follow the current connection, so they are applied, not bound.
    const bool paused = ops->pipelinePaused();
    m_pausePipeline->setText(paused ? tr("&Resume Pipeline") : tr("&Pause Pipeline…"));
    ops->apply(m_pausePipeline, paused ? tr("Let the workers claim tracks again")
                                       : tr("Stop claiming tracks (batches in flight finish)"));
    ops->apply(m_enqueue, tr("Add tracks to the queue by id"));
}

DashboardView *DashboardWindow::view(int index) const
{
    return index >= 0 && index < m_pages.size() ? m_pages.at(index).view : nullptr;
}

QString DashboardWindow::connectionName(int index) const
{
    return index >= 0 && index < m_pages.size() ? m_pages.at(index).name : QString();
}

void DashboardWindow::setConnectionName(int index, const QString &name)
{
    if (index < 0 || index >= m_pages.size())
        return;
    m_pages[index].name = name;
    m_tabs->setTabText(index, name.isEmpty() ? m_pages.at(index).feed->baseUrl().toString() : name);
    refreshConnectionStatus(index);
}

QString DashboardWindow::connectionStatusText(int index) const
{
    return index >= 0 && index < m_pages.size() ? m_pages.at(index).status->text() : QString();
}

void DashboardWindow::refreshConnectionStatus(int index)
{
    const Page &page = m_pages.at(index);
    // With one backend the toolbar's indicator says it all.
    page.status->setVisible(m_pages.size() > 1);
    const QString name = page.name.isEmpty() ? page.feed->baseUrl().host() : page.name;
    const bool lost = page.feed->isConnectionLost();
    const QString text = tr("%1: %2").arg(
        name, lost ? tr("not answering") : ConnectionIndicator::stateTextFor(page.feed));
    if (text == page.status->text())
        return; // called every second (reconnect countdowns): restyle only on a change
    page.status->setText(text);
    // Each tab says which backend is down, without opening it.
    const std::optional<Health> tabHealth =
        lost ? std::optional<Health>(Health::Down)
        : page.feed->state() == BackendFeed::ConnectionState::Live
            ? std::optional<Health>(Health::Healthy)
            : std::optional<Health>(Health::Degraded);
    m_tabs->setTabIcon(index, StatusStyle::healthIcon(tabHealth));
    const bool live = page.feed->state() == BackendFeed::ConnectionState::Live && !lost;
    page.status->setStyleSheet(
        live ? QString()
             : QStringLiteral("color: %1;")
                   .arg(StatusStyle::healthColor(Health::Degraded, palette()).name()));
    m_tabs->setTabToolTip(index, text);
}

void DashboardWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text, 6000);
}

QString DashboardWindow::shortcutsText() const
{
    QStringList lines;
    const auto menus = menuBar()->actions();
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

QImage DashboardWindow::renderDashboard()
{
    return DashboardExporter(m_view).renderImage();
}

QByteArray DashboardWindow::dashboardCsv() const
{
    return DashboardExporter(m_view).csv();
}

bool DashboardWindow::exportPanel(ChartPanel *panel, ChartPanel::Format format, const QString &path,
                                  QString *error)
{
    return DashboardExporter::exportPanel(panel, format, path, error);
}

bool DashboardWindow::exportAll(const QString &dir, QStringList *written, QString *error,
                                bool overwrite)
{
    if (!DashboardExporter(m_view).exportAll(dir, written, error, overwrite))
        return false;
    m_lastExportDir = dir;
    Q_EMIT exported(dir, *written);
    return true;
}

void DashboardWindow::onExportAll()
{
    const QString dir = m_chooseDirectory(m_lastExportDir);
    if (dir.isEmpty())
        return;
    // An earlier export there is not replaced without asking.
    const QStringList existing = DashboardExporter(m_view).existingFiles(dir);
    if (!existing.isEmpty() && !m_confirmOverwrite(existing))
        return;
    QStringList written;
    QString error;
    if (exportAll(dir, &written, &error, !existing.isEmpty()))
        showMessage(
            tr("Files exported to %1: %2").arg(QDir::toNativeSeparators(dir)).arg(written.size()));
    else
        QMessageBox::warning(this, tr("Export failed"), error);
}

void DashboardWindow::onExportPanel(ChartPanel *panel, ChartPanel::Format format)
{
    const QString ext = format == ChartPanel::Format::Png   ? QStringLiteral("png")
                        : format == ChartPanel::Format::Svg ? QStringLiteral("svg")
                                                            : QStringLiteral("csv");
    const QString filter = format == ChartPanel::Format::Png   ? tr("PNG image (*.png)")
                           : format == ChartPanel::Format::Svg ? tr("SVG image (*.svg)")
                                                               : tr("CSV table (*.csv)");
    const QString path =
        m_chooseFile(QDir(m_lastExportDir).filePath(panel->id() + QLatin1Char('.') + ext), filter);
    if (path.isEmpty())
        return;
    QString error;
    if (exportPanel(panel, format, path, &error)) {
        m_lastExportDir = QFileInfo(path).absolutePath();
        showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
        Q_EMIT exported(m_lastExportDir, {path});
    } else {
        QMessageBox::warning(this, tr("Export failed"), error);
    }
}

void DashboardWindow::setDirectoryChooser(std::function<QString(const QString &)> chooser)
{
    m_chooseDirectory = std::move(chooser);
}

void DashboardWindow::setFileChooser(
    std::function<QString(const QString &, const QString &)> chooser)
{
    m_chooseFile = std::move(chooser);
}

void DashboardWindow::loadSettings(QSettings &settings)
{
    settings.beginGroup(QStringLiteral("dashboard"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    m_autoRefresh->setChecked(settings.value(QStringLiteral("autoRefresh"), true).toBool());
    const int interval = settings.value(QStringLiteral("autoRefreshIntervalMs"), 30'000).toInt();
    const int i = m_interval->findData(interval);
    m_interval->setCurrentIndex(i >= 0 ? i : 1);
    m_lastExportDir =
        settings.value(QStringLiteral("lastExportDirectory"), m_lastExportDir).toString();
    settings.endGroup();
}

void DashboardWindow::saveSettings(QSettings &settings) const
{
    settings.beginGroup(QStringLiteral("dashboard"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("autoRefresh"), m_autoRefresh->isChecked());
    settings.setValue(QStringLiteral("autoRefreshIntervalMs"), m_interval->currentData().toInt());
    settings.setValue(QStringLiteral("lastExportDirectory"), m_lastExportDir);
    settings.endGroup();
}

void DashboardWindow::reveal(const QString &panel)
{
    if (isMinimized())
        showNormal();
    else
        show();
    raise();
    activateWindow();
    if (QWidget *target = m_view->section(panel))
        m_scroll->ensureWidgetVisible(target, 0, 0);
}

void DashboardWindow::quit()
{
    m_quitting = true;
    close();
}

void DashboardWindow::closeEvent(QCloseEvent *event)
{
    if (m_closeToTray && !m_quitting) {
        hide();
        event->ignore();
        Q_EMIT hiddenToTray();
        return;
    }
    QSettings settings;
    saveSettings(settings);
    QMainWindow::closeEvent(event);
}

} // namespace dashboard
