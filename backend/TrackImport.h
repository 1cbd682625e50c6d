// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringList>

namespace enrichment {

class QueueStore;

/// What importTrackFile() did.
struct TrackImportResult
{
    qint64 added = 0;         ///< new tracks, pending
    qint64 alreadyQueued = 0; ///< tracks the queue had (they took the lookup data given)
    QStringList problems;     ///< refused rows: "line N: why"
};

/// The most bytes of a track list `--import-tracks` reads (a million tracks fit).
inline constexpr qint64 TrackImportMaxBytes = 512LL * 1024 * 1024;

/// Imports the track list at @p path (CSV, readTrackCsv()) into @p store, in transactions
/// of at most MaxActionTrackIds tracks. Refused rows are reported in the result and in
/// the log (the first twenty, then how many more), and the good rows are imported. False,
/// with @p error, when the file cannot be read, is too large, is not a track list (its
/// header), or the store refused a write (what was written before stays).
bool importTrackFile(QueueStore &store, const QString &path, TrackImportResult *result,
                     QString *error);

} // namespace enrichment
