// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The dashboard side: a chart with 24 h of 1 s samples for five series, redrawn the way
// TimeSeriesChart does it (min/max per pixel, replace()) against handing every raw point
// to the series; and the resident memory of the whole window after a simulated day of
// snapshots.
#include <benchmark/benchmark.h>

#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QDateTimeAxis>
#include <QLineSeries>
#include <QNetworkAccessManager>
#include <QPainter>
#include <QValueAxis>

#include "BenchSupport.h"
#include "Connection.h"
#include "ConnectionPage.h"
#include "DashboardModels.h"
#include "DashboardView.h"
#include "DashboardWindow.h"
#include "enrichment/SnapshotParser.h"
#include "TimeSeriesChart.h"
#include "TimeSeriesModel.h"

using namespace dashboard;

namespace {
constexpr qint64 Start = 1'800'000'000'000;
constexpr int Day = 86'400;

TimeSeriesModel *dayModel()
{
    static TimeSeriesModel *model = [] {
        auto *m =
            new TimeSeriesModel({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                                 QStringLiteral("d"), QStringLiteral("e")},
                                Day);
        QList<QPair<qint64, QList<std::optional<double>>>> samples;
        samples.reserve(Day);
        for (int i = 0; i < Day; ++i)
            samples.append({Start + qint64(i) * 1000,
                            {double(i % 600), double((i * 7) % 900), 300.0 + (i % 50),
                             double(i % 3600) / 10.0, double(i % 17)}});
        m->merge(samples);
        return m;
    }();
    return model;
}

void render(QWidget &w)
{
    QImage image(w.size(), QImage::Format_ARGB32_Premultiplied);
    QPainter p(&image);
    w.render(&p);
}
} // namespace

static void BM_ChartRepaint_Downsampled(benchmark::State &state)
{
    TimeSeriesChart chart(QStringLiteral("t"), QStringLiteral("t"), dayModel(), {},
                          QStringLiteral("v"));
    chart.resize(600, 320);
    chart.setClock([] { return Start + qint64(Day) * 1000; });
    chart.setSpanMinutes(1440);
    chart.show();
    chart.flush();
    for (auto _ : state) {
        chart.flush(); // downsample + replace()
        render(chart);
    }
    state.counters["points_per_series"] = chart.pointCount(0);
}
BENCHMARK(BM_ChartRepaint_Downsampled)->Unit(benchmark::kMillisecond);

static void BM_Baseline_ChartRepaint_AllRawPoints(benchmark::State &state)
{
    TimeSeriesModel *m = dayModel();
    QChart *chart = new QChart;
    QChartView view(chart);
    view.resize(600, 320);
    auto *x = new QDateTimeAxis;
    auto *y = new QValueAxis;
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    QList<QLineSeries *> lines;
    for (int s = 0; s < m->seriesCount(); ++s) {
        auto *l = new QLineSeries;
        chart->addSeries(l);
        l->attachAxis(x);
        l->attachAxis(y);
        lines << l;
    }
    x->setRange(QDateTime::fromMSecsSinceEpoch(Start),
                QDateTime::fromMSecsSinceEpoch(Start + qint64(Day) * 1000));
    y->setRange(0, 1000);
    view.show();
    for (auto _ : state) {
        for (int s = 0; s < lines.size(); ++s)
            lines.at(s)->replace(m->points(s));
        render(view);
    }
    state.counters["points_per_series"] = lines.at(0)->count();
}
BENCHMARK(BM_Baseline_ChartRepaint_AllRawPoints)->Unit(benchmark::kMillisecond)->Iterations(3);

static void BM_DashboardMemory_Day(benchmark::State &state)
{
    for (auto _ : state) {
        const qint64 before = bench::residentBytes();
        QNetworkAccessManager nam;
        Connection connection(&nam);
        DashboardWindow window;
        window.addConnection(&connection);
        DashboardView *view = window.currentPage()->view();
        window.resize(1600, 1000);
        window.show();
        QString error;
        Snapshot s = *enrichment::SnapshotParser::parseSnapshot(
            R"({"queue": {"pending": 1, "in_progress": 0, "completed": 0, "failed": 0, "partial": 0},
            "processing_rate": {"completed_last_hour": 0, "per_minute": 1},
            "circuit_breakers": {"spotify": {"state": "closed", "failure_count": 0, "last_failure_time": null},
                                 "musicbrainz": {"state": "closed", "failure_count": 0, "last_failure_time": null},
                                 "discogs": {"state": "open", "failure_count": 5, "last_failure_time": 1.0e9},
                                 "beatport": {"state": "closed", "failure_count": 0, "last_failure_time": null},
                                 "lastfm": {"state": "half_open", "failure_count": 1, "last_failure_time": 1.0e9}},
            "source_health": {"spotify": "healthy", "musicbrainz": "healthy", "discogs": "down", "beatport": "healthy", "lastfm": "degraded"}})",
            &error);
        for (int i = 0; i < Day; ++i) {
            s.timestamp = QDateTime::fromMSecsSinceEpoch(Start + qint64(i) * 1000, Qt::UTC);
            s.queue[0] = 100'000 - i;
            s.queue[2] = i;
            s.perMinute = double(i % 300);
            connection.models()->applySnapshot(s);
            if (i % 3600 == 0)
                QCoreApplication::processEvents(); // charts redraw as they would live
        }
        for (ChartPanel *p : view->panels())
            p->flush();
        render(window);
        const qint64 after = bench::residentBytes();
        state.counters["samples"] = connection.models()->processingRate()->size();
        state.counters["rss_MiB"] = double(after) / 1048576.0;
        state.counters["rss_growth_MiB"] = double(after - before) / 1048576.0;
    }
}
BENCHMARK(BM_DashboardMemory_Day)->Iterations(1)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return bench::run<QApplication>(argc, argv);
}
