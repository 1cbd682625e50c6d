// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QGuiApplication>
#include <QAction>
#include <QComboBox>
#include <QHttpServer>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTemporaryDir>
#include <QtTest>

#include "DashboardModels.h"
#include "DashboardView.h"
#include "Connection.h"
#include "ConnectionPage.h"
#include "DashboardWindow.h"
#include "PipelineActions.h"
#include "ErrorBanner.h"
#include "EventLogModel.h"
#include "HealthBadge.h"
#include "IncidentRecorder.h"
#include "BackendFeed.h"
#include "OperatorActions.h"
#include "OperatorModels.h"
#include "OperatorViews.h"
#include "Pipeline.h"
#include "Ports.h"
#include "ScriptedSource.h"
#include "ServiceInternals.h"
#include "SourcesModel.h"
#include "SourcesTable.h"
#include "StatCard.h"
#include "TimeSeriesChart.h"
#include "TimeSeriesModel.h"
#include "enrichment/BackendService.h"
#include "InProcessBackend.h"

using namespace dashboard;
using enrichment::BackendOptions;
using enrichment::BackendService;

/// The operator's views and actions in the window, against a real backend in this process
/// (scripted sources: every outcome known in advance) over real sockets: search, open a
/// track, retry a group through the confirmation and watch the counts move; a viewer's
/// token; a service without the endpoints; and two dashboards that see each other's
/// actions in their incident logs.
class TestOperatorViews : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_backends = 0;

    /// A backend on @p port (0: any free one).
    std::unique_ptr<BackendService> backend(BackendOptions o = {}, quint16 port = 0)
    {
        o.runPipeline = false;
        o.historyIntervalMs = 0;
        o.retryBackoffMs = 0;
        o.breakerFailureThreshold = 1000;
        auto s = testsupport::startBackend(
            o, m_dir.filePath(QStringLiteral("q%1.sqlite").arg(++m_backends)), nullptr,
            testsupport::scriptedSources(), port);
        // Four rate-limited at spotify, one timed out at musicbrainz, one partial, two done.
        s->enqueue({QStringLiteral("rl-1"), QStringLiteral("rl-2"), QStringLiteral("rl-3"),
                    QStringLiteral("rl-4"), QStringLiteral("to-1"), QStringLiteral("pa-1"),
                    QStringLiteral("ok-1"), QStringLiteral("ok-2")});
        for (int i = 0; i < 100 && s->queueCounts()[0] > 0; ++i)
            enrichment::internals(*s).pipeline().runBatchNow();
        return s;
    }

    struct Rig
    {
        QNetworkAccessManager nam;
        Connection connection{&nam};
        BackendFeed &feed = *connection.feed();
        DashboardWindow window;
        QStringList confirmations;
        bool answer = true;
        explicit Rig(const QUrl &url, const QByteArray &token = {})
        {
            window.addConnection(&connection);
            connection.setBackend(url, token);
            feed.setBackoff(50, 300);
            window.resize(1400, 900);
            window.show();
            window.currentPage()->operatorActions()->setConfirmer(
                [this](const QString &, const QString &text) {
                    confirmations << text;
                    return answer;
                });
            feed.start();
        }
        OperatorActions *ops() const { return window.currentPage()->operatorActions(); }
        QString card(QueueStatus s) const
        {
            return window.currentPage()->view()->queueCard(s)->value();
        }
    };

    static bool logHas(const Rig &rig, const QString &text)
    {
        for (int r = 0; r < rig.connection.eventLog()->rowCount(); ++r)
            if (rig.connection.eventLog()->message(r).contains(text))
                return true;
        return false;
    }

    static int rowOf(const FailuresModel *m, const QString &errorType)
    {
        for (int r = 0; r < m->rowCount(); ++r)
            if (m->group(r).errorType == errorType)
                return r;
        return -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("enrichment-monitor-tests"));
    }

    void searchOpenAndRetryAGroupThroughTheConfirmation()
    {
        auto b = backend();
        Rig rig(b->url());
        QTRY_COMPARE(rig.ops()->access(), OperatorActions::Access::Operator);
        FailuresModel *failures = rig.ops()->failures();
        QAbstractItemModelTester tester(failures);
        QTRY_COMPARE(failures->rowCount(), 3); // http_429, timeout, and the partial one
        QTRY_COMPARE(rig.card(QueueStatus::Failed), QStringLiteral("5"));
        const int rateLimited = rowOf(failures, QStringLiteral("http_429"));
        QVERIFY(rateLimited >= 0);
        QCOMPARE(failures->group(rateLimited).count, 4);
        QVERIFY(
            rig.window.currentPage()->failuresView()->summaryText().contains(QStringLiteral("6")));

        // Search by id prefix, then open a track: its attempts are its timeline.
        TracksView *tracks = rig.window.currentPage()->tracksView();
        QAbstractItemModelTester tracksTester(tracks->model());
        tracks->searchField()->setText(QStringLiteral("rl-"));
        tracks->search();
        QTRY_COMPARE(tracks->model()->rowCount(), 4);
        QCOMPARE(tracks->model()->track(0).trackId, QStringLiteral("rl-1"));
        // Nothing selected: nothing to open or retry.
        QVERIFY(!tracks->openButton()->isEnabled());
        QVERIFY(!tracks->retryButton()->isEnabled());
        tracks->table()->selectRow(1);
        QVERIFY(tracks->openButton()->isEnabled());
        QVERIFY(tracks->retryButton()->isEnabled()); // a failed track
        // The list as CSV, as the exports write it.
        tracks->findChild<QPushButton *>(QStringLiteral("copyCsv"))->click();
        const QStringList csv =
            QGuiApplication::clipboard()->text().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(csv.size(), 5);
        QVERIFY2(csv.at(0).contains(QStringLiteral("track_id")), qPrintable(csv.at(0)));
        QVERIFY(csv.at(1).startsWith(QStringLiteral("rl-1,")));
        rig.window.currentPage()
            ->failuresView()
            ->findChild<QPushButton *>(QStringLiteral("copyCsv"))
            ->click();
        QVERIFY(QGuiApplication::clipboard()->text().contains(QStringLiteral("http_429")));
        QCOMPARE(tracks->model()->track(0).errorType, QStringLiteral("http_429"));
        tracks->openRow(0);
        QTRY_VERIFY(tracks->detailDialog() && tracks->detailDialog()->isVisible());
        TrackDetailDialog *detail = tracks->detailDialog();
        QAbstractItemModelTester attemptsTester(detail->attempts());
        QCOMPARE(detail->trackId(), QStringLiteral("rl-1"));
        QVERIFY(detail->retryButton()->isEnabled()); // failed: it may be retried
        QCOMPARE(detail->attempts()->rowCount(), 9); // three tries of three sources
        QCOMPARE(detail->attempts()->attempt(2).detail,
                 QStringLiteral("HTTP 429 Too Many Requests"));
        QCOMPARE(detail->metadata()->rowCount(), 0); // it found nothing
        QVERIFY2(detail->lookupLabel()->text().contains(QStringLiteral("id only")),
                 qPrintable(detail->lookupLabel()->text()));
        QVERIFY(
            !detail->findChild<QTableView *>(QStringLiteral("metadataTable"))->isVisibleTo(detail));
        detail->close();
        // A prefix with characters a query must escape reaches the backend as typed.
        b->enqueue(QList<enrichment::TrackLookup>{
            {QStringLiteral("ok &x/y?z"), QStringLiteral("Caribou"), QStringLiteral("Odessa"),
             QStringLiteral("CAXX11000001"), 309'400},
            {QStringLiteral("ok &xa"), {}, {}, {}, 0}});
        tracks->searchField()->setText(QStringLiteral("ok &x/"));
        tracks->search();
        QTRY_COMPARE(tracks->model()->rowCount(), 1);
        QCOMPARE(tracks->model()->track(0).trackId, QStringLiteral("ok &x/y?z"));
        tracks->openRow(0);
        QTRY_COMPARE(tracks->detailDialog()->trackId(), QStringLiteral("ok &x/y?z"));
        QVERIFY(!tracks->detailDialog()->retryButton()->isEnabled()); // pending: nothing to retry
        // What the sources look it up by, as it was queued.
        QTRY_COMPARE(tracks->detailDialog()->lookupLabel()->text(),
                     QStringLiteral("Caribou — Odessa · ISRC CAXX11000001 · 5:09"));
        tracks->table()->selectRow(0);
        QVERIFY(tracks->openButton()->isEnabled());
        QVERIFY(!tracks->retryButton()->isEnabled());
        tracks->detailDialog()->close();
        // A completed track shows what it ended up with, each field from the waterfall's
        // first source that had it (musicbrainz and discogs both find bpm).
        tracks->searchField()->setText(QStringLiteral("ok-2"));
        tracks->search();
        QTRY_VERIFY(tracks->model()->rowCount() > 0 &&
                    tracks->model()->track(0).trackId == QLatin1String("ok-2"));
        tracks->openRow(0);
        QTRY_COMPARE(detail->trackId(), QStringLiteral("ok-2"));
        QAbstractItemModelTester metadataTester(detail->metadata());
        QCOMPARE(detail->metadata()->rowCount(), 2);
        const QModelIndex bpm = detail->metadata()->index(0, MetadataModel::FieldColumn);
        QCOMPARE(bpm.data().toString(), QStringLiteral("BPM"));
        QCOMPARE(bpm.siblingAtColumn(MetadataModel::ValueColumn).data().toString(),
                 QStringLiteral("musicbrainz:ok-2"));
        QCOMPARE(bpm.siblingAtColumn(MetadataModel::SourceColumn).data().toString(),
                 QStringLiteral("musicbrainz"));
        QCOMPARE(detail->metadata()->entry(1).field, QStringLiteral("isrc"));
        QCOMPARE(detail->metadata()->entry(1).value, QStringLiteral("spotify:ok-2"));
        QVERIFY(
            detail->findChild<QTableView *>(QStringLiteral("metadataTable"))->isVisibleTo(detail));
        detail->close();

        // Declined: nothing changes.
        rig.answer = false;
        rig.window.currentPage()->failuresView()->retryRow(rateLimited);
        QCOMPARE(rig.confirmations.size(), 1);
        QVERIFY2(rig.confirmations.constLast().contains(QStringLiteral("4")),
                 qPrintable(rig.confirmations.constLast()));
        QVERIFY(!rig.ops()->client()->busy()); // nothing was sent
        QCOMPARE(b->queueCounts()[std::size_t(QueueStatus::Failed)], 5);

        // Confirmed: the four go back to pending, and the window's numbers follow.
        rig.answer = true;
        QSignalSpy finished(rig.ops(), &OperatorActions::actionFinished);
        rig.window.currentPage()->failuresView()->retryRow(rateLimited);
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(finished.at(0).at(0).toBool());
        QCOMPARE(b->queueCounts()[std::size_t(QueueStatus::Failed)], 1);
        QTRY_COMPARE(rig.card(QueueStatus::Failed), QStringLiteral("1"));
        QTRY_COMPARE(rig.card(QueueStatus::Pending), QStringLiteral("6")); // and the 2 above
        QTRY_COMPARE(failures->rowCount(), 2);
        // The room tells every dashboard, this one too, who did what.
        QTRY_VERIFY(
            logHas(rig, QStringLiteral("local retried tracks (failed · HTTP 429 · spotify): 4")));
    }

    // The confirmation is a modal dialog: its event loop lets the live feed replace the
    // failure groups under it. What is sent must be the group the operator chose, not what
    // sits at that row (or in that freed memory) once the dialog closes.
    void aRetryGroupSurvivesARefreshUnderItsConfirmation()
    {
        auto b = backend();
        Rig rig(b->url());
        QTRY_COMPARE(rig.ops()->access(), OperatorActions::Access::Operator);
        FailuresModel *failures = rig.ops()->failures();
        QTRY_COMPARE(failures->rowCount(), 3);
        const int timeouts = rowOf(failures, QStringLiteral("timeout"));
        QVERIFY(timeouts >= 0);

        bool refreshed = false;
        rig.ops()->setConfirmer([&](const QString &, const QString &) {
            // While "the dialog is open": the queue changes (the four rate-limited tracks
            // are retried by someone else) and the groups are fetched anew.
            QSignalSpy reset(failures, &QAbstractItemModel::modelReset);
            const enrichment::ApiReply r =
                b->act(QStringLiteral("retry"), R"({"status": "failed", "error_type": "http_429"})",
                       QStringLiteral("someone-else"));
            if (r.status != 200)
                return false;
            rig.ops()->refreshFailures();
            refreshed = reset.wait(5000) && failures->rowCount() == 2;
            return true;
        });
        QSignalSpy finished(rig.ops(), &OperatorActions::actionFinished);
        rig.window.currentPage()->failuresView()->retryRow(timeouts);
        QVERIFY(refreshed);
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));

        // The backend's audit log has exactly the chosen group.
        const QList<enrichment::AuditEntry> audit = enrichment::internals(*b).store().audit(2);
        QCOMPARE(audit.size(), 2);
        QCOMPARE(audit.at(1).actor, QStringLiteral("someone-else"));
        QCOMPARE(audit.constFirst().action, QStringLiteral("retry"));
        const QJsonObject p = QJsonDocument::fromJson(audit.constFirst().parameters).object();
        QCOMPARE(p.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(p.value(QLatin1String("error_type")).toString(), QStringLiteral("timeout"));
        QCOMPARE(p.value(QLatin1String("source")).toString(), QStringLiteral("musicbrainz"));
        QCOMPARE(b->queueCounts()[std::size_t(QueueStatus::Failed)], 0);
    }

    // The operator's main paths on a pipeline that keeps running: tracks keep arriving, the
    // room pushes a snapshot after every batch, and each confirmation stays open while the
    // window refreshes under it (as a modal dialog's event loop lets it). What reaches the
    // backend is exactly what the operator chose.
    void operatorPathsHoldOnARunningPipeline()
    {
        BackendOptions o = testsupport::testBackendOptions();
        o.runPipeline = true; // the pipeline runs by itself here
        o.retryBackoffMs = 0;
        o.batchIntervalMs = 50;
        o.breakerFailureThreshold = 3;
        auto b = testsupport::startBackend(
            o, m_dir.filePath(QStringLiteral("q%1.sqlite").arg(++m_backends)), nullptr,
            testsupport::scriptedSources());
        // New work every 50 ms: rate-limited tracks keep spotify's breaker tripping,
        // completed ones keep the snapshot moving.
        int next = 0;
        QTimer feeder;
        connect(&feeder, &QTimer::timeout, b.get(), [&] {
            ++next;
            b->enqueue(
                {QStringLiteral("rl-live-%1").arg(next), QStringLiteral("ok-live-%1").arg(next)});
        });
        feeder.start(50);
        Rig rig(b->url());
        QTRY_COMPARE(rig.ops()->access(), OperatorActions::Access::Operator);
        // Every confirmation waits for two fresh snapshots before it answers.
        int refreshesUnderDialogs = 0;
        rig.ops()->setConfirmer([&](const QString &, const QString &) {
            QSignalSpy snapshots(&rig.feed, &BackendFeed::snapshotReceived);
            if (snapshots.wait(5000) && (snapshots.count() >= 2 || snapshots.wait(5000)))
                ++refreshesUnderDialogs;
            return true;
        });
        auto lastAudit = [&] {
            const QList<enrichment::AuditEntry> a = enrichment::internals(*b).store().audit(1);
            return a.isEmpty() ? enrichment::AuditEntry{} : a.constFirst();
        };
        auto spotifyState = [&] {
            for (const SourceInfo &s : rig.connection.models()->sources()->sources())
                if (s.name == QLatin1String("spotify") && s.breaker)
                    return std::optional<BreakerState>(s.breaker->state);
            return std::optional<BreakerState>();
        };

        // Close spotify's breaker from its menu once the window shows it open.
        QTRY_VERIFY_WITH_TIMEOUT(spotifyState() == BreakerState::Open, 10000);
        {
            std::unique_ptr<QMenu> menu(
                rig.window.currentPage()->sourceMenu(QStringLiteral("spotify")));
            QAction *close = nullptr;
            for (QAction *a : menu->actions())
                if (a->text().contains(QStringLiteral("Close Circuit")))
                    close = a;
            QVERIFY(close && close->isEnabled());
            QSignalSpy finished(rig.ops(), &OperatorActions::actionFinished);
            close->trigger();
            QTRY_COMPARE(finished.count(), 1);
            QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        }
        QCOMPARE(refreshesUnderDialogs, 1);
        enrichment::AuditEntry audit = lastAudit();
        QCOMPARE(audit.action, QStringLiteral("breaker"));
        QJsonObject p = QJsonDocument::fromJson(audit.parameters).object();
        QCOMPARE(p.value(QLatin1String("source")).toString(), QStringLiteral("spotify"));
        QCOMPARE(p.value(QLatin1String("action")).toString(), QStringLiteral("close"));

        // Pause discogs from its menu.
        {
            std::unique_ptr<QMenu> menu(
                rig.window.currentPage()->sourceMenu(QStringLiteral("discogs")));
            QAction *pause = menu->findChild<QAction *>(QStringLiteral("pauseSource"));
            QVERIFY(pause && pause->isEnabled());
            QSignalSpy finished(rig.ops(), &OperatorActions::actionFinished);
            pause->trigger();
            QTRY_COMPARE(finished.count(), 1);
            QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        }
        QCOMPARE(refreshesUnderDialogs, 2);
        audit = lastAudit();
        QCOMPARE(audit.action, QStringLiteral("pause"));
        p = QJsonDocument::fromJson(audit.parameters).object();
        QCOMPARE(p.value(QLatin1String("source")).toString(), QStringLiteral("discogs"));
        QTRY_COMPARE(rig.ops()->pausedSources(), QStringList{QStringLiteral("discogs")});

        // Retry a failure group while the groups keep changing: the retry names the group
        // the operator chose, not whatever row it is in by the time the dialog closes.
        FailuresModel *failures = rig.ops()->failures();
        QTRY_VERIFY_WITH_TIMEOUT(failures->rowCount() > 0, 15000);
        const FailureGroupInfo chosen = failures->group(0);
        {
            QSignalSpy finished(rig.ops(), &OperatorActions::actionFinished);
            rig.window.currentPage()->failuresView()->retryRow(0);
            QTRY_COMPARE(finished.count(), 1);
            QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(finished.at(0).at(1).toString()));
        }
        QCOMPARE(refreshesUnderDialogs, 3);
        audit = lastAudit();
        QCOMPARE(audit.action, QStringLiteral("retry"));
        p = QJsonDocument::fromJson(audit.parameters).object();
        QCOMPARE(p.value(QLatin1String("error_type")).toString(), chosen.errorType);
        QCOMPARE(p.value(QLatin1String("source")).toString(), chosen.errorSource);

        // Open a track while batches keep finishing: the dialog shows that track.
        TracksView *tracks = rig.window.currentPage()->tracksView();
        tracks->searchField()->setText(QStringLiteral("ok-live-1"));
        tracks->search();
        QTRY_VERIFY(tracks->model()->rowCount() > 0 &&
                    tracks->model()->track(0).trackId == QLatin1String("ok-live-1"));
        tracks->openRow(0);
        QTRY_VERIFY(tracks->detailDialog() && tracks->detailDialog()->isVisible());
        QTRY_COMPARE(tracks->detailDialog()->trackId(), QStringLiteral("ok-live-1"));
        QTRY_VERIFY(tracks->detailDialog()->metadata()->rowCount() >= 1);
        tracks->detailDialog()->close();
        feeder.stop();
        b->stop();
    }

    // A backend that goes away is said within seconds: a banner, cards and badges as last
    // known, actions disabled with the reason, and a gap with a band in the time charts;
    // when it is back on the same port, all of that lifts and the line starts again.
    void aLostBackendIsShownAtOnceAndActionsWait()
    {
        const quint16 port = testsupport::restartablePort();
        auto b = backend({}, port);
        const QUrl url = b->url();
        Rig rig(url);
        QTRY_COMPARE(rig.ops()->access(), OperatorActions::Access::Operator);
        QTRY_VERIFY(rig.feed.state() == BackendFeed::ConnectionState::Live);
        QTRY_VERIFY(rig.connection.models()->processingRate()->size() > 0);
        QAction *pause = rig.window.findChild<QAction *>(QStringLiteral("pausePipeline"));
        QVERIFY(pause && pause->isEnabled());
        DashboardView *view = rig.window.currentPage()->view();
        QVERIFY(!view->connectionLostShown());

        QElapsedTimer lost;
        lost.start();
        b.reset(); // the backend stops
        QTRY_VERIFY_WITH_TIMEOUT(view->connectionLostShown(), 5000);
        QVERIFY2(lost.elapsed() < 5000, QByteArray::number(lost.elapsed()).constData());
        QVERIFY(rig.feed.isConnectionLost());
        QVERIFY(view->lostText().contains(QStringLiteral("out of reach")));
        QVERIFY(rig.window.currentPage()->view()->queueCard(QueueStatus::Failed)->isStale());
        for (HealthBadge *badge : view->badges())
            QVERIFY2(badge->isStale() && badge->text().contains(QStringLiteral("last known")),
                     qPrintable(badge->text()));
        QVERIFY(!view->sourcesTable()->isEnabled());
        QVERIFY(!pause->isEnabled());
        QVERIFY2(pause->toolTip().contains(QStringLiteral("does not answer")),
                 qPrintable(pause->toolTip()));
        QVERIFY(!rig.ops()->canAct());
        auto *rate =
            qobject_cast<TimeSeriesChart *>(view->panel(QStringLiteral("processing_rate")));
        QVERIFY(rate);
        QTRY_VERIFY(rate->markersShown()
                        .join(QLatin1Char('\n'))
                        .contains(QStringLiteral("Backend out of reach")));

        // Back on the same port: live again, and the line goes on after a gap.
        auto again = backend({}, port);
        QTRY_VERIFY_WITH_TIMEOUT(!view->connectionLostShown(), 15000);
        QTRY_VERIFY(pause->isEnabled());
        QVERIFY(!rig.window.currentPage()->view()->queueCard(QueueStatus::Failed)->isStale());
        QVERIFY(view->sourcesTable()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT((rate->flush(), rate->segmentCount(0)), 2, 10000);
    }

    void aFleetsBreakerConfirmationSaysItActsOnEveryWorker()
    {
        QNetworkAccessManager nam;
        BackendFeed feed(&nam);
        OperatorActions ops(&feed, nullptr);
        QStringList asked;
        ops.setConfirmer([&asked](const QString &, const QString &text) {
            asked << text;
            return false;
        });
        Snapshot s;
        QList<FleetWorker> workers;
        for (auto state : {FleetWorker::State::Active, FleetWorker::State::Idle,
                           FleetWorker::State::Active, FleetWorker::State::Lost}) {
            FleetWorker w;
            w.id = QStringLiteral("w%1").arg(workers.size());
            w.state = state;
            workers << w;
        }
        s.workers = workers;
        Q_EMIT feed.snapshotReceived(s);
        ops.breaker(QStringLiteral("discogs"), QStringLiteral("close"));
        QCOMPARE(asked.size(), 1);
        QVERIFY2(asked.at(0).contains(QStringLiteral("all 3 live workers")),
                 qPrintable(asked.at(0)));
        Q_EMIT feed.snapshotReceived(Snapshot{}); // a backend with a queue of its own
        ops.breaker(QStringLiteral("discogs"), QStringLiteral("close"));
        QVERIFY(!asked.at(1).contains(QStringLiteral("workers")));

        // Retrying a group into a breaker that is still open warns first.
        Snapshot open;
        SourceInfo discogs;
        discogs.name = QStringLiteral("discogs");
        BreakerInfo b;
        b.state = BreakerState::Open;
        discogs.breaker = b;
        open.sources = {discogs};
        Q_EMIT feed.snapshotReceived(open);
        FailureGroupInfo group;
        group.status = QueueStatus::Failed;
        group.errorType = QStringLiteral("timeout");
        group.errorSource = QStringLiteral("discogs");
        group.count = 3;
        ops.retryGroup(group);
        QVERIFY2(asked.constLast().contains(QStringLiteral("breaker is open")),
                 qPrintable(asked.constLast()));
        group.errorSource = QStringLiteral("spotify");
        ops.retryGroup(group);
        QVERIFY(!asked.constLast().contains(QStringLiteral("breaker is open")));
    }

    void pauseIsShownInTheBannerAndTheCard()
    {
        auto b = backend();
        Rig rig(b->url());
        QTRY_COMPARE(rig.ops()->access(), OperatorActions::Access::Operator);
        QAction *pause = rig.window.pipelineActions()->pauseAction();
        QVERIFY(pause->isEnabled());
        QVERIFY(rig.window.currentPage()->pausedBanner()->isHidden());
        pause->trigger();
        QCOMPARE(rig.confirmations.size(), 1);
        QTRY_VERIFY(rig.ops()->pipelinePaused());
        QTRY_VERIFY(!rig.window.currentPage()->pausedBanner()->isHidden());
        QCOMPARE(pause->text(), QStringLiteral("&Resume Pipeline"));
        b->enqueue({QStringLiteral("ok-3")});
        rig.feed.refresh();
        QTRY_COMPARE(rig.window.currentPage()->view()->drainCard()->value(),
                     QStringLiteral("Paused"));
        // The source menu pauses one source; the banner names it.
        std::unique_ptr<QMenu> menu(
            rig.window.currentPage()->sourceMenu(QStringLiteral("discogs")));
        // Its breaker is closed: nothing to close or probe is offered.
        for (QAction *a : menu->actions())
            QVERIFY2(!a->text().contains(QStringLiteral("Close Circuit")) &&
                         !a->text().contains(QStringLiteral("Probe")),
                     qPrintable(a->text()));
        QAction *pauseSource = menu->findChild<QAction *>(QStringLiteral("pauseSource"));
        QVERIFY(pauseSource && pauseSource->isEnabled());
        pauseSource->trigger();
        QTRY_COMPARE(rig.ops()->pausedSources(), QStringList{QStringLiteral("discogs")});
        QTRY_VERIFY(rig.window.currentPage()->pausedBanner()->message().contains(
            QStringLiteral("discogs")));
        QVERIFY(rig.window.currentPage()->view()->badge(QStringLiteral("discogs"))->isPaused());
        QVERIFY(rig.window.currentPage()
                    ->view()
                    ->badge(QStringLiteral("discogs"))
                    ->text()
                    .contains(QStringLiteral("paused")));
        QVERIFY(!rig.window.currentPage()->view()->badge(QStringLiteral("spotify"))->isPaused());
        // ... and so does its row in the table.
        const SourcesModel *sources = rig.connection.models()->sources();
        int discogs = -1;
        for (int r = 0; r < sources->rowCount(); ++r)
            if (sources->sources().at(r).name == QLatin1String("discogs"))
                discogs = r;
        QVERIFY(discogs >= 0);
        QVERIFY(sources->data(sources->index(discogs, SourcesModel::HealthColumn))
                    .toString()
                    .contains(QStringLiteral("paused")));
        // The Sources section's button has every source's actions.
        std::unique_ptr<QMenu> all(rig.window.currentPage()->sourcesMenu());
        QCOMPARE(all->actions().size(), sources->rowCount());
        QVERIFY(rig.window.currentPage()->view()->sourceActionsButton()->isVisible());
        // Resume from the banner: the pipeline first, then the sources.
        rig.window.currentPage()->pausedBanner()->retryButton()->click();
        QTRY_VERIFY(!rig.ops()->pipelinePaused());
        QVERIFY(!b->snapshot()
                     .value(QStringLiteral("pipeline"))
                     .toObject()
                     .value(QStringLiteral("paused"))
                     .toBool());
        QTRY_VERIFY(!rig.window.currentPage()->pausedBanner()->isHidden()); // discogs still paused
        QTRY_COMPARE(rig.window.currentPage()->pausedBanner()->retryButton()->text(),
                     QStringLiteral("Res&ume Sources"));
        rig.window.currentPage()->pausedBanner()->retryButton()->click();
        QTRY_VERIFY(rig.ops()->pausedSources().isEmpty());
        QTRY_VERIFY(rig.window.currentPage()->pausedBanner()->isHidden());
    }

    void tracksAreEnqueuedFromTheMenu()
    {
        auto b = backend();
        Rig rig(b->url());
        QTRY_COMPARE(rig.ops()->access(), OperatorActions::Access::Operator);
        QVERIFY(rig.window.pipelineActions()->enqueueAction()->isEnabled());
        const qint64 pending = b->queueCounts()[std::size_t(QueueStatus::Pending)];
        rig.window.pipelineActions()->setTextChooser([](const QString &, const QString &) {
            return QStringLiteral("new-1\nnew-2, new-1\n  ok-1  \n");
        });
        QSignalSpy finished(rig.ops(), &OperatorActions::actionFinished);
        rig.window.pipelineActions()->enqueueAction()->trigger();
        QCOMPARE(rig.confirmations.size(), 1);
        QVERIFY2(rig.confirmations.constLast().contains(QStringLiteral("3")),
                 qPrintable(rig.confirmations.constLast())); // three ids, once each
        QTRY_COMPARE(finished.count(), 1);
        QVERIFY(finished.at(0).at(0).toBool());
        QCOMPARE(finished.at(0).at(1).toString(), QStringLiteral("enqueued tracks: 2 new"));
        QCOMPARE(b->queueCounts()[std::size_t(QueueStatus::Pending)], pending + 2);
        // More ids than one request carries: said, not cut, and nothing asked or sent.
        QStringList many;
        for (int i = 0; i <= enrichment::MaxActionTrackIds; ++i)
            many << QStringLiteral("bulk-%1").arg(i);
        rig.window.pipelineActions()->setTextChooser(
            [&many](const QString &, const QString &) { return many.join(QLatin1Char('\n')); });
        rig.window.pipelineActions()->enqueueAction()->trigger();
        QCOMPARE(finished.count(), 2);
        QVERIFY(!finished.at(1).at(0).toBool());
        QCOMPARE(rig.confirmations.size(), 1);
        QCOMPARE(b->queueCounts()[std::size_t(QueueStatus::Pending)], pending + 2);
        // Cancelled: nothing happens.
        rig.window.pipelineActions()->setTextChooser(
            [](const QString &, const QString &) { return QString(); });
        rig.window.pipelineActions()->enqueueAction()->trigger();
        QCOMPARE(rig.confirmations.size(), 1);
        // A CSV track list: the tracks go with artist and title, the bad row is named and
        // skipped (pasted as an operator would, from a spreadsheet).
        rig.window.pipelineActions()->setTextChooser([](const QString &, const QString &) {
            return QStringLiteral("id,artist,title,isrc\n"
                                  "csv-1,Daft Punk,One More Time,gb-duw-00-00053\n"
                                  "csv-2,,No Artist,\n"
                                  "csv-3,Röyksopp,Eple,\n");
        });
        rig.window.pipelineActions()->enqueueAction()->trigger();
        QCOMPARE(rig.confirmations.size(), 2);
        QVERIFY2(rig.confirmations.constLast().contains(QStringLiteral("with artist and title: 2")),
                 qPrintable(rig.confirmations.constLast()));
        QVERIFY2(rig.confirmations.constLast().contains(QStringLiteral("line 3")),
                 qPrintable(rig.confirmations.constLast()));
        QTRY_COMPARE(finished.count(), 3);
        QVERIFY(finished.at(2).at(0).toBool());
        enrichment::TrackRow row;
        QList<enrichment::Attempt> attempts;
        QVERIFY(
            enrichment::internals(*b).store().track(QStringLiteral("csv-1"), &row, &attempts, 1));
        QCOMPARE(row.artist, QStringLiteral("Daft Punk"));
        QCOMPARE(row.isrc, QStringLiteral("GBDUW0000053"));
        QVERIFY(
            !enrichment::internals(*b).store().track(QStringLiteral("csv-2"), &row, &attempts, 1));
        // A list with a header but no usable row: said, nothing asked.
        rig.window.pipelineActions()->setTextChooser([](const QString &, const QString &) {
            return QStringLiteral("id,artist,title\nx-1,,No Artist\n");
        });
        rig.window.pipelineActions()->enqueueAction()->trigger();
        QCOMPARE(rig.confirmations.size(), 2);
        QCOMPARE(finished.count(), 4);
        QVERIFY(!finished.at(3).at(0).toBool());
    }

    void aViewerSeesActionsDisabledAndWhy()
    {
        BackendOptions o;
        o.viewerTokens = {{QStringLiteral("vera"), "viewer-secret"}};
        o.operatorTokens = {{QStringLiteral("otto"), "operator-secret"}};
        auto b = backend(o);
        Rig rig(b->url(), "viewer-secret");
        QTRY_COMPARE(rig.ops()->access(), OperatorActions::Access::ReadOnly);
        QTRY_COMPARE(rig.ops()->failures()->rowCount(), 3); // reading is allowed
        QPushButton *retry = rig.window.currentPage()->failuresView()->retryButton();
        QVERIFY(
            retry->isVisibleTo(rig.window.currentPage()->failuresView())); // shown, but disabled
        QVERIFY(!retry->isEnabled());
        QVERIFY(retry->toolTip().contains(QStringLiteral("operator token")));
        QVERIFY(!rig.window.pipelineActions()->pauseAction()->isEnabled());
        QVERIFY(rig.window.pipelineActions()->pauseAction()->toolTip().contains(
            QStringLiteral("only read")));
        QVERIFY(!rig.window.currentPage()->tracksView()->retryButton()->isEnabled());
        QVERIFY(!rig.window.pipelineActions()->enqueueAction()->isEnabled());
    }

    void aServiceWithoutTheEndpointsHidesTheActions()
    {
        QHttpServer seed; // the seed's shape: a snapshot, nothing else
        seed.route(QStringLiteral("/monitoring/enrichment"), [] {
            return QHttpServerResponse(QByteArrayLiteral("application/json"), QByteArrayLiteral(R"({
              "timestamp": "2026-11-29T00:00:00",
              "queue": {"pending": 1, "in_progress": 0, "completed": 0, "failed": 2, "partial": 0},
              "processing_rate": {"completed_last_hour": 0, "per_minute": 0.0},
              "circuit_breakers": {}, "source_health": {}, "metrics": {}})"));
        });
        const quint16 port = seed.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        Rig rig(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QTRY_COMPARE(rig.ops()->access(), OperatorActions::Access::Unsupported);
        QVERIFY(!rig.window.pipelineActions()->pauseAction()->isVisible());
        QVERIFY(!rig.window.pipelineActions()->enqueueAction()->isVisible());
        QVERIFY(rig.window.currentPage()->failuresView()->summaryText().contains(
            QStringLiteral("Not supported by this service")));
        QVERIFY(!rig.window.currentPage()->failuresView()->retryButton()->isVisibleTo(
            rig.window.currentPage()->failuresView()));
    }

    void twoDashboardsSeeEachOthersActions()
    {
        auto b = backend();
        Rig first(b->url());
        Rig second(b->url());
        QTRY_COMPARE(first.ops()->access(), OperatorActions::Access::Operator);
        QTRY_COMPARE(second.ops()->access(), OperatorActions::Access::Operator);
        QTRY_COMPARE(second.ops()->failures()->rowCount(), 3);
        first.ops()->retryTracks({QStringLiteral("to-1")});
        // The second dashboard hears it in the room: its incident log says who did what,
        // and its failures view follows.
        const QString said = QStringLiteral("local retried tracks by id: 1 back to pending");
        QTRY_VERIFY(logHas(second, said));
        QTRY_VERIFY(logHas(first, said));
        QTRY_COMPARE(second.ops()->failures()->rowCount(), 2);
        QTRY_COMPARE(second.card(QueueStatus::Failed), QStringLiteral("4"));
        // Its Audit tab lists it too, with who did it.
        AuditModel *audit = second.ops()->audit();
        QAbstractItemModelTester auditTester(audit);
        QTRY_COMPARE(audit->rowCount(), 1);
        QCOMPARE(audit->entry(0).actor, QStringLiteral("local"));
        QCOMPARE(audit->data(audit->index(0, AuditModel::WhatColumn)).toString(),
                 QStringLiteral("retried tracks by id: 1 back to pending"));
    }
};

QTEST_MAIN(TestOperatorViews)
#include "tst_operatorviews.moc"
