// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Embeds the backend module: the pipeline, the queue, the metrics and the monitoring
// endpoints, with this program's own metadata source instead of the simulated ones.
#include <cstdio>

#include <QCoreApplication>

#include "enrichment/BackendService.h"
#include "enrichment/EnrichmentSource.h"

namespace {

/// A label's own catalogue: knows every track, answers at once, has no quota.
class HouseCatalogue final : public enrichment::EnrichmentSource
{
public:
    QString name() const override { return QStringLiteral("house_catalogue"); }
    enrichment::SourceResponse fetch(const enrichment::TrackLookup &track) override
    {
        enrichment::SourceResponse r;
        r.status = enrichment::RequestStatus::Success;
        r.latencySeconds = 0.002;
        r.fields.insert(QStringLiteral("label"), QStringLiteral("House Records"));
        r.fields.insert(QStringLiteral("isrc"), QStringLiteral("XX-HSE-26-") + track.id.right(5));
        return r;
    }
    enrichment::RateLimitState rateLimit() override { return {}; }
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    enrichment::BackendOptions options;
    options.port = 0; // any free port on 127.0.0.1
    options.databasePath = QStringLiteral(":memory:");
    options.batchIntervalMs = 100;
    options.demo.timeScale = 0;

    enrichment::BackendService service(options);
    std::vector<std::unique_ptr<enrichment::EnrichmentSource>> sources;
    sources.push_back(std::make_unique<HouseCatalogue>());
    service.setSources(std::move(sources));

    QString error;
    if (!service.start(&error)) {
        std::fprintf(stderr, "embed-example: %s\n", qPrintable(error));
        return 1;
    }
    QStringList tracks;
    for (int i = 0; i < 20; ++i)
        tracks << QStringLiteral("track-%1").arg(i, 5, 10, QLatin1Char('0'));
    service.enqueue(tracks);
    std::printf("listening on %s\n", qPrintable(service.listenUrl().toString()));
    std::fflush(stdout);
    return app.exec();
}
