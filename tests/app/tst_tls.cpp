// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtTest>

#include "BackendProcess.h"

using testsupport::BackendProcess;

/// HTTPS and WSS end to end: a private CA and a server certificate for 127.0.0.1 made at
/// test time with `openssl`, the real `enrichment-backend` serving them, Qt clients and the
/// real `enrichment-monitor` connecting with and without trusting the CA.
class TestTls : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    BackendProcess m_backend;
    QUrl m_url;

    bool openssl(const QStringList &args)
    {
        QProcess p;
        p.setWorkingDirectory(m_dir.path());
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(QStringLiteral("openssl"), args);
        if (!p.waitForFinished(30'000) || p.exitCode() != 0) {
            qWarning().noquote() << "openssl" << args.join(QLatin1Char(' '))
                                 << "failed:" << p.readAll();
            return false;
        }
        return true;
    }

    QString path(const char *name) const { return m_dir.filePath(QLatin1String(name)); }

    QSslConfiguration trustingConfig() const
    {
        QSslConfiguration c = QSslConfiguration::defaultConfiguration();
        c.addCaCertificates(path("ca.pem"));
        return c;
    }

    QNetworkReply *get(QNetworkAccessManager &nam, const QString &p, bool trust)
    {
        QNetworkRequest req(QUrl(m_url.toString() + p));
        if (trust)
            req.setSslConfiguration(trustingConfig());
        QNetworkReply *reply = nam.get(req);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(15'000);
        return reply;
    }

    int runMonitor(const QStringList &args, QByteArray *err)
    {
        QProcess p;
        QProcessEnvironment e = QProcessEnvironment::systemEnvironment();
        e.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        e.insert(QStringLiteral("XDG_CONFIG_HOME"), path("config"));
        p.setProcessEnvironment(e);
        p.start(QStringLiteral(MONITOR_BINARY), args);
        if (!p.waitForFinished(90'000)) {
            p.kill();
            p.waitForFinished();
            return -1;
        }
        *err = p.readAllStandardError();
        return p.exitCode();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString ec = QStringLiteral("ec");
        const QString curve = QStringLiteral("ec_paramgen_curve:prime256v1");
        QVERIFY(
            openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), ec,
                     QStringLiteral("-pkeyopt"), curve, QStringLiteral("-nodes"),
                     QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"),
                     QStringLiteral("ca.pem"), QStringLiteral("-days"), QStringLiteral("2"),
                     QStringLiteral("-subj"), QStringLiteral("/CN=Enrichment Test CA")}));
        QVERIFY(openssl({QStringLiteral("req"), QStringLiteral("-newkey"), ec,
                         QStringLiteral("-pkeyopt"), curve, QStringLiteral("-nodes"),
                         QStringLiteral("-keyout"), QStringLiteral("server.key"),
                         QStringLiteral("-out"), QStringLiteral("server.csr"),
                         QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")}));
        QFile ext(path("san.ext"));
        QVERIFY(ext.open(QIODevice::WriteOnly));
        ext.write("subjectAltName=IP:127.0.0.1,DNS:localhost\n");
        ext.close();
        QVERIFY(openssl(
            {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
             QStringLiteral("server.csr"), QStringLiteral("-CA"), QStringLiteral("ca.pem"),
             QStringLiteral("-CAkey"), QStringLiteral("ca.key"), QStringLiteral("-CAcreateserial"),
             QStringLiteral("-out"), QStringLiteral("server.pem"), QStringLiteral("-days"),
             QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("san.ext")}));

        QVERIFY(m_backend.start(QStringLiteral(BACKEND_BINARY),
                                {QStringLiteral("--port"), QStringLiteral("0"),
                                 QStringLiteral("--database"), path("tls.sqlite"),
                                 QStringLiteral("--seed-tracks"), QStringLiteral("50"),
                                 QStringLiteral("--tls-cert"), path("server.pem"),
                                 QStringLiteral("--tls-key"), path("server.key")}));
        m_url = m_backend.url;
        QCOMPARE(m_url.scheme(), QStringLiteral("https"));
        QCOMPARE(m_url.host(), QStringLiteral("127.0.0.1"));
    }

    void httpsWithTheTrustedCa()
    {
        QNetworkAccessManager nam;
        std::unique_ptr<QNetworkReply> r(get(nam, QStringLiteral("/monitoring/enrichment"), true));
        QCOMPARE(r->error(), QNetworkReply::NoError);
        QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(r->readAll().contains("\"queue\""));
        QVERIFY(r->sslConfiguration()
                    .peerCertificate()
                    .subjectInfo(QSslCertificate::CommonName)
                    .contains(QStringLiteral("127.0.0.1")));
    }

    void untrustedCertificateIsRefused()
    {
        QNetworkAccessManager nam;
        std::unique_ptr<QNetworkReply> r(get(nam, QStringLiteral("/health"), false));
        QCOMPARE(r->error(), QNetworkReply::SslHandshakeFailedError);
    }

    void wssCarriesTheRoom()
    {
        QWebSocket ws;
        ws.setSslConfiguration(trustingConfig());
        QStringList types;
        connect(&ws, &QWebSocket::textMessageReceived, this, [&types](const QString &m) {
            types << QJsonDocument::fromJson(m.toUtf8())
                         .object()
                         .value(QStringLiteral("type"))
                         .toString();
        });
        QUrl u = m_url;
        u.setScheme(QStringLiteral("wss"));
        u.setPath(QStringLiteral("/ws"));
        u.setQuery(QStringLiteral("room_id=enrichment_monitor"));
        ws.open(u);
        QTRY_VERIFY_WITH_TIMEOUT(types.contains(QStringLiteral("welcome")), 10'000);
    }

    void plainHttpOnTheTlsPortGetsNoAnswer()
    {
        QTcpSocket s;
        s.connectToHost(QHostAddress::LocalHost, quint16(m_url.port()));
        QVERIFY(s.waitForConnected(5000));
        s.write("GET /health HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray answer;
        while (s.waitForReadyRead(3000))
            answer += s.readAll();
        QVERIFY(!answer.startsWith("HTTP/1.1 200"));
        // The server is still fine.
        QNetworkAccessManager nam;
        std::unique_ptr<QNetworkReply> r(get(nam, QStringLiteral("/health"), true));
        QCOMPARE(r->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    }

    void dashboardTrustsItsCaFileAndSaysWhenItCannot()
    {
        QByteArray err;
        const int ok =
            runMonitor({QStringLiteral("--url"), m_url.toString(), QStringLiteral("--ca-file"),
                        path("ca.pem"), QStringLiteral("--export"), path("export"),
                        QStringLiteral("--timeout"), QStringLiteral("30")},
                       &err);
        QVERIFY2(ok == 0, err.constData());
        QVERIFY(QFileInfo(QDir(path("export")).filePath(QStringLiteral("queue.csv"))).size() > 0);

        const int refused =
            runMonitor({QStringLiteral("--url"), m_url.toString(), QStringLiteral("--export"),
                        path("refused"), QStringLiteral("--timeout"), QStringLiteral("10")},
                       &err);
        QCOMPARE(refused, 1);
        QVERIFY2(err.contains("TLS certificate of https://127.0.0.1:") && err.contains("--ca-file"),
                 err.constData());
    }
};

QTEST_GUILESS_MAIN(TestTls)
#include "tst_tls.moc"
