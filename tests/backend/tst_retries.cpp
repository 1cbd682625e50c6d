// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <functional>

#include <QtTest>

#include "enrichment/Clock.h"
#include "enrichment/WireFormat.h"
#include "Pipeline.h"
#include "PipelineMetrics.h"
#include "RetryPolicy.h"
#include "SqliteQueueStore.h"

using namespace enrichment;

namespace {

/// A source that answers what the test's function says, with the rate-limit window the
/// test sets (as a provider's headers would have set it).
class ScriptSource final : public EnrichmentSource
{
public:
    using Script = std::function<SourceResponse(const TrackLookup &)>;
    ScriptSource(QString name, Script script) : m_name(std::move(name)), m_script(std::move(script))
    {}
    QString name() const override { return m_name; }
    SourceResponse fetch(const TrackLookup &track) override
    {
        ++calls;
        return m_script(track);
    }
    RateLimitState rateLimit() override { return window; }

    RateLimitState window;
    int calls = 0;

private:
    QString m_name;
    Script m_script;
};

SourceResponse error(ErrorType type, const QString &detail = {}, bool permanent = false)
{
    SourceResponse r;
    r.status = RequestStatus::Error;
    r.error = type;
    r.detail = detail;
    r.permanent = permanent;
    return r;
}

SourceResponse noData()
{
    SourceResponse r;
    r.status = RequestStatus::NoData;
    return r;
}

SourceResponse found()
{
    SourceResponse r;
    r.status = RequestStatus::Success;
    r.fields.insert(QStringLiteral("isrc"), QStringLiteral("GBAYE0601498"));
    return r;
}

/// A pipeline over two scripted sources on an in-memory queue, stepped by hand.
struct Rig
{
    ManualClock clock;
    PipelineMetrics monitor{
        {QStringLiteral("spotify"), QStringLiteral("musicbrainz")}, clock, QStringLiteral("1")};
    SqliteQueueStore store{clock, QueueStore::Config{60'000, 4, 1000}};
    ScriptSource *spotify = nullptr;
    ScriptSource *musicbrainz = nullptr;
    std::unique_ptr<Pipeline> pipeline;

    Rig(ScriptSource::Script a, ScriptSource::Script b, Pipeline::Config pc = {})
    {
        store.open(QStringLiteral(":memory:"));
        std::vector<std::unique_ptr<EnrichmentSource>> sources;
        auto s1 = std::make_unique<ScriptSource>(QStringLiteral("spotify"), std::move(a));
        auto s2 = std::make_unique<ScriptSource>(QStringLiteral("musicbrainz"), std::move(b));
        spotify = s1.get();
        musicbrainz = s2.get();
        sources.push_back(std::move(s1));
        sources.push_back(std::move(s2));
        pc.timeScale = 0;
        pipeline = std::make_unique<Pipeline>(store, monitor, clock, std::move(sources),
                                              CircuitBreaker::Config{1000, 60'000, 2}, pc);
    }
    TrackRow row(const QString &id, QList<Attempt> *attempts = nullptr)
    {
        TrackRow r;
        QList<Attempt> a;
        store.track(id, &r, attempts ? attempts : &a, 50);
        return r;
    }
};

} // namespace

/// The retry policy (docs/OPERATIONS.md, "Retries"): per error class, a track's next attempt
/// time, what is not retried, and each source's retry budget.
class TestRetries : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void backoffDoublesWithEqualJitterUpToItsCap()
    {
        RetryPolicy p;
        p.baseMs = 10'000;
        p.capMs = 60'000;
        QCOMPARE(p.backoffMs(1, 0.0), 5'000);  // half the ceiling ...
        QCOMPARE(p.backoffMs(1, 1.0), 10'000); // ... up to all of it
        QCOMPARE(p.backoffMs(2, 0.0), 10'000);
        QCOMPARE(p.backoffMs(3, 1.0), 40'000);
        QCOMPARE(p.backoffMs(4, 1.0), 60'000); // 80 s capped
        QCOMPARE(p.backoffMs(40, 0.5), 45'000);
        QCOMPARE(p.backoffMs(1000, 1.0), 60'000); // no overflow for absurd counts
    }

    void errorClassesAreTheDocumentedOnes()
    {
        QCOMPARE(retryClass(error(ErrorType::RateLimited)), RetryClass::RateLimited);
        QCOMPARE(retryClass(error(ErrorType::Timeout)), RetryClass::Transient);
        QCOMPARE(retryClass(error(ErrorType::ServerError)), RetryClass::Transient);
        QCOMPARE(retryClass(error(ErrorType::ConnectionError)), RetryClass::Transient);
        QCOMPARE(retryClass(error(ErrorType::ParseError)), RetryClass::Permanent);
        QCOMPARE(retryClass(error(ErrorType::ConnectionError, {}, true)), RetryClass::Permanent);
        QCOMPARE(retryClass(noData()), RetryClass::Permanent);
    }

    void transientFailuresComeBackLaterEachTime()
    {
        Pipeline::Config pc;
        pc.retry.baseMs = 10'000;
        Rig rig(
            [](const TrackLookup &) { return error(ErrorType::Timeout, QStringLiteral("slow")); },
            [](const TrackLookup &) { return noData(); }, pc);
        rig.store.enqueue(QStringList{QStringLiteral("t1")});
        QList<qint64> delays;
        for (int attempt = 1; attempt <= 3; ++attempt) {
            const qint64 before = rig.clock.nowMs();
            QCOMPARE(rig.pipeline->runBatchNow().failed, 1);
            const TrackRow r = rig.row(QStringLiteral("t1"));
            QCOMPARE(r.status, TrackStatus::Pending);
            QCOMPARE(r.retryCount, attempt);
            const qint64 delay = r.availableAtMs - before;
            const qint64 ceiling = 10'000LL << (attempt - 1);
            QVERIFY2(delay >= ceiling / 2 && delay <= ceiling,
                     qPrintable(QStringLiteral("attempt %1: %2 ms").arg(attempt).arg(delay)));
            delays << delay;
            QCOMPARE(rig.pipeline->runBatchNow().size, 0); // not before its time
            rig.clock.advanceMs(delay);
        }
        QVERIFY(delays.at(2) > delays.at(0));
        QCOMPARE(rig.monitor.retriesScheduled(wire::retry::Transient), 3);
        // The fourth failure is the last of maxRetries (4): failed, nothing scheduled.
        QCOMPARE(rig.pipeline->runBatchNow().failed, 1);
        QCOMPARE(rig.row(QStringLiteral("t1")).status, TrackStatus::Failed);
        QCOMPARE(rig.monitor.retriesScheduled(wire::retry::Transient), 3);
        const std::string metrics = rig.monitor.serialize();
        QVERIFY(metrics.find("enrichment_retries_scheduled_total{reason=\"transient\"} 3") !=
                std::string::npos);
        QVERIFY(metrics.find("enrichment_retry_delay_seconds_count{reason=\"transient\"} 3") !=
                std::string::npos);
    }

    void aRateLimitWaitsForTheProvidersReset()
    {
        Pipeline::Config pc;
        pc.retry.baseMs = 10'000;
        Rig rig(
            [](const TrackLookup &) {
                return error(ErrorType::RateLimited, QStringLiteral("HTTP 429"));
            },
            [](const TrackLookup &) { return noData(); }, pc);
        // The provider said (Retry-After) its window resets in 42 s.
        rig.spotify->window = {100, 0, rig.clock.nowMs() + 42'000};
        rig.spotify->window.remaining = 5; // not spent locally: the call is made
        rig.store.enqueue(QStringList{QStringLiteral("t1")});
        const qint64 before = rig.clock.nowMs();
        QCOMPARE(rig.pipeline->runBatchNow().failed, 1);
        const TrackRow r = rig.row(QStringLiteral("t1"));
        QCOMPARE(r.availableAtMs, before + 42'000); // not the 5-10 s backoff
        QCOMPARE(rig.monitor.retriesScheduled(wire::retry::RateLimited), 1);
        QCOMPARE(rig.monitor.retriesScheduled(wire::retry::Transient), 0);
    }

    void whatCannotChangeIsNotRetried()
    {
        Rig rig(
            [](const TrackLookup &) {
                return error(ErrorType::ConnectionError,
                             QStringLiteral("HTTP 401: the provider refused our credentials"),
                             true);
            },
            [](const TrackLookup &) { return noData(); });
        rig.store.enqueue(QStringList{QStringLiteral("t1")});
        QCOMPARE(rig.pipeline->runBatchNow().failed, 1);
        const TrackRow r = rig.row(QStringLiteral("t1"));
        QCOMPARE(r.status, TrackStatus::Failed); // at once: 3 retries were left
        QCOMPARE(r.retryCount, 1);
        QVERIFY2(r.errorMessage.startsWith(QStringLiteral("not retried: spotify: HTTP 401")),
                 qPrintable(r.errorMessage));
        QVERIFY(r.errorMessage.contains(QStringLiteral("musicbrainz: no data")));
        QCOMPARE(rig.monitor.retriesScheduled(wire::retry::Transient), 0);
    }

    void aParseErrorBesideATimeoutIsStillRetried()
    {
        Pipeline::Config pc;
        pc.retry.baseMs = 0;
        Rig rig(
            [](const TrackLookup &) {
                return error(ErrorType::ParseError, QStringLiteral("bad JSON"));
            },
            [](const TrackLookup &) { return error(ErrorType::Timeout); }, pc);
        rig.store.enqueue(QStringList{QStringLiteral("t1")});
        rig.pipeline->runBatchNow();
        QCOMPARE(rig.row(QStringLiteral("t1")).status, TrackStatus::Pending);
    }

    void theRetryBudgetStopsARetryStorm()
    {
        // Every track fails transiently; retries come back at once (no backoff). Only about
        // ratio (here 0.25) of the first requests may be retries, plus the small reserve.
        Pipeline::Config pc;
        pc.retry.baseMs = 0;
        pc.batchSize = 40;
        pc.retryBudget.ratio = 0.25;
        pc.retryBudget.reserve = 2;
        pc.retryBudget.minPerSecond = 0; // only first requests earn retries
        Rig rig(
            [](const TrackLookup &) {
                return error(ErrorType::ServerError, QStringLiteral("HTTP 503"));
            },
            [](const TrackLookup &) {
                return error(ErrorType::ServerError, QStringLiteral("HTTP 502"));
            },
            pc);
        QStringList ids;
        for (int i = 0; i < 40; ++i)
            ids << QStringLiteral("t%1").arg(i);
        rig.store.enqueue(ids);
        QCOMPARE(rig.pipeline->runBatchNow().failed, 40); // 40 first requests per source
        QCOMPARE(rig.spotify->calls, 40);
        // The retries: 40 × 0.25 = 10 tokens earned, but the bucket holds 2 at most.
        rig.pipeline->runBatchNow();
        QCOMPARE(rig.spotify->calls, 42);
        QCOMPARE(rig.musicbrainz->calls, 42);
        QCOMPARE(rig.pipeline->retryBudget(0).refused(), 38);
        // Those refused used no attempt: both sources were skipped, so they were deferred.
        QCOMPARE(rig.row(QStringLiteral("t39")).retryCount, 1);
        QList<Attempt> attempts;
        rig.row(QStringLiteral("t39"), &attempts);
        QCOMPARE(attempts.size(), 2); // the first attempt's two calls; skips are not stored
        QVERIFY(rig.monitor.tracksDeferred() >= 38);
        const TrackRow deferred = rig.row(QStringLiteral("t39"));
        QVERIFY2(deferred.errorMessage.contains(QStringLiteral("retry budget spent")),
                 qPrintable(deferred.errorMessage));
    }

    void theBudgetRefillsWithFirstRequestsAndTime()
    {
        RetryBudget b({0.5, 3, 1});
        QVERIFY(b.tryRetry(0));
        QVERIFY(b.tryRetry(0));
        QVERIFY(b.tryRetry(0));
        QVERIFY(!b.tryRetry(0));
        QCOMPARE(b.msUntilRetry(0), 1000);
        b.firstRequest(0);
        QCOMPARE(b.msUntilRetry(0), 500);
        b.firstRequest(0);
        QVERIFY(b.tryRetry(0));
        QVERIFY(!b.tryRetry(100));
        QVERIFY(b.tryRetry(1100)); // a second's worth of minPerSecond
        QCOMPARE(b.refused(), 2);
        QCOMPARE(b.tokens(100'000), 3.0); // never above the reserve
    }

    void aRetryFindsWhatTheRecoveredSourceHas()
    {
        // A timeout, then the source is back: the retry (its budget from the reserve) finds it.
        bool slow = true;
        Pipeline::Config pc;
        pc.retry.baseMs = 0;
        Rig rig([&slow](const TrackLookup &) { return slow ? error(ErrorType::Timeout) : found(); },
                [](const TrackLookup &) { return noData(); }, pc);
        rig.store.enqueue(QStringList{QStringLiteral("t1")});
        QCOMPARE(rig.pipeline->runBatchNow().failed, 1);
        QCOMPARE(rig.row(QStringLiteral("t1")).status, TrackStatus::Pending);
        slow = false;
        QCOMPARE(rig.pipeline->runBatchNow().partial, 1);
        const TrackRow r = rig.row(QStringLiteral("t1"));
        QCOMPARE(r.status, TrackStatus::Partial);
        QCOMPARE(r.sourcesEnriched, QStringList{QStringLiteral("spotify")});
        QCOMPARE(r.retryCount, 1);
    }
};

QTEST_GUILESS_MAIN(TestRetries)
#include "tst_retries.moc"
