// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Auth.h"
#include "enrichment/WireFormat.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>

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
    // Never blocks: opened without waiting (a FIFO would wait for a writer forever), and
    // only a regular file is read (not a directory, a pipe or a device such as /dev/zero).
    const QByteArray native = QFile::encodeName(path);
    const int fd = ::open(native.constData(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) {
        *error = QStringLiteral("cannot read token file %1: %2")
                     .arg(path, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    struct stat st = {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        *error = QStringLiteral("token file %1 is not a regular file").arg(path);
        return false;
    }
    // Read the whole file (one byte past the cap tells an oversized one apart).
    QByteArray content(MaxTokenFileBytes + 1, Qt::Uninitialized);
    qsizetype got = 0;
    while (got < content.size()) {
        const ssize_t n = ::read(fd, content.data() + got, std::size_t(content.size() - got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int e = errno;
            ::close(fd);
            *error = QStringLiteral("cannot read token file %1: %2")
                         .arg(path, QString::fromLocal8Bit(std::strerror(e)));
            return false;
        }
        if (n == 0)
            break;
        got += n;
    }
    ::close(fd);
    content.truncate(got);
    return parseTokenFile(content, path, token, error);
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

QString toWire(Role role)
{
    switch (role) {
    case Role::Viewer: return wire::role::Viewer;
    case Role::Operator: return wire::role::Operator;
    case Role::None: break;
    }
    return wire::role::None;
}

bool readCredentialFile(const QString &path, QList<Credential> *credentials, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read token file %1: %2").arg(path, f.errorString());
        return false;
    }
    return parseCredentialFile(f.read(MaxTokenFileBytes + 1), path, credentials, error);
}

bool parseCredentialFile(const QByteArray &content, const QString &path,
                         QList<Credential> *credentials, QString *error)
{
    if (content.size() > MaxTokenFileBytes) {
        *error = QStringLiteral("token file %1 is larger than %2 bytes")
                     .arg(path)
                     .arg(MaxTokenFileBytes);
        return false;
    }
    static const QRegularExpression validName(QStringLiteral("^[A-Za-z0-9._@-]{1,64}$"));
    const QString file = QFileInfo(path).fileName();
    QList<Credential> out;
    QSet<QString> names;
    QSet<QByteArray> tokens;
    const QList<QByteArray> lines = content.split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        const int lineNumber = i + 1;
        for (char c : line) {
            if (c < 0x21 || c > 0x7e) {
                *error = QStringLiteral("token file %1, line %2: a token may only contain "
                                        "printable ASCII characters without spaces (it is sent "
                                        "in an HTTP header)")
                             .arg(path)
                             .arg(lineNumber);
                return false;
            }
        }
        Credential c;
        const int colon = line.indexOf(':');
        if (colon < 0) {
            c.name = QStringLiteral("%1:%2").arg(file).arg(lineNumber);
            c.token = line;
        } else {
            c.name = QString::fromLatin1(line.left(colon));
            c.token = line.mid(colon + 1);
            if (!validName.match(c.name).hasMatch()) {
                *error = QStringLiteral("token file %1, line %2: the name before ':' must be 1 "
                                        "to 64 letters, digits or . _ @ -")
                             .arg(path)
                             .arg(lineNumber);
                return false;
            }
            if (c.token.isEmpty()) {
                *error = QStringLiteral("token file %1, line %2: no token after the name")
                             .arg(path)
                             .arg(lineNumber);
                return false;
            }
        }
        if (names.contains(c.name) || tokens.contains(c.token)) {
            *error =
                QStringLiteral("token file %1, line %2: the %3 appears twice")
                    .arg(path)
                    .arg(lineNumber)
                    .arg(names.contains(c.name) ? QStringLiteral("name") : QStringLiteral("token"));
            return false;
        }
        names.insert(c.name);
        tokens.insert(c.token);
        out << c;
    }
    if (out.isEmpty()) {
        *error = QStringLiteral("token file %1 is empty").arg(path);
        return false;
    }
    *credentials = out;
    return true;
}

const Credential *matchCredential(const QByteArray &authorizationHeader,
                                  const QList<Credential> &credentials)
{
    const QByteArray h = authorizationHeader.trimmed();
    if (h.size() < 7 || h.left(7).toLower() != QByteArrayLiteral("bearer "))
        return nullptr;
    const QByteArray presented = h.mid(7).trimmed();
    // Every credential is compared (no early exit), so the time says nothing of which.
    const Credential *found = nullptr;
    for (const Credential &c : credentials)
        if (constantTimeEquals(presented, c.token) && !found)
            found = &c;
    return found;
}

} // namespace enrichment
