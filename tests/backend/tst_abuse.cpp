// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QtEndian>
#include <QtTest>

#include "BackendProcess.h"
#include "Http.h"
#include "ProcessStats.h"

using testsupport::BackendProcess;
using testsupport::cpuMs;
using testsupport::openDescriptors;
using testsupport::peakRssMiB;

namespace {

/// GET @p path; the status (0 if none) and the body.
QPair<int, QByteArray> get(quint16 port, const QByteArray &path)
{
    const testsupport::HttpReply r = testsupport::httpGet(port, path);
    return {r.status, r.body};
}

bool prlimit(qint64 pid, const QString &resource)
{
    return QProcess::execute(QStringLiteral("prlimit"),
                             {QStringLiteral("--pid"), QString::number(pid), resource}) == 0;
}

const QByteArray Handshake =
    "GET /ws?room_id=enrichment_monitor HTTP/1.1\r\nHost: 127.0.0.1\r\n"
    "Upgrade: websocket\r\nConnection: Upgrade\r\n"
    "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n";

/// Writes up to @p total bytes of @p chunk repeatedly until the peer closes.
qint64 flood(QTcpSocket &s, const QByteArray &chunk, qint64 total)
{
    qint64 sent = 0;
    while (sent < total && s.state() == QAbstractSocket::ConnectedState) {
        s.write(chunk);
        s.waitForBytesWritten(2000);
        sent += chunk.size();
        s.readAll();
    }
    return sent;
}

// Peak memory under ASan includes its shadow memory and quarantine.
#ifdef ENRICHMENT_SANITIZED
constexpr double BackendMemoryBoundMiB = 400;
#else
constexpr double BackendMemoryBoundMiB = 100;
#endif

} // namespace

/// The real `enrichment-backend` under resource exhaustion and abusive clients: a full
/// disk (a file-size limit), the descriptor limit, and huge inputs with memory measured.
class TestAbuse : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

