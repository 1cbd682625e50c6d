// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the HTTP request guard's head parser: a head is either accepted with a sane
// Content-Length or refused with a 4xx/5xx status, never a crash.
#include <cstddef>
#include <cstdint>

#include "GuardedTcpServer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray head(reinterpret_cast<const char *>(data), qsizetype(size));
    enrichment::RequestHead parsed;
    qint64 length = -1;
    const auto rejection = enrichment::parseRequestHead(head, &parsed, &length);
    if (rejection) {
        if (rejection->status < 400 || rejection->status > 599)
            __builtin_trap();
        (void)enrichment::GuardedTcpServer::errorResponse(*rejection);
    } else {
        if (length < 0 || parsed.method.isEmpty())
            __builtin_trap();
        (void)parsed.path();
        (void)parsed.isWebSocketUpgrade();
    }
    return 0;
}
