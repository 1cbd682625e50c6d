// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <ctime>

#include <QFile>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>
#include <QTemporaryDir>
#include <QtTest>

#include "AlertmanagerClient.h"
#include "AnomalyChart.h"
#include "AnomalyModel.h"
#include "PrometheusServer.h"
#include "DashboardModels.h"
#include "DashboardView.h"
#include "EventLogModel.h"
#include "FlowModel.h"
#include "ForecastChart.h"
#include "ForecastModel.h"
#include "HeatmapChart.h"
#include "HeatmapModel.h"
#include "Ports.h"
#include "PrometheusClient.h"
#include "ProcessStats.h"
#include "SourcesModel.h"
#include "TimeSeriesChart.h"

using dashboard::HeatmapModel;
using dashboard::PrometheusClient;

/// A Prometheus that is hostile: an answer without end, a series of 20,000 points, or an
/// answer that drips one byte at a time.
class HostilePrometheus : public QTcpServer
{
public:
    enum class Mode { Endless, ManyPoints, Drip };
    explicit HostilePrometheus(Mode mode) : m_mode(mode)
    {
        connect(this, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *s = nextPendingConnection()) {
                connect(s, &QTcpSocket::readyRead, s, [this, s] { answer(s); });
                connect(s, &QTcpSocket::disconnected, s, &QObject::deleteLater);
            }
        });
    }
    qint64 sent = 0; ///< body bytes written

private:
    void answer(QTcpSocket *s)
    {
        s->readAll();
        if (s->property("answered").toBool())
            return;
        s->setProperty("answered", true);
        const QByteArray start = "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\","
                                 "\"result\":[{\"metric\":{},\"values\":[";
        switch (m_mode) {
        case Mode::Endless: {
            s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     "Connection: close\r\n\r\n" +
                     start);
            const QByteArray chunk = QByteArray("[1700000000,\"1\"],").repeated(32 * 1024);
            auto refill = [this, s, chunk] {
                while (s->state() == QAbstractSocket::ConnectedState &&
                       s->bytesToWrite() < 2 * chunk.size() && sent < 2048LL * 1024 * 1024) {
                    s->write(chunk);
                    sent += chunk.size();
                }
            };
            connect(s, &QTcpSocket::bytesWritten, s, refill);
            refill();
            break;
        }
        case Mode::ManyPoints: {
            QByteArray body = start;
            for (int i = 0; i < 20'000; ++i)
                body += (i ? "," : "") + QByteArray("[") + QByteArray::number(1700000000 + i) +
                        ",\"1\"]";
            body += "]}]}}";
            s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n" + body);
            sent += body.size();
            break;
        }
        case Mode::Drip: {
            s->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                     "Content-Length: 1000\r\n\r\n");
            auto *t = new QTimer(s);
            connect(t, &QTimer::timeout, s, [this, s] {
                s->write(" ");
                ++sent;
            });
            t->start(200);
            break;
        }
        }
    }
    Mode m_mode;
};

/// Long history through a real Prometheus (Debian's): 30 days of enrichment_requests_total
/// written as OpenMetrics and turned into TSDB blocks with `promtool tsdb
/// create-blocks-from openmetrics` in the test server's data folder, then read back with
/// the dashboard's client into the weekday x hour heatmap, whose cells must be the
/// ratios the series were made with.
class TestHistory : public QObject
{
    Q_OBJECT
private:
    static constexpr qint64 Hour = 3'600'000;
    QTemporaryDir m_dir;
    QString m_promtool;
    QString m_prometheus;
    testsupport::PrometheusServer m_server;
    QUrl m_url;
    QNetworkAccessManager m_nam;

