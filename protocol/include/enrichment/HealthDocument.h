// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <optional>

#include <QJsonObject>
#include <QString>

/// The `/health` document (docs/PROTOCOL.md): what a probe (a load balancer, Kubernetes,
/// systemd) reads of a backend, and its writer.
namespace enrichment {

/// What `/health` answers, as a backend reads it off itself (after
/// its write probe).
struct HealthState
{
    qint64 nowMs = 0;
    bool reachable = false; ///< the queue store answers
    bool writable = false;  ///< and accepts a write
    QString error;          ///< why not, when it does not
    QString version;
    double uptimeSeconds = 0;
    /// The RabbitMQ event bus, when the backend has one.
    struct Broker
    {
        bool connected = false;
        QString error;
        std::size_t backlog = 0; ///< events waiting for the broker
        quint64 dropped = 0;
    };
    std::optional<Broker> broker;
    /// A relay exists to carry events: without its broker it is unhealthy.
    bool brokerRequired = false;

    bool healthy() const
    {
        return reachable && writable && (!brokerRequired || !broker || broker->connected);
    }
};

/// The health document for @p state (the HTTP status is 200 when state.healthy(), else
/// 503). Pure.
QJsonObject writeHealth(const HealthState &state);

} // namespace enrichment
