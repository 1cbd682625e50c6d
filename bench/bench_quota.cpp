// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// How close a fleet comes to a provider's quota without going over it: 4 workers, each
// with its own PostgreSQL store connection and its own MusicBrainz client, keep asking the
// local fake MusicBrainz (one request a second; it answers 503 to a request within 0.8 s
// of the last one it served). With the shared pace (ours: send slots reserved through the
// queue database) against the baseline in the same run, the same 4 clients each keeping
// only their own pace. Prints requests per second against the allowed 1.0 and the 503s.
// A plain program (not Google Benchmark): one timed run each.
// Usage: bench_quota [--seconds N] (default 60; the shared run lasts N s, the baseline N/4)
#include <algorithm>
#include <cstdio>
#include <functional>
#include <memory>
#include <vector>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTimer>

#include "FakeProvider.h"
#include "HttpSource.h"
#include "PostgresServer.h"
#include "enrichment/Clock.h"
#include "enrichment/QueueStore.h"

using namespace enrichment;

namespace {

struct Outcome
{
    qint64 served = 0;
    qint64 refused = 0;
    double seconds = 0;
    qint64 minGapMs = 0; ///< the shortest time between two requests the fake received
};

/// @p workers clients, each with a store on @p url when @p shared, asking without pause
/// for @p seconds.
Outcome run(const QString &url, int workers, bool shared, int seconds)
{
    SystemClock clock;
    testsupport::FakeMusicBrainz fake;
    if (!fake.listen())
        qFatal("cannot listen");
    ProviderConfig config;
    config.name = QStringLiteral("musicbrainz");
    config.baseUrl = fake.url();
    config.userAgent = QStringLiteral("EnrichmentMonitorBench/1.0 (ops@example.com)");
    std::vector<std::unique_ptr<QueueStore>> stores;
    std::vector<std::unique_ptr<MusicBrainzSource>> clients;
    for (int i = 0; i < workers; ++i) {
        QueueStore::Config c;
        c.workerId = QStringLiteral("bench-%1").arg(i);
        QString error;
        stores.push_back(openQueueStore(url, clock, c, &error));
        if (!stores.back())
            qFatal("%s", qPrintable(error));
        clients.push_back(std::make_unique<MusicBrainzSource>(config, clock));
        if (shared)
            clients.back()->setSharedPace([store = stores.back().get()](qint64 ms) {
                return store->reserveSendSlot(QStringLiteral("musicbrainz"), ms);
            });
    }
    const TrackLookup track{
        QStringLiteral("t"), QStringLiteral("Daft Punk"), QStringLiteral("One More Time"), {}, 0};
    bool running = true;
    // Each client always has two lookups waiting: it asks as fast as its pace lets it.
    std::function<void(MusicBrainzSource *)> ask = [&](MusicBrainzSource *c) {
        c->fetchAsync(track, [&, c](const SourceResponse &) {
            if (running)
                ask(c);
        });
    };
    for (auto &c : clients) {
        ask(c.get());
        ask(c.get());
    }
    QElapsedTimer elapsed;
    elapsed.start();
    QEventLoop loop;
    QTimer::singleShot(seconds * 1000, &loop, &QEventLoop::quit);
    loop.exec();
    running = false;
    Outcome o;
    o.seconds = double(elapsed.elapsed()) / 1000.0;
    o.served = fake.served;
    o.refused = fake.rateLimited;
    o.minGapMs = -1;
    for (qsizetype i = 1; i < fake.requests.size(); ++i) {
        const qint64 gap = fake.requests[i].atMs - fake.requests[i - 1].atMs;
        o.minGapMs = o.minGapMs < 0 ? gap : std::min(o.minGapMs, gap);
    }
    return o;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int seconds = 60;
    const QStringList args = app.arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--seconds")); i >= 0)
        seconds = std::max(8, args.value(i + 1).toInt());
    testsupport::PostgresServer pg;
    QString error;
    if (!pg.start(&error))
        qFatal("%s", qPrintable(error));
    QString url;
    if (!pg.createDatabase(QStringLiteral("quota"), &url, &error))
        qFatal("%s", qPrintable(error));
    std::printf("4 workers asking the fake MusicBrainz (allowed: 1 request/s)\n");
    std::printf("  pace                     | seconds | served | served/s | shortest gap | 503s\n");
    const Outcome sharedRun = run(url, 4, true, seconds);
    const Outcome ownRun = run(url, 4, false, std::max(8, seconds / 4));
    for (const auto &[name, o] : {std::pair{"shared through the queue", sharedRun},
                                  std::pair{"each its own (baseline)  ", ownRun}})
        std::printf("  %s | %7.1f | %6lld | %8.3f | %9lld ms | %lld\n", name, o.seconds,
                    static_cast<long long>(o.served), double(o.served) / o.seconds,
                    static_cast<long long>(o.minGapMs), static_cast<long long>(o.refused));
    return 0;
}
