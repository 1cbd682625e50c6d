// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrichment/TrackLookup.h"

#include <QHash>
#include <QStringDecoder>

#include "enrichment/Vocabulary.h"
#include "enrichment/WireFormat.h"

namespace enrichment {

namespace {

bool isAsciiLetter(QChar c)
{
    return c >= QLatin1Char('A') && c <= QLatin1Char('Z');
}

bool isAsciiDigit(QChar c)
{
    return c >= QLatin1Char('0') && c <= QLatin1Char('9');
}

/// One CSV record and the line it starts on.
struct Record
{
    int line = 0;
    QStringList cells;
    QString problem; ///< a quoting error; the cells are then not to be trusted
    bool blank() const { return problem.isEmpty() && cells.size() == 1 && cells[0].isEmpty(); }
};

/// Splits @p text into records (RFC 4180).
QList<Record> records(const QString &text)
{
    QList<Record> out;
    int line = 1;
    qsizetype i = 0;
    const qsizetype n = text.size();
    while (i < n) {
        Record r;
        r.line = line;
        QString cell;
        bool quoted = false;    // inside a quoted cell
        bool wasQuoted = false; // this cell was quoted and its quote closed
        bool ended = false;
        while (i < n && !ended) {
            const QChar c = text[i++];
            if (quoted) {
                if (c == QLatin1Char('"')) {
                    if (i < n && text[i] == QLatin1Char('"')) {
                        cell += c;
                        ++i;
                    } else {
                        quoted = false;
                        wasQuoted = true;
                    }
                } else {
                    if (c == QLatin1Char('\n'))
                        ++line;
                    cell += c;
                }
                continue;
            }
            if (c == QLatin1Char(',')) {
                r.cells << cell;
                cell.clear();
                wasQuoted = false;
            } else if (c == QLatin1Char('\n') ||
                       (c == QLatin1Char('\r') && i < n && text[i] == QLatin1Char('\n'))) {
                if (c == QLatin1Char('\r'))
                    ++i;
                ++line;
                ended = true;
            } else if (c == QLatin1Char('"')) {
                if (cell.isEmpty() && !wasQuoted)
                    quoted = true;
                else if (r.problem.isEmpty())
                    r.problem = QStringLiteral("a double quote inside a cell that does not start"
                                               " with one (write it as \"\" in a quoted cell)");
            } else if (wasQuoted) {
                if (r.problem.isEmpty())
                    r.problem = QStringLiteral("text after a cell's closing quote");
            } else {
                cell += c;
            }
        }
        if (quoted && r.problem.isEmpty())
            r.problem = QStringLiteral("a quote that is never closed");
        r.cells << cell;
        out << r;
    }
    return out;
}

/// The column of each known name in the header, or why the header is wrong.
struct Columns
{
    int id = -1, artist = -1, title = -1, isrc = -1, durationMs = -1;
    int count = 0;
};

QString readHeader(const Record &header, Columns *c)
{
    namespace k = wire::key;
    if (!header.problem.isEmpty())
        return QStringLiteral("line %1 (the header): %2").arg(header.line).arg(header.problem);
    const QList<std::pair<QLatin1String, int *>> known = {{k::Id, &c->id},
                                                          {k::Artist, &c->artist},
                                                          {k::Title, &c->title},
                                                          {k::Isrc, &c->isrc},
                                                          {k::DurationMs, &c->durationMs}};
    c->count = int(header.cells.size());
    for (int i = 0; i < c->count; ++i) {
        const QString name = header.cells[i].trimmed().toLower();
        auto it = std::find_if(known.cbegin(), known.cend(),
                               [&](const auto &k) { return k.first == name; });
        if (it == known.cend())
            return QStringLiteral("line %1 (the header): unknown column \"%2\"; the columns are"
                                  " id, artist, title and optionally isrc and duration_ms")
                .arg(header.line)
                .arg(name.left(64));
        if (*it->second >= 0)
            return QStringLiteral("line %1 (the header): column \"%2\" appears twice")
                .arg(header.line)
                .arg(name);
        *it->second = i;
    }
    if (c->id < 0 || c->artist < 0 || c->title < 0)
        return QStringLiteral("line %1 (the header): the columns id, artist and title are"
                              " required (the first line names the columns)")
            .arg(header.line);
    return {};
}

/// The row's track, or why it is refused.
QString readRow(const Record &r, const Columns &c, TrackLookup *t)
{
    if (!r.problem.isEmpty())
        return r.problem;
    if (r.cells.size() != c.count)
        return QStringLiteral("%1 cells where the header names %2")
            .arg(r.cells.size())
            .arg(c.count);
    t->id = r.cells[c.id];
    t->artist = r.cells[c.artist];
    t->title = r.cells[c.title];
    if (c.isrc >= 0)
        t->isrc = r.cells[c.isrc].trimmed();
    if (c.durationMs >= 0) {
        const QString d = r.cells[c.durationMs].trimmed();
        if (!d.isEmpty()) {
            bool ok = false;
            t->durationMs = d.toLongLong(&ok);
            if (!ok || t->durationMs <= 0 || t->durationMs > TrackDurationMaxMs)
                return QStringLiteral("duration_ms \"%1\" is not a whole number of milliseconds"
                                      " from 1 to %2")
                    .arg(d.left(32))
                    .arg(TrackDurationMaxMs);
        }
    }
    return checkTrackLookup(t);
}

} // namespace

std::optional<QString> normalizedIsrc(const QString &text)
{
    QString s = text.trimmed().toUpper();
    s.remove(QLatin1Char('-'));
    if (s.size() != 12)
        return std::nullopt;
    for (int i = 0; i < 12; ++i) {
        const QChar c = s[i];
        const bool ok = i < 2   ? isAsciiLetter(c)
                        : i < 5 ? (isAsciiLetter(c) || isAsciiDigit(c))
                                : isAsciiDigit(c);
        if (!ok)
            return std::nullopt;
    }
    return s;
}

QString checkTrackLookup(TrackLookup *t)
{
    if (!isValidTrackId(t->id))
        return trackIdRule();
    t->artist = t->artist.trimmed();
    t->title = t->title.trimmed();
    for (const auto &[name, value] : {std::pair{"artist", &t->artist}, {"title", &t->title}}) {
        if (value->isEmpty())
            return QStringLiteral("%1 is empty").arg(QLatin1String(name));
        if (value->size() > TrackTextMaxChars || !isTrackIdText(*value))
            return QStringLiteral("%1 must be at most %2 characters, none of them a control"
                                  " character")
                .arg(QLatin1String(name))
                .arg(TrackTextMaxChars);
    }
    if (!t->isrc.isEmpty()) {
        const auto isrc = normalizedIsrc(t->isrc);
        if (!isrc)
            return QStringLiteral("isrc \"%1\" is not an ISRC (2 letters, 3 letters or digits,"
                                  " 7 digits; hyphens allowed)")
                .arg(t->isrc.left(32));
        t->isrc = *isrc;
    }
    if (t->durationMs < 0 || t->durationMs > TrackDurationMaxMs)
        return QStringLiteral("duration_ms must be from 1 to %1 (0 or absent: unknown)")
            .arg(TrackDurationMaxMs);
    return {};
}

TrackCsv readTrackCsv(const QByteArray &bytes)
{
    TrackCsv out;
    QStringDecoder decode(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless);
    QString text = decode(bytes);
    if (decode.hasError()) {
        out.error = QStringLiteral("the file is not UTF-8 text");
        return out;
    }
    if (text.startsWith(QChar(0xFEFF)))
        text.remove(0, 1);
    QList<Record> rows = records(text);
    auto firstRow =
        std::find_if(rows.cbegin(), rows.cend(), [](const Record &r) { return !r.blank(); });
    if (firstRow == rows.cend()) {
        out.error = QStringLiteral("the file is empty (its first line names the columns:"
                                   " id,artist,title[,isrc][,duration_ms])");
        return out;
    }
    Columns columns;
    out.error = readHeader(*firstRow, &columns);
    if (!out.error.isEmpty())
        return out;
    QHash<QString, int> seenOn;
    for (auto it = firstRow + 1; it != rows.cend(); ++it) {
        if (it->blank())
            continue;
        TrackLookup t;
        QString problem = readRow(*it, columns, &t);
        if (problem.isEmpty()) {
            const auto seen = seenOn.constFind(t.id);
            if (seen != seenOn.cend())
                problem = QStringLiteral("track \"%1\" is already on line %2")
                              .arg(t.id.left(64))
                              .arg(*seen);
        }
        if (!problem.isEmpty()) {
            out.problems << QStringLiteral("line %1: %2").arg(it->line).arg(problem);
            continue;
        }
        seenOn.insert(t.id, it->line);
        out.tracks << t;
    }
    return out;
}

} // namespace enrichment
