// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QSignalSpy>
#include <QtTest>

#include "enrichment/Clock.h"
#include "PipelineMetrics.h"
#include "Pipeline.h"
#include "SqliteQueueStore.h"
#include "SimulatedSource.h"
#include "LaterSource.h"

using namespace enrichment;

namespace {
/// A profile whose every call succeeds (with the given fields) or every call fails.
SimulatedSource::Profile profile(const QString &name, bool works, QStringList fields = {},
                                 qint64 quota = 0)
{
    SimulatedSource::Profile p;
    p.name = name;
    p.medianLatencyMs = 100;
    p.pNoData = 0;
    p.pTimeout = 0;
    p.p429 = 0;
    p.p5xx = works ? 0 : 1.0;
    p.pConnection = 0;
    p.quota = quota;
    for (const QString &f : fields)
        p.fields.append({f, 1.0});
    return p;
}

/// A pipeline whose first source answers later (when the test releases `answers`), then
/// a simulated source that always finds the track.
struct LaterRig
{
    ManualClock clock;
    PipelineMetrics monitor{defaultSourceNames(), clock, QStringLiteral("1")};
    SqliteQueueStore store{clock, QueueStore::Config{60'000, 3, 0}};
    std::shared_ptr<testsupport::LaterAnswers> answers =
        std::make_shared<testsupport::LaterAnswers>();
    std::unique_ptr<Pipeline> pipeline;

    LaterRig()
    {
        store.open(QStringLiteral(":memory:"));
        std::vector<std::unique_ptr<EnrichmentSource>> sources;
        sources.push_back(
            std::make_unique<testsupport::LaterSource>(QStringLiteral("spotify"), answers));
        sources.push_back(std::make_unique<SimulatedSource>(
            profile(QStringLiteral("musicbrainz"), true, {QStringLiteral("isrc")}), clock, 1));
        Pipeline::Config pc;
        pc.batchSize = 4;
        pc.timeScale = 0; // the simulated source's latency takes no wall time
        pc.batchIntervalMs = 10;
        pc.idleIntervalMs = 10;
        pipeline = std::make_unique<Pipeline>(store, monitor, clock, std::move(sources),
                                              CircuitBreaker::Config{5, 60'000, 2}, pc);
    }
};

struct Rig
{
    ManualClock clock;
    PipelineMetrics monitor{defaultSourceNames(), clock, QStringLiteral("1")};
    SqliteQueueStore store{clock, QueueStore::Config{60'000, 3, 0}};
    std::unique_ptr<Pipeline> pipeline;

    explicit Rig(const QList<SimulatedSource::Profile> &profiles, int batchSize = 10,
                 quint64 seed = 1)
    {
        store.open(QStringLiteral(":memory:"));
        std::vector<std::unique_ptr<EnrichmentSource>> sources;
        for (const auto &p : profiles)
            sources.push_back(std::make_unique<SimulatedSource>(p, clock, seed));
        Pipeline::Config pc;
        pc.batchSize = batchSize;
        pc.timeScale = 0.1;
        pc.batchIntervalMs = 10;
        pc.idleIntervalMs = 10;
        pc.retry.baseMs = 0; // a failed track is claimable again at once
        pipeline = std::make_unique<Pipeline>(store, monitor, clock, std::move(sources),
                                              CircuitBreaker::Config{5, 60'000, 2}, pc);
    }
    void enqueue(int n)
    {
        QStringList ids;
        for (int i = 0; i < n; ++i)
            ids << QStringLiteral("track-%1").arg(i);
        store.enqueue(ids);
    }
};
} // namespace

class TestPipeline : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void twoSourcesMakeACompletedTrack()
    {
        Rig rig({profile(QStringLiteral("spotify"), true,
                         {QStringLiteral("isrc"), QStringLiteral("bpm")}),
                 profile(QStringLiteral("musicbrainz"), true,
                         {QStringLiteral("musicbrainz_id"), QStringLiteral("isrc")}),
                 profile(QStringLiteral("discogs"), false)});
        rig.enqueue(25);
        QSignalSpy started(rig.pipeline.get(), &Pipeline::batchStarted);
        QSignalSpy completed(rig.pipeline.get(), &Pipeline::batchCompleted);
        const Pipeline::BatchResult r = rig.pipeline->runBatchNow();
        QCOMPARE(r.size, 10);
        QCOMPARE(r.completed, 10);
        QCOMPARE(r.batchNumber, 1);
        QCOMPARE(started.count(), 1);
        QCOMPARE(started.at(0).at(0).toInt(), 10);      // batch_size
        QCOMPARE(started.at(0).at(1).toInt(), 1);       // batch_number
        QCOMPARE(started.at(0).at(2).toLongLong(), 25); // total_tracks
        QCOMPARE(completed.count(), 1);
        QCOMPARE(completed.at(0).at(1).toInt(), 10); // success_count
        QCOMPARE(rig.store.count(TrackStatus::Completed), 10);
        QCOMPARE(rig.store.count(TrackStatus::InProgress), 0);
        QVERIFY(QString::fromStdString(rig.monitor.serialize())
                    .contains(QStringLiteral(
                        "enrichment_tracks_processed_total{status=\"completed\"} 10")));
        // Coverage: a field counts once per track even when two sources return it.
        QCOMPARE(rig.monitor.fieldCount(PipelineMetrics::fieldIndex(QStringLiteral("isrc"))), 10);
        QCOMPARE(
            rig.monitor.fieldCount(PipelineMetrics::fieldIndex(QStringLiteral("musicbrainz_id"))),
            10);
        QCOMPARE(rig.monitor.fieldCount(PipelineMetrics::fieldIndex(QStringLiteral("key"))), 0);
        QCOMPARE(rig.monitor.requestCount(0, RequestStatus::Success), 10);
        QCOMPARE(rig.monitor.requestCount(2, RequestStatus::Error), 5); // breaker opened at 5
        QCOMPARE(rig.monitor.errorCount(2, ErrorType::ServerError), 5);
        QCOMPARE(rig.monitor.errorCount(2, ErrorType::CircuitOpen), 5);
        QCOMPARE(rig.pipeline->breaker(2)->state(), BreakerState::Open);
    }

    void oneSourceIsPartialNoneIsFailed()
    {
        Rig rig({profile(QStringLiteral("spotify"), true, {QStringLiteral("isrc")}),
                 profile(QStringLiteral("musicbrainz"), false)},
                3);
        rig.enqueue(3);
        Pipeline::BatchResult r = rig.pipeline->runBatchNow();
        QCOMPARE(r.partial, 3);
        QCOMPARE(rig.store.count(TrackStatus::Partial), 3);

        Rig dead({profile(QStringLiteral("spotify"), false),
                  profile(QStringLiteral("musicbrainz"), false)},
                 3);
        dead.enqueue(3);
        r = dead.pipeline->runBatchNow();
        QCOMPARE(r.failed, 3);
        QCOMPARE(r.successCount(), 0);
        // First failures are retried, not failed for good.
        QCOMPARE(dead.store.count(TrackStatus::Pending), 3);
    }

    void breakerEventsAndFailFast()
    {
        Rig rig({profile(QStringLiteral("spotify"), false),
                 profile(QStringLiteral("musicbrainz"), true)},
                10);
        rig.enqueue(10);
        QSignalSpy changes(rig.pipeline.get(), &Pipeline::breakerStateChanged);
        rig.pipeline->runBatchNow();
        QCOMPARE(changes.count(), 1);
        QCOMPARE(changes.at(0).at(0).toString(), QStringLiteral("spotify"));
        QCOMPARE(changes.at(0).at(2).value<BreakerState>(), BreakerState::Open);
        QCOMPARE(changes.at(0).at(3).toInt(), 5);
        // Fail fast: five real calls, the other five never reached the source.
        QCOMPARE(rig.monitor.requestCount(0, RequestStatus::Error), 5);
        QCOMPARE(rig.monitor.errorCount(0, ErrorType::CircuitOpen), 5);
        QCOMPARE(rig.monitor.tripCount(0), 1);
    }

    void rateLimitSkipsTheSource()
    {
        Rig rig({profile(QStringLiteral("spotify"), true, {QStringLiteral("isrc")}, 4),
                 profile(QStringLiteral("musicbrainz"), true, {QStringLiteral("musicbrainz_id")})},
                10);
        rig.enqueue(10);
        const Pipeline::BatchResult r = rig.pipeline->runBatchNow();
        QCOMPARE(rig.monitor.requestCount(0, RequestStatus::Success), 4);
        QCOMPARE(rig.monitor.errorCount(0, ErrorType::LocalRateLimit), 6);
        QCOMPARE(r.completed, 4);
        QCOMPARE(r.partial, 6);
        // A skipped source is not a failure of its API: the breaker stays closed.
        QCOMPARE(rig.pipeline->breaker(0)->state(), BreakerState::Closed);
        QVERIFY(QString::fromStdString(rig.monitor.serialize())
                    .contains(QStringLiteral(
                        "enrichment_api_rate_limit_remaining{source=\"spotify\"} 0")));
    }

    void spentQuotasDeferTracksWithoutUsingRetries()
    {
        SimulatedSource::Profile a =
            profile(QStringLiteral("spotify"), true, {QStringLiteral("isrc")}, 2);
        SimulatedSource::Profile b =
            profile(QStringLiteral("musicbrainz"), true, {QStringLiteral("bpm")}, 2);
        Rig rig({a, b}, 10);
        rig.enqueue(10);
        const Pipeline::BatchResult r = rig.pipeline->runBatchNow();
        QCOMPARE(r.completed, 2);
        QCOMPARE(r.failed, 0);
        QCOMPARE(r.deferred, 8);
        QCOMPARE(rig.store.count(TrackStatus::Failed), 0);
        QCOMPARE(rig.store.count(TrackStatus::Pending), 8);
        QCOMPARE(rig.monitor.tracksDeferred(), 8);
        QVERIFY(QString::fromStdString(rig.monitor.serialize())
                    .contains(QStringLiteral("enrichment_tracks_deferred_total 8")));
        // Only calls really made count as cache misses.
        QCOMPARE(rig.monitor.cacheCount(CacheOperation::Miss), 4);
        // Nothing can be asked until the quotas reset; the deferred tracks wait for it.
        const qint64 wait = rig.pipeline->msUntilAnySourceAvailable();
        QVERIFY2(wait > 0 && wait <= 60'000, QByteArray::number(wait).constData());
        QVERIFY(rig.store.claim(10).isEmpty());
        rig.clock.advanceMs(wait);
        QCOMPARE(rig.pipeline->msUntilAnySourceAvailable(), 0);
        const QList<ClaimedTrack> again = rig.store.claim(10);
        QCOMPARE(again.size(), 8);
        for (const ClaimedTrack &t : again)
            QCOMPARE(t.retryCount, 0); // no retry used
    }

    void openBreakersDeferAndSomeAnswersDecide()
    {
        // Both breakers open: nobody can be asked, the track is deferred to the probe time.
        Rig rig({profile(QStringLiteral("spotify"), false),
                 profile(QStringLiteral("musicbrainz"), false)},
                10);
        rig.enqueue(10);
        Pipeline::BatchResult r = rig.pipeline->runBatchNow();
        // Five tracks were really attempted (the calls that tripped the breakers) and
        // failed; the other five met two open breakers and were deferred.
        QCOMPARE(r.failed, 5);
        QCOMPARE(r.deferred, 5);
        QCOMPARE(rig.pipeline->msUntilAnySourceAvailable(), 60'000);

        // One source answers, the other is skipped: the answers decide (partial).
        Rig mixed({profile(QStringLiteral("spotify"), true, {QStringLiteral("isrc")}),
                   profile(QStringLiteral("musicbrainz"), true, {QStringLiteral("bpm")}, 1)},
                  3);
        mixed.enqueue(3);
        r = mixed.pipeline->runBatchNow();
        QCOMPARE(r.completed, 1);
        QCOMPARE(r.partial, 2);
        QCOMPARE(r.deferred, 0);
    }

    void pipelineSleepsWhileNothingCanBeAsked()
    {
        // Real time: quotas of 5 calls per 800 ms window, batches of 2, 20 tracks. Once a
        // window's quota is spent, a pipeline that kept claiming would defer every pending
        // track in turn (batch after batch every 10 ms); one that sleeps defers at most the
        // track that met the spent quota, once per window.
        SystemClock clock;
        PipelineMetrics monitor{defaultSourceNames(), clock, QStringLiteral("1")};
        SqliteQueueStore store{clock, QueueStore::Config{60'000, 3, 0}};
        QVERIFY(store.open(QStringLiteral(":memory:")));
        std::vector<std::unique_ptr<EnrichmentSource>> sources;
        for (const QString &name : {QStringLiteral("spotify"), QStringLiteral("musicbrainz")}) {
            SimulatedSource::Profile p = profile(name, true, {QStringLiteral("isrc")}, 5);
            p.windowMs = 800;
            p.medianLatencyMs = 1;
            sources.push_back(std::make_unique<SimulatedSource>(p, clock, 1));
        }
        Pipeline::Config pc;
        pc.batchSize = 2;
        pc.timeScale = 0;
        pc.batchIntervalMs = 10;
        pc.idleIntervalMs = 10;
        Pipeline pipeline(store, monitor, clock, std::move(sources),
                          CircuitBreaker::Config{5, 60'000, 2}, pc);
        QStringList ids;
        for (int i = 0; i < 20; ++i)
            ids << QStringLiteral("t%1").arg(i);
        store.enqueue(ids);
        pipeline.start();
        QTRY_COMPARE_WITH_TIMEOUT(store.count(TrackStatus::Completed), 20, 20000);
        pipeline.stop();
        QCOMPARE(store.count(TrackStatus::Failed), 0);
        QVERIFY2(monitor.tracksDeferred() <= 6,
                 QByteArray::number(monitor.tracksDeferred()).constData());
        QCOMPARE(monitor.cacheCount(CacheOperation::Miss), 40); // one per call made
    }

    void retriedTrackIsAnsweredFromTheCache()
    {
        // spotify answers no_data (a valid, cacheable answer), musicbrainz fails: the track
        // fails and is retried; on the retry spotify's answer comes from the cache.
        SimulatedSource::Profile noData = profile(QStringLiteral("spotify"), true);
        noData.pNoData = 1.0;
        Rig rig({noData, profile(QStringLiteral("musicbrainz"), false)}, 1);
        rig.enqueue(1);
        rig.pipeline->runBatchNow();
        QCOMPARE(rig.store.count(TrackStatus::Pending), 1); // retry scheduled (no backoff here)
        QCOMPARE(rig.monitor.cacheCount(CacheOperation::Miss), 2);
        QCOMPARE(rig.monitor.cacheCount(CacheOperation::Set), 1);
        QCOMPARE(rig.monitor.cacheCount(CacheOperation::Hit), 0);
        rig.pipeline->runBatchNow();
        QCOMPARE(rig.monitor.cacheCount(CacheOperation::Hit), 1);
        QCOMPARE(rig.monitor.requestCount(0, RequestStatus::NoData), 1); // not asked twice
        QCOMPARE(rig.monitor.requestCount(1, RequestStatus::Error), 2);
    }

    void deterministicUnderASeed()
    {
        auto outcome = [](quint64 seed) {
            Rig rig(SimulatedSource::defaultProfiles(), 10, seed);
            rig.enqueue(60);
            QStringList trace;
            for (int i = 0; i < 6; ++i) {
                const Pipeline::BatchResult r = rig.pipeline->runBatchNow();
                trace << QStringLiteral("%1/%2/%3/%4")
                             .arg(r.completed)
                             .arg(r.partial)
                             .arg(r.failed)
                             .arg(r.wallSeconds, 0, 'f', 6);
                rig.clock.advanceMs(2000);
            }
            return trace;
        };
        QCOMPARE(outcome(5), outcome(5));
        QVERIFY(outcome(5) != outcome(6));
    }

    // A source that answers from the event loop: every track of the batch asks it at
    // once, the batch waits for all the answers, then goes on down the waterfall and is
    // recorded; the lookup data reaches the source.
    void sourcesThatAnswerLaterAreWaitedFor()
    {
        LaterRig rig;
        auto &store = rig.store;
        auto &answers = rig.answers;
        auto &pipeline = rig.pipeline;
        QList<TrackLookup> tracks;
        for (int i = 0; i < 6; ++i)
            tracks.append({QStringLiteral("t%1").arg(i),
                           QStringLiteral("Artist %1").arg(i),
                           QStringLiteral("Title"),
                           {},
                           0});
        store.enqueue(tracks);
        QSignalSpy started(pipeline.get(), &Pipeline::batchStarted);
        QSignalSpy completed(pipeline.get(), &Pipeline::batchCompleted);
        pipeline->start();
        QVERIFY(started.wait());
        QCOMPARE(answers->waiting.size(), 4); // the batch's four tracks asked together
        QCOMPARE(pipeline->tracksInFlight(), 4);
        QCOMPARE(answers->waiting.at(2).track.artist, QStringLiteral("Artist 2"));
        answers->release(3);
        QCOMPARE(completed.size(), 0); // one track still waits
        QCOMPARE(store.count(TrackStatus::InProgress), 4);
        answers->release(1);
        QVERIFY(completed.size() == 1 || completed.wait());
        QCOMPARE(completed.at(0).at(1).toInt(), 4); // all four found by both sources
        QCOMPARE(store.count(TrackStatus::Completed), 4);
        TrackRow row;
        QList<Attempt> attempts;
        QVERIFY(store.track(QStringLiteral("t0"), &row, &attempts, 10));
        QCOMPARE(attempts.size(), 2);
        QCOMPARE(attempts.at(1).source, QStringLiteral("spotify"));
        QCOMPARE(attempts.at(1).detail, QStringLiteral("HTTP 200 OK"));
        const auto label =
            std::find_if(row.metadata.cbegin(), row.metadata.cend(),
                         [](const MetadataValue &m) { return m.field == QLatin1String("label"); });
        QVERIFY(label != row.metadata.cend());
        QCOMPARE(label->value, QStringLiteral("Artist 0"));
        QCOMPARE(label->source, QStringLiteral("spotify"));
        // The next batch goes the same way; a hand-stepped batch waits too.
        QTRY_COMPARE(answers->waiting.size(), 2);
        pipeline->stop();
        answers->delayMs = 0;
        answers->release(2);
        QTRY_COMPARE(store.count(TrackStatus::Completed), 4); // stopped: not recorded yet
        pipeline->start();
        QTRY_COMPARE(store.count(TrackStatus::Completed), 6);
        pipeline->stop();
        store.enqueue(QStringList{QStringLiteral("t9")});
        const Pipeline::BatchResult byHand = pipeline->runBatchNow();
        QCOMPARE(byHand.completed, 1);
    }

    // An answer that comes after the pipeline is gone (its source broke the contract and
    // kept it) is dropped, not delivered to freed memory.
    void aLateAnswerAfterThePipelineIsGoneIsDropped()
    {
        LaterRig rig;
        auto &store = rig.store;
        auto &answers = rig.answers;
        auto &pipeline = rig.pipeline;
        store.enqueue(QStringList{QStringLiteral("a"), QStringLiteral("b")});
        QSignalSpy started(pipeline.get(), &Pipeline::batchStarted);
        pipeline->start();
        QVERIFY(started.wait());
        QCOMPARE(answers->waiting.size(), 2);
        pipeline.reset();
        answers->release(2);                               // nobody listens: nothing happens
        QCOMPARE(store.count(TrackStatus::InProgress), 2); // their leases expire as usual
    }

    // A source that answers twice (now, and again from the event loop once the batch is
    // recorded) is heard once: the second answer reaches nothing.
    void aSecondAnswerIsIgnored()
    {
        class Twice final : public EnrichmentSource
        {
        public:
            QString name() const override { return QStringLiteral("spotify"); }
            void fetchAsync(const TrackLookup &track, Answer answer) override
            {
                SourceResponse r;
                r.status = RequestStatus::Success;
                r.fields.insert(QStringLiteral("label"), track.id);
                answer(r);
                QTimer::singleShot(0, &context, [this, answer, r] {
                    answer(r);
                    ++repeated;
                });
            }
            bool simulatesLatency() const override { return false; }
            RateLimitState rateLimit() override { return {}; }
            QObject context;
            int repeated = 0;
        };
        ManualClock clock;
        PipelineMetrics monitor{defaultSourceNames(), clock, QStringLiteral("1")};
        SqliteQueueStore store{clock, QueueStore::Config{60'000, 3, 0}};
        store.open(QStringLiteral(":memory:"));
        std::vector<std::unique_ptr<EnrichmentSource>> sources;
        auto owned = std::make_unique<Twice>();
        Twice *twice = owned.get();
        sources.push_back(std::move(owned));
        Pipeline pipeline(store, monitor, clock, std::move(sources),
                          CircuitBreaker::Config{5, 60'000, 2}, Pipeline::Config{});
        store.enqueue(QStringList{QStringLiteral("a"), QStringLiteral("b")});
        QCOMPARE(pipeline.runBatchNow().partial, 2);
        store.enqueue(QStringList{QStringLiteral("c")});
        QTRY_COMPARE(twice->repeated, 2); // both stray answers came, after the batch
        QCOMPARE(store.count(TrackStatus::Partial), 2);
        QCOMPARE(store.count(TrackStatus::Pending), 1); // untouched by them
        QCOMPARE(pipeline.runBatchNow().partial, 1);
        QTRY_COMPARE(twice->repeated, 3);
        QCOMPARE(store.count(TrackStatus::Partial), 3);
    }

    void timerDrivenRunDrainsTheQueue()
    {
        Rig rig({profile(QStringLiteral("spotify"), true, {QStringLiteral("isrc")}),
                 profile(QStringLiteral("musicbrainz"), true, {QStringLiteral("bpm")})},
                5);
        rig.enqueue(20);
        QSignalSpy completed(rig.pipeline.get(), &Pipeline::batchCompleted);
        rig.pipeline->start();
        QTRY_COMPARE_WITH_TIMEOUT(rig.store.count(TrackStatus::Completed), 20, 20000);
        QCOMPARE(completed.count(), 4);
        rig.pipeline->stop();
        QVERIFY(!rig.pipeline->isRunning());
    }
};

QTEST_GUILESS_MAIN(TestPipeline)
#include "tst_pipeline.moc"
