// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrichment/HealthDocument.h"

#include "enrichment/WireFormat.h"

namespace enrichment {

QJsonObject writeHealth(const HealthState &st)
{
    const bool healthy = st.healthy();
    const bool storeOk = st.reachable && st.writable;
    // A worker whose broker is away keeps working (its events wait): degraded, not down.
    const QString status = !healthy                             ? wire::health::Unavailable
                           : st.broker && !st.broker->connected ? wire::health::Degraded
                                                                : wire::health::Ok;
    QJsonObject doc{
        {wire::key::Status, status},
        {wire::key::Version, st.version},
        {wire::key::UptimeSeconds, st.uptimeSeconds},
        {wire::key::Database,
         QJsonObject{{wire::key::Reachable, st.reachable},
                     {wire::key::Writable, st.writable},
                     {wire::key::Error, storeOk ? QJsonValue() : QJsonValue(st.error.left(500))}}},
        {wire::key::Timestamp, wire::formatTime(st.nowMs)}};
    if (st.broker)
        doc.insert(wire::key::Broker,
                   QJsonObject{{wire::key::Connected, st.broker->connected},
                               {wire::key::Error, st.broker->connected
                                                      ? QJsonValue()
                                                      : QJsonValue(st.broker->error.left(500))},
                               {wire::key::Backlog, qint64(st.broker->backlog)},
                               {wire::key::Dropped, qint64(st.broker->dropped)}});
    return doc;
}

} // namespace enrichment
