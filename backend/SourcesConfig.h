// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace enrichment {

/// One provider as `--sources-config` describes it (docs/OPERATIONS.md, "Real sources").
/// Secrets are read from their files and never logged, shown or written anywhere.
struct ProviderConfig
{
    QString name; ///< spotify, musicbrainz, discogs, beatport or lastfm
    QUrl baseUrl; ///< the API's root, http(s)
    QUrl authUrl; ///< spotify: the token endpoint
    QString userAgent;
    QByteArray token;        ///< discogs, beatport: from token_file
    QByteArray apiKey;       ///< lastfm: from api_key_file
    QByteArray clientId;     ///< spotify: from client_id_file
    QByteArray clientSecret; ///< spotify: from client_secret_file
    int timeoutMs = 10'000;
    qint64 maxResponseBytes = 2 * 1024 * 1024;
};

/// The providers a sources file may configure, in waterfall order.
QStringList knownProviderNames();

struct SourcesConfig
{
    QList<ProviderConfig> providers; ///< in the file's order
    /// What the operator should know but that does not stop the start (a credential file
    /// others can read), one line each.
    QStringList warnings;

    const ProviderConfig *provider(const QString &name) const;
};

/// Reads the YAML file at @p path: a `sources` map from provider name to its settings.
/// Unknown providers and settings, missing required settings, URLs that are not http(s),
/// unreadable credential files are refused with a one-line reason in @p error.
bool readSourcesConfig(const QString &path, SourcesConfig *config, QString *error);
/// readSourcesConfig() of YAML text; a relative credential file path is read from
/// @p baseDir (empty: as given, from the working directory). readSourcesConfig() passes the
/// file's own directory.
bool parseSourcesConfig(const QByteArray &yaml, const QString &path, SourcesConfig *config,
                        QString *error, const QString &baseDir = {});

} // namespace enrichment
