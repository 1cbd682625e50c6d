// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HeadlessExport.h"

#include <QCoreApplication>

#include "DashboardExporter.h"
#include "DashboardModels.h"
#include "DashboardView.h"
#include "HeatmapChart.h"
#include "TimeSeriesChart.h"
#include "BackendFeed.h"
#include "AnomalyChart.h"
#include "AnomalyModel.h"
#include "PrometheusClient.h"

namespace dashboard {

HeadlessExport::HeadlessExport(BackendFeed *feed, DashboardModels *models, EventLogModel *eventLog,
                               const QString &dir, int timeoutSeconds, QObject *parent)
    : QObject(parent), m_feed(feed), m_view(std::make_unique<DashboardView>(models, eventLog)),
      m_dir(dir)
{
    // Laid out and painted like a window's content, but never mapped on a screen.
    // Shown from the start, as a window's content would be, so the charts lay out their
    // axes as data arrives.
    m_view->setAttribute(Qt::WA_DontShowOnScreen);
    m_view->resize(Width, m_view->heightFor(Width));
    m_view->show();
    m_wait.setSingleShot(true);
    m_wait.setInterval(10'000);
    connect(&m_wait, &QTimer::timeout, this, [this] {
        m_waited = true;
        tryExport();
    });
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(timeoutSeconds * 1000);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        if (m_done)
            return;
        m_done = true;
        // Name what kept the export waiting: the backend, or a history service that had
        // not finished answering while the backend had.
        if (m_haveSnapshot && m_historySettled && !m_prometheusUrl.isEmpty() &&
            (!m_heatmapSettled || !m_anomaliesSettled || m_historyPending > 0)) {
            Q_EMIT finished(1, QCoreApplication::translate(
                                   "HeadlessExport",
                                   "Prometheus at %1 had not finished answering within %2 s (the "
                                   "backend at %3 had); the long history is what was missing")
                                   .arg(m_prometheusUrl)
                                   .arg(m_timeout.interval() / 1000)
                                   .arg(m_feed->baseUrl().toString()));
            return;
        }
        const QString why = m_feed->lastError().isEmpty()
                                ? QCoreApplication::translate("HeadlessExport", "nothing arrived")
                                : m_feed->lastError();
        Q_EMIT finished(
            1, QCoreApplication::translate("HeadlessExport", "no data from %1 within %2 s: %3")
                   .arg(m_feed->baseUrl().toString())
                   .arg(m_timeout.interval() / 1000)
                   .arg(why));
    });
    // The models follow the feed; export once they hold a snapshot and the history request
    // (sent when the feed starts) has ended either way.
    connect(models, &DashboardModels::snapshotApplied, this, [this] {
        m_haveSnapshot = true;
        tryExport();
    });
    connect(feed, &BackendFeed::historySettled, this, [this] {
        m_historySettled = true;
        tryExport();
    });
}

HeadlessExport::~HeadlessExport() = default;

void HeadlessExport::setPrometheus(PrometheusClient *client)
{
    auto *heatmap = qobject_cast<HeatmapChart *>(m_view->panel(QStringLiteral("heatmap")));
    if (!heatmap)
        return;
    m_heatmapSettled = false;
    m_prometheusUrl =
        client->baseUrl().adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery).toString();
    connect(heatmap, &HeatmapChart::loaded, this, [this] {
        m_heatmapSettled = true;
        tryExport();
    });
    if (qobject_cast<AnomalyChart *>(m_view->panel(QStringLiteral("anomalies")))) {
        m_anomaliesSettled = false;
        connect(m_view->models()->anomalies(), &AnomalyModel::historyLoaded, this, [this] {
            m_anomaliesSettled = true;
            tryExport();
        });
    }
    for (ChartPanel *panel : m_view->panels()) {
        auto *chart = qobject_cast<TimeSeriesChart *>(panel);
        if (!chart)
            continue;
        connect(chart, &TimeSeriesChart::historyLoaded, this, [this] {
            m_historyPending = std::max(0, m_historyPending - 1);
            tryExport();
        });
    }
    // Counted before asking: an answer may not come later than the question.
    for (ChartPanel *panel : m_view->panels())
        if (auto *chart = qobject_cast<TimeSeriesChart *>(panel);
            chart && chart->spanMinutes() > 60)
            ++m_historyPending;
    m_view->setPrometheus(client);
}

void HeadlessExport::setRangeMinutes(int minutes)
{
    for (ChartPanel *panel : m_view->panels())
        if (auto *chart = qobject_cast<TimeSeriesChart *>(panel))
            chart->setSpanMinutes(minutes);
}

void HeadlessExport::start()
{
    m_timeout.start();
}

bool HeadlessExport::chartsFilled() const
{
    for (ChartPanel *panel : m_view->panels()) {
        // They need long history, or minutes of live samples, which waiting a few seconds
        // does not bring.
        static const QStringList needHistory{QStringLiteral("heatmap"), QStringLiteral("forecast"),
                                             QStringLiteral("anomalies"),
                                             QStringLiteral("breaker_forecast")};
        if (needHistory.contains(panel->id()))
            continue;
        panel->flush();
        if (!panel->hasData())
            return false;
    }
    return true;
}

void HeadlessExport::tryExport()
{
    if (m_done || !m_haveSnapshot || !m_historySettled || !m_heatmapSettled ||
        !m_anomaliesSettled || m_historyPending > 0)
        return;
    if (!m_waited && !chartsFilled()) {
        // Every snapshot asks again; the wait's end writes what there is.
        if (!m_wait.isActive() && m_wait.interval() > 0)
            m_wait.start();
        if (m_wait.interval() > 0)
            return;
    }
    m_done = true;
    m_timeout.stop();
    m_wait.stop();
    m_view->setBackendName(m_feed->baseUrl().toString());
    m_view->resize(Width, m_view->heightFor(Width)); // the cards and badges may have wrapped
    QStringList written;
    QString error;
    if (!DashboardExporter(m_view.get()).exportAll(m_dir, &written, &error, m_overwrite)) {
        Q_EMIT finished(1, error);
        return;
    }
    Q_EMIT finished(0, QCoreApplication::translate("HeadlessExport", "wrote %1 files to %2")
                           .arg(written.size())
                           .arg(m_dir));
}

} // namespace dashboard
