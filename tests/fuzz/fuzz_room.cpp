// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the room's handling of client messages: every input gets a JSON envelope back.
#include <cstddef>
#include <cstdint>

#include <QJsonDocument>
#include <QJsonObject>

#include "RoomMessages.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString message =
        QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const QString reply = enrichment::roomReplyTo(message, 64 * 1024, 1'800'000'000'000);
    const QJsonObject o = QJsonDocument::fromJson(reply.toUtf8()).object();
    const QString type = o.value(QStringLiteral("type")).toString();
    if (type != QLatin1String("pong") && type != QLatin1String("error"))
        __builtin_trap(); // the reply must always be a pong or an error envelope
    if (o.value(QStringLiteral("timestamp")).toString() !=
        QLatin1String("2027-01-15T08:00:00.000Z"))
        __builtin_trap(); // stamped with the time it was given
    return 0;
}
