// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QImage>
#include <QProcess>
#include <QTemporaryDir>
#include <QtTest>

/// The real `enrichment-monitor` program: its command line and the headless export,
/// against the real `enrichment-backend` program.
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

    static int run(const QStringList &args, QByteArray *out, QByteArray *err,
                   int timeoutMs = 60'000)
    {
        QProcess p;
        p.setProcessEnvironment(env());
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

    struct Backend
    {
        QProcess process;
        QUrl url;
        ~Backend()
        {
            process.terminate();
            if (!process.waitForFinished(5000))
                process.kill();
            process.waitForFinished();
        }
    };

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
        for (const char *opt :
             {"--url", "--export", "--timeout", "--token-file", "--lang", "--version"})
            QVERIFY2(out.contains(opt), opt);
        QCOMPARE(run({QStringLiteral("--version")}, &out, &err), 0);
        QVERIFY(out.startsWith("enrichment-monitor "));
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
        QTest::newRow("timeout") << QStringList{QStringLiteral("--timeout"), QStringLiteral("soon"),
                                                QStringLiteral("--export"),
                                                QStringLiteral("/tmp/x")};
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
        Backend b;
        b.process.start(QStringLiteral(BACKEND_BINARY),
                        {QStringLiteral("--port"), QStringLiteral("0"),
                         QStringLiteral("--seed-tracks"), QStringLiteral("100"),
                         QStringLiteral("--database"),
                         m_dir.filePath(QStringLiteral("export.sqlite")),
                         QStringLiteral("--batch-interval-ms"), QStringLiteral("100")});
        QVERIFY(b.process.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(b.process.canReadLine(), 15000);
        const QByteArray line = b.process.readLine().trimmed();
        QVERIFY2(line.startsWith("listening on "), line.constData());
        b.url = QUrl(QString::fromUtf8(line.mid(13)));

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

    void embeddedDemoExports()
    {
        const QString out = m_dir.filePath(QStringLiteral("demo"));
        QByteArray stdoutText, stderrText;
        const int rc = run(
            {QStringLiteral("--export"), out, QStringLiteral("--timeout"), QStringLiteral("30")},
            &stdoutText, &stderrText);
        QVERIFY2(rc == 0, stderrText.constData());
        QVERIFY(QFileInfo(QDir(out).filePath(QStringLiteral("dashboard.png"))).size() > 0);
    }
};

QTEST_GUILESS_MAIN(TestMonitorApp)
#include "tst_monitorapp.moc"
