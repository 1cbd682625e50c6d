// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AppOptions.h"

#include <QMap>

#include <QCommandLineParser>
#include <QCoreApplication>

#include "enrichment/CommandLine.h"

namespace dashboard {

namespace cli = enrichment::cli;

namespace {
/// @p text as an http(s) URL with a host; empty if it is not one.
QUrl httpUrl(const QString &text)
{
    // A scheme and a host, as typed: "notaurl" or "host:8020" is refused, not guessed.
    const QUrl u(text.trimmed(), QUrl::StrictMode);
    if (!u.isValid() ||
        (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")) ||
        u.host().isEmpty())
        return {};
    return u;
}
/// The dashboard's options beyond --help and --version.
struct CommandLine
{
    QCommandLineOption url, token, caFile, exportDir, timeout, wait, overwrite, lang, alertmanager,
        alertmanagerToken, minimized, prometheus, prometheusToken, range;
};

CommandLine commandLine()
{
    const QCommandLineOption url(
        QStringLiteral("url"),
        QCoreApplication::translate(
            "AppOptions", "Watch the backend at URL (e.g. http://host:8020); starts nothing. "
                          "Given more than once, each backend gets a tab."),
        QStringLiteral("URL"));
    const QCommandLineOption token(
        QStringLiteral("token-file"),
        QCoreApplication::translate(
            "AppOptions",
            "Bearer token for a protected backend (or set ENRICHMENT_MONITOR_TOKEN)."),
        QStringLiteral("PATH"));
    const QCommandLineOption caFile(
        QStringLiteral("ca-file"),
        QCoreApplication::translate(
            "AppOptions",
            "PEM file of CA certificates to trust for an https:// backend, besides the "
            "system's."),
        QStringLiteral("PATH"));
    const QCommandLineOption exportDir(
        QStringLiteral("export"),
        QCoreApplication::translate("AppOptions",
                                    "Headless: wait for data, write every chart as PNG, SVG and "
                                    "CSV plus dashboard.png into DIR, exit."),
        QStringLiteral("DIR"));
    const QCommandLineOption timeout(
        QStringLiteral("timeout"),
        QCoreApplication::translate("AppOptions", "Seconds --export waits for data (default 30)."),
        QStringLiteral("S"));
    const QCommandLineOption wait(
        QStringLiteral("wait"),
        QCoreApplication::translate(
            "AppOptions", "Seconds --export waits after the first data for the charts to fill "
                          "(default 10; 0: write at once)."),
        QStringLiteral("S"));
    const QCommandLineOption overwrite(
        QStringLiteral("overwrite"),
        QCoreApplication::translate("AppOptions",
                                    "Let --export replace the files of an earlier export."));
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        QCoreApplication::translate("AppOptions",
                                    "User interface language (en, de, es); default: the system's."),
        QStringLiteral("CODE"));
    const QCommandLineOption alertmanager(
        QStringLiteral("alertmanager"),
        QCoreApplication::translate(
            "AppOptions",
            "List what the Alertmanager at URL says is firing, and notify it (API v2)."),
        QStringLiteral("URL"));
    const QCommandLineOption alertmanagerToken(
        QStringLiteral("alertmanager-token-file"),
        QCoreApplication::translate("AppOptions",
                                    "Bearer token for a protected Alertmanager (its proxy)."),
        QStringLiteral("PATH"));
    const QCommandLineOption minimized(
        QStringLiteral("minimized"),
        QCoreApplication::translate(
            "AppOptions", "Start in the system tray (minimized where there is no tray)."));
    const QCommandLineOption prometheus(
        QStringLiteral("prometheus"),
        QCoreApplication::translate(
            "AppOptions", "Read long history (30 days of success by weekday and hour) from the "
                          "Prometheus at URL."),
        QStringLiteral("URL"));
    const QCommandLineOption prometheusToken(
        QStringLiteral("prometheus-token-file"),
        QCoreApplication::translate("AppOptions",
                                    "Bearer token for a protected Prometheus (its proxy)."),
        QStringLiteral("PATH"));
    const QCommandLineOption range(
        QStringLiteral("range"),
        QCoreApplication::translate(
            "AppOptions", "Span of the time charts --export writes: 15m, 1h (default), 6h, 24h, "
                          "or with --prometheus also 7d, 30d."),
        QStringLiteral("SPAN"));
    return {url,
            token,
            caFile,
            exportDir,
            timeout,
            wait,
            overwrite,
            lang,
            alertmanager,
            alertmanagerToken,
            minimized,
            prometheus,
            prometheusToken,
            range};
}

/// The backends to watch (--url, repeatable: the first is the main one).
bool readBackends(const QCommandLineParser &p, const CommandLine &c, AppOptions *o, QString *error)
{
    // --url may be given more than once: the first is the main backend, the others open
    // in tabs of their own.
    for (const QString &value : p.values(c.url)) {
        const QUrl u = httpUrl(value);
        if (u.isEmpty()) {
            *error =
                QCoreApplication::translate("AppOptions", "--url needs an http(s) URL, got \"%1\"")
                    .arg(value.left(200));
            return false;
        }
        if (o->url.isEmpty())
            o->url = u;
        else if (o->moreUrls.size() < 31 && !o->moreUrls.contains(u) && u != o->url)
            o->moreUrls.append(u);
    }
    o->tokenFile = p.value(c.token);
    o->caFile = p.value(c.caFile);
    return true;
}

/// The services the dashboard reads besides its backends: Alertmanager and Prometheus.
bool readServices(const QCommandLineParser &p, const CommandLine &c, AppOptions *o, QString *error)
{
    // A service the dashboard reads (Alertmanager, Prometheus): an http(s) URL, and a
    // token file only with it.
    auto service = [&p, error](const QCommandLineOption &urlOption,
                               const QCommandLineOption &tokenOption, QUrl *url,
                               QString *tokenFile) {
        const QString name = QStringLiteral("--") + urlOption.names().constFirst();
        if (p.isSet(urlOption)) {
            *url = httpUrl(p.value(urlOption));
            if (url->isEmpty()) {
                *error =
                    QCoreApplication::translate("AppOptions", "%1 needs an http(s) URL, got \"%2\"")
                        .arg(name, p.value(urlOption).left(200));
                return false;
            }
        }
        if (p.isSet(tokenOption) && !p.isSet(urlOption)) {
            *error = QCoreApplication::translate("AppOptions", "%1 needs %2")
                         .arg(QStringLiteral("--") + tokenOption.names().constFirst(), name);
            return false;
        }
        *tokenFile = p.value(tokenOption);
        return true;
    };
    if (!service(c.alertmanager, c.alertmanagerToken, &o->alertmanager,
                 &o->alertmanagerTokenFile) ||
        !service(c.prometheus, c.prometheusToken, &o->prometheus, &o->prometheusTokenFile))
        return false;
    return true;
}

/// The headless export and the window's start: range, waits, overwrite, language.
bool readExport(const QCommandLineParser &p, const CommandLine &c, AppOptions *o, QString *error)
{
    if (p.isSet(c.range)) {
        static const QMap<QString, int> spans{
            {QStringLiteral("15m"), 15},      {QStringLiteral("1h"), 60},
            {QStringLiteral("6h"), 360},      {QStringLiteral("24h"), 1440},
            {QStringLiteral("7d"), 7 * 1440}, {QStringLiteral("30d"), 30 * 1440}};
        const QString value = p.value(c.range);
        if (!spans.contains(value)) {
            *error = QCoreApplication::translate(
                         "AppOptions", "--range must be 15m, 1h, 6h, 24h, 7d or 30d, got \"%1\"")
                         .arg(value.left(20));
            return false;
        }
        o->rangeMinutes = spans.value(value);
        if (o->rangeMinutes > 1440 && !p.isSet(c.prometheus)) {
            *error = QCoreApplication::translate(
                "AppOptions", "--range 7d and 30d need --prometheus (the backend keeps a day)");
            return false;
        }
    }
    o->minimized = p.isSet(c.minimized);
    if (p.isSet(c.timeout)) {
        bool ok = false;
        o->timeoutSeconds = p.value(c.timeout).toInt(&ok);
        if (!ok || o->timeoutSeconds < 1 || o->timeoutSeconds > 3600) {
            *error = QCoreApplication::translate("AppOptions",
                                                 "--timeout must be an integer from 1 to 3600");
            return false;
        }
    }
    if (p.isSet(c.wait)) {
        bool ok = false;
        o->waitSeconds = p.value(c.wait).toInt(&ok);
        if (!ok || o->waitSeconds < 0 || o->waitSeconds > 3600) {
            *error = QCoreApplication::translate("AppOptions",
                                                 "--wait must be an integer from 0 to 3600");
            return false;
        }
    }
    o->overwrite = p.isSet(c.overwrite);
    if ((p.isSet(c.wait) || o->overwrite) && !p.isSet(c.exportDir)) {
        *error = QCoreApplication::translate("AppOptions", "--wait and --overwrite need --export");
        return false;
    }
    o->exportDir = p.value(c.exportDir);
    o->language = p.value(c.lang);
    return true;
}

} // namespace

QString AppOptions::languageArgument(const QStringList &arguments)
{
    for (int i = 1; i < arguments.size(); ++i) {
        const QString &a = arguments.at(i);
        if (a == QLatin1String("--lang") && i + 1 < arguments.size())
            return arguments.at(i + 1);
        if (a.startsWith(QLatin1String("--lang=")))
            return a.mid(7);
    }
    return {};
}

bool AppOptions::parse(const QStringList &arguments, AppOptions *o, QString *error, bool *exitNow,
                       QString *output)
{
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate(
        "AppOptions",
        "Enrichment Monitor: live dashboard of the music-metadata enrichment pipeline.\n"
        "Without --url it starts an embedded demo backend on 127.0.0.1 and watches it."));
    const CommandLine c = commandLine();
    p.addOptions({c.url, c.token, c.caFile, c.exportDir, c.timeout, c.wait, c.overwrite, c.lang,
                  c.alertmanager, c.alertmanagerToken, c.minimized, c.prometheus, c.prometheusToken,
                  c.range});
    cli::StandardTexts texts;
    texts.help = QCoreApplication::translate("AppOptions", "Show this help.");
    texts.version = QCoreApplication::translate("AppOptions", "Show the version.");
    texts.versionLine = QStringLiteral("enrichment-monitor " ENRICHMENT_VERSION "\n");
    texts.unexpectedArgument = QCoreApplication::translate("AppOptions", "unexpected argument: %1");
    if (!cli::parseStandard(p, arguments, texts, error, exitNow, output))
        return false;
    if (*exitNow)
        return true;
    return readBackends(p, c, o, error) && readServices(p, c, o, error) &&
           readExport(p, c, o, error);
}

} // namespace dashboard
