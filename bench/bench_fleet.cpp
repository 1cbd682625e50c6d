// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The fleet's budgets, on a private PostgreSQL and RabbitMQ started here (as the tests
// do), each next to its baseline in the same run:
//  1. tracks per second claimed and finished through the PostgreSQL queue by 1, 2 and 4
//     workers (threads with a store and a connection each; sources cost nothing), against
//     the same store with its claim's SKIP LOCKED off (workers wait behind each other's
//     row locks);
//  2. the queue part of a snapshot (fleet counts + the two completion windows) at 1 M and
//     5 M rows while 4 workers claim, against `GROUP BY status`;
//  3. an event from one backend's bus through RabbitMQ to another backend's bus.
// A plain program (not Google Benchmark): each figure is a one-shot run over many
// operations; it prints medians and p99s. Usage: bench_fleet [--quick]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <thread>
#include <vector>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QtGlobal>

#include "AmqpBus.h"
#include "PostgresQueueStore.h"
#include "PostgresServer.h"
#include "RabbitMqServer.h"
#include "enrichment/Clock.h"

using namespace enrichment;

namespace {

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size())))];
}

std::unique_ptr<QueueStore> openStore(const QString &url, const Clock &clock, const QString &id,
                                      bool skipLocked = true)
{
    QueueStore::Config c;
    c.workerId = id;
    ServerStoreOptions server;
    server.skipLocked = skipLocked;
    QString error;
    auto s = openQueueStore(url, clock, c, &error, server);
    if (!s)
        qFatal("%s", qPrintable(error));
    return s;
}

/// A plain connection for the baseline statements.
QSqlDatabase plain(const QString &name, quint16 port, const QString &db)
{
    QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
    d.setHostName(QStringLiteral("127.0.0.1"));
    d.setPort(port);
    d.setUserName(QStringLiteral("enrichment"));
    d.setDatabaseName(db);
    if (!d.open())
        qFatal("cannot connect");
    return d;
}

