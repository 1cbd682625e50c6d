// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DashboardWindow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QGridLayout>
#include <QScreen>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPainter>
#include <QSaveFile>
#include <QScrollArea>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QSvgGenerator>
#include <QToolBar>
#include <QVBoxLayout>

#include "CachePieChart.h"
#include "CategoryBarChart.h"
#include "CategoryTableModel.h"
#include "ConnectionIndicator.h"
#include "CsvWriter.h"
#include "DashboardModels.h"
#include "ChartCatalog.h"
#include "ErrorBanner.h"
#include "FlowLayout.h"
#include "EventLogModel.h"
#include "EventLogView.h"
#include "HealthBadge.h"
#include "IncidentRecorder.h"
#include "SnapshotParser.h"
#include "MonitorFeed.h"
#include "SourcesModel.h"
#include "SourcesTable.h"
#include "StatCard.h"
#include "StatusStyle.h"
#include "TimeSeriesChart.h"
#include "TimeSeriesModel.h"

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

QStringList DashboardWindow::chartIds()
{
    return dashboardChartIds();
}

DashboardWindow::DashboardWindow(MonitorFeed *feed, QWidget *parent)
    : DashboardWindow(feed, nullptr, nullptr, parent)
{}

DashboardWindow::DashboardWindow(MonitorFeed *feed, DashboardModels *models,
                                 EventLogModel *eventLog, QWidget *parent)
    : QMainWindow(parent), m_feed(feed), m_models(models ? models : new DashboardModels(this)),
      m_eventLog(eventLog ? eventLog : new EventLogModel(500, this))
{
    setWindowTitle(tr("Enrichment Monitor"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/enrichment-monitor.svg")));
    m_chooseDirectory = [this](const QString &start) {
        return QFileDialog::getExistingDirectory(this, tr("Export dashboard to folder"), start);
    };
    m_chooseFile = [this](const QString &suggested, const QString &filter) {
        return QFileDialog::getSaveFileName(this, tr("Export chart"), suggested, filter);
    };
    m_lastExportDir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);

    m_indicator = new ConnectionIndicator(feed, this);
    buildActions();

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    m_banner = new ErrorBanner(central);
    layout->addWidget(m_banner);
    auto *scroll = new QScrollArea(central);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    m_content = buildContent();
    m_content->installEventFilter(this); // reflow the charts as its width changes
    scroll->setWidget(m_content);
    layout->addWidget(scroll, 1);
    setCentralWidget(central);

    m_backendLabel = new QLabel(this);
    m_backendLabel->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_backendLabel, 1);

    connect(feed, &MonitorFeed::snapshotReceived, this, &DashboardWindow::applySnapshot);
    connect(feed, &MonitorFeed::historyReceived, m_models, &DashboardModels::applyHistory);
    connect(feed, &MonitorFeed::errorChanged, m_banner, &ErrorBanner::setError);
    if (!eventLog) // a log of its own follows this feed; a given one is fed by its owner
        new IncidentRecorder(feed, m_eventLog, this);
    connect(m_banner, &ErrorBanner::retryRequested, feed, &MonitorFeed::refresh);
    connect(&m_tick, &QTimer::timeout, this, &DashboardWindow::tick);
    m_tick.start(1000);
    // Fit the screen it opens on (settings may restore a saved geometry later).
    QSize size(1500, 960);
    if (const QScreen *s = screen())
        size = size.boundedTo(s->availableGeometry().size() * 0.95);
    resize(size);
}

int DashboardWindow::chartColumnsFor(int width)
{
    return width >= 1300 ? 3 : width >= 820 ? 2 : 1;
}

void DashboardWindow::reflowCharts(int width)
{
    const int columns = chartColumnsFor(width);
    if (columns == m_chartColumns)
        return;
    m_chartColumns = columns;
    for (ChartPanel *panel : std::as_const(m_panels))
        m_chartGrid->removeWidget(panel);
    for (int i = 0; i < m_panels.size(); ++i)
        m_chartGrid->addWidget(m_panels.at(i), i / columns, i % columns);
    for (int c = 0; c < 3; ++c)
        m_chartGrid->setColumnStretch(c, c < columns ? 1 : 0);
}