    /// Success share made into the series for the 5 minutes that end at @p ms (UTC).
    static double madeRatio(const QString &source, qint64 ms)
    {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms - 1000, Qt::UTC);
        if (source == QLatin1String("spotify"))
            return t.time().hour() == 3 ? 0.5 : 0.95;            // a nightly job
        return t.date().dayOfWeek() == Qt::Saturday ? 0.4 : 0.9; // discogs: weekends
    }

    bool writeHistory(const QString &path, qint64 endMs)
    {
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            return false;
        f.write("# HELP enrichment_requests Requests to sources.\n"
                "# TYPE enrichment_requests counter\n");
        const qint64 step = 5 * 60'000;
        const qint64 startMs = endMs - 30LL * 24 * Hour - 2 * Hour;
        for (const QString &source : {QStringLiteral("spotify"), QStringLiteral("discogs")}) {
            for (const char *status : {"success", "error"}) {
                const bool success = qstrcmp(status, "success") == 0;
                double total = 0;
                QByteArray lines;
                for (qint64 t = startMs; t <= endMs; t += step) {
                    const double ratio = madeRatio(source, t);
                    total += success ? 60 * ratio : 60 * (1 - ratio);
                    lines += "enrichment_requests_total{source=\"" + source.toUtf8() +
                             "\",status=\"" + status + "\"} " + QByteArray::number(total, 'f', 1) +
                             ' ' + QByteArray::number(t / 1000) + '\n';
                }
                f.write(lines);
            }
        }
        // spotify's latency: p95 at 0.5 s, until the last 90 minutes, when it is 2.5 s (an
        // anomaly of known time and size; the success patterns above are seasonal, not one).
        f.write("# HELP enrichment_duration_seconds Time per request.\n"
                "# TYPE enrichment_duration_seconds histogram\n");
        {
            const QList<QByteArray> les{"0.1", "0.25", "0.5", "1.0", "2.5", "5.0", "+Inf"};
            const QList<double> normal{0.10, 0.60, 0.95, 1.0, 1.0, 1.0, 1.0};
            const QList<double> slow{0.0, 0.05, 0.10, 0.30, 0.95, 1.0, 1.0};
            QList<double> cumulative(les.size(), 0.0);
            double sum = 0;
            QByteArray lines;
            for (qint64 t = startMs; t <= endMs; t += step) {
                const bool spike = t > endMs - 90 * 60'000;
                for (int b = 0; b < les.size(); ++b)
                    cumulative[b] += 60 * (spike ? slow : normal).at(b);
                sum += 60 * (spike ? 1.5 : 0.25);
                const QByteArray ts = ' ' + QByteArray::number(t / 1000) + '\n';
                for (int b = 0; b < les.size(); ++b)
                    lines += "enrichment_duration_seconds_bucket{source=\"spotify\",le=\"" +
                             les.at(b) + "\"} " + QByteArray::number(cumulative.at(b), 'f', 1) + ts;
                lines += "enrichment_duration_seconds_count{source=\"spotify\"} " +
                         QByteArray::number(cumulative.last(), 'f', 1) + ts;
                lines += "enrichment_duration_seconds_sum{source=\"spotify\"} " +
                         QByteArray::number(sum, 'f', 1) + ts;
            }
            f.write(lines);
        }
        // The pipeline's own series, from two workers on one queue: 20 tracks a minute
        // each, and the queue both see (500 pending).
        f.write("# HELP enrichment_tracks_processed Tracks finished.\n"
                "# TYPE enrichment_tracks_processed counter\n");
        for (const char *instance : {"w1:8021", "w2:8022"}) {
            double total = 0;
            QByteArray lines;
            for (qint64 t = startMs; t <= endMs; t += step) {
                total += 100;
                lines += QByteArray("enrichment_tracks_processed_total{instance=\"") + instance +
                         "\",status=\"completed\"} " + QByteArray::number(total, 'f', 1) + ' ' +
                         QByteArray::number(t / 1000) + '\n';
            }
            f.write(lines);
        }
        f.write("# HELP enrichment_queue_depth Tracks by status.\n"
                "# TYPE enrichment_queue_depth gauge\n");
        for (const char *instance : {"w1:8021", "w2:8022"}) {
            QByteArray lines;
            for (qint64 t = startMs; t <= endMs; t += step)
                lines += QByteArray("enrichment_queue_depth{instance=\"") + instance +
                         "\",queue=\"postgresql://db/q\",status=\"pending\"} 500 " +
                         QByteArray::number(t / 1000) + '\n';
            f.write(lines);
        }
        f.write("# EOF\n");
        return true;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TZ", "UTC"); // the heatmap is in local time: make it UTC here
        tzset();
        m_promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        m_prometheus = testsupport::PrometheusServer::binary();
        if (m_promtool.isEmpty() || m_prometheus.isEmpty())
            QSKIP("Debian's prometheus package is not installed (scripts/dev.sh installs it)");

        const qint64 endMs = QDateTime::currentMSecsSinceEpoch() / Hour * Hour - Hour;
        const QString om = m_dir.filePath(QStringLiteral("history.om"));
        QVERIFY(writeHistory(om, endMs));
        const QString data = m_dir.filePath(QStringLiteral("tsdb"));
        QProcess promtool;
        promtool.setProcessChannelMode(QProcess::MergedChannels);
        promtool.start(m_promtool, {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"),
                                    QStringLiteral("openmetrics"), om, data});
        QVERIFY(promtool.waitForFinished(120'000));
        QVERIFY2(promtool.exitCode() == 0, promtool.readAll().constData());

        QString error;
        QVERIFY2(m_server.start(m_dir.path(), "global:\n  scrape_interval: 15s\n", &error, data,
                                {QStringLiteral("--storage.tsdb.retention.time=90d")}),
                 qPrintable(error));
        m_url = m_server.url();
        PrometheusClient probe(&m_nam);
        probe.setBaseUrl(m_url);
        QSignalSpy ready(&probe, &PrometheusClient::rangeReady);
        QSignalSpy failed(&probe, &PrometheusClient::rangeFailed);
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     ready.clear();
                                     failed.clear();
                                     probe.queryRange(QStringLiteral("up"),
                                                      QStringLiteral("vector(1)"), endMs - Hour,
                                                      endMs, 60'000);
                                     return ready.wait(2000) || false;
                                 }()),
                                 30'000);
    }

    void aStepGivesAtMostTwoPointsPerPixel()
    {
        QCOMPARE(PrometheusClient::stepFor(30LL * 24 * Hour, 800), 1'620'000);
        QCOMPARE(PrometheusClient::stepFor(Hour, 2000), 15'000); // never below a scrape
        QCOMPARE(PrometheusClient::stepFor(7LL * 24 * Hour, 1000), 303'000);
    }

    void heatmapCellsAreTheRatiosOfTheHistory()
    {
        PrometheusClient client(&m_nam);
        client.setBaseUrl(m_url);
        dashboard::SourcesModel sources;
        HeatmapModel model;
        dashboard::HeatmapChart chart(&model, &sources);
        chart.resize(900, 400);
        QSignalSpy loaded(&chart, &dashboard::HeatmapChart::loaded);
        chart.setPrometheus(&client);
        chart.setSource(QStringLiteral("spotify"));
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && !chart.isLoading(), 30'000);
        QVERIFY(loaded.last().at(0).toBool());
        chart.flush();
        QCOMPARE(chart.cellCount(), 7 * 24);
        for (int day = 0; day < 7; ++day) {
            QVERIFY2(qAbs(*model.cell(day, 3) - 0.5) < 0.005,
                     qPrintable(QString::number(*model.cell(day, 3))));
            QVERIFY(qAbs(*model.cell(day, 10) - 0.95) < 0.005);
        }
        QCOMPARE(dashboard::HeatmapChart::classOf(*model.cell(0, 3)), 1);
        QCOMPARE(dashboard::HeatmapChart::classOf(*model.cell(0, 10)), 3);

        loaded.clear();
        chart.setSource(QStringLiteral("discogs"));
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && !chart.isLoading(), 30'000);
        QVERIFY(qAbs(*model.cell(5, 12) - 0.4) < 0.005); // Saturday
        QVERIFY(qAbs(*model.cell(0, 12) - 0.9) < 0.005); // Monday

        // All sources: weighted by requests (both make 60 a step): the mean of the two.
        loaded.clear();
        chart.setSource(QString());
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty() && !chart.isLoading(), 30'000);
        QVERIFY(qAbs(*model.cell(5, 3) - (0.5 + 0.4) / 2) < 0.005);
        QVERIFY(qAbs(*model.cell(1, 10) - (0.95 + 0.9) / 2) < 0.005);

        // The export carries the grid.
        const QByteArray csv = chart.csv();
        QVERIFY(csv.startsWith("day,h00,h01"));
        QVERIFY(csv.contains("\r\nsat,"));
    }

    void timeChartsGetLongRangesFromPrometheus()
    {
        PrometheusClient client(&m_nam);
        client.setBaseUrl(m_url);
        dashboard::DashboardModels models;
        dashboard::EventLogModel log(10);
        dashboard::DashboardView view(&models, &log);
        view.setAttribute(Qt::WA_DontShowOnScreen);
        view.resize(1600, view.heightFor(1600));
        view.show();
        view.setPrometheus(&client);
        auto *rate = qobject_cast<dashboard::TimeSeriesChart *>(
            view.panel(QStringLiteral("processing_rate")));
        auto *trend =
            qobject_cast<dashboard::TimeSeriesChart *>(view.panel(QStringLiteral("queue_trend")));
        QVERIFY(rate && trend);
        QVERIFY(!rate->showsHistory()); // 1 h: live, from the backend

        QSignalSpy rateLoaded(rate, &dashboard::TimeSeriesChart::historyLoaded);
        QSignalSpy trendLoaded(trend, &dashboard::TimeSeriesChart::historyLoaded);
        rate->setSpanMinutes(30 * 1440);
        trend->setSpanMinutes(7 * 1440);
        QVERIFY(rate->showsHistory());
        QTRY_VERIFY_WITH_TIMEOUT(!rateLoaded.isEmpty() && !trendLoaded.isEmpty(), 30'000);
        QVERIFY(rateLoaded.last().at(0).toBool());
        rate->flush();
        trend->flush();
        QVERIFY(rate->hasData());
        // At most two points per pixel, and the two workers summed: 40 a minute.
        QVERIFY(rate->pointCount(0) > 50);
        QVERIFY(rate->pointCount(0) <= 2 * 1600);
        const QList<QByteArray> rows = rate->csv().split('\n');
        QVERIFY(rows.size() > 50);
        QVERIFY2(qAbs(rows.at(rows.size() / 2).split(',').at(1).toDouble() - 40.0) < 0.5,
                 rows.at(rows.size() / 2).constData());
        // The queue both workers report counts once: 500 pending, not 1000.
        const QList<QByteArray> trendRows = trend->csv().split('\n');
        QVERIFY(trendRows.at(0).startsWith("timestamp,pending"));
        QCOMPARE(trendRows.at(trendRows.size() / 2).split(',').at(1).toDouble(), 500.0);

        // Back to an hour: live again, and the CSV says what is drawn.
        rate->setSpanMinutes(60);
        QVERIFY(!rate->showsHistory());
        QVERIFY(!rate->isLoadingHistory());
        QVERIFY(rate->csv().count('\n') < 5);
        // A span change while a request runs replaces it.
        rate->setSpanMinutes(7 * 1440);
        QVERIFY(rate->isLoadingHistory());
        rate->setSpanMinutes(30 * 1440);
        QVERIFY(rate->isLoadingHistory());
        rateLoaded.clear();
        QVERIFY(rateLoaded.wait(30'000));
        QVERIFY(rateLoaded.last().at(0).toBool());
        QCOMPARE(rateLoaded.size(), 1); // the cancelled one never answers
    }

    // A dashboard opened a minute ago forecasts at once from Prometheus's pending history,
    // and says which history it used.
    void theForecastFitsOnPrometheusHistory()
    {
        PrometheusClient client(&m_nam);
        client.setBaseUrl(m_url);
        dashboard::DashboardModels models;
        dashboard::EventLogModel log(10);
        dashboard::DashboardView view(&models, &log);
        auto *forecast =
            qobject_cast<dashboard::ForecastChart *>(view.panel(QStringLiteral("forecast")));
        QVERIFY(forecast);
        forecast->flush();
        QVERIFY(!forecast->hasData());
        QVERIFY2(forecast->noDataText().contains(QStringLiteral("first answer")),
                 qPrintable(forecast->noDataText()));
        models.applySnapshot(dashboard::Snapshot{}); // the backend answered, with no queue yet
        view.setPrometheus(&client);
        forecast->flush();
        QVERIFY2(forecast->noDataText().contains(QStringLiteral("Prometheus")),
                 qPrintable(forecast->noDataText()));
        QTRY_VERIFY_WITH_TIMEOUT((forecast->flush(), forecast->hasData()), 30'000);
        QVERIFY2(!forecast->headline().startsWith(QStringLiteral("No forecast")),
                 qPrintable(forecast->headline()));
        QVERIFY2(models.forecast()->basis().contains(QStringLiteral("of Prometheus history")),
                 qPrintable(models.forecast()->basis()));
        QVERIFY2(
            forecast->observedPoints() >= 60, // an hour or more of minutes, not 8
            qPrintable(QString::number(forecast->observedPoints()) + models.forecast()->basis()));
        // The queue the two workers report counts once: flat at 500.
        QCOMPARE(models.forecast()->forecast().observed.last().second, 500.0);
    }

    void anomaliesComeFromTheSeasonalBaselineOfPrometheus()
    {
        // Thirty days through the real Prometheus: spotify's nightly dip and discogs's
        // Saturdays are their usual pattern, not anomalies; spotify's latency of the last 90
        // minutes is one, and only spotify's: the provider's problem.
        PrometheusClient client(&m_nam);
        client.setBaseUrl(m_url);
        dashboard::AnomalyModel model;
        dashboard::AnomalyChart chart(&model);
        chart.resize(900, 420);
        QSignalSpy loaded(&model, &dashboard::AnomalyModel::historyLoaded);
        chart.setPrometheus(&client);
        QVERIFY(loaded.wait(60'000));
        QVERIFY(loaded.last().at(0).toBool());
        QVERIFY(model.hasHistory());
        QVERIFY(model.basis().contains(QStringLiteral("30 days")));
        QCOMPARE(model.sources(),
                 QStringList({QStringLiteral("discogs"), QStringLiteral("spotify")}));

        const QList<dashboard::AnomalyEpisode> now = model.current();
        QCOMPARE(now.size(), 1);
        QCOMPARE(now.first().source, QStringLiteral("spotify"));
        QCOMPARE(now.first().metric, dashboard::AnomalyMetric::LatencyP95);
        QCOMPARE(now.first().scope, dashboard::AnomalyEpisode::Scope::Source);
        QVERIFY(now.first().observed > 2.0);
        QVERIFY(qAbs(now.first().expected - 0.5) < 0.01);
        for (const dashboard::AnomalyEpisode &e : model.recent())
            QVERIFY2(e.metric == dashboard::AnomalyMetric::LatencyP95,
                     qPrintable(dashboard::AnomalyModel::describe(e)));

        // The band at the nightly hour expects the dip: from the same weekday and time.
        const QList<dashboard::AnomalyPoint> success =
            model.points(QStringLiteral("spotify"), dashboard::AnomalyMetric::SuccessRate);
        QVERIFY(success.size() > 250); // a day of 5-minute steps
        bool sawNight = false;
        for (const dashboard::AnomalyPoint &p : success) {
            const QTime t = QDateTime::fromMSecsSinceEpoch(p.ms, Qt::UTC).time();
            if (t.hour() == 3 && t.minute() >= 30 && p.judged) {
                sawNight = true;
                QCOMPARE(p.basis, dashboard::AnomalyPoint::Basis::WeekdayHour);
                QVERIFY(qAbs(p.expected - 0.5) < 0.01);
                QVERIFY(!p.outside);
            }
        }
        QVERIFY(sawNight);

        // The chart follows the worst current anomaly and lists it.
        chart.flush();
        QCOMPARE(chart.selectedSource(), QStringLiteral("spotify"));
        QCOMPARE(chart.selectedMetric(), dashboard::AnomalyMetric::LatencyP95);
        QVERIFY(chart.markedPoints() >= 15); // 90 minutes of 5-minute steps, less the hold
        QVERIFY(chart.bandPoints() > 250);
        QCOMPARE(chart.currentLines().size(), 1);
        QVERIFY(chart.currentLines().first().contains(QStringLiteral("the provider's problem")));

        // The export: every evaluated step, with the band.
        const QList<QByteArray> rows = chart.csv().split('\n');
        QCOMPARE(rows.first().trimmed(),
                 QByteArray("time,source,metric,observed,expected_low,expected_high,score"));
        bool exported = false;
        for (const QByteArray &r : rows)
            exported = exported ||
                       (r.contains(",spotify,latency_p95,") && r.split(',').at(3).toDouble() > 2.0);
        QVERIFY(exported);
    }

    void theFlowReplaysThirtyDaysFromPrometheus()
    {
        // The slider's 30 days: 5-minute states; the two workers finish 20 tracks a minute
        // each (completed), and 500 wait.
        PrometheusClient client(&m_nam);
        client.setBaseUrl(m_url);
        dashboard::FlowModel model;
        QSignalSpy states(&model, &dashboard::FlowModel::statesChanged);
        model.setPrometheus(&client);
        QVERIFY(states.wait(60'000));
        QVERIFY(model.hasHistory());
        QVERIFY2(model.stateCount() > 8000, qPrintable(QString::number(model.stateCount())));
        const dashboard::FlowState &s = model.shown();
        QCOMPARE(*s.node(QStringLiteral("queue"))->pending, 500);
        QVERIFY(qAbs(s.node(QStringLiteral("completed"))->success - 40.0) < 0.5);
        QVERIFY(s.node(QStringLiteral("spotify")) && s.node(QStringLiteral("discogs")));
        // spotify's nightly dip shows when the slider goes back to 03:30 on a day.
        int night = -1;
        for (int i = model.stateCount() - 1; i >= 0 && night < 0; --i)
            if (QDateTime::fromMSecsSinceEpoch(model.stateTime(i), Qt::UTC).time() == QTime(3, 30))
                night = i;
        QVERIFY(night >= 0);
        model.setPosition(night);
        const dashboard::FlowNode *spotify = model.shown().node(QStringLiteral("spotify"));
        QVERIFY2(qAbs(spotify->success / spotify->calls() - 0.5) < 0.01,
                 qPrintable(QString::number(spotify->success / spotify->calls())));
    }

    void headlessExportWritesTheHeatmap()
    {
        // The dashboard binary, headless, on its embedded demo backend, with the history.
        QTemporaryDir out;
        QProcess app;
        app.setProcessChannelMode(QProcess::MergedChannels);
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), out.filePath(QStringLiteral("config")));
        app.setProcessEnvironment(env);
        app.start(QStringLiteral(APP_BINARY),
                  {QStringLiteral("--prometheus"), m_url.toString(), QStringLiteral("--range"),
                   QStringLiteral("7d"), QStringLiteral("--export"),
                   out.filePath(QStringLiteral("export"))});
        QVERIFY(app.waitForFinished(60'000));
        QVERIFY2(app.exitCode() == 0, app.readAll().constData());
        QFile csv(out.filePath(QStringLiteral("export/heatmap.csv")));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        const QList<QByteArray> rows = csv.readAll().split('\n');
        QVERIFY(rows.size() >= 8);
        QVERIFY(rows.at(0).startsWith("day,h00"));
        // Monday, 03:00-04:00: spotify 50 %, discogs 90 %, the same number of requests.
        QCOMPARE(rows.at(1).split(',').at(0), QByteArray("mon"));
        QVERIFY2(qAbs(rows.at(1).split(',').at(4).toDouble() - 0.7) < 0.005,
                 rows.at(1).constData());
        QVERIFY(QFile::exists(out.filePath(QStringLiteral("export/heatmap.png"))));
        // The anomalies from the same history: spotify's slow last 90 minutes among them.
        QFile anomalies(out.filePath(QStringLiteral("export/anomalies.csv")));
        QVERIFY(anomalies.open(QIODevice::ReadOnly));
        const QByteArray anomalyCsv = anomalies.readAll();
        QVERIFY(
            anomalyCsv.startsWith("time,source,metric,observed,expected_low,expected_high,score"));
        QVERIFY(anomalyCsv.contains(",spotify,latency_p95,"));
        QVERIFY(QFile::exists(out.filePath(QStringLiteral("export/anomalies.png"))));
        // The time charts over the week, from Prometheus.
        QFile rate(out.filePath(QStringLiteral("export/processing_rate.csv")));
        QVERIFY(rate.open(QIODevice::ReadOnly));
        const QList<QByteArray> rateRows = rate.readAll().split('\n');
        QVERIFY2(rateRows.size() > 100, QByteArray::number(rateRows.size()).constData());
        const QDateTime first = QDateTime::fromString(
            QString::fromLatin1(rateRows.at(1).split(',').at(0)), Qt::ISODate);
        QVERIFY(first.isValid());
        QVERIFY(first.daysTo(QDateTime::currentDateTimeUtc()) >= 6);
    }

    // A hostile Prometheus costs the dashboard no more than the cap: an endless answer is
    // cut off as it streams, a series past 11,000 points is refused, and one that drips a
    // byte at a time is given up at the deadline; each failure names Prometheus.
    void aHostilePrometheusIsCutOffAndNamed()
    {
        const double peakBefore = testsupport::peakRssMiB(QCoreApplication::applicationPid());
        for (auto mode : {HostilePrometheus::Mode::Endless, HostilePrometheus::Mode::ManyPoints,
                          HostilePrometheus::Mode::Drip}) {
            HostilePrometheus hostile(mode);
            QVERIFY(hostile.listen(QHostAddress::LocalHost, 0));
            PrometheusClient client(&m_nam);
            const QString where =
                QStringLiteral("Prometheus at http://127.0.0.1:%1").arg(hostile.serverPort());
            client.setBaseUrl(
                QUrl(QStringLiteral("http://127.0.0.1:%1").arg(hostile.serverPort())));
            client.setDeadlineMs(3000);
            QSignalSpy failed(&client, &PrometheusClient::rangeFailed);
            QSignalSpy ready(&client, &PrometheusClient::rangeReady);
            client.queryRange(QStringLiteral("q"), QStringLiteral("up"), 0, 60'000, 15'000);
            QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty() || !ready.isEmpty(), 30'000);
            QVERIFY(ready.isEmpty());
            const QString why = failed.at(0).at(1).toString();
            QVERIFY2(why.startsWith(where), qPrintable(why));
            switch (mode) {
            case HostilePrometheus::Mode::Endless:
                QVERIFY2(why.contains(QStringLiteral("larger than 16 MiB")), qPrintable(why));
                break;
            case HostilePrometheus::Mode::ManyPoints:
                QVERIFY2(why.contains(QStringLiteral("20000 points")), qPrintable(why));
                break;
            case HostilePrometheus::Mode::Drip:
                QVERIFY2(why.contains(QStringLiteral("within 3 s")), qPrintable(why));
                break;
            }
            qInfo("%s", qPrintable(why));
        }
        // Alertmanager is held to its own cap, and named.
        {
            HostilePrometheus endless(HostilePrometheus::Mode::Endless);
            QVERIFY(endless.listen(QHostAddress::LocalHost, 0));
            dashboard::AlertmanagerClient alerts(&m_nam);
            alerts.setBaseUrl(
                QUrl(QStringLiteral("http://127.0.0.1:%1").arg(endless.serverPort())));
            QSignalSpy reach(&alerts, &dashboard::AlertmanagerClient::reachabilityChanged);
            alerts.refresh();
            QTRY_VERIFY_WITH_TIMEOUT(!reach.isEmpty(), 30'000);
            const QString why = reach.at(0).at(1).toString();
            QVERIFY2(why.startsWith(QStringLiteral("Alertmanager at http://127.0.0.1:%1 sent an "
                                                   "answer larger than 4 MiB")
                                        .arg(endless.serverPort())),
                     qPrintable(why));
        }
        // The endless answers (up to 2 GiB) cost no more than the cap and what is in flight.
        const double peakAfter = testsupport::peakRssMiB(QCoreApplication::applicationPid());
        qInfo("peak memory %.0f MiB before, %.0f MiB after", peakBefore, peakAfter);
        QVERIFY2(peakAfter - peakBefore < 120, qPrintable(QString::number(peakAfter - peakBefore)));
    }

    void aPrometheusThatIsDownIsSaidSo()
    {
        PrometheusClient client(&m_nam);
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(probe.serverPort())));
        probe.close();
        dashboard::SourcesModel sources;
        HeatmapModel model;
        dashboard::HeatmapChart chart(&model, &sources);
        QSignalSpy loaded(&chart, &dashboard::HeatmapChart::loaded);
        chart.setPrometheus(&client);
        QTRY_VERIFY_WITH_TIMEOUT(!loaded.isEmpty(), 15'000);
        QVERIFY(!loaded.last().at(0).toBool());
        chart.flush();
        QVERIFY(!chart.hasData());
        QVERIFY2(chart.noDataText().contains(QStringLiteral("does not answer")),
                 qPrintable(chart.noDataText()));

        // A bad query is Prometheus's 400 with its reason.
        client.setBaseUrl(m_url);
        QSignalSpy failed(&client, &PrometheusClient::rangeFailed);
        client.queryRange(QStringLiteral("bad"), QStringLiteral("sum(("), 0, 60'000, 15'000);
        QVERIFY(failed.wait(10'000));
        QVERIFY2(failed.at(0).at(1).toString().contains(QStringLiteral("HTTP 400")),
                 qPrintable(failed.at(0).at(1).toString()));
    }
};

QTEST_MAIN(TestHistory)
#include "tst_history.moc"
