// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RoomMessages.h"
#include "enrichment/WireFormat.h"

#include <QJsonDocument>

namespace enrichment {

QString roomEnvelope(const QString &type, const QJsonObject &data, qint64 nowMs)
{
    return wire::envelopeText(type, data, nowMs);
}

QString roomReplyTo(const QString &message, qint64 maxBytes, qint64 nowMs)
{
    auto error = [nowMs](const QString &text) {
        return roomEnvelope(wire::event::Error, QJsonObject{{wire::key::Message, text}}, nowMs);
    };
    if (message.size() > maxBytes)
        return error(QStringLiteral("message too large"));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(message.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return error(QStringLiteral("malformed JSON: expected an object with a \"type\""));
    const QString type = doc.object().value(wire::key::Type).toString();
    if (type == wire::event::Ping)
        return roomEnvelope(wire::event::Pong, QJsonObject{}, nowMs);
    return error(QStringLiteral("unknown message type: %1").arg(type.left(64)));
}

} // namespace enrichment
