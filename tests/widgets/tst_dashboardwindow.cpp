// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QAction>
#include <QApplication>
#include <QMainWindow>
#include <QClipboard>
#include <QGuiApplication>
#include <QBarCategoryAxis>
#include <QChart>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLineEdit>
#include <QListWidget>
#include <QTabBar>
#include <QTabWidget>
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QDateTime>
#include <QFileInfo>
#include <QImage>
#include <QJsonObject>
#include <QHeaderView>
#include <QLabel>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableView>
#include <QToolButton>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "enrichment/BackendService.h"
#include "ServiceInternals.h"
#include "CachePieChart.h"
#include "CategoryBarChart.h"
#include "CategoryTableModel.h"
#include "CircuitBreaker.h"
#include "Connection.h"
#include "ConnectionIndicator.h"
#include "ConnectionPage.h"
#include "CsvWriter.h"
#include "ChartCatalog.h"
#include "ConnectionList.h"
#include "ConnectionsDialog.h"
#include "DashboardExporter.h"
#include "DashboardModels.h"
#include "DashboardView.h"
#include "DashboardWindow.h"
#include "PipelineActions.h"
#include "ErrorBanner.h"
#include "EventLogModel.h"
#include "ExportFlow.h"
#include "HelpMenu.h"
#include "HealthBadge.h"
#include "BackendFeed.h"
#include "InProcessBackend.h"
#include "Pipeline.h"
#include "StatCard.h"
#include "enrichment/SnapshotParser.h"
#include "SourcesTable.h"
#include "StatusStyle.h"
#include "SummaryModel.h"
#include "TimeSeriesChart.h"
#include "TimeSeriesModel.h"
#include "ForecastChart.h"
#include "ForecastModel.h"
#include "WorkersPanel.h"

using namespace dashboard;

