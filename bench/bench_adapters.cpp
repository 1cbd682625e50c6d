// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// What a provider's answer costs the backend once it has arrived: each client reading a
// real answer of its provider (the test suite's fakes give the bodies) and the pipeline
// recording the request in the monitor (counter, histogram, windowed stats, rate-limit
// gauges), per response, p50 and p99 over many responses. The baseline in the same run is
// QJsonDocument::fromJson() of the same body alone: the floor any client must pay.
// A plain program (one timed run of 200,000 responses per provider). Usage: bench_adapters
#include <algorithm>
#include <cstdio>
#include <vector>

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QJsonDocument>

#include "FakeProvider.h"
#include "HttpSource.h"
#include "PipelineMetrics.h"
#include "enrichment/Clock.h"

using namespace enrichment;

namespace {

double percentile(std::vector<qint64> v, double p)
{
    std::sort(v.begin(), v.end());
    return double(v[std::min(v.size() - 1, std::size_t(p * double(v.size())))]);
}

testsupport::FakeProvider::Request request(const QByteArray &method, const QString &url,
                                           QHash<QByteArray, QByteArray> headers = {})
{
    testsupport::FakeProvider::Request r;
    r.method = method;
    r.url = QUrl(url);
    r.headers = std::move(headers);
    return r;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    SystemClock clock;
    PipelineMetrics monitor(defaultSourceNames(), clock, QStringLiteral("bench"));

    // A real answer of each provider, from the fakes that replay their documentation.
    testsupport::FakeMusicBrainz mb;
    testsupport::FakeDiscogs discogs;
    testsupport::FakeLastFm lastfm;
    testsupport::FakeSpotify spotify;
    testsupport::FakeBeatport beatport;
    const QByteArray token =
        QJsonDocument::fromJson(
            spotify
                .replay(
                    request("POST", QStringLiteral("/api/token"),
                            {{"authorization", "Basic " + QByteArray("client:secret").toBase64()}}))
                .body)
            .object()
            .value(QLatin1String("access_token"))
            .toString()
            .toUtf8();
    struct Case
    {
        const char *name;
        QByteArray body;
        std::unique_ptr<HttpSource> client;
    };
    ProviderConfig config;
    config.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:9"));
    auto client = [&](const char *name) {
        config.name = QString::fromLatin1(name);
        return std::unique_ptr<HttpSource>(
            static_cast<HttpSource *>(makeHttpSource(config, clock).release()));
    };
    std::vector<Case> cases;
    cases.push_back({"musicbrainz",
                     mb.replay(request("GET", QStringLiteral("/ws/2/isrc/GBDUW0000053?fmt=json"),
                                       {{"user-agent", "bench"}}))
                         .body,
                     client("musicbrainz")});
    cases.push_back(
        {"discogs",
         discogs
             .replay(request("GET",
                             QStringLiteral("/database/search?artist=Daft%20Punk&track=One%20More%"
                                            "20Time&type=release"),
                             {{"authorization", "Discogs token=good-discogs-token"}}))
             .body,
         client("discogs")});
    cases.push_back(
        {"lastfm",
         lastfm
             .replay(request("GET", QStringLiteral("/2.0/?method=track.getInfo&api_key=good-lastfm-"
                                                   "key&artist=Daft%20Punk&track=One%20More%"
                                                   "20Time&format=json")))
             .body,
         client("lastfm")});
    cases.push_back(
        {"spotify",
         spotify
             .replay(request("GET", QStringLiteral("/v1/search?q=isrc:GBDUW0000053&type=track"),
                             {{"authorization", "Bearer " + token}}))
             .body,
         client("spotify")});
    cases.push_back(
        {"beatport",
         beatport
             .replay(request("GET", QStringLiteral("/v4/catalog/tracks/?isrc=GBDUW0000053"),
                             {{"authorization", "Bearer good-beatport-token"}}))
             .body,
         client("beatport")});

    const int n = 200'000;
    std::printf("per response, %d responses each: ours = the client reads the answer and the "
                "pipeline records it; baseline = QJsonDocument::fromJson() alone\n",
                n);
    std::printf("  provider    | bytes | ours p50 | ours p99 | baseline p50 | baseline p99 | "
                "fields\n");
    QElapsedTimer t;
    for (const Case &c : cases) {
        const int index = monitor.sourceIndex(QString::fromLatin1(c.name));
        std::vector<qint64> ours(n), baseline(n);
        SourceResponse last;
        for (int i = 0; i < n; ++i) {
            t.start();
            last = c.client->readAnswer(c.body);
            monitor.recordRequest(index, last.status, 0.120);
            const RateLimitState rl = c.client->rateLimit();
            monitor.setRateLimit(index, rl.remaining, rl.limit, double(rl.resetAtMs) / 1000.0);
            ours[std::size_t(i)] = t.nsecsElapsed();
            t.start();
            const QJsonDocument doc = QJsonDocument::fromJson(c.body);
            baseline[std::size_t(i)] = t.nsecsElapsed() + (doc.isNull() ? 1 : 0);
        }
        if (last.status != RequestStatus::Success)
            qFatal("%s: the answer was not read as a success: %s", c.name, qPrintable(last.detail));
        std::printf("  %-11s | %5lld | %5.1f µs | %5.1f µs | %9.1f µs | %9.1f µs | %lld\n", c.name,
                    static_cast<long long>(c.body.size()), percentile(ours, 0.5) / 1000.0,
                    percentile(ours, 0.99) / 1000.0, percentile(baseline, 0.5) / 1000.0,
                    percentile(baseline, 0.99) / 1000.0,
                    static_cast<long long>(last.fields.size()));
    }
    return 0;
}
