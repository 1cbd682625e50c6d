// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QHttpServer>
#include <QHttpServerResponse>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QtTest>

#include "enrichment/BackendService.h"
#include "ServiceInternals.h"
#include "CircuitBreaker.h"
#include "EventLogModel.h"
#include "IncidentRecorder.h"
#include "BackendFeed.h"
#include "Pipeline.h"
#include "InProcessBackend.h"
#include "Ports.h"

using dashboard::BackendFeed;
using dashboard::Snapshot;

/// The feed against the real backend, in-process on 127.0.0.1, over real HTTP and
/// WebSocket.
class TestMonitorFeed : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_db = 0;

    std::unique_ptr<enrichment::BackendService>
    backend(quint16 port = 0, const QByteArray &token = {}, bool push = true)
    {
        enrichment::BackendOptions o = testsupport::testBackendOptions();
        o.historyIntervalMs = enrichment::BackendOptions().historyIntervalMs;
        o.pushSnapshots = push;
        o.demo.seedTracks = 40;
        o.token = token;
        return testsupport::startBackend(
            o, m_dir.filePath(QStringLiteral("feed%1.sqlite").arg(++m_db)), nullptr, {}, port);
    }

private Q_SLOTS:
    void fetchesBackfillsAndGoesLive()
    {
        auto b = backend();
        b->sampleHistory();
        QNetworkAccessManager nam;
        BackendFeed feed(&nam);
        feed.setBaseUrl(b->url());
        QSignalSpy snapshots(&feed, &BackendFeed::snapshotReceived);
        QSignalSpy history(&feed, &BackendFeed::historyReceived);
        feed.start();
        QCOMPARE(feed.state(), BackendFeed::ConnectionState::Connecting);
        QTRY_COMPARE(feed.state(), BackendFeed::ConnectionState::Live);
        QTRY_VERIFY(snapshots.count() >= 1);
        QTRY_VERIFY(history.count() >= 1);
        QVERIFY(history.at(0).at(0).value<QList<dashboard::HistoryPoint>>().size() >= 2);
        const Snapshot first = snapshots.last().at(0).value<Snapshot>();
        QCOMPARE(*first.queueCount(dashboard::QueueStatus::Pending), 40);
        QVERIFY(feed.hasData());
        QVERIFY(feed.lastError().isEmpty());

        // A batch completes on the backend: the room pushes the new snapshot; no request.
        QVERIFY(feed.serverPushesSnapshots());
        QTRY_VERIFY(!feed.isFetching());
        const int fetches = feed.fetchCount();
        snapshots.clear();
        const auto r = internals(*b).pipeline().runBatchNow();
        QTRY_VERIFY(!snapshots.isEmpty());
        QTRY_COMPARE(
            *snapshots.last().at(0).value<Snapshot>().queueCount(dashboard::QueueStatus::Pending),
            qint64(40 - 10 + r.failed));

        QCOMPARE(feed.fetchCount(), fetches);

        // A breaker opens: the feed sees it.
        snapshots.clear();
        for (int i = 0; i < 5; ++i)
            internals(*b).pipeline().breaker(2)->recordFailure();
        QTRY_VERIFY(!snapshots.isEmpty());
        QTRY_COMPARE(
            snapshots.last().at(0).value<Snapshot>().source(QStringLiteral("discogs"))->health,
            dashboard::Health::Down);
    }

    void refetchesOnEventsWhenTheServerDoesNotPush()
    {
        // The seed's way: the room only announces events; the feed fetches the snapshot.
        auto b = backend(0, {}, false);
        QNetworkAccessManager nam;
        BackendFeed feed(&nam);
        feed.setAutoRefresh(false);
        feed.setBaseUrl(b->url());
        QSignalSpy snapshots(&feed, &BackendFeed::snapshotReceived);
        feed.start();
        QTRY_COMPARE(feed.state(), BackendFeed::ConnectionState::Live);
        QTRY_VERIFY(feed.hasData());
        QTRY_VERIFY(!feed.isFetching());
        QVERIFY(!feed.serverPushesSnapshots());
        const int fetches = feed.fetchCount();
        const auto r = internals(*b).pipeline().runBatchNow();
        QTRY_COMPARE(
            *snapshots.last().at(0).value<Snapshot>().queueCount(dashboard::QueueStatus::Pending),
            qint64(40 - 10 + r.failed));
        QVERIFY(feed.fetchCount() > fetches);
    }

    void reconnectsAfterTheBackendRestarts()
    {
        auto b = backend(testsupport::restartablePort());
        const quint16 port = b->port();
        QNetworkAccessManager nam;
        BackendFeed feed(&nam);
        feed.setBackoff(50, 400);
        feed.setRandomSeed(7);
        feed.setBaseUrl(b->url());
        QSignalSpy errors(&feed, &BackendFeed::errorChanged);
        feed.start();
        QTRY_COMPARE(feed.state(), BackendFeed::ConnectionState::Live);
        QTRY_VERIFY(feed.hasData());

        b.reset(); // the backend disappears
        QTRY_COMPARE(feed.state(), BackendFeed::ConnectionState::Reconnecting);
        feed.refresh();
        QTRY_VERIFY(!feed.lastError().isEmpty());
        QVERIFY2(feed.lastError().contains(QStringLiteral("Cannot reach")),
                 qPrintable(feed.lastError()));
        QVERIFY(feed.hasData()); // the last data is kept
        // Keeps trying, with backoff growing to its cap.
        QTRY_VERIFY(feed.reconnectAttempts() >= 4);
        QVERIFY(feed.pendingReconnectDelayMs() <= 400);

        b = backend(port); // back on the same port
        QTRY_COMPARE_WITH_TIMEOUT(feed.state(), BackendFeed::ConnectionState::Live, 10000);
        QTRY_VERIFY(feed.lastError().isEmpty());
        QCOMPARE(feed.reconnectAttempts(), 0);
    }

    void incidentsOfAFeedReachTheLogOnce()
    {
        auto b = backend(testsupport::restartablePort());
        const quint16 port = b->port();
        QNetworkAccessManager nam;
        BackendFeed feed(&nam);
        feed.setBackoff(50, 300);
        feed.setBaseUrl(b->url());
        dashboard::EventLogModel log(100);
        dashboard::IncidentRecorder recorder(&feed, &log);
        feed.start();
        QTRY_COMPARE(feed.state(), BackendFeed::ConnectionState::Live);
        QTRY_COMPARE(log.rowCount(), 1);
        QVERIFY(log.message(0).startsWith(QStringLiteral("Live: connected to http://127.0.0.1:")));

        // A breaker transition announced by the room.
        for (int i = 0; i < 5; ++i)
            internals(*b).pipeline().breaker(2)->recordFailure();
        QTRY_COMPARE(log.rowCount(), 2);
        QVERIFY2(log.message(0).contains(QStringLiteral("discogs")), qPrintable(log.message(0)));

        // No request in flight when it goes: one that is (QNAM retries it on a new
        // connection, refused) fails before the room's last pushed snapshot is read, and
        // that snapshot then reads as a recovery, which is a different story.
        QTRY_VERIFY(!feed.isFetching());
        b.reset(); // the backend disappears: one loss, one error, however often it retries
        QTRY_VERIFY(feed.reconnectAttempts() >= 3);
        feed.refresh();
        QTRY_VERIFY(!feed.lastError().isEmpty());
        QStringList messages;
        for (int r = 0; r < log.rowCount(); ++r)
            messages << log.message(r);
        QCOMPARE(messages.count(QStringLiteral("Connection lost; reconnecting")), 1);
        QVERIFY2(log.rowCount() == 4, qPrintable(messages.join(QStringLiteral(" | "))));

        b = backend(port);
        QTRY_COMPARE_WITH_TIMEOUT(feed.state(), BackendFeed::ConnectionState::Live, 10000);
        QTRY_VERIFY(feed.lastError().isEmpty());
        QTRY_VERIFY(log.message(0) == QStringLiteral("The backend answers again") ||
                    log.message(1) == QStringLiteral("The backend answers again"));
    }

    void oneOutageIsOneIncidentWhateverItsWording()
    {
        QNetworkAccessManager nam;
        BackendFeed feed(&nam);
        dashboard::EventLogModel log(100);
        dashboard::IncidentRecorder recorder(&feed, &log);
        // How a backend going away reads from one request to the next.
        Q_EMIT feed.errorChanged(QStringLiteral("Remote host closed the connection"));
        Q_EMIT feed.errorChanged(QStringLiteral("Connection refused"));
        Q_EMIT feed.errorChanged(QStringLiteral("Connection refused"));
        QCOMPARE(log.rowCount(), 1);
        QCOMPARE(log.message(0), QStringLiteral("Remote host closed the connection"));
        Q_EMIT feed.errorChanged(QString());
        QCOMPARE(log.rowCount(), 2);
        QCOMPARE(log.message(0), QStringLiteral("The backend answers again"));
        Q_EMIT feed.errorChanged(QStringLiteral("HTTP 500"));
        QCOMPARE(log.rowCount(), 3); // a new outage after a recovery is a new incident
    }

    void backoffIsExponentialCappedAndJittered()
    {
        // Nothing listens on this port: every attempt fails at once.
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost));
        const quint16 port = probe.serverPort();
        probe.close();
        QNetworkAccessManager nam;
        BackendFeed feed(&nam);
        feed.setBackoff(20, 160);
        feed.setRandomSeed(1);
        feed.setAutoRefresh(false);
        feed.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QMap<int, int> delayByAttempt; // attempt number (1-based) -> delay chosen
        connect(&feed, &BackendFeed::reconnectCountdownChanged, this, [&] {
            delayByAttempt.insert(feed.reconnectAttempts(), feed.pendingReconnectDelayMs());
        });
        feed.start();
        QTRY_VERIFY_WITH_TIMEOUT(delayByAttempt.size() >= 8, 10000);
        feed.stop();
        QCOMPARE(feed.state(), BackendFeed::ConnectionState::Disconnected);
        QSet<int> capped;
        for (auto it = delayByAttempt.cbegin(); it != delayByAttempt.cend(); ++it) {
            const int expected = std::min(160, 20 << std::min(it.key() - 1, 20));
            QVERIFY2(it.value() >= expected / 2 && it.value() <= expected,
                     qPrintable(QStringLiteral("attempt %1: %2 ms").arg(it.key()).arg(it.value())));
            if (expected == 160)
                capped.insert(it.value());
        }
        QVERIFY2(capped.size() >= 2, "no jitter on capped delays");
    }

    void staleMarkingFollowsTheClock()
    {
        auto b = backend();
        QNetworkAccessManager nam;
        BackendFeed feed(&nam);
        qint64 now = 1'000'000;
        feed.setClock([&now] { return now; });
        feed.setStaleAfter(90'000);
        feed.setBaseUrl(b->url());
        QVERIFY(!feed.isStale());
        QCOMPARE(feed.dataAgeMs(), -1);
        feed.start();
        QTRY_VERIFY(feed.hasData());
        QCOMPARE(feed.dataAgeMs(), 0);
        now += 89'000;
        QVERIFY(!feed.isStale());
        now += 2'000;
        QVERIFY(feed.isStale());
        QCOMPARE(feed.dataAgeMs(), 91'000);
    }

    void tokenIsSentAndRefusalsAreExplained()
    {
        auto b = backend(0, "tok-123");
        QNetworkAccessManager nam;
        BackendFeed wrong(&nam);
        wrong.setBaseUrl(b->url());
        wrong.setToken("nope");
        wrong.start();
        QTRY_VERIFY(!wrong.lastError().isEmpty());
        QVERIFY2(wrong.lastError().contains(QStringLiteral("401")), qPrintable(wrong.lastError()));
        QVERIFY(!wrong.hasData());
        QVERIFY(wrong.state() != BackendFeed::ConnectionState::Live);

        BackendFeed right(&nam);
        right.setBaseUrl(b->url());
        right.setToken("tok-123");
        right.start();
        QTRY_VERIFY(right.hasData());
        QTRY_COMPARE(right.state(), BackendFeed::ConnectionState::Live);
    }

    void garbageFromTheServiceIsReportedNotFatal()
    {
        // A service that answers the snapshot path with junk.
        QHttpServer junk;
        junk.route(QStringLiteral("/monitoring/enrichment"), [] {
            return QHttpServerResponse(QByteArrayLiteral("application/json"),
                                       QByteArrayLiteral("{\"queue\": [oops"));
        });
        const quint16 port = junk.listen(QHostAddress::LocalHost, 0);
        QVERIFY(port);
        QNetworkAccessManager nam;
        BackendFeed feed(&nam);
        feed.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
        QSignalSpy snapshots(&feed, &BackendFeed::snapshotReceived);
        feed.start();
        QTRY_VERIFY(!feed.lastError().isEmpty());
        QVERIFY2(feed.lastError().contains(QStringLiteral("cannot read")),
                 qPrintable(feed.lastError()));
        QCOMPARE(snapshots.count(), 0);
    }

    void autoRefreshPolls()
    {
        auto b = backend();
        QNetworkAccessManager nam;
        BackendFeed feed(&nam);
        feed.setBaseUrl(b->url());
        feed.setAutoRefreshInterval(1000);
        QSignalSpy snapshots(&feed, &BackendFeed::snapshotReceived);
        feed.start();
        QTRY_VERIFY_WITH_TIMEOUT(snapshots.count() >= 3, 6000);
        feed.setAutoRefresh(false);
        QVERIFY(!feed.autoRefresh());
    }
};

QTEST_GUILESS_MAIN(TestMonitorFeed)
#include "tst_monitorfeed.moc"
