// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Long history and many backends, with real servers:
// 1. A 30-day range of five series from a real Prometheus (30 days written as OpenMetrics
//    and turned into blocks with promtool) to a redrawn chart: query_range on loopback,
//    parse, model, downsample, render. Baseline in the same run: the same chart over one
//    hour (the fixed cost of a round trip and a redraw).
// 2. The real dashboard binary watching ten real backends (--url ten times), idle: its
//    resident memory and CPU share over 30 s. Baseline in the same run: one backend.
#include <cstdio>

#include <unistd.h>

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QNetworkAccessManager>
#include <QPainter>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "BenchSupport.h"
#include "ChildProcess.h"
#include "Ports.h"
#include "PrometheusClient.h"
#include "TimeSeriesChart.h"
#include "TimeSeriesModel.h"

using namespace dashboard;

namespace {

constexpr qint64 Hour = 3'600'000;

bool writeHistory(const QString &path, qint64 endMs)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly))
        return false;
    f.write("# HELP bench_series Five series.\n# TYPE bench_series gauge\n");
    const qint64 step = 60'000;
    for (int s = 0; s < 5; ++s) {
        QByteArray lines;
        for (qint64 t = endMs - 30LL * 24 * Hour; t <= endMs; t += step)
            lines += "bench_series{series=\"" + QByteArray::number(s) + "\"} " +
                     QByteArray::number(100 * s + (t / step) % 97) + ' ' +
                     QByteArray::number(t / 1000) + '\n';
        f.write(lines);
    }
    f.write("# EOF\n");
    return true;
}

