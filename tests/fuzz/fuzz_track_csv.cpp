// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the track list reader (--import-tracks): any bytes give either a reason or tracks
// that every entrance would accept, each id once, and a line-numbered problem per refused
// row.
#include <cstddef>
#include <cstdint>

#include <QSet>

#include "enrichment/TrackLookup.h"
#include "enrichment/Vocabulary.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray content(reinterpret_cast<const char *>(data), qsizetype(size));
    const enrichment::TrackCsv csv = enrichment::readTrackCsv(content);
    if (!csv.error.isEmpty()) {
        if (!csv.tracks.isEmpty() || !csv.problems.isEmpty())
            __builtin_trap(); // a file refused whole yields nothing
        return 0;
    }
    QSet<QString> ids;
    for (enrichment::TrackLookup t : csv.tracks) {
        if (ids.contains(t.id))
            __builtin_trap();
        ids.insert(t.id);
        const enrichment::TrackLookup before = t;
        if (!enrichment::checkTrackLookup(&t).isEmpty() || t != before)
            __builtin_trap(); // accepted tracks are valid and already normalized
    }
    for (const QString &p : csv.problems)
        if (!p.startsWith(QLatin1String("line ")))
            __builtin_trap();
    return 0;
}
