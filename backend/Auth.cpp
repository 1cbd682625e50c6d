// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Auth.h"

#include <QCryptographicHash>
#include <QFile>

namespace enrichment {

bool constantTimeEquals(const QByteArray &a, const QByteArray &b)
{
    const QByteArray ha = QCryptographicHash::hash(a, QCryptographicHash::Sha256);
    const QByteArray hb = QCryptographicHash::hash(b, QCryptographicHash::Sha256);
    unsigned char diff = 0;
    for (int i = 0; i < ha.size(); ++i)
        diff |= static_cast<unsigned char>(ha.at(i) ^ hb.at(i));
    return diff == 0;
}

bool readTokenFile(const QString &path, QByteArray *token, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read token file %1: %2").arg(path, f.errorString());
        return false;
    }
    const QByteArray t = f.readLine(4096).trimmed();
    if (t.isEmpty()) {
        *error = QStringLiteral("token file %1 is empty").arg(path);
        return false;
    }
    *token = t;
    return true;
}

bool resolveToken(const QString &tokenFile, QByteArray *token, QString *error)
{
    token->clear();
    if (!tokenFile.isEmpty())
        return readTokenFile(tokenFile, token, error);
    *token = qgetenv(TokenEnvironmentVariable).trimmed();
    return true;
}

bool bearerMatches(const QByteArray &authorizationHeader, const QByteArray &expected)
{
    // The scheme name is case-insensitive (RFC 7235).
    const QByteArray h = authorizationHeader.trimmed();
    if (h.size() < 7 || h.left(7).toLower() != QByteArrayLiteral("bearer "))
        return false;
    return constantTimeEquals(h.mid(7).trimmed(), expected);
}

} // namespace enrichment
