// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrichment/WireFormat.h"

#include <QJsonDocument>
#include <QStringDecoder>

namespace enrichment::wire {

QString formatTime(qint64 epochMs)
{
    return QDateTime::fromMSecsSinceEpoch(epochMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

QDateTime parseTime(const QString &text)
{
    const QString t = text.left(64);
    QDateTime d = QDateTime::fromString(t, Qt::ISODateWithMs);
    if (!d.isValid())
        d = QDateTime::fromString(t, Qt::ISODate);
    if (d.isValid() && d.timeSpec() == Qt::LocalTime)
        d.setTimeSpec(Qt::UTC); // no zone on the wire means UTC
    return d;
}

std::optional<QString> percentDecodedUtf8(QStringView encoded)
{
    const QByteArray bytes = QByteArray::fromPercentEncoding(encoded.toLatin1());
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = utf8.decode(bytes);
    if (utf8.hasError())
        return std::nullopt;
    return text;
}

QJsonObject envelope(const QString &type, const QJsonObject &data, qint64 epochMs)
{
    return QJsonObject{{key::Type, type}, {key::Data, data}, {key::Timestamp, formatTime(epochMs)}};
}

QString envelopeText(const QString &type, const QJsonObject &data, qint64 epochMs)
{
    return QString::fromUtf8(
        QJsonDocument(envelope(type, data, epochMs)).toJson(QJsonDocument::Compact));
}

} // namespace enrichment::wire
