// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QString>

namespace enrichment {

/// The room's message envelope `{"type", "data", "timestamp"}` as compact JSON, stamped
/// with the current UTC time.
QString roomEnvelope(const QString &type, const QJsonObject &data, qint64 nowMs);

/// The server's answer to one text message from a room client: `pong` for
/// `{"type": "ping"}`, an `error` envelope for anything else (not JSON, not an object,
/// an unknown type, larger than @p maxBytes). Pure: no socket, no state.
QString roomReplyTo(const QString &message, qint64 maxBytes, qint64 nowMs);

} // namespace enrichment
