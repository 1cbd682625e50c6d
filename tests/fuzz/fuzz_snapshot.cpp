// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the reader of /monitoring/enrichment and /history documents: any bytes must give
// a Snapshot or a reason, never a crash or a hang; what was read is written again, and
// that written document reads back.
#include <cstddef>
#include <cstdint>

#include <QByteArray>

#include "enrichment/SnapshotParser.h"
#include "enrichment/SnapshotWriter.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    QString error;
    if (const auto s = enrichment::SnapshotParser::parseSnapshot(bytes, &error)) {
        (void)s->minutesToDrain();
        (void)enrichment::SnapshotParser::pointFrom(*s);
        const QJsonObject written = enrichment::SnapshotWriter::write(*s);
        if (!enrichment::SnapshotParser::parseSnapshot(written, &error))
            __builtin_trap(); // what the writer wrote, the reader must read
    }
    (void)enrichment::SnapshotParser::parseHistory(bytes, &error);
    return 0;
}
