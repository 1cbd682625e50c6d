// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChartCatalog.h"

#include <QCoreApplication>
#include <QMap>

#include <array>

#include "AnomalyChart.h"
#include "CachePieChart.h"
#include "CategoryBarChart.h"
#include "DashboardModels.h"
#include "FlowChart.h"
#include "ForecastChart.h"
#include "HeatmapChart.h"
#include "SourcesModel.h"
#include "StatusStyle.h"
#include "TimeSeriesChart.h"
#include "TripForecastChart.h"

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
            QStringLiteral("heatmap"),
            QStringLiteral("anomalies"),
            QStringLiteral("breaker_forecast"),
            QStringLiteral("flow")};
}

namespace {

// The charts' texts keep the context they were first translated under; they are marked
// with QT_TRANSLATE_NOOP where they are listed and translated by translated().
QString translated(const char *text)
{
    return QCoreApplication::translate("dashboard::DashboardWindow", text);
}

/// A bar per source (the names read in full on the left) with @p columns as values.
CategoryBarChart::Spec sourceBars(const QStringList &columns, const QList<QColor> &colors,
                                  const char *valueTitle)
{
    CategoryBarChart::Spec spec;
    spec.valueColumns = columns;
    spec.colors = colors;
    spec.valueTitle = translated(valueTitle);
    spec.horizontal = true;
    return spec;
}

/// Bars of percentages: the axis runs from 0 to 100 whatever the values.
CategoryBarChart::Spec percentBars(const QStringList &columns, const QList<QColor> &colors,
                                   const char *valueTitle)
{
    CategoryBarChart::Spec spec = sourceBars(columns, colors, valueTitle);
    spec.minValue = 0;
    spec.maxValue = 100;
    return spec;
}

/// One stacked bar per source whose length is a level (closed / half-open / open, down /
/// degraded / healthy) and whose colour is that level's, named in the legend: @p levels
/// in order, each with its wire key, label and colour.
template<typename Level, std::size_t N, typename Key, typename Label, typename Color>
CategoryBarChart::Spec levelBars(const QString &levelColumn, const QString &keyColumn,
                                 const std::array<Level, N> &levels, Key key, Label label,
                                 Color color)
{
    CategoryBarChart::Spec spec;
    spec.valueColumns = {levelColumn};
    spec.colorByColumn = keyColumn;
    for (Level l : levels) {
        spec.colorKeys << key(l);
        spec.colorLabels << label(l);
        spec.colorValues << color(l);
    }
    spec.stacked = true;
    spec.levelLabels = spec.colorLabels;
    spec.horizontal = true;
    return spec;
}

CategoryBarChart::Spec queueBars(const QPalette &pal)
{
    CategoryBarChart::Spec spec = sourceBars(
        {QStringLiteral("count")}, {}, QT_TRANSLATE_NOOP("dashboard::DashboardWindow", "tracks"));
    spec.colorByCategory = true; // each status in its own colour
    spec.stacked = true;
    for (int i = 0; i < QueueStatusCount; ++i)
        spec.colorValues << StatusStyle::queueColor(QueueStatus(i), pal);
    spec.integerValues = true;
    return spec;
}

CategoryBarChart::Spec breakerBars(const QPalette &pal)
{
    return levelBars(
        QStringLiteral("state_level"), QStringLiteral("state"),
        std::array{BreakerState::Closed, BreakerState::HalfOpen, BreakerState::Open},
        [](BreakerState s) { return breakerStateKey(s); }, &SourcesModel::stateLabel,
        [&pal](BreakerState s) { return StatusStyle::breakerColor(s, pal); });
}

CategoryBarChart::Spec healthBars(const QPalette &pal)
{
    return levelBars(
        QStringLiteral("health_level"), QStringLiteral("health"),
        std::array{Health::Down, Health::Degraded, Health::Healthy},
        [](Health h) { return healthKey(h); }, &SourcesModel::healthLabel,
        [&pal](Health h) { return StatusStyle::healthColor(h, pal); });
}

CategoryBarChart::Spec errorBars(const QPalette &pal)
{
    QStringList columns = DashboardModels::knownErrorTypes();
    columns << QStringLiteral("other");
    // Each error type its own colour, and none of them the green that means healthy: a
    // refused call (circuit open) is grey, a server error red.
    using enrichment::ErrorType;
    static const QMap<ErrorType, int> colorOf{
        {ErrorType::Timeout, 1},         {ErrorType::RateLimited, 2}, {ErrorType::ServerError, 7},
        {ErrorType::ConnectionError, 4}, {ErrorType::ParseError, 3},  {ErrorType::CircuitOpen, 6},
        {ErrorType::LocalRateLimit, 0}};
    QList<QColor> colors;
    for (const QString &type : std::as_const(columns)) {
        const auto known = enrichment::errorTypeFromWire(type);
        colors << (known ? StatusStyle::seriesColor(colorOf.value(*known), pal)
                         : StatusStyle::seriesColor(6, pal).lighter(135));
    }
    // The counts are totals since the backend (on a fleet: each worker) started.
    CategoryBarChart::Spec spec = sourceBars(
        columns, colors, QT_TRANSLATE_NOOP("dashboard::DashboardWindow", "errors since start"));
    spec.stacked = true;
    spec.integerValues = true;
    spec.hideEmptySeries = true;
    return spec;
}

} // namespace