/// The window, offscreen, fed by the real backend in-process over real sockets.
class TestDashboardWindow : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_db = 0;

    std::unique_ptr<enrichment::BackendService> backend(quint16 port = 0)
    {
        enrichment::BackendOptions o = testsupport::testBackendOptions();
        o.historyIntervalMs = enrichment::BackendOptions().historyIntervalMs;
        o.demo.seedTracks = 40;
        return testsupport::startBackend(
            o, m_dir.filePath(QStringLiteral("w%1.sqlite").arg(++m_db)), nullptr, {}, port);
    }

    /// A snapshot document the test wrote (a parse error is the test's own bug).
    static Snapshot parse(const QByteArray &json)
    {
        QString error;
        const auto s = enrichment::SnapshotParser::parseSnapshot(json, &error);
        if (!s)
            qFatal("%s", qPrintable(error));
        return *s;
    }

    struct Rig
    {
        QNetworkAccessManager nam;
        Connection connection{&nam};
        BackendFeed &feed = *connection.feed();
        DashboardWindow window;
        explicit Rig(const QUrl &url)
        {
            window.addConnection(&connection);
            feed.setBaseUrl(url);
            feed.setBackoff(50, 300);
            window.resize(1400, 900);
            window.show();
        }
    };

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("enrichment-monitor-tests"));
    }

    void aProviderLeftOutOfTheConfigurationIsOff()
    {
        // A backend configured with MusicBrainz only: the other four providers are off, and
        // their badges say so (never asked, so neither healthy nor down).
        QFile yaml(m_dir.filePath(QStringLiteral("only-musicbrainz.yaml")));
        QVERIFY(yaml.open(QIODevice::WriteOnly));
        yaml.write("sources:\n  musicbrainz: {base_url: \"http://127.0.0.1:9\","
                   " user_agent: \"EnrichmentMonitorTest/1.0 (ops@example.com)\"}\n");
        yaml.close();
        enrichment::BackendOptions o = testsupport::testBackendOptions();
        o.sourcesConfigFile = yaml.fileName();
        auto b = testsupport::startBackend(
            o, m_dir.filePath(QStringLiteral("w%1.sqlite").arg(++m_db)), nullptr, {}, 0);
        Rig rig(b->url());
        QSignalSpy updated(&rig.window, &DashboardWindow::dashboardUpdated);
        rig.feed.start();
        QTRY_VERIFY(updated.count() >= 1);
        DashboardView *view = rig.window.currentPage()->view();
        QTRY_COMPARE(view->badges().size(), 5);
        QVERIFY(!view->badge(QStringLiteral("musicbrainz"))->isOff());
        for (const char *off : {"spotify", "discogs", "beatport", "lastfm"}) {
            HealthBadge *badge = view->badge(QString::fromLatin1(off));
            QVERIFY2(badge && badge->isOff(), off);
            QCOMPARE(badge->text(), QString::fromLatin1(off) + QStringLiteral(": off"));
        }
        // The sources table lists only what is on.
        QCOMPARE(rig.window.currentPage()->view()->sourcesTable()->model()->rowCount(), 1);
    }

    void showsTheBackendsNumbers()
    {
        auto b = backend();
        for (int i = 0; i < 5; ++i)
            internals(*b).pipeline().breaker(2)->recordFailure();
        Rig rig(b->url());
        QSignalSpy updated(&rig.window, &DashboardWindow::dashboardUpdated);
        rig.feed.start();
        QTRY_VERIFY(updated.count() >= 1);
        QCOMPARE(rig.window.currentPage()->view()->queueCard(QueueStatus::Pending)->value(),
                 QStringLiteral("40"));
        QCOMPARE(rig.window.currentPage()->view()->queueCard(QueueStatus::Completed)->value(),
                 QStringLiteral("0"));
        QCOMPARE(rig.window.currentPage()->view()->badges().size(), 5);
        QCOMPARE(rig.window.currentPage()->view()->badge(QStringLiteral("discogs"))->health(),
                 Health::Down);
        QCOMPARE(rig.window.currentPage()->view()->badge(QStringLiteral("discogs"))->text(),
                 QStringLiteral("discogs: Down"));
        QCOMPARE(rig.window.currentPage()->view()->badge(QStringLiteral("spotify"))->health(),
                 Health::Healthy);
        QTRY_COMPARE(rig.window.connectionIndicator()->stateText(), QStringLiteral("Live"));
        QVERIFY(rig.window.connectionIndicator()->ageText().startsWith(QStringLiteral("updated")));
        auto *breakers = qobject_cast<CategoryBarChart *>(
            rig.window.currentPage()->view()->panel(QStringLiteral("circuit_breakers")));
        breakers->flush();
        QVERIFY(breakers->hasData());
        // discogs (category 2) is drawn in the "open" set at level 3.
        QCOMPARE(breakers->barValue(2, 2), 3.0);
        QCOMPARE(breakers->barValue(0, 2), 0.0);

        // A batch completes: the live event refreshes the window without any click; the
        // badges are updated in place, not rebuilt.
        const QPointer<HealthBadge> spotifyBadge =
            rig.window.currentPage()->view()->badge(QStringLiteral("spotify"));
        const auto r = internals(*b).pipeline().runBatchNow();
        // The event's refresh is a fetch: on a loaded machine it may take longer than
        // QTRY's default five seconds.
        QTRY_COMPARE_WITH_TIMEOUT(
            rig.window.currentPage()->view()->queueCard(QueueStatus::Pending)->value(),
            QString::number(30 + r.failed), 20'000);
        QVERIFY(spotifyBadge); // still the same widget
        QCOMPARE(rig.window.currentPage()->view()->badge(QStringLiteral("spotify")),
                 spotifyBadge.data());

        // A breaker opening lands in the incident log.
        for (int i = 0; i < 5; ++i)
            internals(*b).pipeline().breaker(1)->recordFailure();
        QTRY_COMPARE(rig.connection.eventLog()->message(0),
                     QStringLiteral("musicbrainz: Closed → Open (failures in a row: 5)"));
    }

    void refreshNowAndShortcuts()
    {
        auto b = backend();
        Rig rig(b->url());
        rig.window.autoRefreshAction()->setChecked(false);
        rig.feed.start();
        QTRY_COMPARE(rig.window.currentPage()->view()->queueCard(QueueStatus::Pending)->value(),
                     QStringLiteral("40"));
        QTRY_VERIFY(!rig.feed.isFetching());
        // Tracks added without any event: only a refresh shows them.
        b->enqueue({QStringLiteral("x1"), QStringLiteral("x2")});
        rig.window.refreshAction()->trigger();
        QTRY_COMPARE(rig.window.currentPage()->view()->queueCard(QueueStatus::Pending)->value(),
                     QStringLiteral("42"));
        b->enqueue({QStringLiteral("x3")});
        QVERIFY(QTest::qWaitForWindowExposed(&rig.window));
        rig.window.activateWindow();
        QTest::keyClick(&rig.window, Qt::Key_F5);
        QTRY_COMPARE(rig.window.currentPage()->view()->queueCard(QueueStatus::Pending)->value(),
                     QStringLiteral("43"));
        b->enqueue({QStringLiteral("x4")});
        QTest::keyClick(&rig.window, Qt::Key_R, Qt::ControlModifier);
        QTRY_COMPARE(rig.window.currentPage()->view()->queueCard(QueueStatus::Pending)->value(),
                     QStringLiteral("44"));

        // Overview, Failures, Tracks, Audit from anywhere in the window, both ways round.
        QTabWidget *views = rig.window.currentPage()->viewTabs();
        QVERIFY(views);
        QCOMPARE(views->currentIndex(), 0);
        QTest::keyClick(&rig.window, Qt::Key_PageDown, Qt::ControlModifier);
        QCOMPARE(views->currentIndex(), 1);
        QTest::keyClick(&rig.window, Qt::Key_Tab, Qt::ControlModifier);
        QCOMPARE(views->currentIndex(), 2);
        QTest::keyClick(&rig.window, Qt::Key_PageUp, Qt::ControlModifier);
        QTest::keyClick(&rig.window, Qt::Key_PageUp, Qt::ControlModifier);
        QTest::keyClick(&rig.window, Qt::Key_PageUp, Qt::ControlModifier);
        QCOMPARE(views->currentIndex(), 3); // round from the first to the last
        // Help lists them, read off the actions.
        const QString keys = HelpMenu::shortcutsText(rig.window.menuBar());
        for (const char *k : {"F5", "Ctrl+PgDown", "Ctrl+Tab", "Ctrl+E", "Ctrl+L"})
            QVERIFY2(keys.contains(QLatin1String(k)), qPrintable(keys));
        // Tab leaves a table instead of walking its cells.
        QVERIFY(!rig.window.currentPage()->view()->sourcesTable()->tabKeyNavigation());
    }

    // What is on screen together never shares an Alt+letter: the banners and the buttons
    // of each view.
    void mnemonicsAreUniqueOnScreen()
    {
        auto b = backend();
        Rig rig(b->url());
        QTabWidget *views = rig.window.currentPage()->viewTabs();
        auto letter = [](const QString &text) {
            const int i = text.indexOf(QLatin1Char('&'));
            return i >= 0 && i + 1 < text.size() ? text.at(i + 1).toLower() : QChar();
        };
        QList<QAbstractButton *> always;
        for (ErrorBanner *banner : rig.window.findChildren<ErrorBanner *>())
            always << banner->findChildren<QAbstractButton *>();
        for (int v = 0; v < views->count(); ++v) {
            QMap<QChar, QString> seen;
            QList<QAbstractButton *> buttons = always;
            buttons << views->widget(v)->findChildren<QAbstractButton *>();
            for (QAbstractButton *button : std::as_const(buttons)) {
                const QChar c = letter(button->text());
                if (c.isNull())
                    continue;
                QVERIFY2(!seen.contains(c),
                         qPrintable(seen.value(c) + QStringLiteral(" and ") + button->text()));
                seen.insert(c, button->text());
            }
        }
    }

    void autoRefreshToggleAndInterval()
    {
        auto b = backend();
        Rig rig(b->url());
        QVERIFY(rig.window.autoRefreshAction()->isChecked());
        QVERIFY(rig.feed.autoRefresh());
        QCOMPARE(rig.feed.autoRefreshInterval(), 30'000);
        rig.window.autoRefreshAction()->trigger();
        QVERIFY(!rig.feed.autoRefresh());
        QVERIFY(!rig.window.intervalBox()->isEnabled());
        rig.window.autoRefreshAction()->trigger();
        QVERIFY(rig.feed.autoRefresh());
        rig.window.intervalBox()->setCurrentIndex(rig.window.intervalBox()->findData(10'000));
        QCOMPARE(rig.feed.autoRefreshInterval(), 10'000);

        // Remembered across runs.
        QSettings settings(m_dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
        rig.window.autoRefreshAction()->setChecked(false);
        rig.window.saveSettings(settings);
        Rig again(b->url());
        again.window.loadSettings(settings);
        QVERIFY(!again.window.autoRefreshAction()->isChecked());
        QCOMPARE(again.window.intervalBox()->currentData().toInt(), 10'000);
        QVERIFY(!again.feed.autoRefresh());
    }

    void exportWritesEveryChart()
    {
        auto b = backend();
        internals(*b).pipeline().runBatchNow();
        Rig rig(b->url());
        rig.feed.start();
        QTRY_COMPARE(
            rig.window.currentPage()->view()->queueCard(QueueStatus::Completed)->value().isEmpty(),
            false);
        QTRY_VERIFY(rig.connection.models()->hasSnapshot());
        const QString out = m_dir.filePath(QStringLiteral("export"));
        rig.window.exports()->setDirectoryChooser([&out](const QString &) { return out; });
        QSignalSpy exported(rig.window.exports(), &ExportFlow::exported);
        rig.window.exports()->exportAllAction()->trigger();
        QCOMPARE(exported.count(), 1);
        const QStringList ids =
            QStringLiteral("queue,processing_rate,circuit_breakers,success_rate,latency,rate_"
                           "limits,errors,source_health,cache,coverage")
                .split(QLatin1Char(','));
        for (const QString &id : ids) {
            const QImage png(QDir(out).filePath(id + QStringLiteral(".png")));
            QVERIFY2(!png.isNull() && png.width() > 300, qPrintable(id));
            QFile svg(QDir(out).filePath(id + QStringLiteral(".svg")));
            QVERIFY2(svg.open(QIODevice::ReadOnly) && svg.readAll().contains("<svg"),
                     qPrintable(id));
            QFile csv(QDir(out).filePath(id + QStringLiteral(".csv")));
            QVERIFY2(csv.open(QIODevice::ReadOnly), qPrintable(id));
            const QList<QByteArray> lines = csv.readAll().split('\n');
            QVERIFY2(lines.size() >= 2, qPrintable(id));
        }
        QFile queue(QDir(out).filePath(QStringLiteral("queue.csv")));
        QVERIFY(queue.open(QIODevice::ReadOnly));
        const QByteArray q = queue.readAll();
        QVERIFY(q.startsWith("status,count\r\npending,"));
        QCOMPARE(q.count('\n'), 6);
        QCOMPARE(q, CsvWriter::toCsv(*rig.connection.models()->queue()));
        const QImage whole(QDir(out).filePath(QStringLiteral("dashboard.png")));
        QVERIFY(whole.height() > 900);
        QFile all(QDir(out).filePath(QStringLiteral("dashboard.csv")));
        QVERIFY(all.open(QIODevice::ReadOnly));
        QVERIFY(all.readAll().contains("queue,pending,count,"));
        QCOMPARE(rig.window.exports()->lastExportDirectory(), out);
        // The dashboard's image shows no selection (nor controls), and the selection is
        // back afterwards.
        SourcesTable *table = rig.window.currentPage()->view()->sourcesTable();
        // The name, health and breaker columns: the others say times relative to now.
        const QRect tableRect(table->mapTo(rig.window.currentPage()->view(), QPoint()),
                              QSize(table->columnViewportPosition(3), table->height()));
        const QImage plain =
            DashboardExporter(rig.window.currentPage()->view()).renderImage().copy(tableRect);
        table->selectRow(1);
        const QImage selected =
            DashboardExporter(rig.window.currentPage()->view()).renderImage().copy(tableRect);
        QVERIFY(plain == selected);
        QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(table->selectionModel()->selectedRows().constFirst().row(), 1);
        QVERIFY(rig.window.currentPage()
                    ->view()
                    ->panel(QStringLiteral("latency"))
                    ->findChild<QToolButton *>()
                    ->isVisible()); // the controls are back too
        // Again into the same folder: asked first, and nothing replaced when declined.
        QStringList asked;
        bool replace = false;
        rig.window.exports()->setOverwriteConfirmer([&](const QStringList &existing) {
            asked = existing;
            return replace;
        });
        const QDateTime before =
            QFileInfo(QDir(out).filePath(QStringLiteral("queue.png"))).lastModified();
        rig.window.exports()->exportAllAction()->trigger();
        QVERIFY(asked.size() > 30);
        QCOMPARE(exported.count(), 1);
        QCOMPARE(QFileInfo(QDir(out).filePath(QStringLiteral("queue.png"))).lastModified(), before);
        replace = true;
        rig.window.exports()->exportAllAction()->trigger();
        QCOMPARE(exported.count(), 2);

        // One chart through its own menu path.
        const QString single = m_dir.filePath(QStringLiteral("latency-only.csv"));
        rig.window.exports()->setFileChooser(
            [&single](const QString &, const QString &) { return single; });
        Q_EMIT rig.window.currentPage()
            ->view()
            ->panel(QStringLiteral("latency"))
            ->exportRequested(rig.window.currentPage()->view()->panel(QStringLiteral("latency")),
                              ChartPanel::Format::Csv);
        QFile latency(single);
        QVERIFY(latency.open(QIODevice::ReadOnly));
        QVERIFY(latency.readAll().startsWith("source,p50_ms,p95_ms,p99_ms\r\nspotify,"));

        // And to the clipboard: the data as CSV text, the chart as an image.
        ChartPanel *queuePanel = rig.window.currentPage()->view()->panel(QStringLiteral("queue"));
        queuePanel->copyCsvToClipboard();
        QCOMPARE(QGuiApplication::clipboard()->text().toUtf8(),
                 CsvWriter::toCsv(*rig.connection.models()->queue()));
        queuePanel->copyImageToClipboard();
        QVERIFY(QGuiApplication::clipboard()->image().width() >= queuePanel->width());
    }

    void errorBannerAndRetry()
    {
        auto b = backend();
        const quint16 port = b->port();
        Rig rig(b->url());
        rig.feed.start();
        QTRY_VERIFY(rig.connection.models()->hasSnapshot());
        QVERIFY(rig.window.currentPage()->errorBanner()->isHidden());
        b.reset();
        QTRY_VERIFY(rig.window.connectionIndicator()->stateText().startsWith(
            QStringLiteral("Reconnecting")));
        rig.window.currentPage()->errorBanner()->retryButton()->click(); // fails: nobody listens
        QTRY_VERIFY(!rig.window.currentPage()->errorBanner()->isHidden());
        bool logged = false;
        for (int r = 0; r < rig.connection.eventLog()->rowCount(); ++r)
            logged = logged || rig.connection.eventLog()->message(r) ==
                                   QStringLiteral("Connection lost; reconnecting");
        QVERIFY(logged);
        QVERIFY(rig.window.currentPage()->errorBanner()->message().contains(
            QStringLiteral("Cannot reach")));
        // The last numbers stay on screen; nothing blanks out or drops to zero.
        QCOMPARE(rig.window.currentPage()->view()->queueCard(QueueStatus::Pending)->value(),
                 QStringLiteral("40"));
        b = backend(port);
        rig.window.currentPage()->errorBanner()->retryButton()->click();
        QTRY_VERIFY(rig.window.currentPage()->errorBanner()->isHidden());
        QTRY_COMPARE(rig.window.connectionIndicator()->stateText(), QStringLiteral("Live"));
    }

    void sevenSourceNamesStayReadableInBarCharts()
    {
        QHttpServer seed;
        seed.route(QStringLiteral("/monitoring/enrichment"), [] {
            QJsonObject breakers, health;
            for (const char *n :
                 {"spotify", "musicbrainz", "discogs", "beatport", "lastfm", "deezer", "tidal"}) {
                breakers.insert(QLatin1String(n),
                                QJsonObject{{QStringLiteral("state"), QStringLiteral("closed")}});
                health.insert(QLatin1String(n), QStringLiteral("healthy"));
            }
            return QHttpServerResponse(
                QJsonObject{{QStringLiteral("queue"), QJsonObject{{QStringLiteral("pending"), 1}}},
                            {QStringLiteral("circuit_breakers"), breakers},
                            {QStringLiteral("source_health"), health}});
        });
        const quint16 port = seed.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        Rig rig(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        rig.feed.start();
        QTRY_VERIFY(rig.connection.models()->hasSnapshot());
        for (const char *id : {"circuit_breakers", "source_health"}) {
            ChartPanel *panel = rig.window.currentPage()->view()->panel(QLatin1String(id));
            panel->flush();
            QBarCategoryAxis *axis = nullptr;
            for (QAbstractAxis *a : panel->chart()->axes())
                if (auto *c = qobject_cast<QBarCategoryAxis *>(a))
                    axis = c;
            QVERIFY2(axis, id);
            QCOMPARE(axis->count(), 7);
            QVERIFY(axis->categories().contains(QStringLiteral("musicbrainz")));
            // Qt Charts would elide these to "..." in an export; names are kept whole.
            QVERIFY2(!axis->truncateLabels(), id);
        }
    }

    void seedOnlyServiceFillsWhatItCan()
    {
        QHttpServer seed;
        seed.route(QStringLiteral("/monitoring/enrichment"), [] {
            // What the seed's Python service sends: datetime.utcnow().isoformat(), nothing more.
            const QByteArray now = QDateTime::currentDateTimeUtc()
                                       .toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000"))
                                       .toLatin1();
            return QHttpServerResponse(QByteArrayLiteral("application/json"), QByteArrayLiteral(R"({
              "timestamp": ")") + now + QByteArrayLiteral(R"(",
              "queue": {"pending": 1200, "in_progress": 10, "completed": 5400, "failed": 12, "partial": 300},
              "processing_rate": {"completed_last_hour": 600, "per_minute": 10.0},
              "circuit_breakers": {"spotify": {"state": "open", "failure_count": 7, "last_failure_time": 1795900000.5}},
              "source_health": {"spotify": "down", "musicbrainz": "unavailable"},
              "metrics": {}})"));
        });
        const quint16 port = seed.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        Rig rig(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        rig.feed.start();
        QTRY_VERIFY(rig.connection.models()->hasSnapshot());
        QCOMPARE(rig.window.currentPage()->view()->queueCard(QueueStatus::Pending)->value(),
                 QLocale().toString(1200));
        QCOMPARE(rig.window.currentPage()->view()->drainCard()->value(),
                 QStringLiteral("≈ 2 h 0 min"));
        QCOMPARE(rig.window.currentPage()->view()->badge(QStringLiteral("musicbrainz"))->health(),
                 Health::Unavailable);
        for (ChartPanel *p : rig.window.currentPage()->view()->panels())
            p->flush();
        for (const char *filled : {"queue", "processing_rate", "circuit_breakers", "source_health"})
            QVERIFY2(rig.window.currentPage()->view()->panel(QLatin1String(filled))->hasData(),
                     filled);
        for (const char *empty :
             {"success_rate", "latency", "rate_limits", "errors", "cache", "coverage"}) {
            QVERIFY2(!rig.window.currentPage()->view()->panel(QLatin1String(empty))->hasData(),
                     empty);
            QVERIFY(rig.window.currentPage()
                        ->view()
                        ->panel(QLatin1String(empty))
                        ->noDataText()
                        .startsWith(QStringLiteral("No data")));
        }
        // No WebSocket room and no history here: the window still works, never Live.
        QVERIFY(rig.window.connectionIndicator()->stateText() != QStringLiteral("Live"));
        QVERIFY(rig.window.currentPage()->errorBanner()->isHidden());
    }

    void hostileErrorTextIsShownAsPlainText()
    {
        QHttpServer hostile;
        hostile.route(QStringLiteral("/monitoring/enrichment"), [] {
            const QByteArray message =
                "<h1 style=\\\"color:green\\\">ALL SYSTEMS HEALTHY</h1><a href=\\\"https://x\\\">"
                "click</a>\\u001b[2J\\u001b[31m\\u0007\\u202eevil" +
                QByteArray(3000, 'z');
            return QHttpServerResponse(QByteArrayLiteral("application/json"),
                                       "{\"error\": {\"code\": \"x\", \"message\": \"" + message +
                                           "\"}}",
                                       QHttpServerResponse::StatusCode::InternalServerError);
        });
        const quint16 port = hostile.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        Rig rig(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        rig.feed.start();
        QTRY_VERIFY(!rig.window.currentPage()->errorBanner()->isHidden());
        const QString shown = rig.window.currentPage()->errorBanner()->message();
        QVERIFY2(
            shown.contains(QStringLiteral("<h1 style=\"color:green\">ALL SYSTEMS HEALTHY</h1>")),
            qPrintable(shown));
        for (const QChar c : shown)
            QVERIFY2(c.category() != QChar::Other_Control && c.category() != QChar::Other_Format,
                     qPrintable(QString::number(c.unicode(), 16)));
        QVERIFY2(shown.size() <= 300, qPrintable(QString::number(shown.size())));
        const QList<QLabel *> labels =
            rig.window.currentPage()->errorBanner()->findChildren<QLabel *>();
        bool plainTextLabel = false;
        for (const QLabel *l : labels)
            plainTextLabel =
                plainTextLabel || (l->text() == shown && l->textFormat() == Qt::PlainText);
        QVERIFY(plainTextLabel);
    }

    void sourcesPastTheDisplayCapAreCounted()
    {
        QHttpServer many;
        many.route(QStringLiteral("/monitoring/enrichment"), [] {
            QJsonObject health;
            for (int i = 0; i < 70; ++i)
                health.insert(QStringLiteral("source%1").arg(i, 2, 10, QLatin1Char('0')),
                              QStringLiteral("healthy"));
            return QHttpServerResponse(
                QJsonObject{{QStringLiteral("queue"), QJsonObject{{QStringLiteral("pending"), 1}}},
                            {QStringLiteral("source_health"), health}});
        });
        const quint16 port = many.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        Rig rig(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        rig.feed.start();
        QTRY_VERIFY(rig.connection.models()->hasSnapshot());
        auto *more = rig.window.findChild<QLabel *>(QStringLiteral("moreSources"));
        QVERIFY(more);
        QTRY_VERIFY(more->isVisible());
        QVERIFY2(more->text().startsWith(QStringLiteral("6 more sources not shown")),
                 qPrintable(more->text()));
        QVERIFY(more->text().contains(QStringLiteral("64")));
        QVERIFY(rig.window.currentPage()->view()->badge(QStringLiteral("source63")));
        QVERIFY(!rig.window.currentPage()->view()->badge(QStringLiteral("source64")));
    }

    void layoutFitsNarrowScreens_data()
    {
        QTest::addColumn<int>("width");
        QTest::addColumn<int>("columns");
        QTest::newRow("1024 wide") << 1000 << 2;
        QTest::newRow("1600 wide") << 1600 << 3;
        QTest::newRow("phone-ish") << 640 << 1;
    }
    void layoutFitsNarrowScreens()
    {
        QFETCH(int, width);
        QFETCH(int, columns);
        auto s = backend();
        Rig rig(s->url());
        rig.window.resize(width, 700);
        rig.feed.start();
        QTRY_VERIFY(rig.connection.models()->hasSnapshot());
        QTRY_COMPARE(rig.window.currentPage()->view()->chartColumns(), columns);
        // Nothing is cut off horizontally: no sideways scrolling, every card and the whole
        // table within the visible width.
        auto *scroll = rig.window.findChild<QScrollArea *>();
        QVERIFY(scroll);
        QTRY_COMPARE(scroll->horizontalScrollBar()->maximum(), 0);
        const int visible = scroll->viewport()->width();
        const QWidget *content = scroll->widget();
        for (int i = 0; i < QueueStatusCount; ++i) {
            const StatCard *card = rig.window.currentPage()->view()->queueCard(QueueStatus(i));
            QVERIFY2(card->mapTo(content, QPoint(card->width(), 0)).x() <= visible,
                     qPrintable(QString::number(i)));
        }
        const QTableView *table = rig.window.currentPage()->view()->sourcesTable();
        QVERIFY(table);
        int sections = 0;
        for (int c = 0; c < table->model()->columnCount(); ++c)
            sections += table->horizontalHeader()->sectionSize(c);
        QVERIFY2(
            sections <= table->viewport()->width(),
            qPrintable(QStringLiteral("%1 > %2").arg(sections).arg(table->viewport()->width())));
        if (width < 700) {
            // The cards wrap onto a second row.
            QVERIFY(rig.window.currentPage()->view()->drainCard()->y() >
                    rig.window.currentPage()->view()->queueCard(QueueStatus::Pending)->y());
        }
    }

    void viewFollowsItsModelsAndExportsWithoutAWindow()
    {
        // What --export does: models, a view over them, an exporter; no QMainWindow.
        DashboardModels models;
        EventLogModel log(10);
        DashboardView view(&models, &log);
        view.setAttribute(Qt::WA_DontShowOnScreen);
        QCOMPARE(view.queueCard(QueueStatus::Pending)->detail(), StatCard::tr("no data"));
        QVERIFY(view.badges().isEmpty());

        models.applySnapshot(parse(R"({"queue": {"pending": 1234, "completed": 7},
            "processing_rate": {"per_minute": 0.0, "completed_last_hour": 0},
            "circuit_breakers": {"spotify": {"state": "closed"}, "discogs": {"state": "open"}},
            "source_health": {"spotify": "healthy", "discogs": "down"}})"));
        QCOMPARE(view.queueCard(QueueStatus::Pending)->value(), QLocale().toString(1234));
        QCOMPARE(view.queueCard(QueueStatus::Failed)->detail(), StatCard::tr("no data"));
        QCOMPARE(view.drainCard()->value(), SummaryModel::tr("Not draining"));
        QCOMPARE(view.badges().size(), 2);
        QCOMPARE(view.badge(QStringLiteral("discogs"))->health(), Health::Down);

        // The same sources with new states: the badges update in place.
        HealthBadge *spotify = view.badge(QStringLiteral("spotify"));
        models.applySnapshot(parse(R"({"queue": {"pending": 0},
            "circuit_breakers": {"spotify": {"state": "open"}, "discogs": {"state": "closed"}},
            "source_health": {"spotify": "down", "discogs": "healthy"}})"));
        QCOMPARE(view.badge(QStringLiteral("spotify")), spotify);
        QCOMPARE(spotify->health(), Health::Down);
        QCOMPARE(view.badge(QStringLiteral("discogs"))->health(), Health::Healthy);
        QCOMPARE(view.drainCard()->value(), SummaryModel::tr("Empty"));
        // Other sources: the badges are rebuilt for them.
        models.applySnapshot(parse(R"({"queue": {"pending": 3},
            "source_health": {"beatport": "degraded"}})"));
        QCOMPARE(view.badges().size(), 1);
        QCOMPARE(view.badge(QStringLiteral("beatport"))->health(), Health::Degraded);
        QVERIFY(!view.badge(QStringLiteral("spotify")));

        view.resize(1600, view.heightFor(1600));
        QCOMPARE(view.chartColumns(), 3);
        view.show();
        QStringList written;
        QString error;
        const QString dir = m_dir.filePath(QStringLiteral("view-export"));
        QVERIFY2(DashboardExporter(&view).exportAll(dir, &written, &error), qPrintable(error));
        QCOMPARE(written.size(), dashboardChartIds().size() * 3 + 3);
        QFile csv(QDir(dir).filePath(QStringLiteral("dashboard.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QVERIFY(csv.readAll().contains("queue,pending,count,3\r\n"));
        const QImage png(QDir(dir).filePath(QStringLiteral("dashboard.png")));
        QCOMPARE(png.size(), view.size());
        // Exported in the turn the data arrived, the charts were still laid out: the
        // category names left of the bars take room from the plot area.
        const QChart *health = view.panel(QStringLiteral("source_health"))->chart();
        QVERIFY2(health->plotArea().left() > 20,
                 qPrintable(QString::number(health->plotArea().left())));
        for (QWidget *w : QApplication::topLevelWidgets())
            QVERIFY2(!qobject_cast<QMainWindow *>(w), "the export built a window");
    }

    void workersPanelAppearsForAFleetOnly()
    {
        DashboardModels models;
        EventLogModel log(10);
        DashboardView view(&models, &log);
        view.resize(1400, 900);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QByteArray one = R"({"queue": {"pending": 5},
            "circuit_breakers": {"spotify": {"state": "closed"}}, "service": {"worker_id": "a"}})";
        models.applySnapshot(parse(one));
        QVERIFY(!view.workersPanel()->isVisibleTo(&view));
        QCOMPARE(view.sourcesCaption(), QStringLiteral("Sources"));

        // A worker of a fleet: the panel, the grid, and whose numbers the sources are.
        QByteArray worker = one;
        worker.chop(1);
        worker += R"(, "workers": [
            {"id": "a", "state": "active", "circuit_breakers": {"spotify": "closed"}},
            {"id": "b", "state": "lost", "circuit_breakers": {"spotify": "open"}}]})";
        models.applySnapshot(parse(worker));
        QVERIFY(view.workersPanel()->isVisibleTo(&view));
        QCOMPARE(view.workersPanel()->table()->model()->rowCount(), 2);
        QCOMPARE(view.workersPanel()->summaryText(),
                 QStringLiteral("Workers: 2 (1 active, 1 lost)"));
        QVERIFY(view.sourcesCaption().contains(QStringLiteral("worker a")));
        QCOMPARE(view.queueCard(QueueStatus::Pending)->detail(),
                 QStringLiteral("tracks, whole fleet"));

        QVERIFY(view.workersPanel()->autoscaleText().isEmpty()); // the backend says no number

        // The number against the live workers, and why; in bold while they differ.
        QByteArray scaled = worker;
        scaled.chop(1);
        scaled += R"(, "autoscale": {"desired_workers": 3, "live_workers": 1, "reason": "backlog",
            "backlog": 1800, "target_drain_seconds": 3600, "drain_seconds_left": 3600,
            "rate_per_worker": 10, "uncapped_workers": 3, "open_sources": [],
            "min_workers": 0, "max_workers": 10}})";
        models.applySnapshot(parse(scaled));
        auto *autoscale = view.workersPanel()->findChild<QLabel *>(QStringLiteral("workersAutoscale"));
        QVERIFY(autoscale && autoscale->isVisibleTo(&view));
        QCOMPARE(view.workersPanel()->autoscaleText(),
                 QStringLiteral("Desired workers: 3 (1 live): %1 queued, 10 a minute per worker: "
                                "drains within 1 h")
                     .arg(QLocale().toString(1800)));
        QVERIFY(autoscale->font().bold());
        QVERIFY(autoscale->toolTip().contains(QStringLiteral("Rate per worker: 10.0 tracks a minute")));
        // Held at the live worker while spotify's breaker is open: nothing to change, not bold.
        scaled.replace(R"("desired_workers": 3)", R"("desired_workers": 1)");
        scaled.replace(R"("reason": "backlog")", R"("reason": "breaker_open")");
        scaled.replace(R"("open_sources": [])", R"("open_sources": ["spotify"])");
        models.applySnapshot(parse(scaled));
        QCOMPARE(view.workersPanel()->autoscaleText(),
                 QStringLiteral("Desired workers: 1 (1 live): held while the breaker of spotify is "
                                "open; the backlog alone asks for 3"));
        QVERIFY(!autoscale->font().bold());
        QVERIFY(autoscale->toolTip().contains(QStringLiteral("Open breakers (not counted): spotify")));

        // A relay (not one of the workers): the breakers are the fleet's.
        QByteArray relay = worker;
        relay.replace(R"("worker_id": "a")", R"("worker_id": "relay-1")");
        models.applySnapshot(parse(relay));
        QVERIFY(view.sourcesCaption().contains(QStringLiteral("fleet")));

        models.applySnapshot(parse(one)); // back to one backend
        QVERIFY(!view.workersPanel()->isVisibleTo(&view));
    }

    void forecastChartProjectsTheBacklog()
    {
        DashboardModels models;
        EventLogModel log(10);
        DashboardView view(&models, &log);
        view.setAttribute(Qt::WA_DontShowOnScreen);
        auto *chart = qobject_cast<ForecastChart *>(view.panel(QStringLiteral("forecast")));
        QVERIFY(chart);
        chart->flush();
        QVERIFY(chart->headline().startsWith(QStringLiteral("No forecast")));

        // An hour of history, one sample every 30 s, draining 20 tracks a minute from 3000.
        const qint64 start = QDateTime::currentMSecsSinceEpoch() - 3'600'000;
        QList<HistoryPoint> history;
        for (int i = 0; i < 120; ++i) {
            HistoryPoint p;
            p.timestamp = QDateTime::fromMSecsSinceEpoch(start + i * 30'000, Qt::UTC);
            p.queue[0] = 3000 - i * 10;
            history.append(p);
        }
        models.applyHistory(history);
        chart->flush();
        QVERIFY2(chart->headline().startsWith(QStringLiteral("Empty in ≈ 1 h 30 min (at ")),
                 qPrintable(chart->headline())); // 1810 left at 20 a minute: 90 minutes
        QVERIFY(chart->observedPoints() >= 59);
        // Projected until a little after the drain (90 minutes + 18), not the whole 4 h.
        QCOMPARE(chart->projectedPoints(), 90 + 18 + 1);
        const QByteArray csv = chart->csv();
        QVERIFY(csv.startsWith("timestamp,kind,pending,low_95,high_95"));
        QVERIFY(csv.contains(",observed,"));
        QVERIFY(csv.contains(",forecast,"));
    }

    // Success rates, rate limits left and field coverage are percentages: their axis runs
    // from 0 to 100 whatever the values, so that a glance compares them across sources.
    void percentChartsRunFromZeroToAHundred()
    {
        DashboardModels models;
        QWidget parent;
        const QList<ChartPanel *> charts =
            createDashboardCharts(&models, parent.palette(), &parent);
        QCOMPARE(charts.size(), dashboardChartIds().size());
        int percent = 0;
        for (ChartPanel *chart : charts) {
            QCOMPARE(chart->id(), dashboardChartIds().at(charts.indexOf(chart)));
            const auto *bars = qobject_cast<CategoryBarChart *>(chart);
            const bool isPercent = chart->id() == QLatin1String("success_rate") ||
                                   chart->id() == QLatin1String("rate_limits") ||
                                   chart->id() == QLatin1String("coverage");
            if (!isPercent)
                continue;
            QVERIFY2(bars, qPrintable(chart->id()));
            QCOMPARE(bars->spec().minValue, std::optional<double>(0));
            QCOMPARE(bars->spec().maxValue, std::optional<double>(100));
            ++percent;
        }
        QCOMPARE(percent, 3);
    }

    void severalBackendsSideBySideInTabs()
    {
        auto a = backend();
        enrichment::BackendOptions o = testsupport::testBackendOptions();
        o.historyIntervalMs = enrichment::BackendOptions().historyIntervalMs;
        o.demo.seedTracks = 7; // tells the second backend apart
        auto started =
            testsupport::startBackend(o, m_dir.filePath(QStringLiteral("second.sqlite")));
        enrichment::BackendService &b = *started;

        Rig rig(a->url());
        QVERIFY(rig.window.tabs()->tabBar()->isHidden() || rig.window.tabs()->count() == 1);
        Connection staging(&rig.nam);
        staging.setName(QStringLiteral("staging"));
        BackendFeed &second = *staging.feed();
        const int index = rig.window.addConnection(&staging);
        QCOMPARE(index, 1);
        QCOMPARE(rig.window.indexOf(&staging), 1);
        rig.connection.setName(QStringLiteral("production"));
        QCOMPARE(rig.window.tabs()->tabText(0), QStringLiteral("production"));
        QCOMPARE(rig.window.connectionCount(), 2);
        QVERIFY(!rig.window.tabs()->tabBar()->isHidden());
        QCOMPARE(rig.window.tabs()->tabText(1), QStringLiteral("staging"));
        second.setBaseUrl(b.url());
        rig.feed.start();
        second.start();

        // Both stay connected; the status bar names each with its state.
        QTRY_COMPARE(rig.window.page(0)->statusText(), QStringLiteral("production: Live"));
        QTRY_COMPARE(rig.window.page(1)->statusText(), QStringLiteral("staging: Live"));
        QTRY_COMPARE(rig.window.page(0)->view()->queueCard(QueueStatus::Pending)->value(),
                     QLocale().toString(40));
        QTRY_COMPARE(rig.window.page(1)->view()->queueCard(QueueStatus::Pending)->value(),
                     QLocale().toString(7));
        QCOMPARE(rig.window.currentPage()->view(), rig.window.page(0)->view());

        // Switching is instant: the other tab's numbers are already there.
        QSignalSpy changed(&rig.window, &DashboardWindow::currentConnectionChanged);
        rig.window.tabs()->setCurrentIndex(1);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(rig.window.currentConnection(), 1);
        QCOMPARE(rig.window.currentPage()->view(), rig.window.page(1)->view());
        QCOMPARE(rig.window.currentPage()->connection()->feed(), &second);
        QCOMPARE(rig.window.currentPage()->view()->queueCard(QueueStatus::Pending)->value(),
                 QLocale().toString(7));
        QCOMPARE(rig.window.connectionIndicator()->stateText(), QStringLiteral("Live"));
        // Refresh Now asks the backend shown (once the fetches of the start are done: one
        // asked during a fetch is queued behind it).
        QTRY_VERIFY(!second.isFetching() && !rig.feed.isFetching());
        const int fetches = second.fetchCount();
        const int otherFetches = rig.feed.fetchCount();
        rig.window.refreshAction()->trigger();
        QCOMPARE(second.fetchCount(), fetches + 1);
        QCOMPARE(rig.feed.fetchCount(), otherFetches);
        // Auto-refresh is one setting for all.
        rig.window.autoRefreshAction()->setChecked(false);
        QVERIFY(!rig.feed.autoRefresh());
        QVERIFY(!second.autoRefresh());

        second.stop();
        QTRY_COMPARE(rig.window.page(1)->statusText(), QStringLiteral("staging: Disconnected"));
        QCOMPARE(rig.window.page(0)->statusText(), QStringLiteral("production: Live"));
        rig.feed.stop();
    }

    void connectionsAreKeptWithoutTheirTokens()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("c.ini")), QSettings::IniFormat);
        SavedConnection prod{QStringLiteral("production"),
                             QUrl(QStringLiteral("https://enrich.example.org:8020")),
                             dir.filePath(QStringLiteral("prod.token")), true};
        SavedConnection staging{QStringLiteral("staging"),
                                QUrl(QStringLiteral("http://10.0.0.5:8020")),
                                QString(),
                                false,
                                QUrl(QStringLiteral("http://10.0.0.5:9090")),
                                dir.filePath(QStringLiteral("prom.token"))};
        ConnectionList::save(settings, {prod, staging});
        settings.sync();
        QCOMPARE(ConnectionList::load(settings), QList<SavedConnection>({prod, staging}));
        // What cannot be kept is said, and not loaded.
        QVERIFY(!ConnectionList::problem({QString(), prod.url, {}, true}, {}).isEmpty());
        QVERIFY(!ConnectionList::problem(
                     {QStringLiteral("x"), QUrl(QStringLiteral("ftp://h")), {}, true}, {})
                     .isEmpty());
        QVERIFY(
            ConnectionList::problem(
                {QStringLiteral("x"), QUrl(QStringLiteral("https://user:secret@h")), {}, true}, {})
                .contains(QStringLiteral("token file")));
        QVERIFY(
            !ConnectionList::problem({QStringLiteral("Production"), staging.url, {}, true}, {prod})
                 .isEmpty()); // names are unique, whatever their case
        QVERIFY(
            !ConnectionList::problem(
                 {QStringLiteral("x"), staging.url, {}, true, QUrl(QStringLiteral("file:///prom"))},
                 {})
                 .isEmpty());

        // The dialog: add one, a bad URL blocks OK with the reason, fix it, remove another.
        ConnectionsDialog dialog({prod, staging});
        QCOMPARE(dialog.list()->count(), 2);
        QCOMPARE(dialog.list()->item(1)->text(), QStringLiteral("staging (not watched)"));
        dialog.addButton()->click();
        QCOMPARE(dialog.list()->count(), 3);
        dialog.nameEdit()->clear();
        QTest::keyClicks(dialog.nameEdit(), QStringLiteral("lab"));
        dialog.urlEdit()->clear();
        QTest::keyClicks(dialog.urlEdit(), QStringLiteral("ftp://lab"));
        QVERIFY(dialog.problemText().contains(QStringLiteral("lab")));
        auto *ok = dialog.findChild<QDialogButtonBox *>()->button(QDialogButtonBox::Ok);
        QVERIFY(!ok->isEnabled());
        dialog.urlEdit()->clear();
        QTest::keyClicks(dialog.urlEdit(), QStringLiteral("http://lab:8020"));
        QVERIFY(dialog.problemText().isEmpty());
        QVERIFY(ok->isEnabled());
        QTest::keyClicks(dialog.prometheusEdit(), QStringLiteral("http://lab:9090"));
        dialog.list()->setCurrentRow(1);
        dialog.removeButton()->click();
        const QList<SavedConnection> edited = dialog.connections();
        QCOMPARE(edited.size(), 2);
        QCOMPARE(edited.at(0), prod);
        QCOMPARE(edited.at(1).name, QStringLiteral("lab"));
        QCOMPARE(edited.at(1).url, QUrl(QStringLiteral("http://lab:8020")));
        QCOMPARE(edited.at(1).prometheus, QUrl(QStringLiteral("http://lab:9090")));
        QVERIFY(edited.at(1).watch);

        // Every label reads as words (a mnemonic never shows its '&'), no placeholder is
        // cut, and the backends the command line opened are listed, not saved.
        for (QLabel *label : dialog.findChildren<QLabel *>())
            QVERIFY2(!label->text().contains(QLatin1Char('&')) || label->buddy(),
                     qPrintable(label->text()));
        for (QLineEdit *edit : dialog.findChildren<QLineEdit *>())
            QVERIFY2(edit->minimumWidth() >=
                         edit->fontMetrics().horizontalAdvance(edit->placeholderText()),
                     qPrintable(edit->placeholderText()));
        QVERIFY(dialog.commandLineText().isEmpty());
        dialog.setCommandLineUrls({QStringLiteral("http://127.0.0.1:8020")});
        QVERIFY(dialog.commandLineText().contains(QStringLiteral("http://127.0.0.1:8020")));
        QCOMPARE(dialog.connections().size(), 2);
    }

    void dayOfSamplesIsDownsampledToThePixelWidth()
    {
        DashboardModels models;
        TimeSeriesChart chart(QStringLiteral("t"), QStringLiteral("t"), models.processingRate(), {},
                              QStringLiteral("v"));
        chart.resize(600, 300);
        chart.show();
        const qint64 start = 1'800'000'000'000;
        QList<QPair<qint64, QList<std::optional<double>>>> day;
        for (int i = 0; i < 86'400; ++i)
            day.append({start + qint64(i) * 1000, {double(i % 600)}});
        models.processingRate()->merge(day);
        chart.setClock([start] { return start + 86'400'000; });
        chart.setSpanMinutes(1440);
        chart.flush();
        QVERIFY(chart.hasData());
        QVERIFY2(chart.pointCount(0) <= 2 * 600, qPrintable(QString::number(chart.pointCount(0))));
        QVERIFY(chart.pointCount(0) > 100);
        // The tooltip under the mouse: when, which series, how much.
        const QString tip = chart.valueText(0, QPointF(double(start + 3'600'000), 240.0));
        QVERIFY2(tip.contains(QStringLiteral("240")) &&
                     tip.contains(models.processingRate()->seriesLabel(0)),
                 qPrintable(tip));
        QVERIFY2(
            tip.contains(QLocale()
                             .toString(QDateTime::fromMSecsSinceEpoch(start + 3'600'000).time(),
                                       QLocale::ShortFormat)
                             .left(4)),
            qPrintable(tip));
    }

    void followsADarkPalette()
    {
        DashboardModels models;
        CachePieChart chart(QStringLiteral("cache"), QStringLiteral("cache"), models.cache());
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x20, 0x21, 0x24));
        dark.setColor(QPalette::Base, QColor(0x17, 0x18, 0x1a));
        dark.setColor(QPalette::Text, QColor(0xe8, 0xea, 0xed));
        chart.setPalette(dark);
        QCOMPARE(chart.chart()->backgroundBrush().color(), QColor(0x17, 0x18, 0x1a));
        QVERIFY(StatusStyle::isDark(dark));
        QVERIFY(StatusStyle::healthColor(Health::Down, dark).lightness() >
                StatusStyle::healthColor(Health::Down, QPalette(Qt::white)).lightness());
    }
};

QTEST_MAIN(TestDashboardWindow)
#include "tst_dashboardwindow.moc"