bool DashboardWindow::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_content && event->type() == QEvent::Resize)
        reflowCharts(m_content->width());
    return QMainWindow::eventFilter(watched, event);
}

DashboardWindow::~DashboardWindow() = default;

void DashboardWindow::buildActions()
{
    m_refresh = new QAction(QIcon(QStringLiteral(":/icons/refresh.svg")), tr("&Refresh Now"), this);
    m_refresh->setShortcuts({QKeySequence(Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_R)});
    m_refresh->setToolTip(tr("Fetch the latest numbers now (F5, Ctrl+R)"));
    connect(m_refresh, &QAction::triggered, m_feed, &MonitorFeed::refresh);

    m_autoRefresh = new QAction(tr("&Auto-refresh"), this);
    m_autoRefresh->setCheckable(true);
    m_autoRefresh->setChecked(m_feed->autoRefresh());
    m_autoRefresh->setToolTip(tr("Poll the backend on a timer as well as on live events"));
    connect(m_autoRefresh, &QAction::toggled, this, [this](bool on) {
        m_feed->setAutoRefresh(on);
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
    connect(m_interval, &QComboBox::currentIndexChanged, this,
            [this] { m_feed->setAutoRefreshInterval(m_interval->currentData().toInt()); });

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
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(connectTo);
    file->addSeparator();
    file->addAction(m_exportAll);
    file->addAction(m_copyDashboard);
    file->addSeparator();
    file->addAction(quit);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_refresh);
    view->addAction(m_autoRefresh);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
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
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(m_indicator);
    auto *pad = new QWidget(bar);
    pad->setFixedWidth(8);
    bar->addWidget(pad);
}

QWidget *DashboardWindow::buildContent()
{
    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("dashboardContent"));
    content->setAutoFillBackground(true);
    auto *v = new QVBoxLayout(content);
    v->setContentsMargins(14, 12, 14, 14);
    v->setSpacing(10);

    // Queue counters, throughput and time to drain; they wrap on narrow screens.
    auto *cards = new FlowLayout(nullptr, 8, true);
    const QStringList captions = {tr("Pending"), tr("In progress"), tr("Completed"), tr("Failed"),
                                  tr("Partial")};
    for (int i = 0; i < QueueStatusCount; ++i) {
        auto *card = new StatCard(captions.at(i),
                                  StatusStyle::queueColor(QueueStatus(i), palette()), content);
        m_queueCards.insert(i, card);
        cards->addWidget(card);
    }
    m_rateCard = new StatCard(tr("Throughput"), StatusStyle::seriesColor(3, palette()), content);
    m_drainCard =
        new StatCard(tr("Time to drain"), StatusStyle::seriesColor(1, palette()), content);
    cards->addWidget(m_rateCard);
    cards->addWidget(m_drainCard);
    v->addLayout(cards);

    v->addWidget(sectionLabel(tr("Sources"), content));
    m_badgeRow = new FlowLayout(nullptr, 8, false);
    m_moreSources = new QLabel(content);
    m_moreSources->setObjectName(QStringLiteral("moreSources"));
    m_moreSources->setTextFormat(Qt::PlainText);
    m_moreSources->hide();
    m_badgeRow->addWidget(m_moreSources); // badges are inserted before it
    v->addLayout(m_badgeRow);
    m_table = new SourcesTable(m_models->sources(), content);
    v->addWidget(m_table);
    v->addWidget(sectionLabel(tr("Incident log"), content));
    auto *log = new EventLogView(m_eventLog, content);
    log->setFixedHeight(log->horizontalHeader()->sizeHint().height() +
                        4 * log->verticalHeader()->defaultSectionSize() + 4);
    v->addWidget(log);

    v->addWidget(sectionLabel(tr("Charts"), content));
    m_chartGrid = new QGridLayout;
    m_chartGrid->setSpacing(8);
    m_panels = createDashboardCharts(m_models, palette(), content);
    for (ChartPanel *panel : std::as_const(m_panels)) {
        panel->setMinimumHeight(290);
        panel->setMinimumWidth(280);
        connect(panel, &ChartPanel::exportRequested, this, &DashboardWindow::onExportPanel);
    }
    reflowCharts(1500);
    v->addLayout(m_chartGrid);
    v->addStretch(1);
    return content;
}

