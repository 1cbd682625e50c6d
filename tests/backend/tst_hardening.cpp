// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QElapsedTimer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtEndian>
#include <QtTest>

#include "enrichment/BackendService.h"
#include "ServiceInternals.h"
#include "InProcessBackend.h"
#include "GuardedTcpServer.h"
#include "MonitoringServer.h"

using namespace enrichment;

namespace {

const QByteArray Handshake =
    "GET /ws?room_id=enrichment_monitor HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    "Upgrade: websocket\r\nConnection: Upgrade\r\n"
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";

/// A masked client frame header (RFC 6455) announcing @p length payload bytes.
QByteArray frameHeader(quint8 opcode, bool fin, quint64 length)
{
    QByteArray h;
    h.append(char((fin ? 0x80 : 0x00) | opcode));
    h.append(char(0x80 | 127));
    quint64 be = qToBigEndian(length);
    h.append(reinterpret_cast<const char *>(&be), 8);
    h.append("\x00\x00\x00\x00", 4); // zero mask: payload goes as is
    return h;
}

/// A masked client text frame (RFC 6455) carrying @p payload (under 64 KiB).
QByteArray textFrame(const QByteArray &payload)
{
    QByteArray f;
    f.append(char(0x81));
    f.append(char(0x80 | 126));
    const quint16 be = qToBigEndian<quint16>(quint16(payload.size()));
    f.append(reinterpret_cast<const char *>(&be), 2);
    f.append("\x00\x00\x00\x00", 4); // zero mask
    return f + payload;
}

/// A raw TCP client that records everything the server sends and when it closed.
struct RawClient
{
    QTcpSocket socket;
    QByteArray received;
    QElapsedTimer sinceConnect;
    qint64 closedAtMs = -1;

    explicit RawClient(quint16 port)
    {
        QObject::connect(&socket, &QTcpSocket::readyRead, &socket,
                         [this] { received += socket.readAll(); });
        QObject::connect(&socket, &QTcpSocket::disconnected, &socket,
                         [this] { closedAtMs = sinceConnect.elapsed(); });
        socket.connectToHost(QHostAddress::LocalHost, port);
        socket.waitForConnected(5000);
        sinceConnect.start();
    }
    bool closed() const { return closedAtMs >= 0; }
    int status() const
    {
        if (!received.startsWith("HTTP/1."))
            return 0;
        return received.mid(9, 3).toInt();
    }
};

} // namespace

/// Hostile and unlucky clients against the real server in-process on 127.0.0.1 port 0:
/// slow consumers, oversized and unfinished WebSocket frames, trickling and stalled
/// requests, connection floods, malformed heads, methods, Origin and token checks.
class TestHardening : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    int m_dbCounter = 0;

    std::unique_ptr<BackendService> startService(BackendOptions o = {})
    {
        return testsupport::startInProcessBackend(
            o, m_dir.filePath(QStringLiteral("%1.sqlite").arg(++m_dbCounter)));
    }

    static QByteArray get(const QByteArray &path, const QByteArray &extra = {})
    {
        return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
    }

    /// GET /health without blocking this thread (the server runs on it).
    static int healthStatus(quint16 port)
    {
        RawClient c(port);
        c.socket.write(get("/health", "Connection: close\r\n"));
        if (!QTest::qWaitFor([&] { return c.closed(); }, 10000))
            return -1;
        return c.status();
    }

