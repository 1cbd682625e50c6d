// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <benchmark/benchmark.h>
#include <chrono>
#include <vector>

#include <QByteArray>
#include <QFile>
#include <QTcpSocket>

namespace bench {

/// Resident set size in bytes of process @p pid (0: this process), from Linux /proc.
inline qint64 residentBytes(qint64 pid = 0)
{
    QFile f(pid ? QStringLiteral("/proc/%1/status").arg(pid) : QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    return -1;
}

inline double percentile(std::vector<double> v, double q)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    const std::size_t i = std::min(v.size() - 1, std::size_t(q * double(v.size() - 1) + 0.5));
    return v[i];
}

/// A minimal blocking HTTP/1.1 keep-alive client for GET, to time a server without the
/// cost of a client framework in the numbers.
class HttpClient
{
public:
    bool connectTo(quint16 port)
    {
        m_socket.connectToHost(QStringLiteral("127.0.0.1"), port);
        return m_socket.waitForConnected(5000);
    }
    /// Returns the body, empty on error.
    QByteArray get(const QByteArray &path)
    {
        m_socket.write("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
        m_socket.flush();
        QByteArray buf;
        int headerEnd = -1;
        qint64 length = -1;
        while (true) {
            if (headerEnd < 0) {
                headerEnd = int(buf.indexOf("\r\n\r\n"));
                if (headerEnd >= 0) {
                    const QByteArray head = buf.left(headerEnd).toLower();
                    const int at = int(head.indexOf("content-length:"));
                    length = at >= 0 ? head.mid(at + 15, head.indexOf("\r\n", at) - at - 15)
                                           .trimmed()
                                           .toLongLong()
                                     : 0;
                }
            }
            if (headerEnd >= 0 && buf.size() >= headerEnd + 4 + length)
                return buf.mid(headerEnd + 4, length);
            if (!m_socket.waitForReadyRead(10000))
                return {};
            buf += m_socket.readAll();
        }
    }

private:
    QTcpSocket m_socket;
};

/// main() for a benchmark that needs a Qt application object of type @p App.
template<typename App>
int run(int argc, char **argv)
{
    App app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

} // namespace bench