ChartPanel *DashboardWindow::panel(const QString &id) const
{
    for (ChartPanel *p : m_panels)
        if (p->id() == id)
            return p;
    return nullptr;
}

void DashboardWindow::setBackendDescription(const QString &text)
{
    m_backendLabel->setText(text);
}

void DashboardWindow::applySnapshot(const Snapshot &s)
{
    m_models->applySnapshot(s);
    const QLocale locale;
    for (int i = 0; i < QueueStatusCount; ++i) {
        const auto v = s.queue[std::size_t(i)];
        if (v)
            m_queueCards.value(i)->setValue(locale.toString(*v), tr("tracks"));
        else
            m_queueCards.value(i)->setNoData();
    }
    if (s.perMinute)
        m_rateCard->setValue(
            tr("%1 /min").arg(locale.toString(*s.perMinute, 'f', *s.perMinute < 10 ? 1 : 0)),
            s.completedLastHour
                ? tr("%1 in the last hour").arg(locale.toString(*s.completedLastHour))
                : QString());
    else
        m_rateCard->setNoData();
    const auto pending = s.queueCount(QueueStatus::Pending);
    const auto minutes = s.minutesToDrain();
    if (!pending)
        m_drainCard->setNoData();
    else if (*pending == 0)
        m_drainCard->setValue(tr("Empty"), tr("nothing pending"));
    else if (!minutes)
        m_drainCard->setValue(tr("Not draining"), tr("no tracks finished recently"));
    else
        m_drainCard->setValue(tr("≈ %1").arg(SourcesModel::duration(qint64(*minutes * 60.0))),
                              tr("at the current rate"));
    rebuildBadges(s);
    QString host = m_feed->baseUrl().host();
    if (m_feed->baseUrl().port() > 0)
        host += QLatin1Char(':') + QString::number(m_feed->baseUrl().port());
    setWindowTitle(tr("Enrichment Monitor — %1").arg(host));
    m_indicator->tick();
    Q_EMIT dashboardUpdated();
}

void DashboardWindow::rebuildBadges(const Snapshot &s)
{
    QStringList names;
    for (const SourceInfo &src : s.sources)
        names << src.name;
    if (names != m_badgeOrder) {
        for (HealthBadge *b : std::as_const(m_badges))
            delete b;
        m_badges.clear();
        for (int i = 0; i < names.size(); ++i) {
            auto *b = new HealthBadge(names.at(i), m_content);
            m_badgeRow->insertWidget(i, b);
            m_badges.insert(names.at(i), b);
        }
        m_badgeOrder = names;
    }
    m_moreSources->setVisible(s.sourcesNotShown > 0);
    m_moreSources->setText((s.sourcesNotShown == 1
                                ? tr("1 more source not shown (the dashboard shows at most %1)")
                                : tr("%1 more sources not shown (the dashboard shows at most %2)")
                                      .arg(s.sourcesNotShown))
                               .arg(SnapshotParser::MaxSources));
    for (const SourceInfo &src : s.sources) {
        QString detail;
        if (src.breaker)
            detail = tr("Circuit breaker %1").arg(SourcesModel::stateLabel(src.breaker->state));
        m_badges.value(src.name)->setHealth(src.health, detail);
    }
}

void DashboardWindow::tick()
{
    m_indicator->tick();
    m_models->sources()->tick();
}

void DashboardWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text, 6000);
}

