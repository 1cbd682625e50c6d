// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <cstdio>

#include <QApplication>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include "AppOptions.h"
#include "DashboardApp.h"
#include "enrichment/SignalWatcher.h"

namespace {

void nameApplication()
{
    QCoreApplication::setOrganizationName(QStringLiteral("enrichment-monitor"));
    QCoreApplication::setApplicationName(QStringLiteral("enrichment-monitor"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ENRICHMENT_VERSION));
}

/// Qt's and our translations for the --lang of @p arguments (or the system locale),
/// installed while this lives.
struct Translations
{
    QTranslator qt, app;
    explicit Translations(const QStringList &arguments)
    {
        const QString language = dashboard::AppOptions::languageArgument(arguments);
        const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
        QLocale::setDefault(locale);
        if (qt.load(locale, QStringLiteral("qtbase"), QStringLiteral("_"),
                    QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(&qt);
        if (app.load(locale, QStringLiteral("enrichment"), QStringLiteral("_"),
                     QStringLiteral(":/i18n")))
            QCoreApplication::installTranslator(&app);
    }
};

} // namespace

int main(int argc, char *argv[])
{
    // The command line is read before any GUI exists, so --help, --version and a bad
    // option answer without a display.
    dashboard::AppOptions options;
    {
        QCoreApplication cli(argc, argv);
        nameApplication();
        Translations translations(cli.arguments());
        QString error, output;
        bool exitNow = false;
        if (!dashboard::AppOptions::parse(cli.arguments(), &options, &error, &exitNow, &output)) {
            std::fprintf(stderr, "enrichment-monitor: %s\n", qPrintable(error));
            return 2;
        }
        if (exitNow) {
            std::fputs(qPrintable(output), stdout);
            return 0;
        }
    }

    // A headless export needs no display.
    if (!options.exportDir.isEmpty() && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    nameApplication();
    QApplication::setApplicationDisplayName(QStringLiteral("Enrichment Monitor"));
    QApplication::setDesktopFileName(QStringLiteral("enrichment-monitor"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/enrichment-monitor.svg")));
    Translations translations(app.arguments());

    dashboard::DashboardApp monitor(options);
    QObject::connect(&monitor, &dashboard::DashboardApp::finished, &app,
                     [](int code, const QString &message) {
                         std::fprintf(code == 0 ? stdout : stderr, "%s%s\n",
                                      code == 0 ? "" : "enrichment-monitor: ", qPrintable(message));
                         QCoreApplication::exit(code);
                     });
    enrichment::SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &enrichment::SignalWatcher::terminationRequested, &monitor,
                     &dashboard::DashboardApp::requestQuit);
    QString error;
    if (!monitor.start(&error)) {
        std::fprintf(stderr, "enrichment-monitor: %s\n", qPrintable(error));
        return 1;
    }
    return app.exec();
}
