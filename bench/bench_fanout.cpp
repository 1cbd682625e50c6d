// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// WebSocket fan-out: the real enrichment-backend process broadcasts each
// enrichment_batch_complete to 1, 100 and 1,000 connected clients; we time, per event,
// from the envelope's timestamp (taken when the server serialised it, once) until the
// last client received it, and read the server's resident memory before and after the
// clients joined. All clients live on this process's one thread, so the figure includes
// reading 1,000 sockets one after another.
#include <benchmark/benchmark.h>

#include <QCoreApplication>
#include <QDateTime>
#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTimer>
#include <QWebSocket>

#include "BenchSupport.h"

namespace {
void spin(int ms, const std::function<bool()> &done)
{
    QEventLoop loop;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    poll.start(5);
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    if (!done())
        loop.exec();
}
} // namespace

static void BM_FanOut(benchmark::State &state)
{
    const int clients = int(state.range(0));
    QTemporaryDir dir;
    QProcess server;
    server.start(QStringLiteral(BACKEND_BINARY),
                 {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--seed-tracks"),
                  QStringLiteral("50000"), QStringLiteral("--database"),
                  dir.filePath(QStringLiteral("fanout.sqlite")),
                  QStringLiteral("--batch-interval-ms"), QStringLiteral("100"),
                  QStringLiteral("--time-scale"), QStringLiteral("0.05"),
                  QStringLiteral("--max-connections"), QStringLiteral("4096")});
    server.waitForStarted();
    spin(15'000, [&] { return server.canReadLine(); });
    const QByteArray line = server.readLine().trimmed();
    QUrl url(QString::fromUtf8(line.mid(13)));
    url.setScheme(QStringLiteral("ws"));
    url.setPath(QStringLiteral("/ws"));
    url.setQuery(QStringLiteral("room_id=enrichment_monitor"));
    spin(1000, [] { return false; }); // let the server settle before the memory baseline
    const qint64 rssBefore = bench::residentBytes(server.processId());

    std::vector<std::unique_ptr<QWebSocket>> sockets;
    int welcomed = 0;
    std::map<QString, std::vector<qint64>> received; // envelope timestamp -> receive times (ms)
    for (int i = 0; i < clients; ++i) {
        auto ws = std::make_unique<QWebSocket>();
        QObject::connect(
            ws.get(), &QWebSocket::textMessageReceived, ws.get(), [&](const QString &m) {
                const qint64 now = QDateTime::currentMSecsSinceEpoch();
                const QJsonObject o = QJsonDocument::fromJson(m.toUtf8()).object();
                const QString type = o.value(QStringLiteral("type")).toString();
                if (type == QLatin1String("welcome"))
                    ++welcomed;
                else if (type == QLatin1String("enrichment_batch_complete"))
                    received[o.value(QStringLiteral("timestamp")).toString()].push_back(now);
            });
        ws->open(url);
        sockets.push_back(std::move(ws));
    }
    spin(60'000, [&] { return welcomed == clients; });
    spin(500, [] { return false; });
    const qint64 rssAfter = bench::residentBytes(server.processId());

    std::vector<double> lastMs, firstMs;
    for (auto _ : state) {
        received.clear();
        spin(30'000, [&] {
            int complete = 0;
            for (const auto &[ts, times] : received)
                complete += times.size() == std::size_t(clients) ? 1 : 0;
            return complete >= 20;
        });
    }
    for (const auto &[ts, times] : received) {
        if (times.size() != std::size_t(clients))
            continue;
        const qint64 sent = QDateTime::fromString(ts, Qt::ISODateWithMs).toMSecsSinceEpoch();
        lastMs.push_back(double(*std::max_element(times.begin(), times.end()) - sent));
        firstMs.push_back(double(*std::min_element(times.begin(), times.end()) - sent));
    }
    state.counters["clients"] = clients;
    state.counters["connected"] = welcomed;
    state.counters["events"] = double(lastMs.size());
    state.counters["first_p50_ms"] = bench::percentile(firstMs, 0.5);
    state.counters["last_p50_ms"] = bench::percentile(lastMs, 0.5);
    state.counters["last_max_ms"] = bench::percentile(lastMs, 1.0);
    state.counters["server_rss_MiB"] = double(rssAfter) / 1048576.0;
    state.counters["server_KiB_per_client"] =
        clients ? double(rssAfter - rssBefore) / 1024.0 / clients : 0;
    for (auto &s : sockets)
        s->abort();
    server.terminate();
    server.waitForFinished(5000);
}
BENCHMARK(BM_FanOut)->Arg(1)->Arg(100)->Arg(1000)->Iterations(1)->Unit(benchmark::kMillisecond);

int main(int argc, char **argv)
{
    return bench::run<QCoreApplication>(argc, argv);
}
