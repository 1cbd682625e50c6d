// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace enrichment {

/// The environment variable that may hold the bearer token.
inline constexpr char TokenEnvironmentVariable[] = "ENRICHMENT_MONITOR_TOKEN";

/// Compares two secrets in time independent of where they differ (and of their lengths:
/// both are hashed first).
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

/// Reads a token from @p path (first line, surrounding whitespace trimmed). Returns false
/// with a reason in @p error when the file cannot be read or is empty.
bool readTokenFile(const QString &path, QByteArray *token, QString *error);

/// The token to require: from @p tokenFile if given, else from ENRICHMENT_MONITOR_TOKEN,
/// else empty (no authentication). There is no default secret.
bool resolveToken(const QString &tokenFile, QByteArray *token, QString *error);

/// True if @p authorizationHeader is "Bearer <token>" with the expected token.
bool bearerMatches(const QByteArray &authorizationHeader, const QByteArray &expected);

} // namespace enrichment
