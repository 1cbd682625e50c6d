// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <cstdio>
#include <memory>

#include <QCoreApplication>

#include "ScalerCommandLine.h"
#include "WorkerRunner.h"
#include "WorkerScaler.h"
#include "enrichment/SignalWatcher.h"

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("enrichment-scaler"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ENRICHMENT_VERSION));

    enrichment::ScalerOptions options;
    QString error, output;
    bool exitNow = false;
    if (!enrichment::parseScalerCommandLine(app.arguments(), &options, &error, &exitNow,
                                            &output)) {
        std::fprintf(stderr, "enrichment-scaler: %s\n", qPrintable(error));
        return 2;
    }
    if (exitNow) {
        std::fputs(qPrintable(output), stdout);
        return 0;
    }

    std::unique_ptr<enrichment::WorkerRunner> runner;
    enrichment::ProcessRunner *processes = nullptr;
    if (options.mode == enrichment::ScalerOptions::Mode::Systemd) {
        runner = std::make_unique<enrichment::SystemdRunner>(options.systemctl,
                                                             options.unitTemplate);
    } else {
        auto p = std::make_unique<enrichment::ProcessRunner>(options.workerCommand,
                                                             options.firstPort,
                                                             options.stopGraceMs);
        processes = p.get();
        runner = std::move(p);
    }
    enrichment::SignalWatcher signalWatcher;
    enrichment::WorkerScaler scaler(options.scaler, *runner);
    QObject::connect(&signalWatcher, &enrichment::SignalWatcher::terminationRequested, &app,
                     [](int) { QCoreApplication::quit(); });
    scaler.start();
    std::printf("following %s\n", qPrintable(options.scaler.url.toString()));
    std::fflush(stdout);
    const int rc = app.exec();
    scaler.stop();
    // Process mode: the workers are the scaler's children; they stop with it (systemd's
    // units outlive it).
    if (processes)
        processes->stopAll();
    return rc;
}
