// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Event to dashboard: from the pipeline emitting enrichment_batch_complete (backend thread)
// to the dashboard's models holding the new numbers (UI thread), over real loopback: the
// snapshot the room pushes (push:1), or the room's event and the HTTP fetch it triggers
// (push:0, the seed's protocol). Baseline: the seed's client, which polls every 30 s and so
// sees an event 15 s late on average.
#include <atomic>
#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTemporaryDir>
#include <QTimer>

#include "enrichment/BackendThread.h"
#include "ServiceInternals.h"
#include "BenchSupport.h"
#include "DashboardModels.h"
#include "BackendFeed.h"
#include "Pipeline.h"

using namespace std::chrono;

static void BM_EventToModel(benchmark::State &state)
{
    QTemporaryDir dir;
    enrichment::BackendOptions o;
    o.port = 0;
    o.runPipeline = false;
    o.demo.seedTracks = 20'000;
    o.databasePath = dir.filePath(QStringLiteral("latency.sqlite"));
    o.pushSnapshots = state.range(1) != 0; // 1: the room pushes snapshots; 0: the feed fetches
    enrichment::BackendThread backend(o);
    std::atomic<qint64> emittedNs{0};
    QObject::connect(
        &backend, &enrichment::BackendThread::batchCompleted, &backend,
        [&emittedNs] {
            emittedNs = duration_cast<nanoseconds>(steady_clock::now().time_since_epoch()).count();
        },
        Qt::DirectConnection);
    backend.start();
    QString error;
    const QUrl url = backend.waitUntilReady(60'000, &error);
    if (url.isEmpty()) {
        state.SkipWithError(qPrintable(error));
        return;
    }
    QNetworkAccessManager nam;
    dashboard::BackendFeed feed(&nam);
    feed.setAutoRefresh(false);
    feed.setBaseUrl(url);
    dashboard::DashboardModels models;
    QObject::connect(&feed, &dashboard::BackendFeed::snapshotReceived, &models,
                     &dashboard::DashboardModels::applySnapshot);
    feed.start();
    {
        QEventLoop loop;
        auto ready = [&] {
            return feed.state() == dashboard::BackendFeed::ConnectionState::Live &&
                   models.hasSnapshot();
        };
        QObject::connect(&feed, &dashboard::BackendFeed::stateChanged, &loop, [&] {
            if (ready())
                loop.quit();
        });
        QObject::connect(&models, &dashboard::DashboardModels::snapshotApplied, &loop, [&] {
            if (ready())
                loop.quit();
        });
        QTimer::singleShot(10'000, &loop, &QEventLoop::quit);
        if (!ready())
            loop.exec();
    }
    const int events = int(state.range(0));
    std::vector<double> latenciesMs;
    for (auto _ : state) {
        for (int i = 0; i < events; ++i) {
            // The numbers a batch moves: queue counts, and per source the requests and
            // errors (a batch whose every call was skipped for a spent quota moves only those).
            auto finished = [&models] {
                if (!models.hasSnapshot())
                    return qint64(-1);
                const dashboard::Snapshot &s = models.snapshot();
                qint64 sum = 0;
                for (const auto &q : s.queue)
                    sum = sum * 31 + q.value_or(0);
                for (const dashboard::SourceInfo &src : s.sources) {
                    sum = sum * 31 + src.requests().value_or(0);
                    for (qint64 e : src.errors)
                        sum = sum * 31 + e;
                }
                return sum;
            };
            const bool hadSnapshot = models.hasSnapshot();
            const qint64 before = finished();
            QEventLoop loop;
            double latency = -1;
            auto c =
                QObject::connect(&models, &dashboard::DashboardModels::snapshotApplied, &loop, [&] {
                    // The models hold the new numbers once pending dropped below its old value.
                    if (hadSnapshot && finished() != before && emittedNs > 0) {
                        const qint64 now =
                            duration_cast<nanoseconds>(steady_clock::now().time_since_epoch())
                                .count();
                        latency = double(now - emittedNs) / 1e6;
                        loop.quit();
                    }
                });
            emittedNs = 0;
            backend.post(
                [](enrichment::BackendService &s) { internals(s).pipeline().runBatchNow(); });
            QTimer::singleShot(5000, &loop, &QEventLoop::quit);
            loop.exec();
            QObject::disconnect(c);
            if (latency >= 0)
                latenciesMs.push_back(latency);
        }
    }
    state.counters["events"] = double(latenciesMs.size());
    state.counters["p50_ms"] = bench::percentile(latenciesMs, 0.50);
    state.counters["p99_ms"] = bench::percentile(latenciesMs, 0.99);
    state.counters["max_ms"] = bench::percentile(latenciesMs, 1.0);
    state.counters["baseline_poll30s_mean_ms"] = 15'000;
}
BENCHMARK(BM_EventToModel)
    ->ArgNames({"events", "push"})
    ->Args({300, 1})
    ->Args({300, 0})
    ->Iterations(1)
    ->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    return bench::run<QCoreApplication>(argc, argv);
}
