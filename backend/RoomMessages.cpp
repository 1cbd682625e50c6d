// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "RoomMessages.h"

#include <QDateTime>
#include <QJsonDocument>

namespace enrichment {

QString roomEnvelope(const QString &type, const QJsonObject &data)
{
    return QString::fromUtf8(
        QJsonDocument(QJsonObject{{QStringLiteral("type"), type},
                                  {QStringLiteral("data"), data},
                                  {QStringLiteral("timestamp"),
                                   QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}})
            .toJson(QJsonDocument::Compact));
}

QString roomReplyTo(const QString &message, qint64 maxBytes)
{
    auto error = [](const QString &text) {
        return roomEnvelope(QStringLiteral("error"),
                            QJsonObject{{QStringLiteral("message"), text}});
    };
    if (message.size() > maxBytes)
        return error(QStringLiteral("message too large"));
    QJsonParseError err;
    const QJsonDocument doc = QJsonDocument::fromJson(message.toUtf8(), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return error(QStringLiteral("malformed JSON: expected an object with a \"type\""));
    const QString type = doc.object().value(QStringLiteral("type")).toString();
    if (type == QLatin1String("ping"))
        return roomEnvelope(QStringLiteral("pong"), QJsonObject{});
    return error(QStringLiteral("unknown message type: %1").arg(type.left(64)));
}

} // namespace enrichment