QImage DashboardWindow::renderDashboard()
{
    for (ChartPanel *p : std::as_const(m_panels))
        p->flush();
    const qreal dpr = 1.0;
    QImage image(m_content->size() * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(palette().color(QPalette::Window));
    QPainter painter(&image);
    m_content->render(&painter, QPoint(), QRegion(),
                      QWidget::DrawChildren | QWidget::DrawWindowBackground);
    return image;
}

QByteArray DashboardWindow::dashboardCsv() const
{
    // The whole dashboard in one long table: one row per chart cell.
    QByteArray out = "chart,row,column,value\r\n";
    for (ChartPanel *p : m_panels) {
        const QAbstractItemModel *m = p->csvModel();
        if (!m)
            continue;
        for (int r = 0; r < m->rowCount(); ++r) {
            const QString rowKey = m->data(m->index(r, 0), CsvWriter::ExportRole).toString();
            for (int c = 1; c < m->columnCount(); ++c) {
                const QVariant v = m->data(m->index(r, c), CsvWriter::ExportRole);
                const QString value = !v.isValid() ? QString()
                                      : v.typeId() == QMetaType::Double
                                          ? QString::number(v.toDouble(), 'g', 12)
                                          : v.toString();
                out += CsvWriter::escape(p->id()) + ',' + CsvWriter::escape(rowKey) + ',' +
                       CsvWriter::escape(
                           m->headerData(c, Qt::Horizontal, CsvWriter::ExportRole).toString()) +
                       ',' + CsvWriter::escape(value) + "\r\n";
            }
        }
    }
    return out;
}

bool DashboardWindow::exportPanel(ChartPanel *panel, ChartPanel::Format format, const QString &path,
                                  QString *error)
{
    switch (format) {
    case ChartPanel::Format::Png: return panel->writePng(path, error);
    case ChartPanel::Format::Svg: return panel->writeSvg(path, error);
    case ChartPanel::Format::Csv: return panel->writeCsv(path, error);
    }
    return false;
}

bool DashboardWindow::exportAll(const QString &dir, QStringList *written, QString *error)
{
    if (!QDir().mkpath(dir)) {
        *error = tr("Cannot create folder %1").arg(dir);
        return false;
    }
    const QDir d(dir);
    written->clear();
    for (ChartPanel *p : std::as_const(m_panels)) {
        const struct
        {
            ChartPanel::Format format;
            const char *ext;
        } kinds[] = {{ChartPanel::Format::Png, ".png"},
                     {ChartPanel::Format::Svg, ".svg"},
                     {ChartPanel::Format::Csv, ".csv"}};
        for (const auto &k : kinds) {
            const QString path = d.filePath(p->id() + QLatin1String(k.ext));
            if (!exportPanel(p, k.format, path, error))
                return false;
            *written << path;
        }
    }
    const QString png = d.filePath(QStringLiteral("dashboard.png"));
    QSaveFile pngFile(png);
    if (!pngFile.open(QIODevice::WriteOnly) || !renderDashboard().save(&pngFile, "PNG") ||
        !pngFile.commit()) {
        *error = tr("Cannot write %1: %2").arg(png, pngFile.errorString());
        return false;
    }
    *written << png;

    const QString svgPath = d.filePath(QStringLiteral("dashboard.svg"));
    {
        QSvgGenerator svg;
        svg.setFileName(svgPath);
        svg.setSize(m_content->size());
        svg.setViewBox(QRect(QPoint(), m_content->size()));
        svg.setTitle(tr("Enrichment Monitor dashboard"));
        QPainter painter;
        if (!painter.begin(&svg)) {
            *error = tr("Cannot write %1").arg(svgPath);
            return false;
        }
        m_content->render(&painter, QPoint(), QRegion(),
                          QWidget::DrawChildren | QWidget::DrawWindowBackground);
    }
    *written << svgPath;

    const QString csvPath = d.filePath(QStringLiteral("dashboard.csv"));
    QSaveFile csv(csvPath);
    if (!csv.open(QIODevice::WriteOnly) || csv.write(dashboardCsv()) < 0 || !csv.commit()) {
        *error = tr("Cannot write %1: %2").arg(csvPath, csv.errorString());
        return false;
    }
    *written << csvPath;
    m_lastExportDir = dir;
    Q_EMIT exported(dir, *written);
    return true;
}

void DashboardWindow::onExportAll()
{
    const QString dir = m_chooseDirectory(m_lastExportDir);
    if (dir.isEmpty())
        return;
    QStringList written;
    QString error;
    if (exportAll(dir, &written, &error))
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

void DashboardWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    saveSettings(settings);
    QMainWindow::closeEvent(event);
}

} // namespace dashboard
