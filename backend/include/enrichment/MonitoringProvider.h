// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonObject>

namespace enrichment {

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
};

} // namespace enrichment
