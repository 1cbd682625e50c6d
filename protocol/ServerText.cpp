// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrichment/ServerText.h"

namespace enrichment {

QString plainServerText(const QString &text, int maxChars)
{
    QString out;
    out.reserve(std::min<qsizetype>(text.size(), qsizetype(maxChars) + 1));
    bool space = false;
    for (const QChar c : text) {
        const QChar::Category cat = c.category();
        const bool blank = c.isSpace() || cat == QChar::Other_Control ||
                           cat == QChar::Other_Format || cat == QChar::Other_NotAssigned ||
                           cat == QChar::Other_PrivateUse || cat == QChar::Separator_Line ||
                           cat == QChar::Separator_Paragraph;
        if (blank) {
            space = !out.isEmpty();
            continue;
        }
        if (space)
            out += QLatin1Char(' ');
        space = false;
        out += c;
        if (out.size() > maxChars)
            break;
    }
    if (out.size() > maxChars) {
        out.truncate(maxChars - 1);
        out += QChar(0x2026); // …
    }
    return out;
}

QUrl serviceBaseUrl(const QUrl &url)
{
    QUrl out = url;
    QString path = out.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    out.setPath(path);
    return out;
}

} // namespace enrichment
