// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DashboardWindow.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QLabel>
#include <QMenuBar>
#include <QScreen>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>

#include "BackendFeed.h"
#include "Connection.h"
#include "ConnectionIndicator.h"
#include "ConnectionPage.h"
#include "ConnectionsDialog.h"
#include "DashboardModels.h"
#include "ExportFlow.h"
#include "HelpMenu.h"
#include "PipelineActions.h"
#include "StatusStyle.h"

namespace dashboard {

DashboardWindow::DashboardWindow(QWidget *parent) : QMainWindow(parent)
{
    setWindowTitle(tr("Enrichment Monitor"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/enrichment-monitor.svg")));
    m_exports = new ExportFlow(this, [this]() -> DashboardView * {
        return currentPage() ? currentPage()->view() : nullptr;
    });
    connect(m_exports, &ExportFlow::message, this, &DashboardWindow::showMessage);
    m_indicator = new ConnectionIndicator(nullptr, this);
    m_pipeline = new PipelineActions(this);
    createActions();
    buildMenus();
    buildToolBar();

    m_tabs = new QTabWidget(this);
    m_tabs->setDocumentMode(true);
    m_tabs->setTabBarAutoHide(true); // one backend: no tab bar
    m_tabs->setObjectName(QStringLiteral("connectionTabs"));
    setCentralWidget(m_tabs);
    connect(m_tabs, &QTabWidget::currentChanged, this, &DashboardWindow::setCurrentConnection);

    m_backendLabel = new QLabel(this);
    m_backendLabel->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_backendLabel, 1);

    connect(&m_tick, &QTimer::timeout, this, &DashboardWindow::tick);
    m_tick.start(1000);
    // Fit the screen it opens on (settings may restore a saved geometry later).
    QSize size(1500, 960);
    if (const QScreen *s = screen())
        size = size.boundedTo(s->availableGeometry().size() * 0.95);
    resize(size);
}

DashboardWindow::~DashboardWindow() = default;

void DashboardWindow::createActions()
{
    m_refresh = new QAction(QIcon(QStringLiteral(":/icons/refresh.svg")), tr("&Refresh Now"), this);
    m_refresh->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R)});
    m_refresh->setToolTip(tr("Fetch the latest numbers now (F5, Ctrl+R)"));
    connect(m_refresh, &QAction::triggered, this, [this] {
        if (ConnectionPage *p = currentPage())
            p->connection()->feed()->refresh();
    });

    m_autoRefresh = new QAction(tr("&Auto-refresh"), this);
    m_autoRefresh->setCheckable(true);
    m_autoRefresh->setChecked(true);
    m_autoRefresh->setToolTip(tr("Poll the backend on a timer as well as on live events"));
    connect(m_autoRefresh, &QAction::toggled, this, [this](bool on) {
        for (const ConnectionPage *p : std::as_const(m_pages)) // one setting for every backend
            p->connection()->feed()->setAutoRefresh(on);
        m_interval->setEnabled(on);
    });
    m_interval = new QComboBox(this);
    m_interval->setAccessibleName(tr("Auto-refresh interval"));
    m_interval->setToolTip(tr("Auto-refresh interval"));
    for (int s : {10, 30, 60, 300})
        m_interval->addItem(
            s < 60 ? tr("every %n s", nullptr, s) : tr("every %n min", nullptr, s / 60), s * 1000);
    m_interval->setCurrentIndex(1);
    connect(m_interval, &QComboBox::currentIndexChanged, this, [this] {
        for (const ConnectionPage *p : std::as_const(m_pages))
            p->connection()->feed()->setAutoRefreshInterval(m_interval->currentData().toInt());
    });

    m_connectTo = new QAction(tr("C&onnect to Backend…"), this);
    m_connectTo->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    connect(m_connectTo, &QAction::triggered, this, [this] {
        QUrl current = m_recentUrl;
        if ((!current.isValid() || current.isEmpty()) && currentPage())
            current = currentPage()->connection()->url();
        const QUrl url = ConnectionsDialog::askBackendUrl(this, current);
        if (url.isEmpty())
            return;
        m_recentUrl = url;
        Q_EMIT backendUrlChosen(url);
    });
    m_connections = new QAction(tr("Co&nnections…"), this);
    m_connections->setToolTip(tr("Named backends to watch side by side"));
    connect(m_connections, &QAction::triggered, this, &DashboardWindow::connectionsRequested);
    m_quit = new QAction(tr("&Quit"), this);
    m_quit->setShortcut(QKeySequence::Quit);
    connect(m_quit, &QAction::triggered, this, &DashboardWindow::quit);
    m_notificationSettings = new QAction(tr("&Notifications…"), this);
    m_pauseNotifications = new QAction(tr("&Pause Notifications"), this);
    m_pauseNotifications->setCheckable(true);
}

void DashboardWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addActions({m_connectTo, m_connections});
    file->addSeparator();
    file->addActions({m_exports->exportAllAction(), m_exports->copyImageAction()});
    file->addSeparator();
    file->addAction(m_quit);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addActions({m_refresh, m_autoRefresh});
    view->addSeparator();
    // Overview, Failures, Tracks, Audit from anywhere in the window (a tab widget's own
    // Ctrl+Tab works only while the focus is inside it).
    auto stepView = [this](int by) {
        if (ConnectionPage *p = currentPage())
            p->stepView(by);
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
    auto stepBackend = [this](int by) {
        if (m_tabs->count() > 1)
            m_tabs->setCurrentIndex((m_tabs->currentIndex() + by + m_tabs->count()) %
                                    m_tabs->count());
    };
    view->addAction(tr("Next &Backend"), this, [stepBackend] { stepBackend(1); })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_PageDown));
    view->addAction(tr("Previous B&ackend"), this, [stepBackend] { stepBackend(-1); })
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::ALT | Qt::Key_PageUp));
    QMenu *pipeline = menuBar()->addMenu(tr("&Pipeline"));
    pipeline->addAction(m_pipeline->pauseAction());
    pipeline->addSeparator();
    pipeline->addAction(m_pipeline->enqueueAction());
    QMenu *settingsMenu = menuBar()->addMenu(tr("&Settings"));
    settingsMenu->addActions({m_notificationSettings, m_pauseNotifications});
    HelpMenu::add(this);
}

