// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QHttpServer>
#include <QHttpServerRequest>
#include <QHttpServerResponse>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "AlertRules.h"
#include "AlertmanagerClient.h"
#include "ChildProcess.h"
#include "PrometheusServer.h"
#include "Ports.h"
#include "Replies.h"

using dashboard::AlertmanagerClient;
using dashboard::FiringAlert;

/// deploy/alertmanager proven with Debian's prometheus-alertmanager: the shipped routing
/// (grouping, the critical route, inhibitions) against alerts posted to its API, and end
/// to end: the real enrichment-backend's discogs breaker opens (a simulated outage), a
/// real Prometheus evaluates the shipped rules (their `for:` shortened) and sends to a
/// real Alertmanager, which calls a webhook sink in this test, and the dashboard's
/// Alertmanager client lists the alert.
class TestAlerting : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_prometheus;
    QString m_alertmanager;
    QString m_amtool;
    QNetworkAccessManager m_nam;
    QHttpServer m_sink;
    quint16 m_sinkPort = 0;
    QMap<QString, QList<QJsonObject>> m_received; ///< webhook path -> payloads
    int m_instances = 0;

    static QString deploy(const QString &rel) { return QStringLiteral(DEPLOY_DIR "/") + rel; }

    QByteArray request(const QUrl &url, const QByteArray &post = {}, int *status = nullptr)
    {
        QNetworkRequest req(url);
        QNetworkReply *reply = nullptr;
        if (post.isNull()) {
            reply = m_nam.get(req);
        } else {
            req.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            reply = m_nam.post(req, post);
        }
        return testsupport::finish(reply, status);
    }

    /// The shipped configuration with the test's webhook sink and one-second timers.
    QString testConfig()
    {
        QFile shipped(deploy(QStringLiteral("alertmanager/alertmanager.yml")));
        if (!shipped.open(QIODevice::ReadOnly))
            return {};
        QString text = QString::fromUtf8(shipped.readAll());
        text.replace(QStringLiteral("http://127.0.0.1:5001"),
                     QStringLiteral("http://127.0.0.1:%1").arg(m_sinkPort));
        text.replace(QRegularExpression(QStringLiteral("group_wait: \\S+")),
                     QStringLiteral("group_wait: 1s"));
        text.replace(QRegularExpression(QStringLiteral("group_interval: \\S+")),
                     QStringLiteral("group_interval: 1s"));
        const QString path =
            m_dir.filePath(QStringLiteral("alertmanager-%1.yml").arg(++m_instances));
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly))
            return {};
        out.write(text.toUtf8());
        return path;
    }

    /// Starts Alertmanager (no cluster) on a free port; its URL, or empty.
    QUrl startAlertmanager(testsupport::ChildProcess &child)
    {
        const QString config = testConfig();
        if (config.isEmpty())
            return {};
        const quint16 port = testsupport::restartablePort();
        child.process.setProcessChannelMode(QProcess::MergedChannels);
        child.process.start(m_alertmanager,
                            {QStringLiteral("--config.file=") + config,
                             QStringLiteral("--storage.path=") +
                                 m_dir.filePath(QStringLiteral("am-data-%1").arg(m_instances)),
                             QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
                             QStringLiteral("--cluster.listen-address=")});
        if (!child.process.waitForStarted())
            return {};
        const QUrl url(QStringLiteral("http://127.0.0.1:%1").arg(port));
        QUrl ready = url;
        ready.setPath(QStringLiteral("/-/ready"));
        for (int i = 0; i < 300; ++i) {
            int status = 0;
            request(ready, {}, &status);
            if (status == 200)
                return url;
            if (child.process.state() == QProcess::NotRunning)
                break;
            QTest::qWait(100);
        }
        qWarning().noquote() << child.process.readAll();
        return {};
    }

    static QJsonObject alert(const QString &name, const QString &severity, const QString &source)
    {
        return {{QStringLiteral("labels"), QJsonObject{{QStringLiteral("alertname"), name},
                                                       {QStringLiteral("severity"), severity},
                                                       {QStringLiteral("source"), source}}},
                {QStringLiteral("annotations"),
                 QJsonObject{{QStringLiteral("summary"),
                              QString(name + QStringLiteral(" for ") + source)}}},
                {QStringLiteral("startsAt"),
                 QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)}};
    }

    /// Alert names the sink received on @p path (firing ones).
    QStringList receivedNames(const QString &path) const
    {
        QStringList names;
        for (const QJsonObject &payload : m_received.value(path))
            for (const QJsonValue &a : payload.value(QStringLiteral("alerts")).toArray()) {
                const QJsonObject o = a.toObject();
                if (o.value(QStringLiteral("status")).toString() == QLatin1String("firing"))
                    names << o.value(QStringLiteral("labels"))
                                     .toObject()
                                     .value(QStringLiteral("alertname"))
                                     .toString() +
                                 QLatin1Char('/') +
                                 o.value(QStringLiteral("labels"))
                                     .toObject()
                                     .value(QStringLiteral("source"))
                                     .toString();
            }
        names.removeDuplicates();
        names.sort();
        return names;
    }

    static bool lists(const QList<FiringAlert> &alerts, const QString &name, const QString &source)
    {
        for (const FiringAlert &a : alerts)
            if (a.name == name && a.source == source)
                return true;
        return false;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_prometheus = testsupport::PrometheusServer::binary();
        m_alertmanager = QStandardPaths::findExecutable(QStringLiteral("prometheus-alertmanager"));
        m_amtool = QStandardPaths::findExecutable(QStringLiteral("amtool"));
        if (m_prometheus.isEmpty() || m_alertmanager.isEmpty() || m_amtool.isEmpty())
            QSKIP("Debian's prometheus and prometheus-alertmanager packages are not installed "
                  "(scripts/dev.sh installs them)");
        // The webhook sink: records what Alertmanager posts.
        for (const QString &path : {QStringLiteral("alerts"), QStringLiteral("pages")}) {
            m_sink.route(QStringLiteral("/enrichment/") + path, QHttpServerRequest::Method::Post,
                         [this, path](const QHttpServerRequest &req) {
                             m_received[path].append(QJsonDocument::fromJson(req.body()).object());
                             return QHttpServerResponse(QHttpServerResponder::StatusCode::Ok);
                         });
        }
        m_sinkPort = m_sink.listen(QHostAddress::LocalHost, 0);
        QVERIFY(m_sinkPort);
    }

    void shippedConfigIsValid()
    {
        QProcess amtool;
        amtool.setProcessChannelMode(QProcess::MergedChannels);
        amtool.start(m_amtool, {QStringLiteral("check-config"),
                                deploy(QStringLiteral("alertmanager/alertmanager.yml"))});
        QVERIFY(amtool.waitForFinished(30000));
        const QByteArray out = amtool.readAll();
        QVERIFY2(amtool.exitCode() == 0, out.constData());
        QVERIFY(out.contains("SUCCESS"));
        QVERIFY(out.contains("4 inhibit rules"));
        // Prometheus sends to it.
        for (const char *file : {"prometheus/prometheus.yml", "prometheus/prometheus-fleet.yml"}) {
            QFile f(deploy(QString::fromLatin1(file)));
            QVERIFY(f.open(QIODevice::ReadOnly));
            QVERIFY2(f.readAll().contains("alertmanagers:"), file);
        }
    }

    void routesGroupsAndInhibits()
    {
        testsupport::ChildProcess am;
        const QUrl url = startAlertmanager(am);
        QVERIFY(!url.isEmpty());
        m_received.clear();
        QUrl post = url;
        post.setPath(QStringLiteral("/api/v2/alerts"));
        int status = 0;
        const QJsonArray alerts{alert(QStringLiteral("CircuitBreakerOpen"),
                                      QStringLiteral("critical"), QStringLiteral("discogs")),
                                // discogs's warning follows from its open breaker: inhibited.
                                alert(QStringLiteral("HighEnrichmentErrorRate"),
                                      QStringLiteral("warning"), QStringLiteral("discogs")),
                                // spotify's is its own problem.
                                alert(QStringLiteral("HighEnrichmentErrorRate"),
                                      QStringLiteral("warning"), QStringLiteral("spotify"))};
        request(post, QJsonDocument(alerts).toJson(QJsonDocument::Compact), &status);
        QCOMPARE(status, 200);

        // The dashboard's client lists what fires and is not inhibited, critical first.
        AlertmanagerClient client(&m_nam);
        client.setBaseUrl(url);
        client.setInterval(200);
        QSignalSpy changed(&client, &AlertmanagerClient::alertsChanged);
        client.start();
        QTRY_VERIFY_WITH_TIMEOUT(client.alerts().size() == 2, 15000);
        QCOMPARE(client.alerts().at(0).name, QStringLiteral("CircuitBreakerOpen"));
        QCOMPARE(client.alerts().at(0).source, QStringLiteral("discogs"));
        QCOMPARE(client.alerts().at(0).severity, QStringLiteral("critical"));
        QCOMPARE(client.alerts().at(1).source, QStringLiteral("spotify"));
        QCOMPARE(client.isReachable(), std::optional<bool>(true));

        // The critical one pages and reaches the channel too; the warning only the channel;
        // the inhibited one nobody.
        QTRY_VERIFY_WITH_TIMEOUT(receivedNames(QStringLiteral("alerts")).size() == 2 &&
                                     receivedNames(QStringLiteral("pages")).size() == 1,
                                 20000);
        QCOMPARE(receivedNames(QStringLiteral("pages")),
                 QStringList{QStringLiteral("CircuitBreakerOpen/discogs")});
        QCOMPARE(receivedNames(QStringLiteral("alerts")),
                 QStringList({QStringLiteral("CircuitBreakerOpen/discogs"),
                              QStringLiteral("HighEnrichmentErrorRate/spotify")}));
        // Grouped by alert name and source.
        for (const QJsonObject &payload : m_received.value(QStringLiteral("alerts")))
            QCOMPARE(payload.value(QStringLiteral("groupLabels")).toObject().keys(),
                     QStringList({QStringLiteral("alertname"), QStringLiteral("source")}));

        // Alertmanager goes away: the client says so and keeps the last list.
        am.process.kill();
        am.process.waitForFinished(5000);
        QTRY_VERIFY_WITH_TIMEOUT(client.isReachable() == std::optional<bool>(false), 10000);
        QVERIFY2(client.lastError().contains(QStringLiteral("does not answer")),
                 qPrintable(client.lastError()));
        QCOMPARE(client.alerts().size(), 2);
    }

    void mostSourcesAtOnceHoldBackTheirOwnAnomalies()
    {
        testsupport::ChildProcess am;
        const QUrl url = startAlertmanager(am);
        QVERIFY(!url.isEmpty());
        QUrl post = url;
        post.setPath(QStringLiteral("/api/v2/alerts"));
        const auto anomaly = [](const QString &name, const QString &source, const QString &metric) {
            QJsonObject a = alert(name, QStringLiteral("warning"), source);
            QJsonObject labels = a.value(QStringLiteral("labels")).toObject();
            labels.insert(QStringLiteral("metric"), metric);
            if (source.isEmpty())
                labels.remove(QStringLiteral("source"));
            a.insert(QStringLiteral("labels"), labels);
            return a;
        };
        const QString success = QStringLiteral("success_rate");
        // Most sources' success rate at once: ours. Their own success-rate anomalies are held
        // back; spotify's latency, another figure, is not.
        const QJsonArray alerts{
            anomaly(QStringLiteral("EnrichmentAnomalyAllSources"), {}, success),
            anomaly(QStringLiteral("EnrichmentSourceAnomaly"), QStringLiteral("discogs"), success),
            anomaly(QStringLiteral("EnrichmentSourceAnomaly"), QStringLiteral("lastfm"), success),
            anomaly(QStringLiteral("EnrichmentSourceAnomaly"), QStringLiteral("spotify"),
                    QStringLiteral("latency_p95"))};
        int status = 0;
        request(post, QJsonDocument(alerts).toJson(QJsonDocument::Compact), &status);
        QCOMPARE(status, 200);
        AlertmanagerClient client(&m_nam);
        client.setBaseUrl(url);
        client.setInterval(200);
        client.start();
        QTRY_VERIFY_WITH_TIMEOUT(client.alerts().size() == 2, 15000);
        QStringList names;
        for (const auto &a : client.alerts())
            names << a.name + QLatin1Char('/') + a.source;
        names.sort();
        QCOMPARE(names, QStringList({QStringLiteral("EnrichmentAnomalyAllSources/"),
                                     QStringLiteral("EnrichmentSourceAnomaly/spotify")}));
    }

    void aBreakerOpeningReachesAlertmanagerTheWebhookAndTheDashboard()
    {
        testsupport::ChildProcess am;
        const QUrl amUrl = startAlertmanager(am);
        QVERIFY(!amUrl.isEmpty());
        m_received.clear();

        // The backend: discogs's simulated outage starts 3 s in (a tenth of the schedule),
        // and its breaker opens a moment later.
        testsupport::ChildProcess backend;
        backend.process.start(
            QStringLiteral(BACKEND_BINARY),
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed-tracks"),
             QStringLiteral("5000"), QStringLiteral("--database"),
             m_dir.filePath(QStringLiteral("queue.sqlite")), QStringLiteral("--batch-interval-ms"),
             QStringLiteral("50"), QStringLiteral("--time-scale"), QStringLiteral("0"),
             QStringLiteral("--outage-scale"), QStringLiteral("0.1"),
             QStringLiteral("--quota-scale"), QStringLiteral("0"), // no quota skips its calls
             QStringLiteral("--breaker-timeout"), QStringLiteral("60")});
        QVERIFY(backend.process.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(backend.process.canReadLine(), 15000);
        const QByteArray line = backend.process.readLine().trimmed();
        QVERIFY2(line.startsWith("listening on "), line.constData());
        const QUrl backendUrl(QString::fromUtf8(line.mid(13)));

        // Prometheus with the shipped rules, evaluated every second, `for:` one second.
        QString error;
        const QString rulesPath = testsupport::PrometheusServer::fastRules(
            deploy(QStringLiteral("prometheus/enrichment-alerts.yml")), m_dir.path(), true, &error);
        QVERIFY2(!rulesPath.isEmpty(), qPrintable(error));
        testsupport::PrometheusServer prometheus;
        QVERIFY2(prometheus.start(
                     m_dir.path(),
                     QStringLiteral("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                                    "rule_files:\n  - %1\n"
                                    "alerting:\n  alertmanagers:\n    - static_configs:\n"
                                    "        - targets: ['127.0.0.1:%2']\n"
                                    "scrape_configs:\n  - job_name: enrichment-service\n"
                                    "    static_configs:\n      - targets: ['127.0.0.1:%3']\n")
                         .arg(rulesPath)
                         .arg(amUrl.port())
                         .arg(backendUrl.port())
                         .toUtf8(),
                     &error),
                 qPrintable(error));

        // The dashboard's client lists it; the rule engine turns it into a notification.
        AlertmanagerClient client(&m_nam);
        client.setBaseUrl(amUrl);
        client.setInterval(500);
        dashboard::AlertEngine engine;
        connect(&client, &AlertmanagerClient::alertsChanged, &engine,
                &dashboard::AlertEngine::applyFiringAlerts);
        QSignalSpy notices(&engine, &dashboard::AlertEngine::notice);
        client.start();
        QTRY_VERIFY_WITH_TIMEOUT(
            lists(client.alerts(), QStringLiteral("CircuitBreakerOpen"), QStringLiteral("discogs")),
            60000);
        bool notified = false;
        for (const QList<QVariant> &args : std::as_const(notices)) {
            const auto n = args.at(0).value<dashboard::AlertNotice>();
            notified |= n.rule == dashboard::AlertRule::PrometheusAlert &&
                        n.subject == QStringLiteral("CircuitBreakerOpen/discogs");
        }
        QVERIFY(notified);
        // Paged, through the shipped routing.
        QTRY_VERIFY_WITH_TIMEOUT(receivedNames(QStringLiteral("pages"))
                                     .contains(QStringLiteral("CircuitBreakerOpen/discogs")),
                                 30000);
    }
};

QTEST_GUILESS_MAIN(TestAlerting)
#include "tst_alerting.moc"
