// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the token file reader: a file gives one printable token or a reason.
#include <cstddef>
#include <cstdint>

#include "Auth.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray content(reinterpret_cast<const char *>(data), qsizetype(size));
    QByteArray token;
    QString error;
    if (enrichment::parseTokenFile(content, QStringLiteral("fuzz.token"), &token, &error)) {
        if (token.isEmpty())
            __builtin_trap();
        for (char c : token)
            if (c < 0x21 || c > 0x7e)
                __builtin_trap(); // only printable ASCII may be accepted
    } else if (error.isEmpty()) {
        __builtin_trap(); // a refusal always says why
    }
    return 0;
}
