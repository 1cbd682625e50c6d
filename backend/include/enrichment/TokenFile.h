// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

/// Bearer tokens kept in files: how the backend, the dashboard and embedders read them.
namespace enrichment {

/// The environment variable that may hold the bearer token.
inline constexpr char TokenEnvironmentVariable[] = "ENRICHMENT_MONITOR_TOKEN";

/// Token files larger than this are refused.
inline constexpr qsizetype MaxTokenFileBytes = 64 * 1024;

/// Reads the token from @p path: the whole file must hold exactly one non-empty line
/// (surrounding whitespace and blank lines are ignored) of printable ASCII without spaces.
/// Returns false with a one-line reason in @p error when the file cannot be read, is
/// empty, larger than MaxTokenFileBytes, holds more than one line, or holds characters
/// an HTTP header cannot carry. Nothing is silently truncated or ignored.
bool readTokenFile(const QString &path, QByteArray *token, QString *error);
/// The rules of readTokenFile() applied to a file's @p content (named @p path in errors).
bool parseTokenFile(const QByteArray &content, const QString &path, QByteArray *token,
                    QString *error);

/// The token to require: from @p tokenFile if given, else from ENRICHMENT_MONITOR_TOKEN,
/// else empty (no authentication). There is no default secret.
bool resolveToken(const QString &tokenFile, QByteArray *token, QString *error);

} // namespace enrichment
