// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
// Fuzzes the token file readers: a file gives printable tokens (one, or named ones) or a
// reason.
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
    // The same bytes as a file of named tokens (--token-file, --operator-token-file).
    QList<enrichment::Credential> credentials;
    error.clear();
    if (enrichment::parseCredentialFile(content, QStringLiteral("fuzz.tokens"), &credentials,
                                        &error)) {
        if (credentials.isEmpty())
            __builtin_trap();
        for (const enrichment::Credential &c : credentials) {
            if (c.name.isEmpty() || c.token.isEmpty())
                __builtin_trap();
            for (char ch : c.token)
                if (ch < 0x21 || ch > 0x7e)
                    __builtin_trap();
        }
    } else if (error.isEmpty()) {
        __builtin_trap();
    }
    return 0;
}
