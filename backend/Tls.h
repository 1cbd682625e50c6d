// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSslConfiguration>
#include <QString>

namespace enrichment {

/// Builds the server's TLS configuration from a PEM certificate file (the server
/// certificate first, then any intermediates) and a PEM private key (RSA or EC, not
/// encrypted). TLS 1.2 or later. Returns false with a one-line reason in @p error when a
/// file cannot be read or holds no certificate or key. (A key that does not belong to the
/// certificate makes every handshake fail; the server logs each.)
bool loadServerTls(const QString &certificateFile, const QString &keyFile,
                   QSslConfiguration *config, QString *error);

} // namespace enrichment
