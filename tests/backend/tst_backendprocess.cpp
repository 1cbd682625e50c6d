// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <csignal>

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtTest>

#include "BackendProcess.h"
#include "Http.h"

using testsupport::BackendProcess;

/// Runs the real `enrichment-backend` binary: its command line, its demo liveliness, and a
/// SIGKILL in the middle of a batch followed by a restart on the same database.
class TestBackendProcess : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;

    static QMap<QString, QString> statuses(const QString &path)
    {
        QMap<QString, QString> out;
        const QString name = QStringLiteral("inspect");
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(path);
            db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=5000"));
            if (db.open()) {
                QSqlQuery q(
                    QStringLiteral("SELECT track_id, status, error_message FROM enrichment_status"),
                    db);
                while (q.next()) {
                    // A lease that expired and was not yet claimed again reads "released".
                    const bool released = q.value(2).toString() == QLatin1String("lease expired") &&
                                          q.value(1).toString() == QLatin1String("pending");
                    out.insert(q.value(0).toString(),
                               released ? QStringLiteral("released") : q.value(1).toString());
                }
            }
        }
        QSqlDatabase::removeDatabase(name);
        return out;
    }

private Q_SLOTS:
    void helpListsEveryOption()
    {
        QProcess p;
        p.start(QStringLiteral(BACKEND_BINARY), {QStringLiteral("--help")});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 0);
        const QByteArray help = p.readAllStandardOutput();
        for (const char *opt :
             {"--bind", "--port", "--database", "--seed-tracks", "--batch-size", "--token-file"})
            QVERIFY2(help.contains(opt), opt);
    }

    void badArgumentsExitWithAReason_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::newRow("port text")
            << QStringList{QStringLiteral("--port"), QStringLiteral("eighty")};
        QTest::newRow("port range")
            << QStringList{QStringLiteral("--port"), QStringLiteral("70000")};
        QTest::newRow("batch zero")
            << QStringList{QStringLiteral("--batch-size"), QStringLiteral("0")};
        QTest::newRow("bind") << QStringList{QStringLiteral("--bind"), QStringLiteral("not-an-ip")};
        QTest::newRow("unknown") << QStringList{QStringLiteral("--frobnicate")};
        QTest::newRow("postgresql store") << QStringList{
            QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--database"),
            QStringLiteral("postgresql://localhost/q")};
        QTest::newRow("token file")
            << QStringList{QStringLiteral("--token-file"), QStringLiteral("/nonexistent/token")};
        QTest::newRow("database password file") << QStringList{
            QStringLiteral("--database-password-file"), QStringLiteral("/nonexistent/pw")};
        QTest::newRow("broker password file") << QStringList{QStringLiteral("--amqp-password-file"),
                                                             QStringLiteral("/nonexistent/pw")};
        QTest::newRow("worker id")
            << QStringList{QStringLiteral("--worker-id"), QStringLiteral("two words")};
        QTest::newRow("password in the broker URL") << QStringList{
            QStringLiteral("--port"),     QStringLiteral("0"),
            QStringLiteral("--database"), QStringLiteral(":memory:"),
            QStringLiteral("--amqp"),     QStringLiteral("amqp://u:secret@127.0.0.1/")};
        QTest::newRow("relay alone") << QStringList{QStringLiteral("--relay")};
    }
    void badArgumentsExitWithAReason()
    {
        QFETCH(QStringList, args);
        QProcess p;
        p.start(QStringLiteral(BACKEND_BINARY), args);
        QVERIFY(p.waitForFinished(10000));
        QVERIFY(p.exitCode() != 0);
        const QByteArray err = p.readAllStandardError().trimmed();
        QVERIFY2(err.startsWith("enrichment-backend: ") && !err.contains('\n'), err.constData());
        QVERIFY2(!err.contains("secret"), err.constData()); // never echo a password
    }

    void badTokenFilesAreRefusedWithAReason_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QByteArray>("reason");
        QTest::newRow("same token twice") << QByteArray("alice:first-token\nbob:first-token\n")
                                          << QByteArray("token appears twice");
        QTest::newRow("same name twice")
            << QByteArray("alice:first\nalice:second\n") << QByteArray("name appears twice");
        QTest::newRow("bad name") << QByteArray("al ice:token\n") << QByteArray("line 1");
        QTest::newRow("name without token") << QByteArray("alice:\n") << QByteArray("no token");
        QTest::newRow("empty") << QByteArray("\n  \n") << QByteArray("is empty");
        QTest::newRow("space inside") << QByteArray("two words\n") << QByteArray("printable ASCII");
        QTest::newRow("control") << QByteArray("tok\x1b[31men\n") << QByteArray("printable ASCII");
        QTest::newRow("huge") << QByteArray(70 * 1024, 'a') << QByteArray("larger than");
    }
    void badTokenFilesAreRefusedWithAReason()
    {
        QFETCH(QByteArray, content);
        QFETCH(QByteArray, reason);
        const QString path = m_dir.filePath(QStringLiteral("bad.token"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(content);
        f.close();
        QProcess p;
        p.start(QStringLiteral(BACKEND_BINARY), {QStringLiteral("--port"), QStringLiteral("0"),
                                                 QStringLiteral("--token-file"), path});
        QVERIFY(p.waitForFinished(10000));
        QCOMPARE(p.exitCode(), 2);
        const QByteArray err = p.readAllStandardError().trimmed();
        QVERIFY2(err.contains(reason) && !err.contains('\n'), err.constData());
    }

    void longTokenIsReadInFull()
    {
        // 5,000 characters: longer than any line buffer a reader might cut it at.
        QByteArray token;
        for (int i = 0; i < 5000; ++i)
            token.append(char('a' + i % 26));
        const QString path = m_dir.filePath(QStringLiteral("long.token"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write(token + "\n");
        f.close();
        BackendProcess b;
        QVERIFY(
            b.start(QStringLiteral(BACKEND_BINARY),
                    {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--database"),
                     m_dir.filePath(QStringLiteral("token.sqlite")), QStringLiteral("--token-file"),
                     path}));
        auto status = [&b](const QByteArray &authorization) {
            return testsupport::httpGet(b.port(), "/monitoring/enrichment", authorization).status;
        };
        QCOMPARE(status("Authorization: Bearer " + token + "\r\n"), 200);
        QCOMPARE(status("Authorization: Bearer " + token.left(4095) + "\r\n"), 401);
        QCOMPARE(status({}), 401);
    }

    // --import-tracks: good rows are queued with their lookup data, bad ones are reported
    // with their line; a file that is not a track list stops the start with a reason.
    void importTracksFromACsvFile()
    {
        const QString csv = m_dir.filePath(QStringLiteral("tracks.csv"));
        QFile f(csv);
        QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
        f.write("id,artist,title,isrc\n"
                "imp-1,Moderat,A New Error,DEBL21300001\n"
                "imp-2,,No Artist,\n"
                "imp-3,Jon Hopkins,Open Eye Signal,\n");
        f.close();
        BackendProcess b;
        b.captureStderr = true;
        QVERIFY(b.start(
            QStringLiteral(BACKEND_BINARY),
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--database"),
             m_dir.filePath(QStringLiteral("import.sqlite")), QStringLiteral("--import-tracks"),
             csv, QStringLiteral("--batch-size"), QStringLiteral("1"),
             QStringLiteral("--batch-interval-ms"), QStringLiteral("600000")}));
        QTRY_VERIFY(b.errors().contains(QLatin1String("2 tracks added")));
        QVERIFY2(b.errors().contains(csv + QLatin1String(": line 3: artist is empty")),
                 qPrintable(b.errors()));
        const auto reply = testsupport::httpGet(b.port(), "/monitoring/enrichment/tracks/imp-1");
        QCOMPARE(reply.status, 200);
        const QJsonObject t = QJsonDocument::fromJson(reply.body).object();
        QCOMPARE(t.value(QLatin1String("artist")).toString(), QStringLiteral("Moderat"));
        QCOMPARE(t.value(QLatin1String("isrc")).toString(), QStringLiteral("DEBL21300001"));
        QCOMPARE(testsupport::httpGet(b.port(), "/monitoring/enrichment/tracks/imp-2").status, 404);

        QFile bad(m_dir.filePath(QStringLiteral("bad.csv")));
        QVERIFY(bad.open(QIODevice::WriteOnly | QIODevice::Truncate));
        bad.write("track,name\nx,y\n");
        bad.close();
        for (const QString &path : {bad.fileName(), m_dir.filePath(QStringLiteral("none.csv"))}) {
            QProcess p;
            p.start(QStringLiteral(BACKEND_BINARY),
                    {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--database"),
                     m_dir.filePath(QStringLiteral("import-bad.sqlite")),
                     QStringLiteral("--import-tracks"), path});
            QVERIFY(p.waitForFinished(15000));
            QCOMPARE(p.exitCode(), 1);
            const QByteArray err = p.readAllStandardError();
            QVERIFY2(err.contains(path.toUtf8()), err.constData());
        }
    }

    void demoShowsABatchWithinTenSecondsAndSigtermIsClean()
    {
        BackendProcess b;
        const QString db = m_dir.filePath(QStringLiteral("demo.sqlite"));
        QVERIFY(
            b.start(QStringLiteral(BACKEND_BINARY),
                    {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--database"),
                     db, QStringLiteral("--seed-tracks"), QStringLiteral("500")}));
        QCOMPARE(b.url.host(), QStringLiteral("127.0.0.1"));
        QWebSocket ws;
        QList<QJsonObject> messages;
        connect(&ws, &QWebSocket::textMessageReceived, this, [&messages](const QString &m) {
            messages << QJsonDocument::fromJson(m.toUtf8()).object();
        });
        QUrl wsUrl = b.url;
        wsUrl.setScheme(QStringLiteral("ws"));
        wsUrl.setPath(QStringLiteral("/ws"));
        wsUrl.setQuery(QStringLiteral("room_id=enrichment_monitor"));
        QElapsedTimer since;
        since.start();
        ws.open(wsUrl);
        auto hasComplete = [&messages] {
            for (const QJsonObject &m : messages)
                if (m.value(QStringLiteral("type")).toString() ==
                    QLatin1String("enrichment_batch_complete"))
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(hasComplete(), 10000);
        QVERIFY(since.elapsed() < 10000);

        ::kill(pid_t(b.process.processId()), SIGTERM);
        QVERIFY(b.process.waitForFinished(10000));
        QCOMPARE(b.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(b.process.exitCode(), 0);
    }

    void sigkillMidBatchLosesNothing()
    {
        const QString db = m_dir.filePath(QStringLiteral("crash.sqlite"));
        const QStringList args = {QStringLiteral("--port"),
                                  QStringLiteral("0"),
                                  QStringLiteral("--database"),
                                  db,
                                  QStringLiteral("--lease-seconds"),
                                  QStringLiteral("2"),
                                  QStringLiteral("--batch-size"),
                                  QStringLiteral("20"),
                                  QStringLiteral("--batch-interval-ms"),
                                  QStringLiteral("100")};
        QStringList inFlight;
        {
            BackendProcess first;
            QVERIFY(first.start(
                QStringLiteral(BACKEND_BINARY),
                args + QStringList{QStringLiteral("--seed-tracks"), QStringLiteral("200")}));
            QWebSocket ws;
            bool midBatch = false;
            int completed = 0;
            connect(&ws, &QWebSocket::textMessageReceived, this, [&](const QString &m) {
                const QString type = QJsonDocument::fromJson(m.toUtf8())
                                         .object()
                                         .value(QStringLiteral("type"))
                                         .toString();
                if (type == QLatin1String("enrichment_batch_complete"))
                    ++completed;
                // Kill right after the second batch started: its tracks are leased.
                if (type == QLatin1String("enrichment_batch_start") && completed >= 1 &&
                    !midBatch) {
                    midBatch = true;
                    ::kill(pid_t(first.process.processId()), SIGKILL);
                }
            });
            QUrl wsUrl = first.url;
            wsUrl.setScheme(QStringLiteral("ws"));
            wsUrl.setPath(QStringLiteral("/ws"));
            wsUrl.setQuery(QStringLiteral("room_id=enrichment_monitor"));
            ws.open(wsUrl);
            QTRY_VERIFY_WITH_TIMEOUT(midBatch, 20000);
            if (first.process.state() != QProcess::NotRunning)
                QVERIFY(first.process.waitForFinished(10000));
            QCOMPARE(first.process.exitStatus(), QProcess::CrashExit);
        }
        const QMap<QString, QString> afterCrash = statuses(db);
        QCOMPARE(afterCrash.size(), 200);
        for (auto it = afterCrash.cbegin(); it != afterCrash.cend(); ++it)
            if (it.value() == QLatin1String("in_progress"))
                inFlight << it.key();
        QVERIFY2(!inFlight.isEmpty(), "the kill did not land mid-batch");

        BackendProcess second;
        QVERIFY(second.start(QStringLiteral(BACKEND_BINARY), args));
        // Once the leases expire, the orphaned tracks are claimed again and finished
        // (completed, partial, failed, or pending for a retry after a failed attempt).
        auto orphansSettled = [&] {
            const QMap<QString, QString> now = statuses(db);
            for (const QString &id : std::as_const(inFlight)) {
                const QString st = now.value(id);
                if (st.isEmpty() || st == QLatin1String("in_progress") ||
                    st == QLatin1String("released"))
                    return false;
            }
            return true;
        };
        QTRY_VERIFY_WITH_TIMEOUT(orphansSettled(), 30000);
        QCOMPARE(statuses(db).size(), 200); // nothing lost, nothing invented
    }
};

QTEST_GUILESS_MAIN(TestBackendProcess)
#include "tst_backendprocess.moc"
