// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>

namespace enrichment {

/// A named bearer token: the name goes into the audit log and the logs, the token never.
struct Credential
{
    QString name;
    QByteArray token;
};

} // namespace enrichment
