// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

/// What a lookup needs of a track (docs/PROTOCOL.md, "Tracks and what a lookup needs"):
/// the queue keeps it with the track, the enqueue action and `--import-tracks` bring it.
namespace enrichment {

/// The most characters (UTF-16 code units) of an artist or a title.
inline constexpr int TrackTextMaxChars = 512;
/// The longest duration a track may claim: one day.
inline constexpr qint64 TrackDurationMaxMs = 24LL * 3600 * 1000;

/// A track as a source looks it up: its id and, for the real providers, artist and title,
/// with the ISRC and duration when known. Only the id is required of a queued track; a
/// track given with lookup data has both artist and title.
struct TrackLookup
{
    QString id;
    QString artist;
    QString title;
    QString isrc;          ///< normalized: 12 characters, upper case, no hyphens; empty: unknown
    qint64 durationMs = 0; ///< 0: unknown

    /// Anything beyond the id.
    bool hasLookupData() const { return !artist.isEmpty() || !title.isEmpty(); }
    bool operator==(const TrackLookup &o) const
    {
        return id == o.id && artist == o.artist && title == o.title && isrc == o.isrc &&
               durationMs == o.durationMs;
    }
    bool operator!=(const TrackLookup &o) const { return !(*this == o); }
};

/// An ISRC as written (`USRC17607839`, `US-RC1-76-07839`, any case) in its normal form
/// (12 characters: 2 letters, 3 letters or digits, 7 digits, upper case); std::nullopt
/// when it is none.
std::optional<QString> normalizedIsrc(const QString &text);

/// Checks and normalizes @p track in place (trims artist and title, normalizes the ISRC).
/// Returns why it cannot be queued, or an empty string.
QString checkTrackLookup(TrackLookup *track);

/// What readTrackCsv() made of a file.
struct TrackCsv
{
    QList<TrackLookup> tracks; ///< the good rows, in file order, each id once
    /// One line per refused row: "line N: why" (N counts the file's lines from 1).
    QStringList problems;
    /// Set when the file cannot be read as a track list at all (its header is wrong);
    /// then tracks and problems are empty.
    QString error;
};

/// Reads a track list in CSV (RFC 4180: commas, double quotes, quoted line breaks; a UTF-8
/// byte-order mark and CRLF line ends are fine). The first row names the columns: `id`,
/// `artist` and `title` are required, `isrc` and `duration_ms` optional, in any order;
/// other columns are refused. Blank lines are skipped; a row with the wrong number of
/// cells, an invalid id, a missing artist or title, a bad ISRC or duration, or an id seen
/// on an earlier line is reported and left out, and the rest is read.
TrackCsv readTrackCsv(const QByteArray &text);

} // namespace enrichment
