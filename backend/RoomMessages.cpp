// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RoomMessages.h"
#include "enrichment/WireFormat.h"

#include <QDateTime>
#include <QJsonDocument>

namespace enrichment {

QString roomEnvelope(const QString &type, const QJsonObject &data)
{
    return wire::envelopeText(type, data, QDateTime::currentMSecsSinceEpoch());
}

QString roomReplyTo(const QString &message, qint64 maxBytes)
{
    auto error = [](const QString &text) {
        return roomEnvelope(wire::event::Error, QJsonObject{{wire::key::Message, text}});
    };
    if (message.size() > maxBytes)
        return error(QStringLiteral("message too large"));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(message.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return error(QStringLiteral("malformed JSON: expected an object with a \"type\""));
    const QString type = doc.object().value(wire::key::Type).toString();
    if (type == wire::event::Ping)
        return roomEnvelope(wire::event::Pong, QJsonObject{});
    return error(QStringLiteral("unknown message type: %1").arg(type.left(64)));
}

} // namespace enrichment
