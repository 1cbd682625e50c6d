// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrichment/MonitoringProvider.h"

#include <QUrlQuery>

#include "enrichment/WireFormat.h"

namespace enrichment {

namespace {
ApiReply notHere()
{
    return {
        404,
        QJsonObject{{wire::key::Error,
                     QJsonObject{{wire::key::Code, wire::code::NotFound},
                                 {wire::key::Message, QStringLiteral("this service has no operator "
                                                                     "endpoints")}}}}};
}
} // namespace

ApiReply MonitoringProvider::tracks(const QUrlQuery &)
{
    return notHere();
}
ApiReply MonitoringProvider::track(const QString &)
{
    return notHere();
}
ApiReply MonitoringProvider::failures()
{
    return notHere();
}
ApiReply MonitoringProvider::audit(const QUrlQuery &)
{
    return notHere();
}
ApiReply MonitoringProvider::act(const QString &, const QByteArray &, const QString &)
{
    return notHere();
}

} // namespace enrichment
