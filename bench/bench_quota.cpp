// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// How close a fleet comes to each provider's quota without going over it: 4 workers, each
// with its own PostgreSQL store connection and its own client, keep asking the test
// suite's fake of the provider (each fake keeps its provider's documented limit: one
// request a second for MusicBrainz with a 503 for one within 0.8 s of the last, 60 a
// moving minute for Discogs with a 429 past it, 5 a second for Last.fm with its error 29;
// the Spotify and Beatport fakes refuse nothing, so for them only the rate is measured).
// Ours: the clients reserve their send slots through the queue database. The baseline in
// the same run, for MusicBrainz: the same 4 clients each keeping only its own pace.
// Prints requests served per second (from the first request to the last) against the
// provider's allowed rate, the shortest gap between two requests, and the refusals.
// A plain program (one timed run each).
// Usage: bench_quota [--seconds N] [--provider NAME] (default: 60 s each, all five)
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
    qint64 served = 0;  ///< requests the fake answered (refused ones not counted)
    qint64 refused = 0; ///< refused for asking too fast
    double seconds = 0;
    qint64 minGapMs = -1; ///< the shortest time between two requests the fake received
    /// Served requests per second between the first request and the last (n - 1 gaps).
    double ratePerSecond() const
    {
        return spanMs > 0 ? double(served - 1) * 1000.0 / double(spanMs) : 0;
    }
    qint64 spanMs = 0;
};

/// One provider's fake, what its client needs to ask it, and its allowed rate.
struct Provider
{
    const char *name;
    double allowedPerSecond;
    std::function<std::unique_ptr<testsupport::FakeProvider>()> fake;
    std::function<qint64(testsupport::FakeProvider &)> refused;
    std::function<void(ProviderConfig &, const QUrl &)> configure;
};

QList<Provider> providers()
{
    using namespace testsupport;
    return {
        {"musicbrainz", 1.0, [] { return std::make_unique<FakeMusicBrainz>(); },
         [](FakeProvider &f) { return qint64(static_cast<FakeMusicBrainz &>(f).rateLimited); },
         [](ProviderConfig &c, const QUrl &url) {
             c.baseUrl = url;
             c.userAgent = QStringLiteral("EnrichmentMonitorBench/1.0 (ops@example.com)");
         }},
        {"discogs", 1.0, [] { return std::make_unique<FakeDiscogs>(); },
         [](FakeProvider &f) { return qint64(static_cast<FakeDiscogs &>(f).tooFast); },
         [](ProviderConfig &c, const QUrl &url) {
             c.baseUrl = url;
             c.token = "good-discogs-token";
         }},
        {"lastfm", 5.0, [] { return std::make_unique<FakeLastFm>(); },
         [](FakeProvider &f) { return qint64(static_cast<FakeLastFm &>(f).tooFast); },
         [](ProviderConfig &c, const QUrl &url) {
             c.baseUrl = url;
             c.apiKey = "good-lastfm-key";
         }},
        {"spotify", 6.0, [] { return std::make_unique<FakeSpotify>(); },
         [](FakeProvider &) { return qint64(0); },
         [](ProviderConfig &c, const QUrl &url) {
             c.baseUrl = url;
             c.authUrl = QUrl(url.toString() + QStringLiteral("/api/token"));
             c.clientId = "client";
             c.clientSecret = "secret";
         }},
        {"beatport", 2.0, [] { return std::make_unique<FakeBeatport>(); },
         [](FakeProvider &) { return qint64(0); },
         [](ProviderConfig &c, const QUrl &url) {
             c.baseUrl = QUrl(url.toString() + QStringLiteral("/v4"));
             c.token = "good-beatport-token";
         }},
    };
}

