// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Snapshot.h"

#include "enrichment/WireFormat.h"

namespace dashboard {

std::optional<Health> healthFromKey(const QString &key)
{
    return enrichment::sourceHealthFromWire(key);
}

std::optional<BreakerState> breakerStateFromKey(const QString &key)
{
    return enrichment::breakerStateFromWire(key);
}

QString healthKey(std::optional<Health> h)
{
    return h ? enrichment::toWire(*h) : QStringLiteral("unknown");
}

QString breakerStateKey(std::optional<BreakerState> s)
{
    return s ? enrichment::toWire(*s) : QStringLiteral("unknown");
}

} // namespace dashboard
