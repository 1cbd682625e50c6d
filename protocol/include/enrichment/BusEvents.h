// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QJsonObject>
#include <QLatin1String>
#include <QList>
#include <QString>

/// What may cross the event bus (RabbitMQ) between backends (docs/PROTOCOL.md, "The event
/// bus"): only the room events that workers publish, each checked against its schema
/// (documented keys with their types and bounds; unknown keys dropped), in an envelope of
/// `type`, `data`, `timestamp` and an optional `worker`. Server-only types (`welcome`,
/// `enrichment_snapshot`, `pong`, `error`) never cross it. Pure: no I/O, no state.
namespace enrichment::bus {

/// Why a message from the bus was not forwarded; the label of
/// `enrichment_bus_messages_dropped_total{reason}`.
enum class DropReason {
    TooLarge,    ///< over MaxMessageBytes
    NotJson,     ///< not a JSON object
    TooDeep,     ///< nested deeper than MaxDepth
    ServerOnly,  ///< a type only a server sends to its clients
    UnknownType, ///< a type no worker publishes
    Invalid,     ///< a known type whose envelope or data does not match its schema
    Sender,      ///< the broker-checked sender (AMQP user_id) may not speak as that worker
};
inline constexpr int DropReasonCount = 7;
QLatin1String toWire(DropReason reason);
QList<DropReason> allDropReasons();

/// A message larger than this is dropped before it is read.
inline constexpr int MaxMessageBytes = 64 * 1024;
/// Objects and arrays nested deeper than this are refused before parsing.
inline constexpr int MaxDepth = 6;

/// A message from the bus, checked.
struct Checked
{
    std::optional<DropReason> drop; ///< set: refused (detail says what was wrong)
    QString detail;
    QString type;
    QString worker;       ///< the envelope's `worker`; empty when it has none (the seed's)
    QJsonObject envelope; ///< what may be forwarded: documented keys only
};

/// Checks @p body, a message as it came off the bus.
Checked check(const QByteArray &body);

} // namespace enrichment::bus
