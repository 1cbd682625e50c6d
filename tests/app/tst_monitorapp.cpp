// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <sys/stat.h>

#include <csignal>

#include <QCryptographicHash>
#include <QDir>
#include <QImage>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTimer>
#include <QtEndian>
#include <QSettings>
#include <QtTest>

#include "BackendProcess.h"
#include "ProcessStats.h"

using testsupport::BackendProcess;
using testsupport::peakRssMiB;

namespace {

/// A hostile backend on loopback: answers the snapshot with an endless body, or with a
/// valid snapshot and then a room frame that announces 256 MiB and streams it, or with an
/// error whose text carries markup and terminal escapes. Every stream is bounded (1 GiB)
/// and stops when the client closes.
class HostileServer : public QTcpServer
{
public:
    enum class Mode { EndlessBody, HugeFrame, HostileErrorText, DripPrometheus };
    explicit HostileServer(Mode mode) : m_mode(mode)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] { onRequest(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    int roomsRefusedByClient = 0; ///< huge-frame room connections the client closed

private:
    void onRequest(QTcpSocket *s)
    {
        QByteArray &buffer = m_heads[s];
        buffer += s->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0 || s->property("streaming").toBool())
            return;
        const QByteArray head = buffer.left(end + 4);
        buffer.remove(0, end + 4); // keep-alive: the next request may follow
        const QByteArray path = head.split(' ').value(1);
        if (path.startsWith("/ws")) {
            if (m_mode != Mode::HugeFrame)
                return void(s->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"));
            const qsizetype k = head.toLower().indexOf("sec-websocket-key:");
            const QByteArray key = head.mid(k + 18, head.indexOf("\r\n", k) - k - 18).trimmed();
            const QByteArray accept =
                QCryptographicHash::hash(QByteArray(key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11"),
                                         QCryptographicHash::Sha1)
                    .toBase64();
            s->write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                     "Connection: Upgrade\r\nSec-WebSocket-Accept: " +
                     accept + "\r\n\r\n");
            QByteArray frame("\x81\x7f", 2); // text, FIN, 64-bit length, unmasked
            const quint64 be = qToBigEndian<quint64>(256ull * 1024 * 1024);
            frame.append(reinterpret_cast<const char *>(&be), 8);
            s->write(frame);
            connect(s, &QTcpSocket::disconnected, this, [this] { ++roomsRefusedByClient; });
            stream(s, QByteArray(1024 * 1024, 'a'));
            return;
        }
        if (m_mode == Mode::DripPrometheus) {
            // Prometheus that answers one byte every half second: alive, never done.
            s->setProperty("streaming", true);
            s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     "Content-Length: 100000\r\n\r\n");
            auto *drip = new QTimer(s);
            connect(drip, &QTimer::timeout, s, [s] { s->write(" "); });
            drip->start(500);
            return;
        }
        if (!path.startsWith("/monitoring/enrichment") || path.contains("history"))
            return void(s->write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"));
        switch (m_mode) {
        case Mode::EndlessBody:
            s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     "Connection: close\r\n\r\n{\"queue\": {\"pending\": 1}, \"x\": \"");
            stream(s, QByteArray(1024 * 1024, 'a'));
            break;
        case Mode::HugeFrame: {
            const QByteArray body = R"({"queue": {"pending": 5, "completed": 7}})";
            s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
            break;
        }
        case Mode::DripPrometheus: break;
        case Mode::HostileErrorText: {
            const QByteArray body =
                R"({"error": {"code": "x", "message": "<h1>ALL SYSTEMS HEALTHY</h1>\u001b[2J\u001b[31mRED\u0007"}})";
            s->write("HTTP/1.1 500 Internal Server Error\r\nContent-Type: application/json\r\n"
                     "Content-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
            break;
        }
        }
    }

    /// Keeps a few MiB queued until the client leaves or 1 GiB went out.
    static void stream(QTcpSocket *s, const QByteArray &chunk)
    {
        s->setProperty("streaming", true);
        auto sent = std::make_shared<qint64>(0);
        auto refill = [s, chunk, sent] {
            while (s->state() == QAbstractSocket::ConnectedState &&
                   s->bytesToWrite() < 4 * chunk.size() && *sent < 1024ll * 1024 * 1024) {
                s->write(chunk);
                *sent += chunk.size();
            }
        };
        connect(s, &QTcpSocket::bytesWritten, s, refill);
        refill();
    }

    Mode m_mode;
    QHash<QTcpSocket *, QByteArray> m_heads;
};

/// Starts the dashboard and follows its peak memory until it exits.
struct Watched
{
    QProcess process;
    double peakMiB = 0;
    QTimer sampler;
    Watched()
    {
        sampler.setInterval(50);
        QObject::connect(&sampler, &QTimer::timeout, &sampler, [this] { sample(); });
    }
    /// VmHWM is the peak so far: one reading while the process runs is enough, the timer
    /// only keeps a reading from before it exits.
    void sample() { peakMiB = std::max(peakMiB, peakRssMiB(process.processId())); }
    ~Watched()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    }
    void start(const QStringList &args, const QProcessEnvironment &env)
    {
        process.setProcessEnvironment(env);
        process.start(QStringLiteral(MONITOR_BINARY), args);
        process.waitForStarted(10000);
        sampler.start();
    }
    bool waitFinished(int ms)
    {
        QSignalSpy done(&process, &QProcess::finished);
        return process.state() == QProcess::NotRunning || done.wait(ms);
    }
};

#ifdef ENRICHMENT_SANITIZED
constexpr double DashboardMemoryBoundMiB = 900; // ASan's shadow memory and quarantine
#else
constexpr double DashboardMemoryBoundMiB = 300;
#endif

} // namespace

/// The real `enrichment-monitor` program: its command line and the headless export,
/// against the real `enrichment-backend` program and against hostile servers.
class TestMonitorApp : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    static QProcessEnvironment env()
    {
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        e.insert(QStringLiteral("XDG_CONFIG_HOME"),
                 QDir::tempPath() + QStringLiteral("/enrichment-monitor-test-config"));
        e.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
        const QString runtime =
            QDir::tempPath() + QStringLiteral("/enrichment-monitor-test-runtime");
        QDir().mkpath(runtime);
        QFile::setPermissions(runtime, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                           QFileDevice::ExeOwner);
        e.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
        return e;
    }

    /// The environment of a machine without any display: no X, no Wayland, no platform
    /// chosen by the caller.
    static QProcessEnvironment noDisplay()
    {
        QProcessEnvironment e = env();
        for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
            e.remove(QLatin1String(name));
        return e;
    }

    static int run(const QStringList &args, QByteArray *out, QByteArray *err,
                   int timeoutMs = 60'000, const QProcessEnvironment &environment = env())
    {
        QProcess p;
        p.setProcessEnvironment(environment);
        p.start(QStringLiteral(MONITOR_BINARY), args);
        if (!p.waitForFinished(timeoutMs)) {
            p.kill();
            p.waitForFinished();
            return -1;
        }
        *out = p.readAllStandardOutput();
        *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

    /// The program's own diagnostics: lines it prefixes with its name (Qt may add others).
    static QList<QByteArray> reasons(const QByteArray &err)
    {
        QList<QByteArray> out;
        for (const QByteArray &l : err.split('\n'))
            if (l.startsWith("enrichment-monitor: "))
                out << l;
        return out;
    }

private Q_SLOTS:
    void helpAndVersion()
    {
        QByteArray out, err;
        QCOMPARE(run({QStringLiteral("--help")}, &out, &err), 0);
        for (const char *opt : {"--url", "--export", "--timeout", "--token-file", "--lang",
                                "--version", "--alertmanager", "--alertmanager-token-file",
                                "--minimized", "--prometheus", "--prometheus-token-file"})
            QVERIFY2(out.contains(opt), opt);
        QCOMPARE(run({QStringLiteral("--version")}, &out, &err), 0);
        QVERIFY(out.startsWith("enrichment-monitor "));
    }

    // The command line answers before a GUI needs a platform: on a server without a
    // display, --help, --version and a bad option do not abort.
    void helpVersionAndMistakesNeedNoDisplay()
    {
        QByteArray out, err;
        QCOMPARE(run({QStringLiteral("--help")}, &out, &err, 60'000, noDisplay()), 0);
        QVERIFY2(out.contains("--url"), err.constData());
        QCOMPARE(run({QStringLiteral("--version")}, &out, &err, 60'000, noDisplay()), 0);
        QVERIFY(out.startsWith("enrichment-monitor "));
        QCOMPARE(run({QStringLiteral("--lang"), QStringLiteral("de"), QStringLiteral("--help")},
                     &out, &err, 60'000, noDisplay()),
                 0);
        QVERIFY(out.contains("Diese Hilfe anzeigen."));
        QCOMPARE(run({QStringLiteral("--url"), QStringLiteral("notaurl")}, &out, &err, 60'000,
                     noDisplay()),
                 2);
        QCOMPARE(reasons(err).size(), 1);
        QVERIFY2(reasons(err).constFirst().contains("notaurl"), err.constData());
    }

    void translationsAreCompiledIn_data()
    {
        QTest::addColumn<QString>("lang");
        QTest::addColumn<QByteArray>("expected");
        QTest::newRow("de") << QStringLiteral("de") << QByteArray("Diese Hilfe anzeigen.");
        QTest::newRow("es") << QStringLiteral("es") << QByteArray("Mostrar esta ayuda.");
        QTest::newRow("en") << QStringLiteral("en") << QByteArray("Show this help.");
    }
    void translationsAreCompiledIn()
    {
        QFETCH(QString, lang);
        QFETCH(QByteArray, expected);
        QByteArray out, err;
        QCOMPARE(run({QStringLiteral("--lang"), lang, QStringLiteral("--help")}, &out, &err), 0);
        QVERIFY2(out.contains(expected), out.constData());
    }

    void translationFilesAreComplete_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("de") << QStringLiteral(TRANSLATIONS_DIR "/enrichment_de.ts");
        QTest::newRow("es") << QStringLiteral(TRANSLATIONS_DIR "/enrichment_es.ts");
    }
    void translationFilesAreComplete()
    {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray ts = f.readAll();
        QVERIFY(ts.count("<message") > 150);
        QCOMPARE(ts.count("type=\"unfinished\""), 0);
        QCOMPARE(ts.count("type=\"vanished\""), 0);
    }

    void badArguments_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("url scheme")
            << QStringList{QStringLiteral("--url"), QStringLiteral("ftp://x"),
                           QStringLiteral("--export"), QStringLiteral("/tmp/x")};
        QTest::newRow("url without a scheme")
            << QStringList{QStringLiteral("--url"), QStringLiteral("notaurl")};
        QTest::newRow("url host:port without a scheme")
            << QStringList{QStringLiteral("--url"), QStringLiteral("localhost:8020")};
        QTest::newRow("url without a host")
            << QStringList{QStringLiteral("--url"), QStringLiteral("http://")};
        QTest::newRow("timeout") << QStringList{QStringLiteral("--timeout"), QStringLiteral("soon"),
                                                QStringLiteral("--export"),
                                                QStringLiteral("/tmp/x")};
        QTest::newRow("alertmanager scheme")
            << QStringList{QStringLiteral("--alertmanager"), QStringLiteral("file:///etc/passwd")};
        QTest::newRow("alertmanager token without alertmanager")
            << QStringList{QStringLiteral("--alertmanager-token-file"), QStringLiteral("/tmp/t")};
        QTest::newRow("prometheus scheme")
            << QStringList{QStringLiteral("--prometheus"), QStringLiteral("ftp://x")};
        QTest::newRow("prometheus token without prometheus")
            << QStringList{QStringLiteral("--prometheus-token-file"), QStringLiteral("/tmp/t")};
        QTest::newRow("range word")
            << QStringList{QStringLiteral("--range"), QStringLiteral("fortnight"),
                           QStringLiteral("--export"), QStringLiteral("/tmp/x")};
        QTest::newRow("range past a day without prometheus")
            << QStringList{QStringLiteral("--range"), QStringLiteral("7d"),
                           QStringLiteral("--export"), QStringLiteral("/tmp/x")};
        QTest::newRow("wait word")
            << QStringList{QStringLiteral("--wait"), QStringLiteral("a bit"),
                           QStringLiteral("--export"), QStringLiteral("/tmp/x")};
        QTest::newRow("overwrite without export") << QStringList{QStringLiteral("--overwrite")};
        QTest::newRow("unknown") << QStringList{
            QStringLiteral("--frobnicate"), QStringLiteral("--export"), QStringLiteral("/tmp/x")};
    }
    void badArguments()
    {
        QFETCH(QStringList, args);
        QByteArray out, err;
        QCOMPARE(run(args, &out, &err), 2);
        QVERIFY2(reasons(err).size() == 1, err.constData());
    }

    void exportAgainstTheRealBackend()
    {
        BackendProcess b;
        QVERIFY(
            b.start(QStringLiteral(BACKEND_BINARY),
                    {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed-tracks"),
                     QStringLiteral("100"), QStringLiteral("--database"),
                     m_dir.filePath(QStringLiteral("export.sqlite")),
                     QStringLiteral("--batch-interval-ms"), QStringLiteral("100")}));

        const QString out = m_dir.filePath(QStringLiteral("export"));
        QByteArray stdoutText, stderrText;
        const int rc = run({QStringLiteral("--url"), b.url.toString(), QStringLiteral("--export"),
                            out, QStringLiteral("--timeout"), QStringLiteral("30")},
                           &stdoutText, &stderrText);
        QVERIFY2(rc == 0, stderrText.constData());
        const QStringList ids =
            QStringLiteral("queue,processing_rate,circuit_breakers,success_rate,latency,rate_"
                           "limits,errors,source_health,cache,coverage")
                .split(QLatin1Char(','));
        for (const QString &id : ids) {
            for (const char *ext : {".png", ".svg", ".csv"}) {
                const QString path = QDir(out).filePath(id + QLatin1String(ext));
                QVERIFY2(QFileInfo(path).size() > 0, qPrintable(path));
            }
            QVERIFY2(!QImage(QDir(out).filePath(id + QStringLiteral(".png"))).isNull(),
                     qPrintable(id));
        }
        QVERIFY(!QImage(QDir(out).filePath(QStringLiteral("dashboard.png"))).isNull());
        QFile queue(QDir(out).filePath(QStringLiteral("queue.csv")));
        QVERIFY(queue.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = queue.readAll().trimmed().split('\n');
        QCOMPARE(rows.size(), 6);
        QCOMPARE(rows.at(0).trimmed(), QByteArray("status,count"));
        qint64 total = 0;
        for (int i = 1; i < rows.size(); ++i)
            total += rows.at(i).trimmed().split(',').value(1).toLongLong();
        QCOMPARE(total, 100); // every track is in exactly one status
    }

    void exportFailsClearlyWithoutData()
    {
        const QString out = m_dir.filePath(QStringLiteral("never"));
        QByteArray stdoutText, stderrText;
        // Port 9 (discard) on loopback: nothing serves it here.
        const int rc =
            run({QStringLiteral("--url"), QStringLiteral("http://127.0.0.1:9"),
                 QStringLiteral("--export"), out, QStringLiteral("--timeout"), QStringLiteral("2")},
                &stdoutText, &stderrText);
        QCOMPARE(rc, 1);
        const QList<QByteArray> why = reasons(stderrText);
        QCOMPARE(why.size(), 1);
        QVERIFY2(
            why.at(0).startsWith("enrichment-monitor: no data from http://127.0.0.1:9 within 2 s"),
            stderrText.constData());
        QVERIFY(!QFileInfo::exists(QDir(out).filePath(QStringLiteral("queue.csv"))));
    }

    void endlessBodyIsCutAtTheCap()
    {
        HostileServer server(HostileServer::Mode::EndlessBody);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        Watched w;
        w.start({QStringLiteral("--url"),
                 QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()),
                 QStringLiteral("--export"), m_dir.filePath(QStringLiteral("endless")),
                 QStringLiteral("--timeout"), QStringLiteral("8")},
                env());
        QVERIFY(w.waitFinished(60'000));
        QCOMPARE(w.process.exitCode(), 1);
        const QList<QByteArray> why = reasons(w.process.readAllStandardError());
        QCOMPARE(why.size(), 1);
        QVERIFY2(why.at(0).contains("larger than 32 MiB"), why.at(0).constData());
        QVERIFY2(w.peakMiB > 0 && w.peakMiB < DashboardMemoryBoundMiB,
                 qPrintable(QStringLiteral("peak %1 MiB").arg(w.peakMiB)));
        qInfo("dashboard peak memory against an endless body: %.0f MiB", w.peakMiB);
    }

    // A Prometheus that drips a byte at a time makes the export wait for it, and the
    // failure names it, not the backend that answered.
    void aSlowPrometheusIsNamedWhenTheExportGivesUp()
    {
        BackendProcess b;
        QVERIFY(
            b.start(QStringLiteral(BACKEND_BINARY),
                    {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--database"),
                     m_dir.filePath(QStringLiteral("slowprom.sqlite"))}));
        HostileServer prometheus(HostileServer::Mode::DripPrometheus);
        QVERIFY(prometheus.listen(QHostAddress::LocalHost, 0));
        QByteArray out, err;
        const int rc =
            run({QStringLiteral("--url"), b.url.toString(), QStringLiteral("--prometheus"),
                 QStringLiteral("http://127.0.0.1:%1").arg(prometheus.serverPort()),
                 QStringLiteral("--export"), m_dir.filePath(QStringLiteral("slowprom")),
                 QStringLiteral("--timeout"), QStringLiteral("6")},
                &out, &err);
        QCOMPARE(rc, 1);
        const QList<QByteArray> why = reasons(err);
        QCOMPARE(why.size(), 1);
        QVERIFY2(why.at(0).contains(QStringLiteral("Prometheus at http://127.0.0.1:%1")
                                        .arg(prometheus.serverPort())
                                        .toUtf8()),
                 why.at(0).constData());
        QVERIFY2(!why.at(0).contains("no data from"), why.at(0).constData());
    }

    void hugeRoomFrameIsRefusedAndSigtermSavesSettings()
    {
        HostileServer server(HostileServer::Mode::HugeFrame);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QTemporaryDir config;
        QProcessEnvironment e = env();
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        Watched w;
        // A window (offscreen), not an export: it stays up until told to stop.
        w.start({QStringLiteral("--url"),
                 QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort())},
                e);
        QTRY_VERIFY_WITH_TIMEOUT(server.roomsRefusedByClient >= 1, 30'000);
        QVERIFY(w.process.state() == QProcess::Running);
        w.sample();
        QVERIFY2(w.peakMiB > 0 && w.peakMiB < DashboardMemoryBoundMiB,
                 qPrintable(QStringLiteral("peak %1 MiB").arg(w.peakMiB)));
        qInfo("dashboard peak memory against a 256 MiB room frame: %.0f MiB", w.peakMiB);

        ::kill(pid_t(w.process.processId()), SIGTERM);
        QVERIFY(w.waitFinished(15'000));
        QCOMPARE(w.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(w.process.exitCode(), 0);
        QFile settings(
            config.filePath(QStringLiteral("enrichment-monitor/enrichment-monitor.conf")));
        QVERIFY2(settings.open(QIODevice::ReadOnly), qPrintable(settings.fileName()));
        const QByteArray saved = settings.readAll();
        QVERIFY2(saved.contains("geometry="), saved.constData());
        QVERIFY(saved.contains(QByteArray::number(server.serverPort())));
    }

    // Saved connections whose token files cannot be used (a FIFO with no writer, a
    // directory) do not keep the window shut or hang the program: it opens, says which
    // connection and why, and still stops at once on SIGTERM.
    void aSavedConnectionsBadTokenFileLeavesTheWindowOpen()
    {
        QTemporaryDir config;
        const QString fifo = config.filePath(QStringLiteral("token.fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        {
            QSettings s(
                config.filePath(QStringLiteral("enrichment-monitor/enrichment-monitor.conf")),
                QSettings::IniFormat);
            s.beginWriteArray(QStringLiteral("connections"));
            const QStringList names = {QStringLiteral("piped"), QStringLiteral("folder")};
            const QStringList files = {fifo, config.path()};
            for (int i = 0; i < 2; ++i) {
                s.setArrayIndex(i);
                s.setValue(QStringLiteral("name"), names.at(i));
                s.setValue(QStringLiteral("url"), QStringLiteral("http://127.0.0.1:%1").arg(9 + i));
                s.setValue(QStringLiteral("token_file"), files.at(i));
                s.setValue(QStringLiteral("watch"), true);
            }
            s.endArray();
        }
        QProcessEnvironment e = env();
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
        Watched w;
        w.process.setProcessChannelMode(QProcess::SeparateChannels);
        QByteArray err;
        connect(&w.process, &QProcess::readyReadStandardError, this,
                [&] { err += w.process.readAllStandardError(); });
        w.start({}, e); // no --url: the saved connections
        QTRY_VERIFY2_WITH_TIMEOUT(err.contains("piped: its token file cannot be used") &&
                                      err.contains("folder: its token file cannot be used"),
                                  err.constData(), 30'000);
        QVERIFY2(err.contains("not a regular file"), err.constData());
        QVERIFY(w.process.state() == QProcess::Running); // the window is up
        ::kill(pid_t(w.process.processId()), SIGTERM);
        QVERIFY(w.waitFinished(15'000));
        QCOMPARE(w.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(w.process.exitCode(), 0);
    }

    void serverErrorTextReachesTheTerminalPlain()
    {
        HostileServer server(HostileServer::Mode::HostileErrorText);
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        Watched w;
        w.start({QStringLiteral("--url"),
                 QStringLiteral("http://127.0.0.1:%1").arg(server.serverPort()),
                 QStringLiteral("--export"), m_dir.filePath(QStringLiteral("hostile")),
                 QStringLiteral("--timeout"), QStringLiteral("6")},
                env());
        QVERIFY(w.waitFinished(30'000));
        QCOMPARE(w.process.exitCode(), 1);
        const QByteArray err = w.process.readAllStandardError();
        QVERIFY2(!err.contains('\x1b') && !err.contains('\x07'),
                 err.toPercentEncoding().constData());
        const QList<QByteArray> why = reasons(err);
        QCOMPARE(why.size(), 1);
        QVERIFY2(why.at(0).contains("<h1>ALL SYSTEMS HEALTHY</h1> [2J [31mRED"),
                 why.at(0).constData());
    }

    void embeddedDemoExports()
    {
        const QString out = m_dir.filePath(QStringLiteral("demo"));
        QByteArray stdoutText, stderrText;
        const int rc = run(
            {QStringLiteral("--export"), out, QStringLiteral("--timeout"), QStringLiteral("30")},
            &stdoutText, &stderrText);
        QVERIFY2(rc == 0, stderrText.constData());
        QVERIFY(QFileInfo(QDir(out).filePath(QStringLiteral("dashboard.png"))).size() > 0);
        // It waited for the charts to fill: the demo's sources have answered calls.
        QFile latency(QDir(out).filePath(QStringLiteral("latency.csv")));
        QVERIFY(latency.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = latency.readAll().split('\n');
        QVERIFY2(rows.size() >= 6 && !rows.at(1).split(',').value(1).isEmpty(),
                 rows.join('\n').constData());
        // Each chart's title names the backend and the time; no control is drawn.
        QFile svg(QDir(out).filePath(QStringLiteral("latency.svg")));
        QVERIFY(svg.open(QIODevice::ReadOnly));
        const QByteArray svgText = svg.readAll();
        QVERIFY2(svgText.contains("http://127.0.0.1:"), svgText.left(600).constData());
        // An earlier export is not replaced without --overwrite.
        QCOMPARE(
            run({QStringLiteral("--export"), out, QStringLiteral("--wait"), QStringLiteral("0")},
                &stdoutText, &stderrText),
            1);
        QVERIFY2(stderrText.contains("exist already"), stderrText.constData());
        QCOMPARE(run({QStringLiteral("--export"), out, QStringLiteral("--wait"),
                      QStringLiteral("0"), QStringLiteral("--overwrite")},
                     &stdoutText, &stderrText),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestMonitorApp)
#include "tst_monitorapp.moc"
