// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTcpServer>

namespace enrichment {

/// The TCP server under QHttpServer, with the two limits Qt 6.4's HTTP server lacks:
/// - a connection that sends more than `maxRequestBytes` without getting an answer gets
///   `413 Payload Too Large` and is closed (no unbounded buffering of huge requests);
/// - a connection idle for `idleTimeoutMs` (no bytes either way: a stalled or garbage
///   request, or a dead keep-alive) is closed.
/// Connections that upgrade to WebSocket are left alone from the upgrade on (the room has
/// its own ping-based liveness).
class GuardedTcpServer final : public QTcpServer
{
    Q_OBJECT
public:
    GuardedTcpServer(qint64 maxRequestBytes, int idleTimeoutMs, QObject *parent = nullptr);

protected:
    void incomingConnection(qintptr socketDescriptor) override;

private:
    qint64 m_maxRequestBytes;
    int m_idleTimeoutMs;
};

} // namespace enrichment
