// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QUrl>

namespace dashboard {

/// The `enrichment-monitor` command line.
struct AppOptions
{
    QUrl url; ///< empty: start the embedded demo backend (or watch the saved connections)
    QList<QUrl> moreUrls; ///< further --url: one tab each
    QString tokenFile;
    QString caFile;    ///< extra PEM CA certificates to trust for https:// backends
    QString exportDir; ///< non-empty: headless export, then exit
    int timeoutSeconds = 30;
    int waitSeconds = 10;   ///< --wait: how long --export waits for the charts to fill
    bool overwrite = false; ///< --overwrite: --export may replace an earlier export's files
    QString language;       ///< empty: the system locale
    QUrl alertmanager;      ///< non-empty: list and notify what this Alertmanager says is firing
    QString alertmanagerTokenFile;
    QUrl prometheus; ///< non-empty: long history (the heatmap) from this Prometheus
    QString prometheusTokenFile;
    int rangeMinutes = 60;  ///< --range: the span of the exported time charts
    bool minimized = false; ///< start in the tray (minimized where there is no tray)

    /// Parses @p arguments. Returns false with a one-line reason in @p error; sets
    /// @p exitNow with text in @p output for --help/--version.
    static bool parse(const QStringList &arguments, AppOptions *options, QString *error,
                      bool *exitNow, QString *output);
    /// The value of --lang in @p arguments (read before the translators are installed,
    /// so that even --help speaks the chosen language); empty when absent.
    static QString languageArgument(const QStringList &arguments);
};

} // namespace dashboard