private Q_SLOTS:
    void healthFollowsTheStoreWriteHealth()
    {
        BackendProcess b;
        QVERIFY(
            b.start(QStringLiteral(BACKEND_BINARY),
                    {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--database"),
                     m_dir.filePath(QStringLiteral("full.sqlite")), QStringLiteral("--seed-tracks"),
                     QStringLiteral("300"), QStringLiteral("--time-scale"), QStringLiteral("0"),
                     QStringLiteral("--batch-interval-ms"), QStringLiteral("50")}));
        const quint16 port = quint16(b.url.port());
        QCOMPARE(get(port, "/health").first, 200);

        // Every write now fails as on a full disk: EFBIG for any byte written.
        QVERIFY(prlimit(b.pid(), QStringLiteral("--fsize=1:")));
        QTRY_COMPARE_WITH_TIMEOUT(get(port, "/health").first, 503, 10000);
        const QJsonObject health = QJsonDocument::fromJson(get(port, "/health").second).object();
        const QJsonObject db = health.value(QStringLiteral("database")).toObject();
        QCOMPARE(health.value(QStringLiteral("status")).toString(), QStringLiteral("unavailable"));
        QCOMPARE(db.value(QStringLiteral("reachable")).toBool(), true);
        QCOMPARE(db.value(QStringLiteral("writable")).toBool(true), false);
        QVERIFY(!db.value(QStringLiteral("error")).toString().isEmpty());
        // The rest keeps serving while the store cannot write.
        QCOMPARE(get(port, "/metrics").first, 200);
        QCOMPARE(get(port, "/monitoring/enrichment").first, 200);

        QVERIFY(prlimit(b.pid(), QStringLiteral("--fsize=unlimited:")));
        QTRY_COMPARE_WITH_TIMEOUT(get(port, "/health").first, 200, 10000);
        QCOMPARE(b.process.state(), QProcess::Running);
    }

    void descriptorLimitRefusesWithoutSpinning()
    {
        BackendProcess b;
        QVERIFY(
            b.start(QStringLiteral(BACKEND_BINARY),
                    {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--database"),
                     m_dir.filePath(QStringLiteral("fds.sqlite"))}));
        const quint16 port = quint16(b.url.port());
        QCOMPARE(get(port, "/health").first, 200);
        const int open = openDescriptors(b.pid());
        QVERIFY(open > 0);

        // A limit close to what is open: new connections get 503 at once, kept far enough
        // from the limit that the database and the rest can still open files.
        QVERIFY(prlimit(b.pid(), QStringLiteral("--nofile=%1:").arg(open + 40)));
        std::vector<std::unique_ptr<QTcpSocket>> held;
        int refused = 0;
        for (int i = 0; i < 40; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            s->connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(s->waitForConnected(5000));
            if (s->waitForReadyRead(300) && s->readAll().startsWith("HTTP/1.1 503"))
                ++refused;
            held.push_back(std::move(s));
        }
        QVERIFY2(refused >= 20, QByteArray::number(refused).constData());

        // No descriptor left at all: accepting fails. The server backs off, not spins.
        QVERIFY(prlimit(b.pid(), QStringLiteral("--nofile=%1:").arg(openDescriptors(b.pid()))));
        std::vector<std::unique_ptr<QTcpSocket>> waiting;
        for (int i = 0; i < 5; ++i) {
            auto s = std::make_unique<QTcpSocket>();
            s->connectToHost(QHostAddress::LocalHost, port); // sits in the listen backlog
            waiting.push_back(std::move(s));
        }
        QTest::qWait(300);
        const qint64 before = cpuMs(b.pid());
        QElapsedTimer wall;
        wall.start();
        QTest::qWait(2000);
        const double share = double(cpuMs(b.pid()) - before) / double(wall.elapsed());
        QVERIFY2(share < 0.25,
                 qPrintable(QStringLiteral("backend used %1 % of a core").arg(share * 100)));

        // Descriptors back: the waiting clients and new ones are served.
        held.clear();
        QVERIFY(prlimit(b.pid(), QStringLiteral("--nofile=1024:")));
        QTRY_COMPARE_WITH_TIMEOUT(get(port, "/health").first, 200, 10000);
        QCOMPARE(b.process.state(), QProcess::Running);
    }

    void memoryStaysBoundedUnderHugeInputs()
    {
        BackendProcess b;
        QVERIFY(
            b.start(QStringLiteral(BACKEND_BINARY),
                    {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--database"),
                     m_dir.filePath(QStringLiteral("mem.sqlite"))}));
        const quint16 port = quint16(b.url.port());
        const QByteArray chunk(1024 * 1024, 'x');

        {
            // One text frame announcing 256 MiB, then streaming it.
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(s.waitForConnected(5000));
            s.write(Handshake + "\r\n");
            QVERIFY(s.waitForReadyRead(5000));
            QVERIFY(s.readAll().startsWith("HTTP/1.1 101"));
            QByteArray header("\x81\xff", 2);
            const quint64 be = qToBigEndian<quint64>(256ull * 1024 * 1024);
            header.append(reinterpret_cast<const char *>(&be), 8);
            header.append("\x00\x00\x00\x00", 4);
            s.write(header);
            const qint64 sent = flood(s, chunk, 256ll * 1024 * 1024);
            QVERIFY2(sent < 64ll * 1024 * 1024, QByteArray::number(sent).constData());
        }
        {
            // An upgrade request followed by endless headers.
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(s.waitForConnected(5000));
            s.write(Handshake);
            const QByteArray line = "X-Filler: " + QByteArray(1000, 'f') + "\r\n";
            QByteArray lines;
            for (int i = 0; i < 1000; ++i)
                lines += line;
            const qint64 sent = flood(s, lines, 300ll * 1024 * 1024);
            QVERIFY2(sent < 64ll * 1024 * 1024, QByteArray::number(sent).constData());
        }
        {
            // A request body announced and sent at 256 MiB.
            QTcpSocket s;
            s.connectToHost(QHostAddress::LocalHost, port);
            QVERIFY(s.waitForConnected(5000));
            s.write("POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: 268435456\r\n\r\n");
            const qint64 sent = flood(s, chunk, 256ll * 1024 * 1024);
            QVERIFY2(sent < 64ll * 1024 * 1024, QByteArray::number(sent).constData());
        }
        QCOMPARE(get(port, "/health").first, 200);
        const double peak = peakRssMiB(b.pid());
        QVERIFY2(peak > 0 && peak < BackendMemoryBoundMiB,
                 qPrintable(QStringLiteral("peak RSS %1 MiB").arg(peak)));
    }
};

QTEST_GUILESS_MAIN(TestAbuse)
#include "tst_abuse.moc"
