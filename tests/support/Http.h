// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QHostAddress>
#include <QTcpSocket>

namespace testsupport {

/// One HTTP answer as read off the wire.
struct HttpReply
{
    int status = 0; ///< 0 when no HTTP answer came
    QByteArray head;
    QByteArray body;
};

/// A blocking `GET @p path` to 127.0.0.1:@p port with `Connection: close`, read until the
/// server closes (at most @p timeoutMs). @p extraHeaders: complete lines ending in CRLF.
/// It blocks this thread's event loop: for servers in another process or thread only.
/// One request (@p method with @p body, when any) on its own connection, read to the end.
inline HttpReply httpRequest(quint16 port, const QByteArray &method, const QByteArray &path,
                             const QByteArray &body, const QByteArray &extraHeaders,
                             int timeoutMs)
{
    HttpReply r;
    QTcpSocket s;
    s.connectToHost(QHostAddress::LocalHost, port);
    if (!s.waitForConnected(timeoutMs))
        return r;
    const QByteArray length =
        method == "GET" ? QByteArray()
                        : "Content-Type: application/json\r\nContent-Length: " +
                              QByteArray::number(body.size()) + "\r\n";
    s.write(method + ' ' + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n" +
            length + extraHeaders + "\r\n" + body);
    QByteArray all;
    QElapsedTimer t;
    t.start();
    while (s.state() != QAbstractSocket::UnconnectedState && t.elapsed() < timeoutMs) {
        s.waitForReadyRead(200);
        all += s.readAll();
    }
    all += s.readAll();
    if (!all.startsWith("HTTP/1."))
        return r;
    const qsizetype end = all.indexOf("\r\n\r\n");
    r.status = all.mid(9, 3).toInt();
    r.head = all.left(end);
    r.body = end < 0 ? QByteArray() : all.mid(end + 4);
    return r;
}

inline HttpReply httpGet(quint16 port, const QByteArray &path, const QByteArray &extraHeaders = {},
                         int timeoutMs = 5000)
{
    return httpRequest(port, "GET", path, {}, extraHeaders, timeoutMs);
}

inline HttpReply httpPost(quint16 port, const QByteArray &path, const QByteArray &body,
                          const QByteArray &extraHeaders = {}, int timeoutMs = 5000)
{
    return httpRequest(port, "POST", path, body, extraHeaders, timeoutMs);
}

} // namespace testsupport
