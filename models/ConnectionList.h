// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QUrl>

class QSettings;

namespace dashboard {

/// A named backend the dashboard keeps (File > Connections): where it is and which file
/// holds its token. The token itself is never written to the settings.
struct SavedConnection
{
    QString name;
    QUrl url;
    QString tokenFile; ///< empty: no token
    bool watch = true; ///< opened in a tab at start
    QUrl prometheus;   ///< this environment's Prometheus (empty: the app's, if any)
    QString prometheusTokenFile;

    bool operator==(const SavedConnection &o) const
    {
        return name == o.name && url == o.url && tokenFile == o.tokenFile && watch == o.watch &&
               prometheus == o.prometheus && prometheusTokenFile == o.prometheusTokenFile;
    }
};

/// Reads and writes the saved connections (QSettings array "connections").
class ConnectionList
{
public:
    static constexpr int MaxConnections = 32;
    static QList<SavedConnection> load(QSettings &settings);
    static void save(QSettings &settings, const QList<SavedConnection> &connections);
    /// Why @p c cannot be kept (empty: it can): a name, an http(s) URL with a host, a name
    /// not used by another of @p all.
    static QString problem(const SavedConnection &c, const QList<SavedConnection> &all);
};

} // namespace dashboard
