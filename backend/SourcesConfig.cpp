// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourcesConfig.h"

#include <QFile>
#include <QDir>
#include <QFileInfo>

#include <yaml-cpp/yaml.h>

#include "enrichment/TokenFile.h"

namespace enrichment {

namespace {

/// What each provider needs (required) and may have (optional), besides timeout_seconds
/// and max_response_kb, which all may have.
struct ProviderKeys
{
    const char *name;
    QStringList required;
    QStringList optional;
};

const QList<ProviderKeys> &providerKeys()
{
    static const QList<ProviderKeys> keys = {
        {"spotify",
         {QStringLiteral("base_url"), QStringLiteral("auth_url"), QStringLiteral("client_id_file"),
          QStringLiteral("client_secret_file")},
         {}},
        {"musicbrainz", {QStringLiteral("base_url"), QStringLiteral("user_agent")}, {}},
        {"discogs",
         {QStringLiteral("base_url"), QStringLiteral("token_file")},
         {QStringLiteral("user_agent")}},
        {"beatport", {QStringLiteral("base_url"), QStringLiteral("token_file")}, {}},
        {"lastfm",
         {QStringLiteral("base_url"), QStringLiteral("api_key_file")},
         {QStringLiteral("user_agent")}},
    };
    return keys;
}

} // namespace

QStringList knownProviderNames()
{
    QStringList names;
    for (const ProviderKeys &p : providerKeys())
        names << QString::fromLatin1(p.name);
    return names;
}

namespace {

QString text(const YAML::Node &node)
{
    return QString::fromStdString(node.as<std::string>());
}

/// Reads a secret from @p file: one line, not empty. Warns when others may read it.
bool readSecret(const QString &provider, const QString &key, const QString &file,
                QByteArray *secret, QStringList *warnings, QString *error)
{
    QString why;
    if (!readTokenFile(file, secret, &why)) {
        *error = QStringLiteral("%1.%2: %3").arg(provider, key, why);
        return false;
    }
    const QFileDevice::Permissions p = QFileInfo(file).permissions();
    if (p & (QFileDevice::ReadGroup | QFileDevice::ReadOther))
        *warnings << QStringLiteral("%1.%2: %3 can be read by its group or by others;"
                                    " make it readable by its owner only (chmod 600)")
                         .arg(provider, key, file);
    return true;
}

bool readUrl(const QString &provider, const QString &key, const QString &value, QUrl *url,
             QString *error)
{
    *url = QUrl(value, QUrl::StrictMode);
    if (!url->isValid() || url->host().isEmpty() ||
        (url->scheme() != QLatin1String("https") && url->scheme() != QLatin1String("http"))) {
        *error = QStringLiteral("%1.%2: \"%3\" is not an http(s) URL")
                     .arg(provider, key, value.left(200));
        return false;
    }
    return true;
}

bool readProvider(const ProviderKeys &keys, const YAML::Node &node, ProviderConfig *p,
                  const QString &baseDir, QStringList *warnings, QString *error)
{
    const QString name = QString::fromLatin1(keys.name);
    p->name = name;
    if (!node.IsMap()) {
        *error = QStringLiteral("%1: expected a map of settings").arg(name);
        return false;
    }
    const QStringList common = {QStringLiteral("timeout_seconds"),
                                QStringLiteral("max_response_kb")};
    QHash<QString, QString> values;
    for (const auto &entry : node) {
        const QString key = text(entry.first);
        if (!keys.required.contains(key) && !keys.optional.contains(key) && !common.contains(key)) {
            *error = QStringLiteral("%1: unknown setting \"%2\" (known: %3)")
                         .arg(name, key.left(64),
                              (keys.required + keys.optional + common).join(QStringLiteral(", ")));
            return false;
        }
        if (!entry.second.IsScalar()) {
            *error = QStringLiteral("%1.%2: expected a single value").arg(name, key);
            return false;
        }
        values.insert(key, text(entry.second));
    }
    for (const QString &key : keys.required)
        if (values.value(key).trimmed().isEmpty()) {
            *error = QStringLiteral("%1: %2 is required").arg(name, key);
            return false;
        }
    if (!readUrl(name, QStringLiteral("base_url"), values.value(QStringLiteral("base_url")),
                 &p->baseUrl, error))
        return false;
    if (values.contains(QStringLiteral("auth_url")) &&
        !readUrl(name, QStringLiteral("auth_url"), values.value(QStringLiteral("auth_url")),
                 &p->authUrl, error))
        return false;
    p->userAgent = values.value(QStringLiteral("user_agent")).trimmed();
    const QList<std::pair<QString, QByteArray *>> secrets = {
        {QStringLiteral("token_file"), &p->token},
        {QStringLiteral("api_key_file"), &p->apiKey},
        {QStringLiteral("client_id_file"), &p->clientId},
        {QStringLiteral("client_secret_file"), &p->clientSecret}};
    for (const auto &[key, secret] : secrets) {
        if (!values.contains(key))
            continue;
        // A relative path is the sources file's neighbour, wherever the backend runs.
        QString file = values.value(key);
        if (!baseDir.isEmpty() && QFileInfo(file).isRelative())
            file = QDir(baseDir).filePath(file);
        if (!readSecret(name, key, file, secret, warnings, error))
            return false;
    }
    auto number = [&](const QString &key, qint64 low, qint64 high, qint64 *out) {
        if (!values.contains(key))
            return true;
        bool ok = false;
        const qint64 v = values.value(key).toLongLong(&ok);
        if (!ok || v < low || v > high) {
            *error = QStringLiteral("%1.%2: a whole number from %3 to %4")
                         .arg(name, key)
                         .arg(low)
                         .arg(high);
            return false;
        }
        *out = v;
        return true;
    };
    qint64 timeout = p->timeoutMs / 1000;
    qint64 maxKb = p->maxResponseBytes / 1024;
    if (!number(QStringLiteral("timeout_seconds"), 1, 120, &timeout) ||
        !number(QStringLiteral("max_response_kb"), 1, 64 * 1024, &maxKb))
        return false;
    p->timeoutMs = int(timeout * 1000);
    p->maxResponseBytes = maxKb * 1024;
    return true;
}

} // namespace

const ProviderConfig *SourcesConfig::provider(const QString &name) const
{
    for (const ProviderConfig &p : providers)
        if (p.name == name)
            return &p;
    return nullptr;
}

bool parseSourcesConfig(const QByteArray &yaml, const QString &path, SourcesConfig *config,
                        QString *error, const QString &baseDir)
{
    *config = {};
    try {
        const YAML::Node root = YAML::Load(yaml.toStdString());
        if (!root.IsMap() || !root["sources"] || !root["sources"].IsMap()) {
            *error =
                QStringLiteral("%1: expected a \"sources\" map (provider: settings)").arg(path);
            return false;
        }
        for (const auto &entry : root["sources"]) {
            const QString name = text(entry.first);
            const auto keys =
                std::find_if(providerKeys().cbegin(), providerKeys().cend(),
                             [&](const ProviderKeys &k) { return name == QLatin1String(k.name); });
            if (keys == providerKeys().cend()) {
                *error = QStringLiteral("%1: unknown source \"%2\" (known: spotify, musicbrainz,"
                                        " discogs, beatport, lastfm)")
                             .arg(path, name.left(64));
                return false;
            }
            if (config->provider(name)) {
                *error = QStringLiteral("%1: %2 appears twice").arg(path, name);
                return false;
            }
            ProviderConfig p;
            QString why;
            if (!readProvider(*keys, entry.second, &p, baseDir, &config->warnings, &why)) {
                *error = QStringLiteral("%1: %2").arg(path, why);
                return false;
            }
            config->providers.append(p);
        }
    } catch (const YAML::Exception &e) {
        *error =
            QStringLiteral("%1: not valid YAML: %2").arg(path, QString::fromStdString(e.what()));
        return false;
    }
    if (config->providers.isEmpty()) {
        *error = QStringLiteral("%1: no source is configured").arg(path);
        return false;
    }
    return true;
}

bool readSourcesConfig(const QString &path, SourcesConfig *config, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read %1: %2").arg(path, f.errorString());
        return false;
    }
    if (f.size() > 1024 * 1024) {
        *error = QStringLiteral("%1 is larger than 1 MB").arg(path);
        return false;
    }
    return parseSourcesConfig(f.readAll(), path, config, error, QFileInfo(path).absolutePath());
}

} // namespace enrichment
