// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChartCatalog.h"

#include <QCoreApplication>
#include <QMap>

#include "CachePieChart.h"
#include "CategoryBarChart.h"
#include "DashboardModels.h"
#include "ForecastChart.h"
#include "HeatmapChart.h"
#include "SourcesModel.h"
#include "StatusStyle.h"
#include "TimeSeriesChart.h"

namespace dashboard {

QStringList dashboardChartIds()
{
    // The single list of chart ids (files of --export, objects of the window), in the
    // order the window shows them.
    return {QStringLiteral("queue"),
            QStringLiteral("processing_rate"),
            QStringLiteral("circuit_breakers"),
            QStringLiteral("success_rate"),
            QStringLiteral("latency"),
            QStringLiteral("rate_limits"),
            QStringLiteral("errors"),
            QStringLiteral("source_health"),
            QStringLiteral("cache"),
            QStringLiteral("coverage"),
            QStringLiteral("queue_trend"),
            QStringLiteral("forecast"),
            QStringLiteral("heatmap")};
}

QList<ChartPanel *> createDashboardCharts(DashboardModels *models, const QPalette &pal,
                                          QWidget *parent)
{

    CategoryBarChart::Spec queue;
    queue.valueColumns = {QStringLiteral("count")};
    queue.colorByCategory = true; // each status in its own colour
    queue.stacked = true;
    queue.horizontal = true; // status names read in full on the left
    for (int i = 0; i < QueueStatusCount; ++i)
        queue.colorValues << StatusStyle::queueColor(QueueStatus(i), pal);
    queue.valueTitle = QCoreApplication::translate("dashboard::DashboardWindow", "tracks");
    queue.integerValues = true;
    auto *queueChart = new CategoryBarChart(
        QStringLiteral("queue"),
        QCoreApplication::translate("dashboard::DashboardWindow", "Queue overview"),
        models->queue(), queue, parent);
    queueChart->setObjectName(QStringLiteral("chart_queue"));

    auto *rateChart = new TimeSeriesChart(
        QStringLiteral("processing_rate"),
        QCoreApplication::translate("dashboard::DashboardWindow", "Processing rate"),
        models->processingRate(), {StatusStyle::seriesColor(3, pal)},
        QCoreApplication::translate("dashboard::DashboardWindow", "tracks / min"), parent);
    rateChart->setMarkers(models->markers());

    CategoryBarChart::Spec breakers;
    breakers.valueColumns = {QStringLiteral("state_level")};
    breakers.colorByColumn = QStringLiteral("state");
    breakers.colorKeys = {breakerStateKey(BreakerState::Closed),
                          breakerStateKey(BreakerState::HalfOpen),
                          breakerStateKey(BreakerState::Open)};
    breakers.colorLabels = {SourcesModel::stateLabel(BreakerState::Closed),
                            SourcesModel::stateLabel(BreakerState::HalfOpen),
                            SourcesModel::stateLabel(BreakerState::Open)};
    breakers.colorValues = {StatusStyle::breakerColor(BreakerState::Closed, pal),
                            StatusStyle::breakerColor(BreakerState::HalfOpen, pal),
                            StatusStyle::breakerColor(BreakerState::Open, pal)};
    breakers.stacked = true;
    breakers.levelLabels = breakers.colorLabels;
    breakers.horizontal = true; // source names read in full on the left
    auto *breakerChart = new CategoryBarChart(
        QStringLiteral("circuit_breakers"),
        QCoreApplication::translate("dashboard::DashboardWindow", "Circuit breaker states"),
        models->breakers(), breakers, parent);

    CategoryBarChart::Spec success;
    success.valueColumns = {QStringLiteral("success_rate_1h_percent"),
                            QStringLiteral("success_rate_24h_percent")};
    success.colors = {StatusStyle::seriesColor(0, pal), StatusStyle::seriesColor(5, pal)};
    success.minValue = 0;
    success.maxValue = 100;
    success.valueTitle = QCoreApplication::translate("dashboard::DashboardWindow", "%");
    success.horizontal = true; // source names read in full on the left
    auto *successChart = new CategoryBarChart(
        QStringLiteral("success_rate"),
        QCoreApplication::translate("dashboard::DashboardWindow", "Success rate by source"),
        models->successRate(), success, parent);

    CategoryBarChart::Spec latency;
    latency.valueColumns = {QStringLiteral("p50_ms"), QStringLiteral("p95_ms"),
                            QStringLiteral("p99_ms")};
    latency.colors = {StatusStyle::seriesColor(0, pal), StatusStyle::seriesColor(1, pal),
                      StatusStyle::seriesColor(4, pal)};
    latency.valueTitle = QCoreApplication::translate("dashboard::DashboardWindow", "ms");
    latency.horizontal = true; // source names read in full on the left
    auto *latencyChart = new CategoryBarChart(
        QStringLiteral("latency"),
        QCoreApplication::translate("dashboard::DashboardWindow", "Latency p50 / p95 / p99"),
        models->latency(), latency, parent);

    CategoryBarChart::Spec rate;
    rate.valueColumns = {QStringLiteral("remaining_percent")};
    rate.colors = {StatusStyle::seriesColor(3, pal)};
    rate.minValue = 0;
    rate.maxValue = 100;
    rate.valueTitle = QCoreApplication::translate("dashboard::DashboardWindow", "% left");
    rate.horizontal = true; // source names read in full on the left
    auto *rateLimitChart = new CategoryBarChart(
        QStringLiteral("rate_limits"),
        QCoreApplication::translate("dashboard::DashboardWindow", "API rate limits"),
        models->rateLimits(), rate, parent);

    CategoryBarChart::Spec errors;
    errors.valueColumns = DashboardModels::knownErrorTypes();
    errors.valueColumns << QStringLiteral("other");
    errors.stacked = true;
    // Each error type its own colour, and none of them the green that means healthy: a
    // refused call (circuit open) is grey, a server error red.
    for (const QString &type : std::as_const(errors.valueColumns)) {
        using enrichment::ErrorType;
        static const QMap<ErrorType, int> colorOf{
            {ErrorType::Timeout, 1},       {ErrorType::RateLimited, 2},
            {ErrorType::ServerError, 7},   {ErrorType::ConnectionError, 4},
            {ErrorType::ParseError, 3},    {ErrorType::CircuitOpen, 6},
            {ErrorType::LocalRateLimit, 0}};
        const auto known = enrichment::errorTypeFromWire(type);
        errors.colors << (known ? StatusStyle::seriesColor(colorOf.value(*known), pal)
                                : StatusStyle::seriesColor(6, pal).lighter(135));
    }
    // The counts are totals since the backend (on a fleet: each worker) started.
    errors.valueTitle =
        QCoreApplication::translate("dashboard::DashboardWindow", "errors since start");
    errors.integerValues = true;
    errors.hideEmptySeries = true;
    errors.horizontal = true; // source names read in full on the left
    auto *errorChart = new CategoryBarChart(
        QStringLiteral("errors"),
        QCoreApplication::translate("dashboard::DashboardWindow", "Error breakdown"),
        models->errors(), errors, parent);

    CategoryBarChart::Spec health;
    health.valueColumns = {QStringLiteral("health_level")};
    health.colorByColumn = QStringLiteral("health");
    health.colorKeys = {healthKey(Health::Down), healthKey(Health::Degraded),
                        healthKey(Health::Healthy)};
    health.colorLabels = {SourcesModel::healthLabel(Health::Down),
                          SourcesModel::healthLabel(Health::Degraded),
                          SourcesModel::healthLabel(Health::Healthy)};
    health.colorValues = {StatusStyle::healthColor(Health::Down, pal),
                          StatusStyle::healthColor(Health::Degraded, pal),
                          StatusStyle::healthColor(Health::Healthy, pal)};
    health.stacked = true;
    health.levelLabels = health.colorLabels;
    health.horizontal = true; // source names read in full on the left
    auto *healthChart = new CategoryBarChart(
        QStringLiteral("source_health"),
        QCoreApplication::translate("dashboard::DashboardWindow", "Source health"),
        models->health(), health, parent);

    auto *cacheChart = new CachePieChart(
        QStringLiteral("cache"),
        QCoreApplication::translate("dashboard::DashboardWindow", "Cache performance"),
        models->cache(), parent);

    CategoryBarChart::Spec coverage;
    coverage.valueColumns = {QStringLiteral("percent")};
    coverage.colors = {StatusStyle::seriesColor(2, pal)};
    coverage.horizontal = true;
    coverage.minValue = 0;
    coverage.maxValue = 100;
    coverage.valueTitle =
        QCoreApplication::translate("dashboard::DashboardWindow", "% of enriched tracks");
    auto *coverageChart = new CategoryBarChart(
        QStringLiteral("coverage"),
        QCoreApplication::translate("dashboard::DashboardWindow", "Metadata field coverage"),
        models->coverage(), coverage, parent);
    // A dozen fields: tall enough that every bar keeps its label.
    coverageChart->setMinimumHeight(420);

    auto *trendChart = new TimeSeriesChart(
        QStringLiteral("queue_trend"),
        QCoreApplication::translate("dashboard::DashboardWindow", "Queue depth over time"),
        models->queueTrend(),
        {StatusStyle::queueColor(QueueStatus::Pending, pal),
         StatusStyle::queueColor(QueueStatus::InProgress, pal),
         StatusStyle::queueColor(QueueStatus::Failed, pal)},
        QCoreApplication::translate("dashboard::DashboardWindow", "tracks"), parent);
    trendChart->setMarkers(models->markers());

    auto *forecastChart = new ForecastChart(
        models->forecast(), StatusStyle::queueColor(QueueStatus::Pending, pal), parent);

    return {queueChart,
            rateChart,
            breakerChart,
            successChart,
            latencyChart,
            rateLimitChart,
            errorChart,
            healthChart,
            cacheChart,
            coverageChart,
            trendChart,
            forecastChart,
            new HeatmapChart(models->heatmap(), models->sources(), parent)};
}

} // namespace dashboard
