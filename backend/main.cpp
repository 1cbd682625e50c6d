// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <cstdio>

#include <QCoreApplication>

#include "BackendCommandLine.h"
#include "enrichment/BackendService.h"
#include "enrichment/SignalWatcher.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("enrichment-backend"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ENRICHMENT_VERSION));

    enrichment::BackendOptions options;
    QString error, output;
    bool exitNow = false;
    if (!enrichment::parseBackendCommandLine(app.arguments(), &options, &error, &exitNow,
                                             &output)) {
        std::fprintf(stderr, "enrichment-backend: %s\n", qPrintable(error));
        return 2;
    }
    if (exitNow) {
        std::fputs(qPrintable(output), stdout);
        return 0;
    }

    enrichment::SignalWatcher signalWatcher;
    enrichment::BackendService service(options);
    QObject::connect(&signalWatcher, &enrichment::SignalWatcher::terminationRequested, &app,
                     [](int) { QCoreApplication::quit(); });
    if (!service.start(&error)) {
        std::fprintf(stderr, "enrichment-backend: %s\n", qPrintable(error));
        return 1;
    }
    std::printf("listening on %s\n", qPrintable(service.listenUrl().toString()));
    std::fflush(stdout);
    const int rc = app.exec();
    service.stop();
    return rc;
}
