// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ServiceSetup.h"

#include <QLoggingCategory>

#include "enrichment/Credential.h"

Q_DECLARE_LOGGING_CATEGORY(lcService)

namespace enrichment {

MonitoringServer::Config serverConfig(const BackendOptions &options, const Clock *clock)
{
    MonitoringServer::Config sc;
    sc.address = options.bind;
    sc.port = options.port;
    sc.viewers = options.viewerTokens;
    sc.operators = options.operatorTokens;
    if (!options.token.isEmpty())
        sc.operators.prepend(Credential{QStringLiteral("token"), options.token});
    sc.pingIntervalMs = options.pingIntervalMs;
    sc.maxClientBufferBytes = options.maxClientBufferBytes;
    sc.maxRequestBytes = options.maxRequestBytes;
    sc.idleTimeoutMs = options.idleTimeoutMs;
    sc.requestTimeoutMs = options.requestTimeoutMs;
    sc.maxConnections = options.maxConnections;
    sc.allowedOrigins = options.allowedOrigins;
    sc.pushSnapshots = options.pushSnapshots;
    sc.clock = clock;
    return sc;
}

void warnAboutExposure(const BackendOptions &o, bool tls)
{
    if (o.bind.isLoopback())
        return;
    const QString where = o.bind.toString();
    if (o.token.isEmpty() && o.viewerTokens.isEmpty() && o.operatorTokens.isEmpty())
        qCWarning(lcService).noquote()
            << "serving /monitoring/* and /ws on" << where
            << "without a token: anyone who can reach the port can read them"
            << "(set --token-file or ENRICHMENT_MONITOR_TOKEN)";
    if (o.token.isEmpty() && o.operatorTokens.isEmpty())
        qCWarning(lcService).noquote()
            << "operator actions (retry, pause, resume, enqueue, breakers) are refused on" << where
            << "without operator tokens (set --operator-token-file)";
    if (!tls)
        qCWarning(lcService).noquote()
            << "serving on" << where
            << "without TLS: the token and the data cross the network in clear text"
            << "(set --tls-cert and --tls-key)";
}

QueueStore::Config storeConfig(const BackendOptions &options)
{
    QueueStore::Config qc;
    qc.leaseMs = options.leaseMs;
    qc.workerId = options.workerId;
    qc.retryBackoffMs = options.retryBackoffMs;
    return qc;
}

ServerStoreOptions serverStoreOptions(const BackendOptions &options)
{
    ServerStoreOptions server;
    server.password = options.databasePassword;
    return server;
}

} // namespace enrichment