void DashboardWindow::buildToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    bar->addAction(m_refresh);
    bar->addSeparator();
    bar->addAction(m_autoRefresh);
    bar->addWidget(m_interval);
    bar->addSeparator();
    bar->addAction(m_exports->exportAllAction());
    bar->addSeparator();
    bar->addAction(m_pipeline->pauseAction());
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(m_indicator);
    auto *pad = new QWidget(bar);
    pad->setFixedWidth(8);
    bar->addWidget(pad);
}

int DashboardWindow::addConnection(Connection *connection)
{
    auto *page = new ConnectionPage(connection, this, m_tabs);
    const int index = int(m_pages.size());
    m_pages.append(page);
    statusBar()->addPermanentWidget(page->statusLabel());
    BackendFeed *feed = connection->feed();
    feed->setAutoRefresh(m_autoRefresh->isChecked());
    feed->setAutoRefreshInterval(m_interval->currentData().toInt());

    connect(connection->models(), &DashboardModels::snapshotApplied, this, [this, page] {
        if (page == currentPage())
            onSnapshotApplied();
    });
    connect(page, &ConnectionPage::statusChanged, this, [this, page] {
        const int i = int(m_pages.indexOf(page));
        // Each tab says which backend is down, without opening it.
        m_tabs->setTabIcon(i, StatusStyle::healthIcon(page->health()));
        m_tabs->setTabToolTip(i, page->statusText());
    });
    connect(page, &ConnectionPage::message, this, &DashboardWindow::showMessage);
    connect(page, &ConnectionPage::exportPanelRequested, m_exports, &ExportFlow::exportPanel);
    auto retitle = [this, page] {
        const Connection *c = page->connection();
        m_tabs->setTabText(int(m_pages.indexOf(page)),
                           c->name().isEmpty() ? c->url().toString() : c->name());
        page->refreshStatus(m_pages.size() > 1);
    };
    connect(connection, &Connection::nameChanged, this, retitle);
    connect(feed, &BackendFeed::stateChanged, this, retitle);
    connect(feed, &BackendFeed::connectionLostChanged, this, retitle);
    {
        const QSignalBlocker block(m_tabs); // the first page is made current below
        m_tabs->addTab(page, QString());
    }
    retitle();
    if (index == 0)
        setCurrentConnection(0);
    for (ConnectionPage *p : std::as_const(m_pages)) // one backend: the indicator says it
        p->refreshStatus(m_pages.size() > 1);
    return index;
}

ConnectionPage *DashboardWindow::page(int index) const
{
    return index >= 0 && index < m_pages.size() ? m_pages.at(index) : nullptr;
}

int DashboardWindow::indexOf(const Connection *connection) const
{
    for (int i = 0; i < m_pages.size(); ++i)
        if (m_pages.at(i)->connection() == connection)
            return i;
    return -1;
}

void DashboardWindow::setCurrentConnection(int index)
{
    ConnectionPage *p = page(index);
    if (!p)
        return;
    const bool changed = index != m_current;
    m_current = index;
    m_indicator->setFeed(p->connection()->feed());
    m_pipeline->follow(p);
    if (m_tabs->currentIndex() != index)
        m_tabs->setCurrentIndex(index);
    if (!changed)
        return;
    if (m_pages.size() > 1) // the status bar names the backend shown
        setBackendDescription(tr("Backend at %1").arg(p->connection()->url().toString()));
    if (p->connection()->models()->hasSnapshot())
        onSnapshotApplied();
    Q_EMIT currentConnectionChanged(index);
}

void DashboardWindow::setBackendDescription(const QString &text)
{
    m_backendLabel->setText(text);
}

void DashboardWindow::onSnapshotApplied()
{
    // The platform appends " — Enrichment Monitor" (the application's display name).
    setWindowTitle(currentPage()->connection()->url().adjusted(QUrl::RemoveUserInfo).authority());
    m_indicator->tick();
    Q_EMIT dashboardUpdated();
}

void DashboardWindow::tick()
{
    m_indicator->tick();
    for (ConnectionPage *p : std::as_const(m_pages))
        p->tick(m_pages.size() > 1); // relative times, reconnect countdowns
}

void DashboardWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text, 6000);
}

void DashboardWindow::loadSettings(QSettings &settings)
{
    settings.beginGroup(QStringLiteral("dashboard"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    m_autoRefresh->setChecked(settings.value(QStringLiteral("autoRefresh"), true).toBool());
    const int interval = settings.value(QStringLiteral("autoRefreshIntervalMs"), 30'000).toInt();
    const int i = m_interval->findData(interval);
    m_interval->setCurrentIndex(i >= 0 ? i : 1);
    m_exports->loadSettings(settings);
    settings.endGroup();
}

void DashboardWindow::saveSettings(QSettings &settings) const
{
    settings.beginGroup(QStringLiteral("dashboard"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("autoRefresh"), m_autoRefresh->isChecked());
    settings.setValue(QStringLiteral("autoRefreshIntervalMs"), m_interval->currentData().toInt());
    m_exports->saveSettings(settings);
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
    if (ConnectionPage *p = currentPage())
        p->scrollTo(panel);
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
