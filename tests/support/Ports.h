// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <unistd.h>

#include <QFile>
#include <QRandomGenerator>
#include <QTcpServer>

namespace testsupport {

/// A free loopback port that a test can give to a server, stop that server and start it
/// again on the same port.
///
/// Ports that the kernel hands out for "port 0" come from the ephemeral range
/// (`net.ipv4.ip_local_port_range`); the test programs run in parallel and each of them
/// binds port 0 many times, so a port that one test frees while its server is down can be
/// handed to another test's server in the meantime, which then answers in its place. The
/// ports returned here come from outside that range (below it, or above it when it starts
/// low), chosen at random and checked free, so only another call of this function could
/// pick the same one.
inline quint16 restartablePort()
{
    int low = 32768;
    int high = 60999;
    QFile range(QStringLiteral("/proc/sys/net/ipv4/ip_local_port_range"));
    if (range.open(QIODevice::ReadOnly)) {
        const QList<QByteArray> parts = range.readAll().simplified().split(' ');
        if (parts.size() == 2) {
            low = parts.at(0).toInt();
            high = parts.at(1).toInt();
        }
    }
    const bool below = low > 12000;
    const int first = below ? 10000 : high + 1;
    const int last = below ? low - 1 : 65535;
    QRandomGenerator rng(quint32(::getpid()) ^ quint32(QRandomGenerator::system()->generate()));
    for (int attempt = 0; attempt < 200 && first <= last; ++attempt) {
        const auto port = quint16(rng.bounded(first, last + 1));
        QTcpServer probe;
        if (probe.listen(QHostAddress::LocalHost, port))
            return port;
    }
    QTcpServer probe; // a crowded machine: fall back to the kernel's choice
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace testsupport