/// Milliseconds from asking Prometheus to a rendered chart, @p runs times.
std::vector<double> timeRedraws(TimeSeriesChart &chart, int spanMinutes, int runs)
{
    std::vector<double> ms;
    QSignalSpy loaded(&chart, &TimeSeriesChart::historyLoaded);
    chart.setSpanMinutes(spanMinutes);
    loaded.wait(30'000); // the first answer warms up Prometheus's caches
    for (int i = 0; i < runs; ++i) {
        loaded.clear();
        QElapsedTimer t;
        t.start();
        chart.reloadHistory();
        if (!loaded.wait(30'000) || !loaded.last().at(0).toBool())
            return {};
        chart.flush();
        QImage image(chart.size(), QImage::Format_ARGB32_Premultiplied);
        QPainter p(&image);
        chart.render(&p);
        ms.push_back(double(t.nsecsElapsed()) / 1e6);
    }
    return ms;
}

double cpuSeconds(qint64 pid)
{
    QFile f(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray s = f.readAll();
    const QList<QByteArray> fields = s.mid(s.lastIndexOf(')') + 2).split(' ');
    // Fields 14 and 15 of stat (utime, stime, in clock ticks), counted after the name.
    return (fields.value(11).toDouble() + fields.value(12).toDouble()) /
           double(::sysconf(_SC_CLK_TCK));
}

/// The dashboard binary watching @p backends idle backends: (RSS MiB, % of a core).
QPair<double, double> watch(const QList<QUrl> &backends, const QString &config)
{
    QStringList args;
    for (const QUrl &u : backends)
        args << QStringLiteral("--url") << u.toString();
    testsupport::ChildProcess app;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config);
    app.process.setProcessEnvironment(env);
    app.process.start(QStringLiteral(MONITOR_BINARY), args);
    if (!app.process.waitForStarted())
        return {-1, -1};
    QTest::qWait(8000); // connected, backfilled, drawn
    const qint64 pid = app.process.processId();
    const double before = cpuSeconds(pid);
    QElapsedTimer t;
    t.start();
    QTest::qWait(30'000);
    const double cpu = (cpuSeconds(pid) - before) / (double(t.elapsed()) / 1000.0) * 100.0;
    return {double(bench::residentBytes(pid)) / 1048576.0, cpu};
}

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    QTemporaryDir dir;
    const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
    const QString prometheus = QStandardPaths::findExecutable(QStringLiteral("prometheus"));
    if (promtool.isEmpty() || prometheus.isEmpty()) {
        std::printf("needs Debian's prometheus package\n");
        return 1;
    }

    // 1. Prometheus with 30 days of five series at one sample a minute.
    const qint64 end = QDateTime::currentMSecsSinceEpoch() / Hour * Hour - Hour;
    const QString om = dir.filePath(QStringLiteral("h.om"));
    writeHistory(om, end);
    QProcess blocks; // its list of blocks is not ours to print
    blocks.start(promtool,
                 {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"),
                  QStringLiteral("openmetrics"), om, dir.filePath(QStringLiteral("tsdb"))});
    blocks.waitForFinished(300'000);
    QFile cfg(dir.filePath(QStringLiteral("p.yml")));
    cfg.open(QIODevice::WriteOnly);
    cfg.write("global:\n  scrape_interval: 15s\n");
    cfg.close();
    const quint16 port = testsupport::restartablePort();
    testsupport::ChildProcess server;
    server.process.start(
        prometheus, {QStringLiteral("--config.file=") + cfg.fileName(),
                     QStringLiteral("--storage.tsdb.path=") + dir.filePath(QStringLiteral("tsdb")),
                     QStringLiteral("--storage.tsdb.retention.time=90d"),
                     QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port)});
    server.process.waitForStarted();
    QTest::qWait(3000);

    QNetworkAccessManager nam;
    PrometheusClient client(&nam);
    client.setBaseUrl(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)));
    TimeSeriesModel live({QStringLiteral("0"), QStringLiteral("1"), QStringLiteral("2"),
                          QStringLiteral("3"), QStringLiteral("4")},
                         10);
    TimeSeriesChart chart(QStringLiteral("bench"), QStringLiteral("bench"), &live, {},
                          QStringLiteral("v"));
    chart.resize(800, 320);
    chart.setClock([end] { return end; });
    chart.show();
    chart.setHistory(
        &client, [](qint64) { return QStringLiteral("bench_series"); },
        [](const PrometheusClient::Series &s) {
            return s.labels.value(QStringLiteral("series")).toInt();
        });
    const std::vector<double> day30 = timeRedraws(chart, 30 * 1440, 30);
    const int points = chart.pointCount(0);
    // Baseline: 6 h (the shortest range Prometheus serves), same chart, same path.
    const std::vector<double> hours6 = timeRedraws(chart, 360, 30);
    std::printf("1. Prometheus query_range -> redrawn chart (5 series, 800 px), 30 runs\n");
    std::printf("   range | points/series | p50 ms | p99 ms\n");
    std::printf("   30 d  | %13d | %6.1f | %6.1f\n", points, bench::percentile(day30, 0.5),
                bench::percentile(day30, 0.99));
    std::printf("   6 h   | %13d | %6.1f | %6.1f   (baseline)\n", chart.pointCount(0),
                bench::percentile(hours6, 0.5), bench::percentile(hours6, 0.99));
    std::printf("   30 d / 6 h p50 ratio: %.2f\n\n",
                bench::percentile(day30, 0.5) / std::max(0.001, bench::percentile(hours6, 0.5)));

    // 2. Ten idle backends (no tracks: nothing to do but answer and tick).
    QList<QUrl> urls;
    std::vector<std::unique_ptr<testsupport::ChildProcess>> backends;
    for (int i = 0; i < 10; ++i) {
        auto b = std::make_unique<testsupport::ChildProcess>();
        b->process.start(QStringLiteral(BACKEND_BINARY),
                         {QStringLiteral("--port"), QStringLiteral("0"),
                          QStringLiteral("--seed-tracks"), QStringLiteral("0"),
                          QStringLiteral("--database"),
                          dir.filePath(QStringLiteral("q%1.sqlite").arg(i))});
        b->process.waitForStarted();
        b->process.waitForReadyRead(15'000);
        const QByteArray line = b->process.readLine().trimmed();
        urls << QUrl(QString::fromUtf8(line.mid(13)));
        backends.push_back(std::move(b));
    }
    const auto one = watch({urls.first()}, dir.filePath(QStringLiteral("c1")));
    const auto ten = watch(urls, dir.filePath(QStringLiteral("c10")));
    std::printf("2. enrichment-monitor idle, watching N real backends (30 s)\n");
    std::printf("   backends | RSS MiB | CPU %% of a core\n");
    std::printf("   %8d | %7.0f | %6.2f   (baseline)\n", 1, one.first, one.second);
    std::printf("   %8d | %7.0f | %6.2f\n", 10, ten.first, ten.second);
    return 0;
}
