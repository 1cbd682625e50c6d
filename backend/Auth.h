// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

#include "enrichment/Credential.h"
#include "enrichment/TokenFile.h"

namespace enrichment {

/// Compares two secrets in time independent of where they differ (and of their lengths:
/// both are hashed first).
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

/// True if @p authorizationHeader is "Bearer <token>" with the expected token.
bool bearerMatches(const QByteArray &authorizationHeader, const QByteArray &expected);

/// What a caller may do: read (viewer), also act (operator), or nothing.
enum class Role { None, Viewer, Operator };
/// `none`, `viewer`, `operator`: as the welcome message and /health say it.
QString toWire(Role role);

/// Reads a file of tokens, one per line: `NAME:TOKEN`, or a bare `TOKEN` named
/// `FILE:LINE` (FILE without its folder). Names are 1 to 64 of `A-Z a-z 0-9 . _ @ -`;
/// tokens printable ASCII without spaces. Blank lines and lines starting with `#` are
/// skipped. The whole file is read (up to MaxTokenFileBytes); a malformed line, a repeated
/// name or token, or no token at all is refused with a reason naming the line. Nothing is
/// silently truncated or ignored.
bool readCredentialFile(const QString &path, QList<Credential> *credentials, QString *error);
/// The rules of readCredentialFile() applied to @p content (named @p path in errors).
bool parseCredentialFile(const QByteArray &content, const QString &path,
                         QList<Credential> *credentials, QString *error);
/// The credential whose token @p authorizationHeader ("Bearer TOKEN") carries, compared in
/// constant time against each; null if none matches.
const Credential *matchCredential(const QByteArray &authorizationHeader,
                                  const QList<Credential> &credentials);

} // namespace enrichment
