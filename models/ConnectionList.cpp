// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionList.h"

#include <QCoreApplication>
#include <QSettings>

namespace dashboard {

QList<SavedConnection> ConnectionList::load(QSettings &settings)
{
    QList<SavedConnection> out;
    const int n = std::min(settings.beginReadArray(QStringLiteral("connections")), MaxConnections);
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        SavedConnection c;
        c.name = settings.value(QStringLiteral("name")).toString().left(64);
        c.url = QUrl(settings.value(QStringLiteral("url")).toString());
        c.tokenFile = settings.value(QStringLiteral("token_file")).toString();
        c.watch = settings.value(QStringLiteral("watch"), true).toBool();
        c.prometheus = QUrl(settings.value(QStringLiteral("prometheus")).toString());
        c.prometheusTokenFile = settings.value(QStringLiteral("prometheus_token_file")).toString();
        if (problem(c, out).isEmpty())
            out.append(c);
    }
    settings.endArray();
    return out;
}

void ConnectionList::save(QSettings &settings, const QList<SavedConnection> &connections)
{
    settings.remove(QStringLiteral("connections"));
    settings.beginWriteArray(QStringLiteral("connections"));
    for (int i = 0; i < std::min<int>(int(connections.size()), MaxConnections); ++i) {
        settings.setArrayIndex(i);
        const SavedConnection &c = connections.at(i);
        settings.setValue(QStringLiteral("name"), c.name);
        settings.setValue(QStringLiteral("url"), c.url.toString());
        settings.setValue(QStringLiteral("token_file"), c.tokenFile); // the path, never the token
        settings.setValue(QStringLiteral("watch"), c.watch);
        settings.setValue(QStringLiteral("prometheus"), c.prometheus.toString());
        settings.setValue(QStringLiteral("prometheus_token_file"), c.prometheusTokenFile);
    }
    settings.endArray();
}

QString ConnectionList::problem(const SavedConnection &c, const QList<SavedConnection> &all)
{
    auto tr = [](const char *text) {
        return QCoreApplication::translate("dashboard::ConnectionList", text);
    };
    if (c.name.trimmed().isEmpty())
        return tr("A connection needs a name.");
    if (!c.url.isValid() || c.url.host().isEmpty() ||
        (c.url.scheme() != QLatin1String("http") && c.url.scheme() != QLatin1String("https")))
        return tr("The URL must be http:// or https:// with a host.");
    if (!c.url.userInfo().isEmpty() || !c.prometheus.userInfo().isEmpty())
        return tr("Put the token in a token file, not in the URL.");
    if (!c.prometheus.isEmpty() && (!c.prometheus.isValid() || c.prometheus.host().isEmpty() ||
                                    (c.prometheus.scheme() != QLatin1String("http") &&
                                     c.prometheus.scheme() != QLatin1String("https"))))
        return tr("The Prometheus URL must be http:// or https:// with a host.");
    int same = 0;
    for (const SavedConnection &o : all)
        same += o.name.compare(c.name, Qt::CaseInsensitive) == 0;
    if (same > 1 || (same == 1 && !all.contains(c)))
        return tr("Another connection has this name.");
    return {};
}

} // namespace dashboard