private Q_SLOTS:
    void severalSlowConsumersAreDroppedAtOnce()
    {
        BackendOptions o;
        o.maxClientBufferBytes = 1024 * 1024;
        auto s = startService(o);
        QWebSocket good;
        int goodMessages = 0;
        connect(&good, &QWebSocket::textMessageReceived, this, [&] { ++goodMessages; });
        good.open(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/ws?room_id=enrichment_monitor").arg(s->port())));
        QTRY_COMPARE_WITH_TIMEOUT(goodMessages, 1, 5000);

        // Three clients that finish the handshake and then never read again.
        std::vector<std::unique_ptr<QTcpSocket>> slow;
        for (int i = 0; i < 3; ++i) {
            auto sock = std::make_unique<QTcpSocket>();
            sock->setReadBufferSize(1024);
            sock->connectToHost(QHostAddress::LocalHost, s->port());
            QVERIFY(sock->waitForConnected(5000));
            sock->write(Handshake + "\r\n");
            slow.push_back(std::move(sock));
        }
        QTRY_COMPARE_WITH_TIMEOUT(internals(*s).server().clientCount(), 4, 5000);

        // Broadcast far past what the kernel buffers for readers that stopped. Each
        // broadcast waits until the good client (on this thread) has read it, so only the
        // three that stopped reading pile up bytes; they pass the limit between two checks,
        // so one check drops all three.
        const QString blob(256 * 1024, QLatin1Char('x'));
        int sent = 0;
        for (; sent < 200 && internals(*s).server().clientCount() > 1; ++sent) {
            internals(*s).server().broadcast(QStringLiteral("bulk"),
                                             QJsonObject{{QStringLiteral("blob"), blob}});
            QVERIFY(QTest::qWaitFor([&] { return goodMessages == sent + 2; }, 10000));
        }
        QTRY_COMPARE_WITH_TIMEOUT(internals(*s).server().clientCount(), 1, 10000);
        QCOMPARE(good.state(), QAbstractSocket::ConnectedState);
        QTRY_COMPARE_WITH_TIMEOUT(goodMessages, 1 + sent, 20000);
        QCOMPARE(healthStatus(s->port()), 200);
    }

    // A client that floods the room with pings and never reads what comes back is dropped
    // as soon as what it is owed passes the bound: our pong messages for JSON pings, and the
    // pong frames the WebSocket layer sends by itself for protocol pings, all count.
    void aClientThatPingsAndNeverReadsIsDroppedAtTheBound_data()
    {
        QTest::addColumn<bool>("protocolPings");
        QTest::newRow("json pings") << false;
        QTest::newRow("protocol pings") << true;
    }
    void aClientThatPingsAndNeverReadsIsDroppedAtTheBound()
    {
        QFETCH(bool, protocolPings);
        BackendOptions o;
        o.maxClientBufferBytes = 1024 * 1024;
        auto s = startService(o);
        QTcpSocket sock;
        sock.setReadBufferSize(1024); // it never reads: the kernel's buffers fill, then ours
        sock.connectToHost(QHostAddress::LocalHost, s->port());
        QVERIFY(sock.waitForConnected(5000));
        sock.write(Handshake + "\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(internals(*s).server().clientCount(), 1, 5000);
        // A block of pings, written again each time the last one left, up to 256 MiB.
        QByteArray block;
        for (int i = 0; i < 4096; ++i) {
            if (protocolPings) {
                const QByteArray payload(100, 'p');
                block += char(0x89);
                block += char(0x80 | payload.size());
                block += QByteArray(4, '\0');
                block += payload;
            } else {
                const QByteArray payload = "{\"type\": \"ping\"}";
                block += char(0x81);
                block += char(0x80 | payload.size());
                block += QByteArray(4, '\0');
                block += payload;
            }
        }
        qint64 written = 0;
        auto more = [&] {
            if (sock.state() == QAbstractSocket::ConnectedState &&
                sock.bytesToWrite() < block.size() && written < 256LL * 1024 * 1024) {
                sock.write(block);
                written += block.size();
            }
        };
        connect(&sock, &QTcpSocket::bytesWritten, this, more);
        more();
        QTRY_COMPARE_WITH_TIMEOUT(internals(*s).server().clientCount(), 0, 60'000);
        const qint64 owed = internals(*s).server().largestDropOwed();
        qInfo("dropped owing %lld bytes after %lld bytes of pings", owed, written);
        QVERIFY(owed > o.maxClientBufferBytes);
        // Past the bound by at most what one turn reads and answers, not tens of MiB.
        QVERIFY2(owed < o.maxClientBufferBytes + 512 * 1024, qPrintable(QString::number(owed)));
        QCOMPARE(healthStatus(s->port()), 200);
    }

    void oversizedFrameIsRefusedAsItArrives()
    {
        auto s = startService();
        RawClient c(s->port());
        c.socket.write(Handshake + "\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(c.received.contains("\r\n\r\n"), 5000);
        QVERIFY(c.received.startsWith("HTTP/1.1 101"));
        QTRY_COMPARE_WITH_TIMEOUT(internals(*s).server().clientCount(), 1, 5000);
        // One text frame that announces 256 MiB: refused from its header on.
        c.socket.write(frameHeader(0x1, true, 256ull * 1024 * 1024));
        c.socket.write(QByteArray(256 * 1024, 'a'));
        QTRY_VERIFY_WITH_TIMEOUT(c.closed(), 5000);
        QCOMPARE(internals(*s).server().clientCount(), 0);
        QCOMPARE(healthStatus(s->port()), 200);
    }

    void roomConnectionsOutliveTheRequestDeadlineAndCaps()
    {
        // Once the 101 is out, the request deadline and size cap no longer apply: a room
        // client stays past the deadline and may send more than the request cap in total.
        BackendOptions o;
        o.requestTimeoutMs = 800;
        o.maxRequestBytes = 64 * 1024;
        auto s = startService(o);
        RawClient c(s->port());
        c.socket.write(Handshake + "\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(internals(*s).server().clientCount(), 1, 5000);
        QSignalSpy closed(&c.socket, &QTcpSocket::disconnected);
        QVERIFY(!closed.wait(2000)); // well past the 800 ms deadline
        const QByteArray ping =
            "{\"type\":\"ping\",\"pad\":\"" + QByteArray(16 * 1024, 'p') + "\"}";
        for (int i = 0; i < 16; ++i) // 256 KiB in all, four times the request cap
            c.socket.write(textFrame(ping));
        QTRY_COMPARE_WITH_TIMEOUT(int(c.received.count("\"type\":\"pong\"")), 16, 10000);
        QCOMPARE(internals(*s).server().clientCount(), 1);
        QVERIFY(!c.closed());
    }

    void closedRoomConnectionsFreeTheirSlots()
    {
        BackendOptions o;
        o.maxConnections = 3;
        auto s = startService(o);
        for (int round = 0; round < 3; ++round) {
            std::vector<std::unique_ptr<QWebSocket>> sockets;
            for (int i = 0; i < 3; ++i) {
                auto ws = std::make_unique<QWebSocket>();
                QSignalSpy connected(ws.get(), &QWebSocket::connected);
                ws->open(QUrl(QStringLiteral("ws://127.0.0.1:%1/ws?room_id=enrichment_monitor")
                                  .arg(s->port())));
                QVERIFY2(connected.wait(5000), qPrintable(QString::number(round)));
                sockets.push_back(std::move(ws));
            }
            QTRY_COMPARE_WITH_TIMEOUT(internals(*s).server().clientCount(), 3, 5000);
            QCOMPARE(internals(*s).server().connectionCount(), 3);
            sockets.clear();
            QTRY_COMPARE_WITH_TIMEOUT(internals(*s).server().connectionCount(), 0, 5000);
        }
    }

    void unfinishedMessagePastTheLimitIsRefused()
    {
        auto s = startService();
        RawClient c(s->port());
        c.socket.write(Handshake + "\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(internals(*s).server().clientCount(), 1, 5000);
        // Non-final fragments of 16 KiB each: the message grows past 64 KiB and never ends.
        for (int i = 0; i < 8 && !c.closed(); ++i) {
            c.socket.write(frameHeader(i == 0 ? 0x1 : 0x0, false, 16 * 1024));
            c.socket.write(QByteArray(16 * 1024, 'b'));
            c.socket.waitForBytesWritten(1000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(c.closed(), 5000);
        QCOMPARE(internals(*s).server().clientCount(), 0);
    }

    void tricklingRequestIsClosedAtItsDeadline()
    {
        BackendOptions o;
        o.requestTimeoutMs = 1500;
        auto s = startService(o);
        RawClient c(s->port());
        const QByteArray request = get("/health", "X-Padding: " + QByteArray(200, 'p') + "\r\n");
        // One byte every 100 ms would take 20 s; the deadline does not move with bytes.
        for (int i = 0; i < request.size() && !c.closed(); ++i) {
            c.socket.write(request.mid(i, 1));
            QTest::qWait(100);
        }
        QVERIFY(c.closed());
        QVERIFY2(c.closedAtMs < 3500, QByteArray::number(c.closedAtMs).constData());
        QCOMPARE(c.status(), 408);
    }

    // A connection that never asks is closed without an answer: a 408 written on a spare
    // connection would be read by the client as the answer to its next request.
    void silentConnectionIsClosedWithoutAnAnswer()
    {
        BackendOptions o;
        o.requestTimeoutMs = 800;
        o.idleTimeoutMs = 60'000;
        auto s = startService(o);
        RawClient c(s->port());
        QTRY_VERIFY_WITH_TIMEOUT(c.closed(), 5000);
        QVERIFY2(c.closedAtMs >= 500, QByteArray::number(c.closedAtMs).constData());
        QCOMPARE(c.received, QByteArray());
        QCOMPARE(healthStatus(s->port()), 200);
    }

    void stalledUpgradeIsClosedAtItsDeadline()
    {
        BackendOptions o;
        o.requestTimeoutMs = 1500;
        o.idleTimeoutMs = 60'000;
        auto s = startService(o);
        RawClient c(s->port());
        c.socket.write(Handshake); // no blank line: the head never ends
        QTRY_VERIFY_WITH_TIMEOUT(c.closed(), 5000);
        QVERIFY(c.closedAtMs >= 1000);
        QVERIFY(!c.received.contains("101"));
    }

    void upgradeWithHugeHeadersIsCapped()
    {
        BackendOptions o;
        o.maxRequestBytes = 64 * 1024;
        auto s = startService(o);
        RawClient c(s->port());
        c.socket.write(Handshake);
        const QByteArray line = "X-Filler: " + QByteArray(1000, 'f') + "\r\n";
        for (int i = 0; i < 2000 && !c.closed(); ++i) {
            c.socket.write(line);
            if (i % 50 == 0)
                c.socket.waitForBytesWritten(1000);
        }
        QTRY_VERIFY_WITH_TIMEOUT(c.closed(), 5000);
        QCOMPARE(c.status(), 431);
        QCOMPARE(internals(*s).server().clientCount(), 0);
    }

    void connectionCapRefusesWith503AndRecovers()
    {
        BackendOptions o;
        o.maxConnections = 4;
        auto s = startService(o);
        std::vector<std::unique_ptr<RawClient>> held;
        for (int i = 0; i < 4; ++i)
            held.push_back(std::make_unique<RawClient>(s->port()));
        QTRY_COMPARE_WITH_TIMEOUT(internals(*s).server().connectionCount(), 4, 5000);
        RawClient extra(s->port());
        extra.socket.write(get("/health"));
        QTRY_VERIFY_WITH_TIMEOUT(extra.closed(), 5000);
        QCOMPARE(extra.status(), 503);
        held.clear();
        QTRY_COMPARE_WITH_TIMEOUT(internals(*s).server().connectionCount(), 0, 5000);
        QCOMPARE(healthStatus(s->port()), 200);
    }

    void connectionCloseAndHttp10AreHonoured_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<bool>("closes");
        QTest::newRow("1.1 close") << get("/health", "Connection: close\r\n") << true;
        QTest::newRow("1.0") << QByteArray("GET /health HTTP/1.0\r\n\r\n") << true;
        QTest::newRow("1.0 keep-alive")
            << QByteArray("GET /health HTTP/1.0\r\nConnection: keep-alive\r\n\r\n") << false;
        QTest::newRow("1.1") << get("/health") << false;
    }
    void connectionCloseAndHttp10AreHonoured()
    {
        QFETCH(QByteArray, request);
        QFETCH(bool, closes);
        BackendOptions o;
        o.idleTimeoutMs = 20'000;
        auto s = startService(o);
        RawClient c(s->port());
        c.socket.write(request);
        QTRY_VERIFY_WITH_TIMEOUT(c.received.contains("\"status\""), 5000);
        QVERIFY(c.received.startsWith("HTTP/1.1 200"));
        if (closes) {
            QTRY_VERIFY_WITH_TIMEOUT(c.closed(), 3000);
        } else {
            // Still open: a second request on the same connection is answered.
            c.received.clear();
            c.socket.write(get("/health"));
            QTRY_VERIFY_WITH_TIMEOUT(c.received.contains("\"status\""), 5000);
            QVERIFY(!c.closed());
        }
    }

    void methodsOnKnownPathsGet405_data()
    {
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<QByteArray>("path");
        QTest::addColumn<int>("status");
        QTest::newRow("TRACE") << QByteArray("TRACE") << QByteArray("/metrics") << 405;
        QTest::newRow("CONNECT") << QByteArray("CONNECT") << QByteArray("/health") << 405;
        QTest::newRow("invented") << QByteArray("BREW") << QByteArray("/metrics") << 405;
        QTest::newRow("lowercase") << QByteArray("get") << QByteArray("/health") << 405;
        QTest::newRow("lowercase monitoring")
            << QByteArray("get") << QByteArray("/monitoring/enrichment") << 405;
        QTest::newRow("POST") << QByteArray("POST") << QByteArray("/health") << 405;
        QTest::newRow("TRACE unknown path") << QByteArray("TRACE") << QByteArray("/nope") << 404;
    }
    void methodsOnKnownPathsGet405()
    {
        QFETCH(QByteArray, method);
        QFETCH(QByteArray, path);
        QFETCH(int, status);
        auto s = startService();
        RawClient c(s->port());
        c.socket.write(method + ' ' + path + " HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(c.received.contains("}"), 5000);
        QCOMPARE(c.status(), status);
        if (status == 405)
            QVERIFY(c.received.contains("\r\nAllow: GET\r\n"));
    }

    void badContentLengthGets400_data()
    {
        QTest::addColumn<QByteArray>("fields");
        QTest::newRow("text") << QByteArray("Content-Length: abc\r\n");
        QTest::newRow("negative") << QByteArray("Content-Length: -1\r\n");
        QTest::newRow("list") << QByteArray("Content-Length: 5, 6\r\n");
        QTest::newRow("two fields") << QByteArray("Content-Length: 5\r\nContent-Length: 6\r\n");
        QTest::newRow("huge") << QByteArray("Content-Length: 99999999999999999999999\r\n");
        QTest::newRow("plus") << QByteArray("Content-Length: +5\r\n");
    }
    void badContentLengthGets400()
    {
        QFETCH(QByteArray, fields);
        auto s = startService();
        RawClient c(s->port());
        c.socket.write(get("/health", fields) + "hello");
        QTRY_VERIFY_WITH_TIMEOUT(c.closed(), 5000);
        QCOMPARE(c.status(), 400);
        QVERIFY(c.received.contains("Content-Length must") ||
                c.received.contains("conflicting Content-Length"));
        QCOMPARE(healthStatus(s->port()), 200);
    }

    void refusedUpgradeNeverSwitchesProtocols()
    {
        BackendOptions o;
        o.token = "t0ken";
        auto s = startService(o);
        RawClient c(s->port());
        c.socket.write(Handshake + "\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(c.closed(), 5000);
        QCOMPARE(c.status(), 401);
        QVERIFY2(!c.received.contains("101 Switching"), c.received.constData());
        QCOMPARE(internals(*s).server().clientCount(), 0);

        RawClient ok(s->port());
        ok.socket.write(Handshake + "Authorization: Bearer t0ken\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(ok.received.startsWith("HTTP/1.1 101"), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(internals(*s).server().clientCount(), 1, 5000);
    }

    void browserOriginsMustBeAllowed()
    {
        BackendOptions o;
        o.allowedOrigins = {QStringLiteral("https://ops.example.com")};
        auto s = startService(o);
        RawClient evil(s->port());
        evil.socket.write(Handshake + "Origin: http://evil.example\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(evil.closed(), 5000);
        QCOMPARE(evil.status(), 403);
        QVERIFY(!evil.received.contains("101 Switching"));

        RawClient allowed(s->port());
        allowed.socket.write(Handshake + "Origin: https://ops.example.com\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(allowed.received.startsWith("HTTP/1.1 101"), 5000);

        // Qt's own client sends no Origin: not a browser, allowed.
        QWebSocket native;
        QSignalSpy connected(&native, &QWebSocket::connected);
        native.open(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/ws?room_id=enrichment_monitor").arg(s->port())));
        QVERIFY(connected.wait(5000));
        QTRY_COMPARE_WITH_TIMEOUT(internals(*s).server().clientCount(), 2, 5000);
    }

    void noBrowserOriginIsAllowedByDefault()
    {
        auto s = startService();
        RawClient page(s->port());
        page.socket.write(Handshake + "Origin: http://localhost:3000\r\n\r\n");
        QTRY_VERIFY_WITH_TIMEOUT(page.closed(), 5000);
        QCOMPARE(page.status(), 403);
    }

    void malformedHeadsGet400()
    {
        auto s = startService();
        const QList<QByteArray> heads = {
            "GET /health HTTP/1.1\r\nHost x\r\n\r\n",
            "GET  /health HTTP/1.1\r\n\r\n",
            "GET /health HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n",
            "GET /health HTTP/9.9\r\n\r\n",
            "GET /health\r\n\r\n",
        };
        for (const QByteArray &h : heads) {
            RawClient c(s->port());
            c.socket.write(h);
            QTRY_VERIFY_WITH_TIMEOUT(c.closed(), 5000);
            QVERIFY2(c.status() == 400 || c.status() == 505, h.constData());
        }
        // Bytes that cannot start a request (a TLS hello on the plain port, binary noise)
        // are refused at once, not at the request deadline.
        for (const QByteArray &noise :
             {QByteArray("\x16\x03\x01\x02\x00\x01", 6), QByteArray("\x00\x01\x02\xff", 4)}) {
            RawClient c(s->port());
            c.socket.write(noise);
            QTRY_VERIFY_WITH_TIMEOUT(c.closed(), 5000);
            QVERIFY2(c.closedAtMs < 2000, QByteArray::number(c.closedAtMs).constData());
            QCOMPARE(c.status(), 400);
        }
        RawClient chunked(s->port());
        chunked.socket.write(get("/health", "Transfer-Encoding: chunked\r\n"));
        QTRY_VERIFY_WITH_TIMEOUT(chunked.closed(), 5000);
        QCOMPARE(chunked.status(), 411);
        QCOMPARE(healthStatus(s->port()), 200);
    }

    void pipelinedRequestsAreEachAnswered()
    {
        auto s = startService();
        RawClient c(s->port());
        c.socket.write(get("/health") + get("/metrics") + get("/health", "Connection: close\r\n"));
        QTRY_VERIFY_WITH_TIMEOUT(c.closed(), 5000);
        QCOMPARE(c.received.count("HTTP/1.1 200"), 3);
    }
};

QTEST_GUILESS_MAIN(TestHardening)
#include "tst_hardening.moc"
