// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <cstdio>

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include "AppOptions.h"
#include "MonitorApp.h"
#include "SignalWatcher.h"

int main(int argc, char *argv[])
{
    // A headless export needs no display.
    if (dashboard::AppOptions::wantsHeadless(argc, argv) &&
        qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("enrichment-monitor"));
    QApplication::setApplicationName(QStringLiteral("enrichment-monitor"));
    QApplication::setApplicationDisplayName(QStringLiteral("Enrichment Monitor"));
    QApplication::setApplicationVersion(QStringLiteral(ENRICHMENT_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("enrichment-monitor"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/enrichment-monitor.svg")));

    const QString language = dashboard::AppOptions::languageArgument(app.arguments());
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    QLocale::setDefault(locale);
    QTranslator qtTranslator, appTranslator;
    if (qtTranslator.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    if (appTranslator.load(locale, QStringLiteral("enrichment"), QStringLiteral("_"),
                           QStringLiteral(":/i18n")))
        QApplication::installTranslator(&appTranslator);

    dashboard::AppOptions options;
    QString error, output;
    bool exitNow = false;
    const bool parsed =
        dashboard::AppOptions::parse(app.arguments(), &options, &error, &exitNow, &output);

    if (!parsed) {
        std::fprintf(stderr, "enrichment-monitor: %s\n", qPrintable(error));
        return 2;
    }
    if (exitNow) {
        std::fputs(qPrintable(output), stdout);
        return 0;
    }

    dashboard::MonitorApp monitor(options);
    QObject::connect(&monitor, &dashboard::MonitorApp::finished, &app,
                     [](int code, const QString &message) {
                         std::fprintf(code == 0 ? stdout : stderr, "%s%s\n",
                                      code == 0 ? "" : "enrichment-monitor: ", qPrintable(message));
                         QCoreApplication::exit(code);
                     });
    enrichment::SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &enrichment::SignalWatcher::terminationRequested, &monitor,
                     &dashboard::MonitorApp::requestQuit);
    if (!monitor.start(&error)) {
        std::fprintf(stderr, "enrichment-monitor: %s\n", qPrintable(error));
        return 1;
    }
    return app.exec();
}
