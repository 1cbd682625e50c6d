// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// enrichment-fake-providers: the five local fake provider APIs of the test suite
// (tests/support/FakeProvider.h) as one program, for a demo of the backend's real-source
// clients without the public APIs: deploy/sources/fake-providers.yaml points a backend
// at them. Only wiring lives here; the fakes and what they replay are in the header.

#include <cstdio>

#include <QCommandLineParser>
#include <QCoreApplication>

#include "FakeProvider.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("enrichment-fake-providers"));
    QCommandLineParser cli;
    cli.setApplicationDescription(
        QStringLiteral("Local stand-ins for the MusicBrainz, Discogs, Last.fm, Spotify and "
                       "Beatport APIs on 127.0.0.1, replaying their documented rules (rate "
                       "limits and their headers, 429 with Retry-After, MusicBrainz's 503, "
                       "Last.fm's errors in a 200, Spotify's expiring tokens). For demos and "
                       "tests only."));
    cli.addHelpOption();
    cli.addOption({QStringLiteral("port-base"),
                   QStringLiteral("First port: musicbrainz on it, then discogs, lastfm, spotify "
                                  "and beatport on the next four (default 18801, as "
                                  "deploy/sources/fake-providers.yaml expects; 0: any free "
                                  "ports)."),
                   QStringLiteral("PORT"), QStringLiteral("18801")});
    cli.process(app);
    bool ok = false;
    const int base = cli.value(QStringLiteral("port-base")).toInt(&ok);
    if (!ok || base < 0 || base > 65535 - 4) {
        std::fprintf(stderr, "enrichment-fake-providers: --port-base needs 0 to 65531\n");
        return 2;
    }

    testsupport::FakeMusicBrainz musicbrainz;
    testsupport::FakeDiscogs discogs;
    testsupport::FakeLastFm lastfm;
    testsupport::FakeSpotify spotify;
    testsupport::FakeBeatport beatport;
    const QList<std::pair<const char *, testsupport::FakeProvider *>> fakes = {
        {"musicbrainz", &musicbrainz},
        {"discogs", &discogs},
        {"lastfm", &lastfm},
        {"spotify", &spotify},
        {"beatport", &beatport}};
    for (int i = 0; i < fakes.size(); ++i) {
        const auto &[name, fake] = fakes.at(i);
        if (!fake->listen(base == 0 ? 0 : quint16(base + i))) {
            std::fprintf(stderr, "enrichment-fake-providers: cannot listen for %s on port %d\n",
                         name, base == 0 ? 0 : base + i);
            return 1;
        }
        std::printf("%s %s\n", name, qPrintable(fake->url().toString()));
    }
    std::fflush(stdout);
    return app.exec();
}
