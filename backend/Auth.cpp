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
    // Read the whole file (one byte past the cap tells an oversized one apart).
    return parseTokenFile(f.read(MaxTokenFileBytes + 1), path, token, error);
}

bool parseTokenFile(const QByteArray &content, const QString &path, QByteArray *token,
                    QString *error)
{
    if (content.size() > MaxTokenFileBytes) {
        *error = QStringLiteral("token file %1 is larger than %2 bytes; it must hold one token")
                     .arg(path)
                     .arg(MaxTokenFileBytes);
        return false;
    }
    QList<QByteArray> lines;
    for (const QByteArray &line : content.split('\n')) {
        const QByteArray t = line.trimmed();
        if (!t.isEmpty())
            lines << t;
    }
    if (lines.isEmpty()) {
        *error = QStringLiteral("token file %1 is empty").arg(path);
        return false;
    }
    if (lines.size() > 1) {
        *error = QStringLiteral("token file %1 has %2 non-empty lines; it must hold exactly one "
                                "token on one line")
                     .arg(path)
                     .arg(lines.size());
        return false;
    }
    const QByteArray &t = lines.constFirst();
    for (char c : t) {
        if (c < 0x21 || c > 0x7e) {
            *error = QStringLiteral("token file %1: the token may only contain printable ASCII "
                                    "characters without spaces (it is sent in an HTTP header)")
                         .arg(path);
            return false;
        }
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