QList<ChartPanel *> createDashboardCharts(DashboardModels *models, const QPalette &pal,
                                          QWidget *parent)
{
    const auto series = [&pal](int i) {
        return StatusStyle::seriesColor(i, pal);
    };
    const auto bars = [parent](const char *id, const char *title, CategoryTableModel *model,
                               const CategoryBarChart::Spec &spec) {
        return new CategoryBarChart(QLatin1String(id), translated(title), model, spec, parent);
    };
    const auto line = [parent, models](const char *id, const char *title, TimeSeriesModel *model,
                                       const QList<QColor> &colors, const char *unit) {
        auto *chart = new TimeSeriesChart(QLatin1String(id), translated(title), model, colors,
                                          translated(unit), parent);
        chart->setMarkers(models->markers());
        return chart;
    };
    ChartPanel *queue =
        bars("queue", QT_TRANSLATE_NOOP("dashboard::DashboardWindow", "Queue overview"),
             models->queue(), queueBars(pal));
    queue->setObjectName(QStringLiteral("chart_queue"));
    ChartPanel *coverage =
        bars("coverage", QT_TRANSLATE_NOOP("dashboard::DashboardWindow", "Metadata field coverage"),
             models->coverage(),
             percentBars({QStringLiteral("percent")}, {series(2)},
                         QT_TRANSLATE_NOOP("dashboard::DashboardWindow", "% of enriched tracks")));
    // A dozen fields: tall enough that every bar keeps its label.
    coverage->setMinimumHeight(420);
    // In the order the window shows them (dashboardChartIds()).
    return {
        queue,
        line("processing_rate", QT_TRANSLATE_NOOP("dashboard::DashboardWindow", "Processing rate"),
             models->processingRate(), {series(3)},
             QT_TRANSLATE_NOOP("dashboard::DashboardWindow", "tracks / min")),
        bars("circuit_breakers",
             QT_TRANSLATE_NOOP("dashboard::DashboardWindow", "Circuit breaker states"),
             models->breakers(), breakerBars(pal)),
        bars("success_rate",
             QT_TRANSLATE_NOOP("dashboard::DashboardWindow", "Success rate by source"),
             models->successRate(),
             percentBars({QStringLiteral("success_rate_1h_percent"),
                          QStringLiteral("success_rate_24h_percent")},
                         {series(0), series(5)},
                         QT_TRANSLATE_NOOP("dashboard::DashboardWindow", "%"))),
        bars("latency", QT_TRANSLATE_NOOP("dashboard::DashboardWindow", "Latency p50 / p95 / p99"),
             models->latency(),
             sourceBars(
                 {QStringLiteral("p50_ms"), QStringLiteral("p95_ms"), QStringLiteral("p99_ms")},
                 {series(0), series(1), series(4)},
                 QT_TRANSLATE_NOOP("dashboard::DashboardWindow", "ms"))),
        bars("rate_limits", QT_TRANSLATE_NOOP("dashboard::DashboardWindow", "API rate limits"),
             models->rateLimits(),
             percentBars({QStringLiteral("remaining_percent")}, {series(3)},
                         QT_TRANSLATE_NOOP("dashboard::DashboardWindow", "% left"))),
        bars("errors", QT_TRANSLATE_NOOP("dashboard::DashboardWindow", "Error breakdown"),
             models->errors(), errorBars(pal)),
        bars("source_health", QT_TRANSLATE_NOOP("dashboard::DashboardWindow", "Source health"),
             models->health(), healthBars(pal)),
        new CachePieChart(
            QStringLiteral("cache"),
            translated(QT_TRANSLATE_NOOP("dashboard::DashboardWindow", "Cache performance")),
            models->cache(), parent),
        coverage,
        line("queue_trend",
             QT_TRANSLATE_NOOP("dashboard::DashboardWindow", "Queue depth over time"),
             models->queueTrend(),
             {StatusStyle::queueColor(QueueStatus::Pending, pal),
              StatusStyle::queueColor(QueueStatus::InProgress, pal),
              StatusStyle::queueColor(QueueStatus::Failed, pal)},
             QT_TRANSLATE_NOOP("dashboard::DashboardWindow", "tracks")),
        new ForecastChart(models->forecast(), StatusStyle::queueColor(QueueStatus::Pending, pal),
                          parent),
        new HeatmapChart(models->heatmap(), models->sources(), parent),
        new AnomalyChart(models->anomalies(), parent),
        new TripForecastChart(models->tripForecasts(), parent),
        new FlowChart(models->flow(), parent)};
}

} // namespace dashboard
