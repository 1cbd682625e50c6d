// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

class QUrlQuery;

namespace enrichment {

/// An HTTP status and the JSON document to answer with.
struct ApiReply
{
    int status = 200;
    QJsonObject body;
};

/// What MonitoringServer serves; BackendService implements it. Called on the server's
/// thread.
class MonitoringProvider
{
public:
    virtual ~MonitoringProvider() = default;
    /// The `/monitoring/enrichment` document.
    virtual QJsonObject snapshot() = 0;
    /// The `/monitoring/enrichment/history` document for the last @p minutes.
    virtual QJsonObject history(int minutes) = 0;
    /// The Prometheus text exposition.
    virtual QByteArray metrics() = 0;
    /// The `/health` document; @p healthy false means 503.
    virtual QJsonObject health(bool *healthy) = 0;

    // The operator endpoints (docs/PROTOCOL.md, "Operators"). The server has checked the
    // caller's role, the method, the Origin and the Content-Type; the provider checks the
    // parameters (400 with the JSON error) and answers. A provider without them answers
    // 404, as a service that lacks the endpoints does.
    virtual ApiReply tracks(const QUrlQuery &query);
    virtual ApiReply track(const QString &trackId);
    virtual ApiReply failures();
    virtual ApiReply audit(const QUrlQuery &query);
    /// Carries out operator action @p action (retry, breaker, pause, resume, enqueue) with
    /// the JSON @p body, for the caller named @p actor (a token's name, never the token).
    virtual ApiReply act(const QString &action, const QByteArray &body, const QString &actor);
};

} // namespace enrichment
