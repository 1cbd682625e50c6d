// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <atomic>
#include <thread>

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QtTest>

#include "PostgresQueueStore.h"
#include "StoreFixture.h"
#include "SqliteQueueStore.h"
#include "enrichment/Clock.h"

using namespace enrichment;

/// The queue store contract, run against both implementations: SQLite (a file per case)
/// and PostgreSQL (a database per case on a private server this program starts). Counts
/// are always checked against the table itself, through a connection of the test's own.
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

    static std::unique_ptr<QueueStore> open(const QString &spec, const Clock &clock,
                                            QueueStore::Config config = {},
                                            const QString &worker = QStringLiteral("w1"))
    {
        config.workerId = worker;
        QString error;
        std::unique_ptr<QueueStore> s = openQueueStore(spec, clock, config, &error);
        if (!s)
            qWarning("%s", qPrintable(error));
        return s;
    }

    /// Records one claimed track's outcome, the way the pipeline does (a batch of one).
    static bool finish(QueueStore &store, const QString &trackId, TrackStatus status,
                       const QStringList &sourcesEnriched, const QString &errorMessage = {})
    {
        TrackResult r;
        r.trackId = trackId;
        r.status = status;
        r.sourcesEnriched = sourcesEnriched;
        r.errorMessage = errorMessage;
        return store.record({r}).value(0);
    }

    qint64 tableCount(const QString &spec, TrackStatus s)
    {
        return scalar(spec, QStringLiteral("SELECT COUNT(*) FROM enrichment_status"
                                           " WHERE status = '%1'")
                                .arg(toWire(s)))
            .toLongLong();
    }

    void checkCountsMatchTable(const QueueStore &store, const QString &spec)
    {
        for (TrackStatus s : AllTrackStatuses)
            QCOMPARE(store.count(s), tableCount(spec, s));
    }

    static bool postgres() { return testsupport::StoreFixture::postgres(); }
    QString newSpec(const QString &name) { return m_stores.newSpec(name); }
    QVariant scalar(const QString &spec, const QString &sql) { return m_stores.scalar(spec, sql); }

    QTemporaryDir m_dir;
    testsupport::StoreFixture m_stores;

