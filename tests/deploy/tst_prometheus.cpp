// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

#include "ChildProcess.h"
#include "PrometheusServer.h"
#include "Ports.h"
#include "Replies.h"

/// deploy/ proven: promtool checks and rule unit tests, and a real Prometheus (Debian's
/// package) scraping the real enrichment-backend, through which every Grafana panel
/// expression and every alert expression is evaluated.
class TestPrometheus : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_promtool;
    QString m_prometheus;
    QNetworkAccessManager m_nam;
    testsupport::ChildProcess m_backend;
    testsupport::PrometheusServer m_server;
    QUrl m_backendUrl;
    QUrl m_promUrl;

    static QString deploy(const QString &rel) { return QStringLiteral(DEPLOY_DIR "/") + rel; }

    QByteArray get(const QUrl &url, int *status = nullptr)
    {
        return testsupport::finish(m_nam.get(QNetworkRequest(url)), status);
    }

    QJsonObject query(const QString &expr)
    {
        QUrl url = m_promUrl;
        url.setPath(QStringLiteral("/api/v1/query"));
        QUrlQuery q;
        q.addQueryItem(QStringLiteral("query"), QString::fromLatin1(QUrl::toPercentEncoding(expr)));
        url.setQuery(q);
        return QJsonDocument::fromJson(get(url)).object();
    }

    static int runTool(const QString &program, const QStringList &args, QByteArray *output,
                       int timeoutMs = 60'000)
    {
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(program, args);
        if (!p.waitForFinished(timeoutMs))
            return -1;
        *output = p.readAll();
        return p.exitCode();
    }

    /// Grafana panel expressions with the dashboard variables bound as Grafana would.
    static QStringList panelExpressions(QStringList *titles)
    {
        QFile f(deploy(QStringLiteral("grafana/enrichment-monitoring.json")));
        f.open(QIODevice::ReadOnly);
        const QJsonObject dash = QJsonDocument::fromJson(f.readAll()).object();
        QStringList out;
        for (const QJsonValue &p : dash.value(QStringLiteral("panels")).toArray()) {
            for (const QJsonValue &t : p.toObject().value(QStringLiteral("targets")).toArray()) {
                QString e = t.toObject().value(QStringLiteral("expr")).toString();
                e.replace(QStringLiteral("$__rate_interval"), QStringLiteral("1m"));
                e.replace(QStringLiteral("$source"), QStringLiteral(".+"));
                out << e;
                titles->append(p.toObject().value(QStringLiteral("title")).toString());
            }
        }
        return out;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        m_prometheus = testsupport::PrometheusServer::binary();
        if (m_promtool.isEmpty() || m_prometheus.isEmpty())
            QSKIP("Debian's prometheus package is not installed (scripts/dev.sh installs it)");
    }

    void configAndRulesAreValid()
    {
        QByteArray out;
        QVERIFY2(runTool(m_promtool,
                         {QStringLiteral("check"), QStringLiteral("config"),
                          deploy(QStringLiteral("prometheus/prometheus.yml"))},
                         &out) == 0,
                 out.constData());
        QVERIFY2(runTool(m_promtool,
                         {QStringLiteral("check"), QStringLiteral("rules"),
                          deploy(QStringLiteral("prometheus/enrichment-alerts.yml"))},
                         &out) == 0,
                 out.constData());
        QVERIFY(out.contains("12 rules found"));
        QVERIFY2(runTool(m_promtool,
                         {QStringLiteral("check"), QStringLiteral("rules"),
                          deploy(QStringLiteral("prometheus/enrichment-anomalies.yml"))},
                         &out) == 0,
                 out.constData());
        QVERIFY(out.contains("36 rules found"));
    }

    void anomalyRuleUnitTests()
    {
        // Fifteen days of samples: the slowest promtool test, about half a minute.
        QByteArray out;
        QVERIFY2(runTool(m_promtool,
                         {QStringLiteral("test"), QStringLiteral("rules"),
                          deploy(QStringLiteral("prometheus/tests/enrichment-anomalies.test.yml"))},
                         &out, 180'000) == 0,
                 out.constData());
        QVERIFY(out.contains("SUCCESS"));
    }

    void alertUnitTests()
    {
        QByteArray out;
        QVERIFY2(runTool(m_promtool,
                         {QStringLiteral("test"), QStringLiteral("rules"),
                          deploy(QStringLiteral("prometheus/tests/enrichment-alerts.test.yml"))},
                         &out) == 0,
                 out.constData());
        QVERIFY(out.contains("SUCCESS"));
    }

    void grafanaDashboardHasTheSeedsTenPanelsAndTheWorkers()
    {
        QFile f(deploy(QStringLiteral("grafana/enrichment-monitoring.json")));
        QVERIFY(f.open(QIODevice::ReadOnly));
        QJsonParseError pe;
        const QJsonObject dash = QJsonDocument::fromJson(f.readAll(), &pe).object();
        QCOMPARE(pe.error, QJsonParseError::NoError);
        QStringList titles;
        for (const QJsonValue &p : dash.value(QStringLiteral("panels")).toArray()) {
            titles << p.toObject().value(QStringLiteral("title")).toString();
            QCOMPARE(p.toObject()
                         .value(QStringLiteral("datasource"))
                         .toObject()
                         .value(QStringLiteral("uid"))
                         .toString(),
                     QStringLiteral("${datasource}"));
            QVERIFY(!p.toObject().value(QStringLiteral("targets")).toArray().isEmpty());
        }
        QCOMPARE(titles.join(QLatin1Char('|')),
                 QStringLiteral("Queue Overview|Processing Rate|Circuit Breaker States|Success "
                                "Rates|Enrichment Duration|"
                                "API Rate Limits|Error Breakdown|Source Health|Cache "
                                "Performance|Metadata Coverage|Workers"));
        bool datasourceVariable = false;
        for (const QJsonValue &v : dash.value(QStringLiteral("templating"))
                                       .toObject()
                                       .value(QStringLiteral("list"))
                                       .toArray())
            datasourceVariable =
                datasourceVariable || (v.toObject().value(QStringLiteral("type")).toString() ==
                                           QLatin1String("datasource") &&
                                       v.toObject().value(QStringLiteral("query")).toString() ==
                                           QLatin1String("prometheus"));
        QVERIFY(datasourceVariable);
        QVERIFY(!dash.value(QStringLiteral("uid")).toString().isEmpty());
    }

    void realPrometheusScrapesTheRealBackend()
    {
        // The backend, busy enough that every panel has something to show.
        m_backend.process.start(
            QStringLiteral(BACKEND_BINARY),
            {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed-tracks"),
             QStringLiteral("2000"), QStringLiteral("--database"),
             m_dir.filePath(QStringLiteral("queue.sqlite")), QStringLiteral("--batch-interval-ms"),
             QStringLiteral("50"), QStringLiteral("--time-scale"), QStringLiteral("0.1")});
        QVERIFY(m_backend.process.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(m_backend.process.canReadLine(), 15000);
        const QByteArray line = m_backend.process.readLine().trimmed();
        QVERIFY2(line.startsWith("listening on "), line.constData());
        m_backendUrl = QUrl(QString::fromUtf8(line.mid(13)));

        // Prometheus with the shipped rule file, evaluated and scraping every second.
        QString error;
        const QString rulesPath = testsupport::PrometheusServer::fastRules(
            deploy(QStringLiteral("prometheus/enrichment-alerts.yml")), m_dir.path(), false,
            &error);
        QVERIFY2(!rulesPath.isEmpty(), qPrintable(error));
        QVERIFY2(m_server.start(
                     m_dir.path(),
                     QStringLiteral("global:\n  scrape_interval: 1s\n  evaluation_interval: 1s\n"
                                    "rule_files:\n  - %1\n  - %3\n"
                                    "scrape_configs:\n  - job_name: enrichment-service\n"
                                    "    metrics_path: /metrics\n"
                                    "    static_configs:\n      - targets: ['127.0.0.1:%2']\n")
                         .arg(rulesPath)
                         .arg(m_backendUrl.port())
                         .arg(deploy(QStringLiteral("prometheus/enrichment-anomalies.yml")))
                         .toUtf8(),
                     &error),
                 qPrintable(error));
        m_promUrl = m_server.url();

        // The target is up and there are enough samples for rate() and histograms.
        auto hasSeries = [this](const QString &expr) {
            return !query(expr)
                        .value(QStringLiteral("data"))
                        .toObject()
                        .value(QStringLiteral("result"))
                        .toArray()
                        .isEmpty();
        };
        QTRY_VERIFY_WITH_TIMEOUT(hasSeries(QStringLiteral("up{job=\"enrichment-service\"} == 1")),
                                 30000);
        QTRY_VERIFY_WITH_TIMEOUT(
            hasSeries(QStringLiteral("histogram_quantile(0.5, sum by (le, source) "
                                     "(rate(enrichment_duration_seconds_bucket[1m])))")),
            60000);
        QTRY_VERIFY_WITH_TIMEOUT(
            hasSeries(QStringLiteral("increase(enrichment_tracks_processed_total[1h]) > 0")),
            60000);

        // Every Grafana panel expression returns series.
        QStringList titles;
        const QStringList exprs = panelExpressions(&titles);
        QVERIFY(exprs.size() >= 10);
        for (int i = 0; i < exprs.size(); ++i) {
            const QJsonObject r = query(exprs.at(i));
            QVERIFY2(r.value(QStringLiteral("status")).toString() == QLatin1String("success"),
                     qPrintable(titles.at(i) + QStringLiteral(": ") +
                                QString::fromUtf8(QJsonDocument(r).toJson())));
            QVERIFY2(
                !r.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("result"))
                     .toArray()
                     .isEmpty(),
                qPrintable(titles.at(i) + QStringLiteral(" returned no series: ") + exprs.at(i)));
        }

        // Every alert rule was loaded, evaluates without error, and its query runs.
        QUrl rulesUrl = m_promUrl;
        rulesUrl.setPath(QStringLiteral("/api/v1/rules"));
        QJsonArray rules;
        QTRY_VERIFY_WITH_TIMEOUT(
            ([&] {
                rules = {};
                const QJsonArray groups = QJsonDocument::fromJson(get(rulesUrl))
                                              .object()
                                              .value(QStringLiteral("data"))
                                              .toObject()
                                              .value(QStringLiteral("groups"))
                                              .toArray();
                for (const QJsonValue &g : groups)
                    for (const QJsonValue &r :
                         g.toObject().value(QStringLiteral("rules")).toArray())
                        rules.append(r);
                for (const QJsonValue &r : std::as_const(rules))
                    if (r.toObject().value(QStringLiteral("health")).toString() !=
                        QLatin1String("ok"))
                        return false;
                return rules.size() == 12 + 36; // alerts, and the anomalies' rules
            }()),
            90000);
        for (const QJsonValue &r : std::as_const(rules)) {
            const QString name = r.toObject().value(QStringLiteral("name")).toString();
            QVERIFY2(r.toObject().value(QStringLiteral("lastError")).toString().isEmpty(),
                     qPrintable(name));
            const QJsonObject res = query(r.toObject().value(QStringLiteral("query")).toString());
            QVERIFY2(res.value(QStringLiteral("status")).toString() == QLatin1String("success"),
                     qPrintable(name));
        }
    }

    void kedaQueryReadsTheBackendsNumber()
    {
        if (m_promUrl.isEmpty())
            QSKIP("needs the Prometheus of the previous test");
        // The query KEDA runs (deploy/kubernetes and the chart's default), on the real
        // Prometheus scraping the real backend: one value, the backend's own number.
        QFile so(deploy(QStringLiteral("kubernetes/keda-scaledobject.yaml")));
        QVERIFY(so.open(QIODevice::ReadOnly));
        const QRegularExpressionMatch m =
            QRegularExpression(QStringLiteral("^\\s*query:\\s*(.+?)\\s*$"),
                               QRegularExpression::MultilineOption)
                .match(QString::fromUtf8(so.readAll()));
        QVERIFY(m.hasMatch());
        const QString kedaQuery = m.captured(1);
        QCOMPARE(kedaQuery, QStringLiteral("max(enrichment_workers_desired)"));
        QUrl snapshotUrl = m_backendUrl;
        snapshotUrl.setPath(QStringLiteral("/monitoring/enrichment"));
        auto backendSays = [&] {
            return QJsonDocument::fromJson(get(snapshotUrl))
                .object()
                .value(QStringLiteral("autoscale"))
                .toObject()
                .value(QStringLiteral("desired_workers"))
                .toInt(-1);
        };
        auto prometheusSays = [&] {
            const QJsonArray result = query(kedaQuery)
                                          .value(QStringLiteral("data"))
                                          .toObject()
                                          .value(QStringLiteral("result"))
                                          .toArray();
            if (result.size() != 1)
                return -2;
            return result.at(0)[QStringLiteral("value")].toArray().at(1).toString().toInt();
        };
        QVERIFY(backendSays() >= 0);
        QTRY_COMPARE_WITH_TIMEOUT(prometheusSays(), backendSays(), 30'000);
    }

    void everyMetricNameInDeployExists()
    {
        QUrl metricsUrl = m_backendUrl;
        if (metricsUrl.isEmpty())
            QSKIP("needs the backend of the previous test");
        metricsUrl.setPath(QStringLiteral("/metrics"));
        const QByteArray metrics = get(metricsUrl);
        QSet<QString> families;
        for (const QByteArray &l : metrics.split('\n'))
            if (l.startsWith("# TYPE "))
                families.insert(QString::fromLatin1(l.split(' ').value(2)));
        QVERIFY(families.size() >= 15);

        // The expressions: every Grafana target and every rule's expr line.
        QStringList titles;
        QStringList exprs = panelExpressions(&titles);
        QFile rules(deploy(QStringLiteral("prometheus/enrichment-alerts.yml")));
        QVERIFY(rules.open(QIODevice::ReadOnly));
        for (const QByteArray &l : rules.readAll().split('\n'))
            if (l.trimmed().startsWith("expr:"))
                exprs << QString::fromUtf8(l.trimmed().mid(5));
        // The anomalies' expressions span lines (`expr: >-`): every line of PromQL in them.
        QFile anomalies(deploy(QStringLiteral("prometheus/enrichment-anomalies.yml")));
        QVERIFY(anomalies.open(QIODevice::ReadOnly));
        for (const QByteArray &l : anomalies.readAll().split('\n')) {
            const QByteArray t = l.trimmed();
            if (t.startsWith("expr:") || t.startsWith("label_replace") || t.startsWith("or "))
                exprs << QString::fromUtf8(t);
        }
        // Metric names, not the recording rules' level:name:operation names around them.
        static const QRegularExpression name(
            QStringLiteral("(?<![:\\w])((?:enrichment|circuit_breaker)_[a-z0-9_]+)\\b"));
        QSet<QString> used;
        for (auto it = name.globalMatch(exprs.join(QLatin1Char('\n'))); it.hasNext();)
            used.insert(it.next().captured(1));
        QVERIFY(used.size() >= 12);
        for (QString m : std::as_const(used)) {
            for (const char *suffix : {"_bucket", "_sum", "_count"})
                if (m.endsWith(QLatin1String(suffix)) &&
                    families.contains(m.chopped(int(qstrlen(suffix)))))
                    m.chop(int(qstrlen(suffix)));
            QVERIFY2(families.contains(m),
                     qPrintable(m + QStringLiteral(" is used in deploy/ but not emitted")));
        }
    }
};

QTEST_GUILESS_MAIN(TestPrometheus)
#include "tst_prometheus.moc"