/// @p workers clients of @p p, each with a store on @p url when @p shared, asking without
/// pause for @p seconds.
Outcome run(const Provider &p, const QString &url, int workers, bool shared, int seconds)
{
    SystemClock clock;
    const std::unique_ptr<testsupport::FakeProvider> fake = p.fake();
    if (!fake->listen())
        qFatal("cannot listen");
    ProviderConfig config;
    config.name = QString::fromLatin1(p.name);
    p.configure(config, fake->url());
    std::vector<std::unique_ptr<QueueStore>> stores;
    std::vector<std::unique_ptr<EnrichmentSource>> clients;
    for (int i = 0; i < workers; ++i) {
        QueueStore::Config c;
        c.workerId = QStringLiteral("bench-%1").arg(i);
        QString error;
        stores.push_back(openQueueStore(url, clock, c, &error));
        if (!stores.back())
            qFatal("%s", qPrintable(error));
        clients.push_back(makeHttpSource(config, clock));
        if (shared)
            static_cast<HttpSource *>(clients.back().get())
                ->setSharedPace([store = stores.back().get(), key = config.name](qint64 ms) {
                    return store->reserveSendSlot(key, ms);
                });
    }
    const TrackLookup track{QStringLiteral("t"), QStringLiteral("Daft Punk"),
                            QStringLiteral("One More Time"), QStringLiteral("GBDUW0000053"), 0};
    bool running = true;
    // Each client always has two lookups waiting: it asks as fast as its pace lets it.
    std::function<void(EnrichmentSource *)> ask = [&](EnrichmentSource *c) {
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
    o.refused = p.refused(*fake);
    // The token requests of Spotify's client are not searches.
    qint64 searches = 0;
    qint64 previous = -1;
    qint64 first = -1;
    for (const auto &r : std::as_const(fake->requests)) {
        if (r.url.path().endsWith(QLatin1String("/api/token")))
            continue;
        ++searches;
        if (first < 0)
            first = r.atMs;
        if (previous >= 0)
            o.minGapMs =
                o.minGapMs < 0 ? r.atMs - previous : std::min(o.minGapMs, r.atMs - previous);
        previous = r.atMs;
    }
    o.served = searches - o.refused;
    o.spanMs = first >= 0 ? previous - first : 0;
    return o;
}

void print(const char *provider, const char *pace, const Outcome &o, double allowed)
{
    const double rate = o.ratePerSecond();
    std::printf("  %-11s | %-15s | %7.1f | %6lld | %8.3f | %6.1f %% | %8lld ms | %lld\n", provider,
                pace, o.seconds, static_cast<long long>(o.served), rate, 100.0 * rate / allowed,
                static_cast<long long>(o.minGapMs), static_cast<long long>(o.refused));
    std::fflush(stdout);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    int seconds = 60;
    QString only;
    const QStringList args = app.arguments();
    if (const qsizetype i = args.indexOf(QStringLiteral("--seconds")); i >= 0)
        seconds = std::max(8, args.value(i + 1).toInt());
    if (const qsizetype i = args.indexOf(QStringLiteral("--provider")); i >= 0)
        only = args.value(i + 1);
    testsupport::PostgresServer pg;
    QString error;
    if (!pg.start(&error))
        qFatal("%s", qPrintable(error));
    std::printf("4 workers asking each provider's fake as fast as their pace lets them\n");
    std::printf("  provider    | pace            | seconds | served | served/s | of allowed | "
                "shortest gap | refused\n");
    int db = 0;
    for (const Provider &p : providers()) {
        if (!only.isEmpty() && only != QLatin1String(p.name))
            continue;
        QString url;
        if (!pg.createDatabase(QStringLiteral("quota_%1").arg(++db), &url, &error))
            qFatal("%s", qPrintable(error));
        print(p.name, "shared (ours)", run(p, url, 4, true, seconds), p.allowedPerSecond);
        if (QLatin1String(p.name) == QLatin1String("musicbrainz"))
            print(p.name, "each its own", run(p, url, 4, false, std::max(8, seconds / 4)),
                  p.allowedPerSecond);
    }
    return 0;
}