private Q_SLOTS:
    void initTestCase_data() { testsupport::StoreFixture::addRows(); }

    void initTestCase()
    {
        QString error;
        QVERIFY2(m_stores.start(&error), qPrintable(error));
    }

    void enqueueIgnoresDuplicates()
    {
        ManualClock clock;
        const QString spec = newSpec(QStringLiteral("dup"));
        auto store = open(spec, clock);
        QVERIFY(store);
        QCOMPARE(store->enqueue(ids(5)), 5);
        QCOMPARE(store->enqueue(ids(7)), 2);
        QCOMPARE(store->enqueue({QStringLiteral("z"), QStringLiteral("z")}), 1);
        QCOMPARE(store->count(TrackStatus::Pending), 8);
        checkCountsMatchTable(*store, spec);
    }

    // What a lookup needs goes in with the track, comes out with its claim and its row;
    // a track first queued by id takes it when given again; an id given twice counts once.
    void lookupDataTravelsWithTheTrack()
    {
        ManualClock clock;
        const QString spec = newSpec(QStringLiteral("lookup"));
        auto store = open(spec, clock);
        QVERIFY(store);
        QCOMPARE(store->enqueue({QStringLiteral("bare")}), 1);
        const enrichment::TrackLookup song{QStringLiteral("song"), QStringLiteral("Daft Punk"),
                                           QStringLiteral("Around the \"World\", 'live'"),
                                           QStringLiteral("GBDUW0000059"), 429'000};
        const enrichment::TrackLookup bare{
            QStringLiteral("bare"), QStringLiteral("Röyksopp"), QStringLiteral("Eple"), {}, 0};
        const enrichment::TrackLookup again{
            QStringLiteral("song"), QStringLiteral("Other"), QStringLiteral("Other"), {}, 0};
        QCOMPARE(store->enqueue(QList<enrichment::TrackLookup>{song, bare, again}), 1);
        QCOMPARE(store->count(TrackStatus::Pending), 2);
        QList<ClaimedTrack> claimed = store->claim(5);
        QCOMPARE(claimed.size(), 2);
        std::sort(claimed.begin(), claimed.end(),
                  [](const auto &a, const auto &b) { return a.trackId < b.trackId; });
        QCOMPARE(claimed.at(0).lookup(), bare);
        QCOMPARE(claimed.at(1).lookup(), song);
        TrackRow row;
        QList<Attempt> attempts;
        QVERIFY(store->track(QStringLiteral("song"), &row, &attempts, 10));
        QCOMPARE(row.artist, song.artist);
        QCOMPARE(row.title, song.title);
        QCOMPARE(row.isrc, song.isrc);
        QCOMPARE(row.durationMs, song.durationMs);
        const TrackPage page = store->tracks({}, 10, {});
        QCOMPARE(page.rows.size(), 2);
        QCOMPARE(page.rows.at(0).title, bare.title);
        // Given again while in progress: the track keeps its state and takes the new data.
        enrichment::AuditEntry audit;
        audit.actor = QStringLiteral("ops");
        audit.action = QStringLiteral("enqueue");
        QString error;
        QCOMPARE(store->enqueue(QList<enrichment::TrackLookup>{again}, &audit, &error), 0);
        QCOMPARE(store->count(TrackStatus::InProgress), 2);
        QVERIFY(store->track(QStringLiteral("song"), &row, &attempts, 10));
        QCOMPARE(row.status, TrackStatus::InProgress);
        QCOMPARE(row.artist, again.artist);
        QVERIFY(row.isrc.isEmpty());
        checkCountsMatchTable(*store, spec);
    }

    void claimLeasesOldestFirst()
    {
        ManualClock clock;
        const QString spec = newSpec(QStringLiteral("claim"));
        auto store = open(spec, clock);
        QVERIFY(store);
        store->enqueue({QStringLiteral("a")});
        clock.advanceMs(10);
        store->enqueue({QStringLiteral("b"), QStringLiteral("c")});
        // The queue's latency starts from the oldest pending track.
        QCOMPARE(store->oldestPendingMs(), std::optional<qint64>(clock.nowMs() - 10));
        const QList<ClaimedTrack> first = store->claim(2);
        QCOMPARE(first.size(), 2);
        QCOMPARE(store->oldestPendingMs(), std::optional<qint64>(clock.nowMs()));
        QCOMPARE(first.at(0).trackId, QStringLiteral("a"));
        QCOMPARE(store->count(TrackStatus::InProgress), 2);
        QCOMPARE(store->count(TrackStatus::Pending), 1);
        const QList<ClaimedTrack> second = store->claim(10);
        QCOMPARE(second.size(), 1);
        QVERIFY(!store->oldestPendingMs()); // nothing pending
        QCOMPARE(store->claim(10).size(), 0);
        QCOMPARE(scalar(spec, QStringLiteral("SELECT COUNT(*) FROM enrichment_status"
                                             " WHERE lease_owner = 'w1'"))
                     .toInt(),
                 3);
        checkCountsMatchTable(*store, spec);
    }

    void finishOutcomes()
    {
        ManualClock clock;
        const QString spec = newSpec(QStringLiteral("finish"));
        auto store = open(spec, clock, QueueStore::Config{60'000, 2, 1000});
        QVERIFY(store);
        store->enqueue(ids(3));
        store->claim(3);
        QVERIFY(finish(*store, QStringLiteral("t0"), TrackStatus::Completed,
                       {QStringLiteral("spotify"), QStringLiteral("discogs")}));
        QVERIFY(
            finish(*store, QStringLiteral("t1"), TrackStatus::Partial, {QStringLiteral("lastfm")}));
        QVERIFY(finish(*store, QStringLiteral("t2"), TrackStatus::Failed, {},
                       QStringLiteral("all sources failed")));
        // First failure is retried: back to pending, after a backoff.
        QCOMPARE(store->count(TrackStatus::Completed), 1);
        QCOMPARE(store->count(TrackStatus::Partial), 1);
        QCOMPARE(store->count(TrackStatus::Pending), 1);
        QCOMPARE(store->count(TrackStatus::Failed), 0);
        QCOMPARE(store->claim(1).size(), 0); // backoff not yet over
        clock.advanceMs(1000);
        const QList<ClaimedTrack> retry = store->claim(1);
        QCOMPARE(retry.size(), 1);
        QCOMPARE(retry.at(0).retryCount, 1);
        QVERIFY(
            finish(*store, QStringLiteral("t2"), TrackStatus::Failed, {}, QStringLiteral("again")));
        QCOMPARE(store->count(TrackStatus::Failed), 1); // maxRetries (2) reached
        QCOMPARE(store->count(TrackStatus::Pending), 0);
        QCOMPARE(store->completedInLast(60), 2);
        QCOMPARE(scalar(spec, QStringLiteral("SELECT sources_enriched FROM enrichment_status"
                                             " WHERE track_id = 't0'"))
                     .toString(),
                 QStringLiteral("spotify,discogs"));
        QCOMPARE(scalar(spec, QStringLiteral("SELECT error_message FROM enrichment_status"
                                             " WHERE track_id = 't2'"))
                     .toString(),
                 QStringLiteral("again"));
        checkCountsMatchTable(*store, spec);
        // Finishing a track that is not ours fails and changes nothing.
        QVERIFY(!finish(*store, QStringLiteral("t0"), TrackStatus::Completed, {}));
        checkCountsMatchTable(*store, spec);
    }

    void aResultNamesItsRetryTimeOrFailsForGood()
    {
        ManualClock clock;
        const QString spec = newSpec(QStringLiteral("retryat"));
        auto store = open(spec, clock, QueueStore::Config{60'000, 3, 1000});
        QVERIFY(store);
        store->enqueue(ids(3));
        QCOMPARE(store->claim(3).size(), 3);
        const qint64 t0 = clock.nowMs();
        QList<TrackResult> results(3);
        for (int i = 0; i < 3; ++i) {
            results[i].trackId = QStringLiteral("t%1").arg(i);
            results[i].status = TrackStatus::Failed;
            Attempt a;
            a.trackId = results[i].trackId;
            a.source = QStringLiteral("spotify");
            a.outcome = QStringLiteral("error");
            a.errorType = QStringLiteral("http_429");
            a.atMs = t0;
            results[i].attempts = {a};
        }
        results[0].retryAtMs = t0 + 42'000; // the provider's reset, not the store's 1 s
        results[1].permanent = true;        // retries left, but asking again cannot help
        results[1].errorMessage = QStringLiteral("not retried: spotify: HTTP 401");
        results[2].deferUntilMs = t0 + 7000; // postponed: no retry used, attempt kept
        QCOMPARE(store->record(results), QList<bool>({true, true, true}));
        QCOMPARE(store->count(TrackStatus::Failed), 1);
        QCOMPARE(store->count(TrackStatus::Pending), 2);
        TrackRow row;
        QList<Attempt> attempts;
        QVERIFY(store->track(QStringLiteral("t0"), &row, &attempts, 10));
        QCOMPARE(row.availableAtMs, t0 + 42'000);
        QCOMPARE(row.retryCount, 1);
        QVERIFY(store->track(QStringLiteral("t1"), &row, &attempts, 10));
        QCOMPARE(row.status, TrackStatus::Failed);
        QCOMPARE(row.retryCount, 1);
        QCOMPARE(row.errorMessage, QStringLiteral("not retried: spotify: HTTP 401"));
        QVERIFY(store->track(QStringLiteral("t2"), &row, &attempts, 10));
        QCOMPARE(row.retryCount, 0);
        QCOMPARE(row.availableAtMs, t0 + 7000);
        QCOMPARE(attempts.size(), 1); // the postponed track's call is in its history
        QCOMPARE(attempts.at(0).errorType, QStringLiteral("http_429"));
        clock.advanceMs(7000);
        QCOMPARE(store->claim(10).size(), 1); // t2 only; t0 waits for its reset
        clock.advanceMs(35'000);
        QCOMPARE(store->claim(10).size(), 1);
        checkCountsMatchTable(*store, spec);
    }

    void sendSlotsAreSharedByTheWorkers()
    {
        // Two workers of one queue reserve a provider's send slots ten seconds apart: each
        // slot goes to one of them, in turn, whoever asks.
        ManualClock clock;
        const QString spec = newSpec(QStringLiteral("pace"));
        auto w1 = open(spec, clock, {}, QStringLiteral("w1"));
        auto w2 = open(spec, clock, {}, QStringLiteral("w2"));
        QVERIFY(w1 && w2);
        const qint64 step = 10'000;
        const qint64 first = w1->reserveSendSlot(QStringLiteral("musicbrainz"), step);
        const qint64 second = w2->reserveSendSlot(QStringLiteral("musicbrainz"), step);
        const qint64 third = w1->reserveSendSlot(QStringLiteral("musicbrainz"), step);
        // PostgreSQL measures with its own clock (workers' clocks may differ): allow for the
        // time the statements took.
        QVERIFY2(first >= 0 && first <= 1000, qPrintable(QString::number(first)));
        QVERIFY2(second > step - 1000 && second <= step, qPrintable(QString::number(second)));
        QVERIFY2(third > 2 * step - 1000 && third <= 2 * step, qPrintable(QString::number(third)));
        // Another provider has slots of its own.
        QVERIFY(w2->reserveSendSlot(QStringLiteral("discogs"), step) <= 1000);
    }

    void batchResultsAreRecordedTogether()
    {
        ManualClock clock;
        const QString spec = newSpec(QStringLiteral("batch"));
        auto store = open(spec, clock, QueueStore::Config{60'000, 3, 1000});
        QVERIFY(store);
        store->enqueue(ids(5));
        QCOMPARE(store->claim(4).size(), 4); // t4 stays pending: not ours to record
        QList<TrackResult> results(5);
        for (int i = 0; i < 5; ++i)
            results[i].trackId = QStringLiteral("t%1").arg(i);
        results[0].status = TrackStatus::Completed;
        results[0].sourcesEnriched = {QStringLiteral("spotify")};
        results[1].status = TrackStatus::Partial;
        results[2].status = TrackStatus::Failed;
        results[2].errorMessage = QStringLiteral("timeout");
        results[3].deferUntilMs = clock.nowMs() + 5000;
        results[3].errorMessage = QStringLiteral("breakers open");
        results[4].status = TrackStatus::Completed;
        const QList<bool> done = store->record(results);
        QCOMPARE(done, QList<bool>({true, true, true, true, false}));
        QCOMPARE(store->count(TrackStatus::Completed), 1);
        QCOMPARE(store->count(TrackStatus::Partial), 1);
        QCOMPARE(store->count(TrackStatus::Pending), 3); // retried, deferred, never claimed
        QCOMPARE(store->count(TrackStatus::InProgress), 0);
        // The deferral used no retry; the failure used one.
        QCOMPARE(scalar(spec, QStringLiteral("SELECT retry_count FROM enrichment_status"
                                             " WHERE track_id = 't3'"))
                     .toInt(),
                 0);
        QCOMPARE(scalar(spec, QStringLiteral("SELECT retry_count FROM enrichment_status"
                                             " WHERE track_id = 't2'"))
                     .toInt(),
                 1);
        // Only the never-claimed track is claimable now; the others wait for their time.
        const QList<ClaimedTrack> now = store->claim(10);
        QCOMPARE(now.size(), 1);
        QCOMPARE(now.at(0).trackId, QStringLiteral("t4"));
        clock.advanceMs(5000);
        QCOMPARE(store->claim(10).size(), 2);
        checkCountsMatchTable(*store, spec);
    }

    void metadataIsKeptPerTrackAndUpdatedByField()
    {
        ManualClock clock;
        const QString spec = newSpec(QStringLiteral("metadata"));
        auto store = open(spec, clock, QueueStore::Config{60'000, 3, 0});
        QVERIFY(store);
        store->enqueue({QStringLiteral("m1")});
        clock.advanceMs(1);
        store->enqueue({QStringLiteral("m2")});
        QCOMPARE(store->claim(1).value(0).trackId, QStringLiteral("m1")); // m2 is not ours
        // Text a SQL array literal or a CSV would trip on, and text beyond Latin-1.
        const QString odd = QStringLiteral("{\"a\",b}\\ 'c'; NULL, Bj\u00f6rk \U0001F3B5");
        TrackResult first;
        first.trackId = QStringLiteral("m1");
        first.status = TrackStatus::Partial;
        first.metadata = {{QStringLiteral("isrc"), QStringLiteral("GBAYE0601498"),
                           QStringLiteral("spotify"), clock.nowMs()},
                          {QStringLiteral("label"), odd, QStringLiteral("discogs"), clock.nowMs()}};
        TrackResult notLeased;
        notLeased.trackId = QStringLiteral("m2");
        notLeased.status = TrackStatus::Completed;
        notLeased.metadata = {{QStringLiteral("bpm"), QStringLiteral("120"),
                               QStringLiteral("beatport"), clock.nowMs()}};
        QCOMPARE(store->record({first, notLeased}), QList<bool>({true, false}));

        TrackRow row;
        QList<Attempt> attempts;
        QVERIFY(store->track(QStringLiteral("m1"), &row, &attempts, 10));
        QCOMPARE(row.metadata.size(), 2);
        QCOMPARE(row.metadata.at(0).field, QStringLiteral("isrc")); // by field name
        QCOMPARE(row.metadata.at(0).value, QStringLiteral("GBAYE0601498"));
        QCOMPARE(row.metadata.at(0).source, QStringLiteral("spotify"));
        QCOMPARE(row.metadata.at(0).atMs, clock.nowMs());
        QCOMPARE(row.metadata.at(1).value, odd);
        row = {};
        QVERIFY(store->track(QStringLiteral("m2"), &row, &attempts, 10));
        QVERIFY(row.metadata.isEmpty()); // a result whose lease was not held writes nothing

        // Retried later: a field found again takes the new value and source; one not found
        // again stays as it was.
        AuditEntry audit;
        audit.actor = QStringLiteral("test");
        audit.action = QStringLiteral("retry");
        QString error;
        QCOMPARE(store->retry(TrackFilter{TrackStatus::Partial, {}, {}, {}, {}}, &audit, &error),
                 1);
        clock.advanceMs(60'000);
        QCOMPARE(store->claim(2).size(), 2);
        TrackResult second;
        second.trackId = QStringLiteral("m1");
        second.status = TrackStatus::Completed;
        second.metadata = {{QStringLiteral("isrc"), QStringLiteral("GBAYE0601499"),
                            QStringLiteral("musicbrainz"), clock.nowMs()}};
        QCOMPARE(store->record({second}), QList<bool>({true}));
        row = {};
        QVERIFY(store->track(QStringLiteral("m1"), &row, &attempts, 10));
        QCOMPARE(row.metadata.size(), 2);
        QCOMPARE(row.metadata.at(0).value, QStringLiteral("GBAYE0601499"));
        QCOMPARE(row.metadata.at(0).source, QStringLiteral("musicbrainz"));
        QCOMPARE(row.metadata.at(0).atMs, clock.nowMs());
        QCOMPARE(row.metadata.at(1).field, QStringLiteral("label"));
        QCOMPARE(row.metadata.at(1).value, odd);
    }

    void expiredLeasesReturnToPending()
    {
        ManualClock clock;
        const QString spec = newSpec(QStringLiteral("lease"));
        {
            auto dead = open(spec, clock, QueueStore::Config{30'000, 3, 0}, QStringLiteral("dead"));
            QVERIFY(dead);
            dead->enqueue(ids(4));
            QCOMPARE(dead->claim(4).size(), 4);
            // The worker dies here without finishing.
        }
        auto next = open(spec, clock, QueueStore::Config{30'000, 3, 0}, QStringLiteral("next"));
        QVERIFY(next);
        QCOMPARE(next->count(TrackStatus::InProgress), 4);
        QCOMPARE(next->claim(4).size(), 0);
        clock.advanceMs(30'001);
        const QList<ClaimedTrack> reclaimed = next->claim(10);
        QCOMPARE(reclaimed.size(), 4);
        QCOMPARE(next->count(TrackStatus::InProgress), 4);
        for (const ClaimedTrack &t : reclaimed)
            QVERIFY(finish(*next, t.trackId, TrackStatus::Completed,
                           {QStringLiteral("a"), QStringLiteral("b")}));
        QCOMPARE(next->count(TrackStatus::Completed), 4);
        checkCountsMatchTable(*next, spec);
    }

    void lateWriterCannotOverwriteTheNewOwner()
    {
        ManualClock clock;
        const QString spec = newSpec(QStringLiteral("late"));
        auto slow = open(spec, clock, QueueStore::Config{1000, 3, 0}, QStringLiteral("slow"));
        auto fast = open(spec, clock, QueueStore::Config{1000, 3, 0}, QStringLiteral("fast"));
        QVERIFY(slow && fast);
        slow->enqueue({QStringLiteral("x")});
        QCOMPARE(slow->claim(1).size(), 1);
        clock.advanceMs(1001); // slow's lease runs out; fast takes the track over
        QCOMPARE(fast->claim(1).size(), 1);
        QVERIFY(finish(*fast, QStringLiteral("x"), TrackStatus::Completed,
                       {QStringLiteral("fast-source")}));
        // The late writer's outcome is refused and the new owner's stands.
        QVERIFY(
            !finish(*slow, QStringLiteral("x"), TrackStatus::Failed, {}, QStringLiteral("late")));
        QCOMPARE(slow->record({TrackResult{QStringLiteral("x"), TrackStatus::Partial, {}, {}, 0}}),
                 QList<bool>{false});
        QCOMPARE(scalar(spec, QStringLiteral("SELECT status || '/' || sources_enriched FROM"
                                             " enrichment_status WHERE track_id = 'x'"))
                     .toString(),
                 QStringLiteral("completed/fast-source"));
        clock.advanceMs(1000);
        if (!postgres())
            fast->reconcile(); // a SQLite store counts its own writes; the other's need a recount
        checkCountsMatchTable(*fast, spec);
    }

    void reconcileRepairsCounts()
    {
        ManualClock clock;
        const QString spec = newSpec(QStringLiteral("drift"));
        auto store = open(spec, clock);
        QVERIFY(store);
        store->enqueue(ids(3));
        QVERIFY(!store->reconcile());
        QCOMPARE(store->count(TrackStatus::Pending), 3);
        auto other = open(spec, clock, {}, QStringLiteral("other"));
        QVERIFY(other);
        other->enqueue(ids(2, QStringLiteral("x")));
        if (postgres()) {
            // Counts are the fleet's: the other worker's rows count as soon as the store
            // reads them again (the service does every second).
            QCOMPARE(store->count(TrackStatus::Pending), 3);
            store->refresh();
            QCOMPARE(store->count(TrackStatus::Pending), 5);
            // Something outside the triggers (a TRUNCATE, a hand edit) breaks them.
            scalar(spec, QStringLiteral("UPDATE enrichment_status_counts SET n = n + 7"
                                        " WHERE status = 'pending' RETURNING n"));
            store->refresh();
            QCOMPARE(
                store->count(TrackStatus::Pending),
                5 + 7 * scalar(spec, QStringLiteral("SELECT COUNT(*) FROM enrichment_status_counts "
                                                    "WHERE status = 'pending'"))
                            .toInt());
        } else {
            // Another writer (a second process) added rows behind this store's back.
            QCOMPARE(store->count(TrackStatus::Pending), 3);
        }
        QVERIFY(store->reconcile());
        QCOMPARE(store->count(TrackStatus::Pending), 5);
        checkCountsMatchTable(*store, spec);
    }

    void processingWindowSurvivesRestart()
    {
        ManualClock clock;
        const QString spec = newSpec(QStringLiteral("window"));
        {
            auto store = open(spec, clock);
            QVERIFY(store);
            store->enqueue(ids(3));
            for (const ClaimedTrack &t : store->claim(3))
                finish(*store, t.trackId, TrackStatus::Completed, {});
            QCOMPARE(store->completedInLast(3600), 3);
        }
        clock.advanceMs(10 * 60'000);
        auto reopened = open(spec, clock);
        QVERIFY(reopened);
        QCOMPARE(reopened->completedInLast(3600), 3);
        QCOMPARE(reopened->completedInLast(60), 0);
        clock.advanceMs(51 * 60'000);
        reopened->refresh(); // what the service's tick does
        QCOMPARE(reopened->completedInLast(3600), 0);
    }

    void slidingWindowIsNotCapped()
    {
        ManualClock clock;
        auto store = open(newSpec(QStringLiteral("sliding")), clock);
        QVERIFY(store);
        store->enqueue(ids(500));
        QList<TrackResult> results;
        for (const ClaimedTrack &t : store->claim(500))
            results.append({t.trackId, TrackStatus::Completed, {}, {}, 0});
        QCOMPARE(store->record(results).count(true), 500);
        // The seed's deque of 100 entries could never report more than 100 per minute.
        QCOMPARE(store->completedInLast(60), 500);
    }

    void openFailsCleanly()
    {
        ManualClock clock;
        QString error;
        if (postgres()) {
            QTcpServer closed; // a port nothing serves
            QVERIFY(closed.listen(QHostAddress::LocalHost, 0));
            const quint16 port = closed.serverPort();
            closed.close();
            QVERIFY(!openQueueStore(
                QStringLiteral("postgresql://enrichment@127.0.0.1:%1/none").arg(port), clock, {},
                &error));
            QVERIFY2(error.contains(QStringLiteral("enrichment@127.0.0.1")), qPrintable(error));
            return;
        }
        SqliteQueueStore store(clock, {});
        QVERIFY(!store.open(QStringLiteral("/nonexistent-dir/for/sure/q.sqlite"), &error));
        QVERIFY(!error.isEmpty());
        QVERIFY(!store.ping());
        QCOMPARE(store.enqueue(ids(1)), 0);
        QCOMPARE(store.claim(1).size(), 0);
    }

    void storeSpecsNameTheirKind()
    {
        if (postgres())
            QSKIP("covered by the sqlite row: spec parsing needs no server");
        ManualClock clock;
        QString error;
        const QString path = m_dir.filePath(QStringLiteral("spec/nested/q.sqlite"));
        std::unique_ptr<QueueStore> a =
            openQueueStore(QStringLiteral("sqlite:") + path, clock, {}, &error);
        QVERIFY2(a && a->ping(), qPrintable(error));
        QCOMPARE(a->enqueue({QStringLiteral("t1"), QStringLiteral("t2")}), 2);
        QVERIFY(!a->sharedByWorkers());
        a.reset();
        // A plain path is the same store.
        std::unique_ptr<QueueStore> b = openQueueStore(path, clock, {}, &error);
        QVERIFY2(b, qPrintable(error));
        QCOMPARE(b->count(TrackStatus::Pending), 2);
        QVERIFY(openQueueStore(QStringLiteral(":memory:"), clock, {}, &error));
        QVERIFY(!openQueueStore(QStringLiteral("sqlite:"), clock, {}, &error));
        // A password in a URL would be readable in `ps`: refused before any connection.
        QVERIFY(!openQueueStore(QStringLiteral("postgresql://u:secret@127.0.0.1:1/db"), clock, {},
                                &error));
        QVERIFY2(error.contains(QStringLiteral("PGPASSWORD")), qPrintable(error));
        QVERIFY2(!error.contains(QStringLiteral("secret")), qPrintable(error));
        QVERIFY(!openQueueStore(QStringLiteral("postgresql://127.0.0.1/db"), clock, {}, &error));
        QVERIFY2(error.contains(QStringLiteral("USER@HOST")), qPrintable(error));
        QVERIFY(
            !openQueueStore(QStringLiteral("postgresql://u@h/db?host=/tmp"), clock, {}, &error));
        QVERIFY2(error.contains(QStringLiteral("host")), qPrintable(error));
    }

    void schemaMigratesOnceAndAdoptsTheSeedsTable()
    {
        if (!postgres())
            QSKIP("the SQLite file is always ours");
        ManualClock clock;
        const QString spec = newSpec(QStringLiteral("seedtable"));
        const QString db = m_stores.databaseOf(spec);
        // The seed's own table, with rows, before we ever ran.
        m_stores.postgresServer().scalar(
            db, QStringLiteral("CREATE TABLE enrichment_status (track_id text PRIMARY"
                               " KEY, status text NOT NULL, last_attempt timestamp)"));
        m_stores.postgresServer().scalar(
            db, QStringLiteral("INSERT INTO enrichment_status VALUES ('s1', 'pending',"
                               " NULL), ('s2', 'failed', NULL), ('s3', 'completed',"
                               " now()) RETURNING 1"));
        auto a = open(spec, clock, {}, QStringLiteral("a"));
        auto b = open(spec, clock, {}, QStringLiteral("b")); // finds the schema up to date
        QVERIFY(a && b);
        QVERIFY(a->sharedByWorkers());
        QCOMPARE(m_stores.postgresServer()
                     .scalar(db, QStringLiteral("SELECT COUNT(*) FROM enrichment_schema_version"))
                     .toInt(),
                 7); // versions 1 to 7, each applied once
        QCOMPARE(
            m_stores.postgresServer()
                .scalar(db, QStringLiteral("SELECT max(version) FROM enrichment_schema_version"))
                .toInt(),
            7);
        // A database a version-1 program made is brought up to date on open.
        a.reset();
        b.reset();
        m_stores.postgresServer().scalar(
            db, QStringLiteral("DELETE FROM enrichment_schema_version WHERE version >= 2"
                               " RETURNING 1"));
        m_stores.postgresServer().scalar(
            db, QStringLiteral("ALTER TABLE enrichment_workers DROP COLUMN stopped,"
                               " DROP COLUMN stats, DROP COLUMN last_batch_at"));
        m_stores.postgresServer().scalar(db, QStringLiteral("DROP TABLE enrichment_metadata"));
        m_stores.postgresServer().scalar(db, QStringLiteral("DROP TABLE enrichment_pace"));
        m_stores.postgresServer().scalar(
            db, QStringLiteral("ALTER TABLE enrichment_status DROP COLUMN artist, DROP COLUMN"
                               " title, DROP COLUMN isrc, DROP COLUMN duration_ms"));
        a = open(spec, clock, {}, QStringLiteral("a"));
        QVERIFY(a);
        QCOMPARE(
            m_stores.postgresServer()
                .scalar(db, QStringLiteral("SELECT max(version) FROM enrichment_schema_version"))
                .toInt(),
            7);
        QCOMPARE(m_stores.postgresServer()
                     .scalar(db, QStringLiteral("SELECT COUNT(*) FROM enrichment_metadata"))
                     .toInt(),
                 0);
        QCOMPARE(a->reserveSendSlot(QStringLiteral("musicbrainz"), 1000), 0); // v7's table
        a->heartbeat({QStringLiteral("a"), QStringLiteral("h"), 1, 0, 0, 0, 0, 0, true});
        QVERIFY(a->workers().value(0).stopped);
        enrichment::WorkerInfo withStats{QStringLiteral("a"), QStringLiteral("h"), 1, 0, 0};
        withStats.lastBatchMs = 1234;
        withStats.stats = QJsonObject{{QStringLiteral("tracks_enriched"), 7}};
        a->heartbeat(withStats);
        QCOMPARE(a->workers().value(0).lastBatchMs, 1234);
        QCOMPARE(a->workers().value(0).stats, withStats.stats);
        b = open(spec, clock, {}, QStringLiteral("b"));
        QCOMPARE(a->count(TrackStatus::Pending), 1);
        QCOMPARE(a->count(TrackStatus::Failed), 1);
        QCOMPARE(a->count(TrackStatus::Completed), 1);
        const QList<ClaimedTrack> claimed = b->claim(5);
        QCOMPARE(claimed.size(), 1);
        QCOMPARE(claimed.at(0).trackId, QStringLiteral("s1"));
        QVERIFY(!claimed.at(0).lookup().hasLookupData()); // the seed's row: an id alone
        checkCountsMatchTable(*b, spec);
    }

    void workersRegisterAndHeartbeat()
    {
        if (!postgres())
            QSKIP("a SQLite store belongs to one process: no registry");
        ManualClock clock;
        const QString spec = newSpec(QStringLiteral("workers"));
        auto a = open(spec, clock, {}, QStringLiteral("host-a:1"));
        auto b = open(spec, clock, {}, QStringLiteral("host-b:2"));
        QVERIFY(a && b);
        WorkerInfo wa{
            QStringLiteral("host-a:1"), QStringLiteral("host-a"), 1, 1000, 5000, 10, 3, 42.5};
        a->heartbeat(wa);
        b->heartbeat(
            {QStringLiteral("host-b:2"), QStringLiteral("host-b"), 2, 2000, 6000, 0, 0, 0});
        wa.lastSeenMs = 9000;
        wa.batches = 4;
        a->heartbeat(wa);
        const QList<WorkerInfo> seen = b->workers();
        QCOMPARE(seen.size(), 2);
        QCOMPARE(seen.at(0).id, QStringLiteral("host-a:1"));
        QCOMPARE(seen.at(0).lastSeenMs, 9000);
        QCOMPARE(seen.at(0).batches, 4);
        QCOMPARE(seen.at(0).currentBatch, 10);
        QCOMPARE(seen.at(0).tracksPerMinute, 42.5);
        QCOMPARE(seen.at(1).host, QStringLiteral("host-b"));
    }

    void concurrentWorkersClaimEachTrackOnce()
    {
        if (!postgres())
            QSKIP("SQLite serialises its writers; the concurrency case is PostgreSQL's");
        const QString spec = newSpec(QStringLiteral("concurrent"));
        constexpr int Tracks = 3000;
        {
            SystemClock clock;
            auto seed = open(spec, clock);
            QVERIFY(seed);
            QCOMPARE(seed->enqueue(ids(Tracks)), Tracks);
        }
        // Four workers on threads of their own (a connection belongs to its thread), each
        // claiming and finishing batches until the queue is empty.
        std::atomic<int> finished{0}, refused{0}, failures{0};
        std::vector<std::thread> threads;
        QMutex claimsLock;
        QStringList claims;
        for (int w = 0; w < 4; ++w) {
            threads.emplace_back([&, w] {
                SystemClock clock;
                auto store = open(spec, clock, {}, QStringLiteral("worker-%1").arg(w));
                if (!store) {
                    ++failures;
                    return;
                }
                for (;;) {
                    const QList<ClaimedTrack> batch = store->claim(50);
                    if (batch.isEmpty())
                        break;
                    QList<TrackResult> results;
                    QStringList mine;
                    for (const ClaimedTrack &t : batch) {
                        results.append({t.trackId, TrackStatus::Completed, {}, {}, 0});
                        mine << t.trackId;
                    }
                    {
                        QMutexLocker lock(&claimsLock);
                        claims << mine;
                    }
                    const QList<bool> done = store->record(results);
                    finished += int(done.count(true));
                    refused += int(done.count(false));
                }
            });
        }
        for (std::thread &t : threads)
            t.join();
        QCOMPARE(failures.load(), 0);
        QCOMPARE(refused.load(), 0);
        QCOMPARE(finished.load(), Tracks);
        // No track was handed to two workers: every claim is distinct.
        QCOMPARE(claims.size(), Tracks);
        QCOMPARE(QSet<QString>(claims.cbegin(), claims.cend()).size(), Tracks);
        SystemClock clock;
        auto check = open(spec, clock);
        QVERIFY(check);
        QCOMPARE(check->count(TrackStatus::Completed), Tracks);
        checkCountsMatchTable(*check, spec);
        QVERIFY(!check->reconcile()); // the triggers kept the counts exact
    }
};

QTEST_GUILESS_MAIN(TestQueueStore)
#include "tst_queuestore.moc"