/// @p workers threads claim and finish batches of 100 until the queue is empty, writing
/// each track's five attempts with its result; the same store code either way, only the
/// claim's SKIP LOCKED on or off.
double drain(const QString &url, int workers, bool skipLocked)
{
    std::atomic<int> done{0};
    std::atomic<int> ready{0};
    std::atomic<bool> go{false};
    std::vector<std::thread> threads;
    for (int w = 0; w < workers; ++w) {
        threads.emplace_back([&, w] {
            SystemClock clock;
            auto store = openStore(url, clock, QStringLiteral("bench-%1").arg(w), skipLocked);
            ++ready;
            while (!go)
                std::this_thread::yield();
            int idle = 0;
            while (idle < 3) { // without SKIP LOCKED a claim can come back empty mid-queue
                const QList<ClaimedTrack> batch = store->claim(100);
                QList<TrackResult> results;
                for (const ClaimedTrack &t : batch) {
                    TrackResult r{t.trackId, TrackStatus::Completed, {}, {}, 0, {}, {}, {}};
                    // Every source call is kept, as the pipeline writes them: five a track.
                    for (const char *source :
                         {"spotify", "musicbrainz", "discogs", "beatport", "lastfm"})
                        r.attempts.append({t.trackId,
                                           QLatin1String(source),
                                           QStringLiteral("success"),
                                           {},
                                           {},
                                           1.0,
                                           {QStringLiteral("isrc")},
                                           {},
                                           clock.nowMs()});
                    results.append(r);
                }
                const int n = int(store->record(results).count(true));
                idle = n > 0 ? 0 : idle + 1;
                done += n;
            }
        });
    }
    while (ready < workers)
        std::this_thread::yield();
    QElapsedTimer t;
    t.start();
    go = true;
    for (std::thread &th : threads)
        th.join();
    return double(done) / (double(t.nsecsElapsed()) / 1e9);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const bool quick = app.arguments().contains(QStringLiteral("--quick"));
    testsupport::PostgresServer pg;
    QString error;
    if (!pg.start(&error))
        qFatal("%s", qPrintable(error));
    std::printf("PostgreSQL on port %u\n\n", pg.port());

    // 1. Throughput.
    const int tracks = quick ? 20'000 : 100'000;
    std::printf("1. tracks/s claimed + finished, %d tracks, batches of 100\n", tracks);
    std::printf("   workers | SKIP LOCKED (ours) | same claim, FOR UPDATE without SKIP LOCKED\n");
    int run = 0;
    for (int workers : {1, 2, 4}) {
        double rates[2];
        for (bool skip : {true, false}) {
            QString url;
            const QString db = QStringLiteral("tp_%1").arg(++run);
            if (!pg.createDatabase(db, &url, &error))
                qFatal("%s", qPrintable(error));
            {
                SystemClock clock;
                auto seed = openStore(url, clock, QStringLiteral("seed"));
                pg.scalar(db, QStringLiteral("INSERT INTO enrichment_status (track_id, status)"
                                             " SELECT 't' || g, 'pending' FROM"
                                             " generate_series(1, %1) g RETURNING 1")
                                  .arg(tracks));
            }
            rates[skip ? 0 : 1] = drain(url, workers, skip);
        }
        std::printf("   %7d | %18.0f | %21.0f\n", workers, rates[0], rates[1]);
    }

    // 2. The snapshot's queue reads at 1 M and 5 M rows while 4 workers claim.
    std::printf("\n2. snapshot queue reads (counts + 2 completion windows) vs GROUP BY, "
                "4 workers claiming\n");
    std::printf("   rows | snapshot p50 | snapshot p99 | tick refresh p50 / p99 | GROUP BY p50 | "
                "GROUP BY p99\n");
    for (int rows : quick ? std::vector<int>{200'000} : std::vector<int>{1'000'000, 5'000'000}) {
        QString url;
        const QString db = QStringLiteral("snap_%1").arg(rows);
        if (!pg.createDatabase(db, &url, &error))
            qFatal("%s", qPrintable(error));
        {
            SystemClock clock;
            auto seed = openStore(url, clock, QStringLiteral("seed"));
            // Mostly finished, a tenth pending: a queue that has been running a while.
            pg.scalar(db, QStringLiteral("INSERT INTO enrichment_status (track_id, status,"
                                         " last_attempt) SELECT 't' || g, CASE WHEN g %% 10 = 0"
                                         " THEN 'pending' WHEN g %% 10 = 1 THEN 'failed' ELSE"
                                         " 'completed' END, now() - (g %% 7200) * interval"
                                         " '1 second' FROM generate_series(1, %1) g RETURNING 1")
                              .arg(rows)
                              .replace(QStringLiteral("%%"), QStringLiteral("%")));
            pg.scalar(db, QStringLiteral("ANALYZE enrichment_status"));
        }
        std::atomic<bool> stop{false};
        std::vector<std::thread> claimers;
        for (int w = 0; w < 4; ++w)
            claimers.emplace_back([&, w] {
                SystemClock clock;
                auto store = openStore(url, clock, QStringLiteral("claimer-%1").arg(w));
                while (!stop) {
                    QList<TrackResult> results;
                    for (const ClaimedTrack &t : store->claim(50))
                        results.append({t.trackId, TrackStatus::Completed, {}, {}, 0});
                    store->record(results);
                }
            });
        ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        auto reader = openStore(url, clock, QStringLiteral("reader"));
        QSqlDatabase d = plain(QStringLiteral("groupby"), pg.port(), db);
        std::vector<double> ours, groupBy, refreshes;
        reader->completedInLast(3600); // the windows the service asks for
        reader->completedInLast(300);
        const int samples = quick ? 100 : 300;
        for (int i = 0; i < samples; ++i) {
            clock.advanceMs(1000);
            // What the service's tick does once a second, off the request path...
            QElapsedTimer t;
            t.start();
            reader->refresh();
            refreshes.push_back(double(t.nsecsElapsed()) / 1e6);
            // ... and what a snapshot then asks of the store.
            t.start();
            reader->counts();
            reader->completedInLast(3600);
            reader->completedInLast(300);
            ours.push_back(double(t.nsecsElapsed()) / 1e6);
            if (i % 10 == 0) { // the baseline is slow: a sample every tenth round
                t.start();
                QSqlQuery q(d);
                q.exec(QStringLiteral(
                    "SELECT status, COUNT(*) FROM enrichment_status GROUP BY status"));
                while (q.next()) {
                }
                groupBy.push_back(double(t.nsecsElapsed()) / 1e6);
            }
        }
        stop = true;
        for (std::thread &th : claimers)
            th.join();
        d = QSqlDatabase();
        QSqlDatabase::removeDatabase(QStringLiteral("groupby"));
        std::printf("   %dk | %9.4f ms | %9.4f ms | %7.2f / %6.2f ms | %9.1f ms | %9.1f ms\n",
                    rows / 1000, percentile(ours, 0.5), percentile(ours, 0.99),
                    percentile(refreshes, 0.5), percentile(refreshes, 0.99),
                    percentile(groupBy, 0.5), percentile(groupBy, 0.99));
    }

    // 3. Event latency through RabbitMQ.
    testsupport::RabbitMqServer mq;
    if (!mq.start(&error))
        qFatal("%s", qPrintable(error));
    AmqpBus::Target target;
    AmqpBus::parseUrl(mq.url(), &target, &error);
    target.password = QStringLiteral("guest");
    AmqpBus from(target, {}), to(target, {});
    std::vector<double> latency;
    QElapsedTimer clockT;
    clockT.start();
    QHash<int, qint64> sentAt;
    QObject::connect(&to, &AmqpBus::messageReceived, &app, [&](const QByteArray &body) {
        const int n = body.mid(body.lastIndexOf(':') + 1).chopped(1).toInt();
        if (sentAt.contains(n))
            latency.push_back(double(clockT.nsecsElapsed() - sentAt.take(n)) / 1e6);
    });
    from.start();
    to.start();
    while (!(from.connected() && to.connected()))
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
    QThread::msleep(200); // the consumer's queue is bound once connected
    const int events = quick ? 300 : 1000;
    for (int i = 0; i < events; ++i) {
        sentAt.insert(i, clockT.nsecsElapsed());
        from.publish(QByteArray("{\"type\":\"bench\",\"n\":") + QByteArray::number(i) + '}');
        // One event every 2 ms, as a busy fleet would send them.
        QElapsedTimer gap;
        gap.start();
        while (gap.elapsed() < 2)
            QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    }
    QElapsedTimer wait;
    wait.start();
    while (int(latency.size()) < events && wait.elapsed() < 10'000)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
    std::printf("\n3. event, one bus -> RabbitMQ -> another bus's thread -> its owner's event "
                "loop: %zu of %d arrived, p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
                latency.size(), events, percentile(latency, 0.5), percentile(latency, 0.99),
                latency.empty() ? 0.0 : *std::max_element(latency.begin(), latency.end()));
    from.stop();
    to.stop();
    return 0;
}
