// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the dashboard's reader of /monitoring/enrichment and /history documents: any
// bytes must give a Snapshot or a reason, never a crash or a hang.
#include <cstddef>
#include <cstdint>

#include <QByteArray>

#include "enrichment/SnapshotParser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    if (const auto s = enrichment::SnapshotParser::parseSnapshot(bytes, &error)) {
        (void)s->minutesToDrain();
        (void)enrichment::SnapshotParser::pointFrom(*s);
    }
    (void)enrichment::SnapshotParser::parseHistory(bytes, &error);
    return 0;
}
