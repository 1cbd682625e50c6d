// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "enrichment/Clock.h"
#include "SqliteQueueStore.h"

using namespace enrichment;

class TestQueueStore : public QObject
{
    Q_OBJECT
private:
    static QStringList ids(int n, const QString &prefix = QStringLiteral("t"))
    {
        QStringList out;
        for (int i = 0; i < n; ++i)
            out << prefix + QString::number(i);
        return out;
    }
    /// Counts straight from the table with a separate connection.
    static qint64 tableCount(const QString &path, const QString &status)
    {
        const QString name = QStringLiteral("check");
        qint64 n = -1;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            if (db.open()) {
                QSqlQuery q(db);
                q.prepare(
                    QStringLiteral("SELECT COUNT(*) FROM enrichment_status WHERE status = ?"));
                q.addBindValue(status);
                if (q.exec() && q.next())
                    n = q.value(0).toLongLong();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return n;
    }
    void checkCountsMatchTable(const QueueStore &store, const QString &path)
    {
        for (TrackStatus s : AllTrackStatuses)
            QCOMPARE(store.count(s), tableCount(path, toWire(s)));
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void enqueueIgnoresDuplicates()
    {
        ManualClock clock;
        SqliteQueueStore store(clock, {});
        QVERIFY(store.open(m_dir.filePath(QStringLiteral("dup.sqlite"))));
        QCOMPARE(store.enqueue(ids(5)), 5);
        QCOMPARE(store.enqueue(ids(7)), 2);
        QCOMPARE(store.count(TrackStatus::Pending), 7);
        checkCountsMatchTable(store, m_dir.filePath(QStringLiteral("dup.sqlite")));
    }

    void claimLeasesOldestFirst()
    {
        ManualClock clock;
        SqliteQueueStore store(clock, {});
        const QString path = m_dir.filePath(QStringLiteral("claim.sqlite"));
        QVERIFY(store.open(path));
        store.enqueue({QStringLiteral("a")});
        clock.advanceMs(10);
        store.enqueue({QStringLiteral("b"), QStringLiteral("c")});
        const QList<ClaimedTrack> first = store.claim(2);
        QCOMPARE(first.size(), 2);
        QCOMPARE(first.at(0).trackId, QStringLiteral("a"));
        QCOMPARE(store.count(TrackStatus::InProgress), 2);
        QCOMPARE(store.count(TrackStatus::Pending), 1);
        const QList<ClaimedTrack> second = store.claim(10);
        QCOMPARE(second.size(), 1);
        QCOMPARE(store.claim(10).size(), 0);
        checkCountsMatchTable(store, path);
    }

    void finishOutcomes()
    {
        ManualClock clock;
        SqliteQueueStore store(clock, QueueStore::Config{60'000, 2, 1000});
        const QString path = m_dir.filePath(QStringLiteral("finish.sqlite"));
        QVERIFY(store.open(path));
        store.enqueue(ids(3));
        store.claim(3);
        QVERIFY(store.finish(QStringLiteral("t0"), TrackStatus::Completed,
                             {QStringLiteral("spotify"), QStringLiteral("discogs")}));
        QVERIFY(
            store.finish(QStringLiteral("t1"), TrackStatus::Partial, {QStringLiteral("lastfm")}));
        QVERIFY(store.finish(QStringLiteral("t2"), TrackStatus::Failed, {},
                             QStringLiteral("all sources failed")));
        // First failure is retried: back to pending, after a backoff.
        QCOMPARE(store.count(TrackStatus::Completed), 1);
        QCOMPARE(store.count(TrackStatus::Partial), 1);
        QCOMPARE(store.count(TrackStatus::Pending), 1);
        QCOMPARE(store.count(TrackStatus::Failed), 0);
        QCOMPARE(store.claim(1).size(), 0); // backoff not yet over
        clock.advanceMs(1000);
        const QList<ClaimedTrack> retry = store.claim(1);
        QCOMPARE(retry.size(), 1);
        QCOMPARE(retry.at(0).retryCount, 1);
        QVERIFY(
            store.finish(QStringLiteral("t2"), TrackStatus::Failed, {}, QStringLiteral("again")));
        QCOMPARE(store.count(TrackStatus::Failed), 1); // maxRetries (2) reached
        QCOMPARE(store.count(TrackStatus::Pending), 0);
        QCOMPARE(store.completedInLast(60), 2);
        checkCountsMatchTable(store, path);
        // Finishing a track that is not ours fails and changes nothing.
        QVERIFY(!store.finish(QStringLiteral("t0"), TrackStatus::Completed, {}));
        checkCountsMatchTable(store, path);
    }

    void expiredLeasesReturnToPending()
    {
        ManualClock clock;
        const QString path = m_dir.filePath(QStringLiteral("lease.sqlite"));
        {
            SqliteQueueStore dead(clock, QueueStore::Config{30'000, 3, 0});
            QVERIFY(dead.open(path));
            dead.enqueue(ids(4));
            QCOMPARE(dead.claim(4).size(), 4);
            // The worker dies here without finishing.
        }
        SqliteQueueStore next(clock, QueueStore::Config{30'000, 3, 0});
        QVERIFY(next.open(path));
        QCOMPARE(next.count(TrackStatus::InProgress), 4);
        QCOMPARE(next.claim(4).size(), 0);
        clock.advanceMs(30'001);
        const QList<ClaimedTrack> reclaimed = next.claim(10);
        QCOMPARE(reclaimed.size(), 4);
        QCOMPARE(next.count(TrackStatus::InProgress), 4);
        for (const ClaimedTrack &t : reclaimed)
            QVERIFY(next.finish(t.trackId, TrackStatus::Completed,
                                {QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(next.count(TrackStatus::Completed), 4);
        checkCountsMatchTable(next, path);
    }

    void reconcileDetectsDrift()
    {
        ManualClock clock;
        const QString path = m_dir.filePath(QStringLiteral("drift.sqlite"));
        SqliteQueueStore store(clock, {});
        QVERIFY(store.open(path));
        store.enqueue(ids(3));
        QVERIFY(!store.reconcile());
        // Another writer (a second worker) adds rows behind this store's back.
        SqliteQueueStore other(clock, {});
        QVERIFY(other.open(path));
        other.enqueue(ids(2, QStringLiteral("x")));
        QCOMPARE(store.count(TrackStatus::Pending), 3);
        QVERIFY(store.reconcile());
        QCOMPARE(store.count(TrackStatus::Pending), 5);
        checkCountsMatchTable(store, path);
    }

    void processingWindowSurvivesRestart()
    {
        ManualClock clock;
        const QString path = m_dir.filePath(QStringLiteral("window.sqlite"));
        {
            SqliteQueueStore store(clock, {});
            QVERIFY(store.open(path));
            store.enqueue(ids(3));
            for (const ClaimedTrack &t : store.claim(3))
                store.finish(t.trackId, TrackStatus::Completed, {});
            QCOMPARE(store.completedInLast(3600), 3);
        }
        clock.advanceMs(10 * 60'000);
        SqliteQueueStore reopened(clock, {});
        QVERIFY(reopened.open(path));
        QCOMPARE(reopened.completedInLast(3600), 3);
        QCOMPARE(reopened.completedInLast(60), 0);
        clock.advanceMs(51 * 60'000);
        QCOMPARE(reopened.completedInLast(3600), 0);
    }

    void slidingWindowIsNotCapped()
    {
        ManualClock clock;
        SqliteQueueStore store(clock, {});
        QVERIFY(store.open(QStringLiteral(":memory:")));
        store.enqueue(ids(500));
        for (const ClaimedTrack &t : store.claim(500))
            store.finish(t.trackId, TrackStatus::Completed, {});
        // The seed's deque of 100 entries could never report more than 100 per minute.
        QCOMPARE(store.completedInLast(60), 500);
    }

    void openFailsCleanly()
    {
        ManualClock clock;
        SqliteQueueStore store(clock, {});
        QString error;
        QVERIFY(!store.open(QStringLiteral("/nonexistent-dir/for/sure/q.sqlite"), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!store.ping());
        QCOMPARE(store.enqueue(ids(1)), 0);
        QCOMPARE(store.claim(1).size(), 0);
    }

    void storeSpecsNameTheirKind()
    {
        ManualClock clock;
        QString error;
        const QString path = m_dir.filePath(QStringLiteral("spec/nested/q.sqlite"));
        std::unique_ptr<QueueStore> a =
            openQueueStore(QStringLiteral("sqlite:") + path, clock, {}, &error);
        QVERIFY2(a && a->isOpen(), qPrintable(error));
        QCOMPARE(a->enqueue({QStringLiteral("t1"), QStringLiteral("t2")}), 2);
        a.reset();
        // A plain path is the same store.
        std::unique_ptr<QueueStore> b = openQueueStore(path, clock, {}, &error);
        QVERIFY2(b, qPrintable(error));
        QCOMPARE(b->count(TrackStatus::Pending), 2);
        QVERIFY(openQueueStore(QStringLiteral(":memory:"), clock, {}, &error));
        QVERIFY(!openQueueStore(QStringLiteral("postgresql://db/queue"), clock, {}, &error));
        QVERIFY2(error.contains(QStringLiteral("PostgreSQL")), qPrintable(error));
        QVERIFY(!openQueueStore(QStringLiteral("sqlite:"), clock, {}, &error));
    }
};

QTEST_GUILESS_MAIN(TestQueueStore)
#include "tst_queuestore.moc"
