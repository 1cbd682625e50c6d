// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DashboardModels.h"

#include <QDateTime>

#include "AnomalyModel.h"
#include "CategoryTableModel.h"
#include "ChartMarkers.h"
#include "EventLogModel.h"
#include "BackendFeed.h"
#include "SourcesModel.h"
#include "FlowModel.h"
#include "ForecastModel.h"
#include "HeatmapModel.h"
#include "SummaryModel.h"
#include "WorkersModel.h"
#include "enrichment/WireFormat.h"
#include "TimeSeriesModel.h"
#include "TripForecastModel.h"

namespace dashboard {

namespace k = enrichment::wire::key;
using enrichment::CacheOperation;
using enrichment::toWire;

namespace {
QVariant opt(const std::optional<double> &v, double scale = 1.0)
{
    return v ? QVariant(*v * scale) : QVariant();
}
QVariant opt(const std::optional<qint64> &v)
{
    return v ? QVariant(double(*v)) : QVariant();
}
QStringList sourceNames(const Snapshot &s)
{
    QStringList names;
    for (const SourceInfo &src : s.sources)
        names << src.name;
    return names;
}
} // namespace

QStringList DashboardModels::knownErrorTypes()
{
    return enrichment::errorTypeNames();
}

DashboardModels::DashboardModels(QObject *parent, int historyCapacity)
    : QObject(parent), m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_queue = new CategoryTableModel(k::Status, {k::Count}, this);
    m_queue->setColumnLabels({tr("Tracks")});
    m_rate = new TimeSeriesModel({k::PerMinute}, historyCapacity, this);
    m_rate->setSeriesLabels({tr("Tracks per minute")});
    m_trend = new TimeSeriesModel({queueStatusKey(QueueStatus::Pending),
                                   queueStatusKey(QueueStatus::InProgress),
                                   queueStatusKey(QueueStatus::Failed)},
                                  historyCapacity, this);
    m_trend->setSeriesLabels({SummaryModel::statusLabel(QueueStatus::Pending),
                              SummaryModel::statusLabel(QueueStatus::InProgress),
                              SummaryModel::statusLabel(QueueStatus::Failed)});
    m_breakers = new CategoryTableModel(k::Source,
                                        {k::State, QStringLiteral("state_level"), k::FailureCount,
                                         k::LastFailureTime, k::NextProbeInSeconds},
                                        this);
    m_breakers->setColumnLabels(
        {tr("State"), tr("State level"), tr("Failures"), tr("Last failure"), tr("Next probe (s)")});
    m_success = new CategoryTableModel(
        k::Source,
        {QStringLiteral("success_rate_1h_percent"), QStringLiteral("success_rate_24h_percent")},
        this);
    m_success->setColumnLabels({tr("Last hour"), tr("Last 24 hours")});
    m_success->setDecimals(1);
    m_latency = new CategoryTableModel(
        k::Source, {QStringLiteral("p50_ms"), QStringLiteral("p95_ms"), QStringLiteral("p99_ms")},
        this);
    m_latency->setColumnLabels({tr("p50"), tr("p95"), tr("p99")});
    m_rateLimits = new CategoryTableModel(
        k::Source, {QStringLiteral("remaining_percent"), k::Remaining, k::Limit, k::ResetTimestamp},
        this);
    m_rateLimits->setColumnLabels(
        {tr("Remaining %"), tr("Remaining"), tr("Limit"), tr("Resets at")});
    m_rateLimits->setDecimals(1);
    QStringList errorColumns = knownErrorTypes();
    errorColumns << QStringLiteral("other");
    m_errors = new CategoryTableModel(k::Source, errorColumns, this);
    m_errors->setColumnLabels({tr("Timeout"), tr("HTTP 429"), tr("HTTP 5xx"), tr("Connection"),
                               tr("Parse"), tr("Circuit open"), tr("Quota spent"), tr("Other")});
    m_health = new CategoryTableModel(k::Source, {k::Health, QStringLiteral("health_level")}, this);
    m_health->setColumnLabels({tr("Health"), tr("Health level")});
    m_cache = new CategoryTableModel(QStringLiteral("operation"), {k::Count}, this);
    m_cache->setColumnLabels({tr("Operations")});
    m_coverage = new CategoryTableModel(k::Field, {QStringLiteral("percent"), k::Count}, this);
    m_coverage->setColumnLabels({tr("Coverage %"), tr("Tracks")});
    m_coverage->setDecimals(1);
    m_sources = new SourcesModel(this);
    m_summary = new SummaryModel(this);
    m_workers = new WorkersModel(this);
    m_forecast = new ForecastModel(m_trend, this);
    m_heatmap = new HeatmapModel(this);
    m_anomalies = new AnomalyModel(this);
    // Anomalies are bands on the time charts too, each named.
    connect(m_anomalies, &AnomalyModel::evaluated, this, [this] {
        QList<ChartMarkers::Marker> bands;
        for (const AnomalyEpisode &e : m_anomalies->recent()) {
            const qint64 step =
                m_anomalies->hasHistory() ? AnomalyModel::HistoryStepMs : AnomalyModel::LiveStepMs;
            bands << ChartMarkers::Marker{ChartMarkers::Kind::Anomaly, e.startMs - step,
                                          e.ongoing ? 0 : e.endMs, AnomalyModel::describe(e)};
        }
        m_markers->replace(ChartMarkers::Kind::Anomaly, bands);
    });
    m_trips = new TripForecastModel(this);
    m_flow = new FlowModel(this);
    connect(m_trips, &TripForecastModel::updated, this,
            [this] { m_sources->setTripForecasts(m_trips->forecasts()); });
    m_markers = new ChartMarkers(this);
}

void DashboardModels::follow(BackendFeed *feed)
{
    connect(feed, &BackendFeed::snapshotReceived, this, &DashboardModels::applySnapshot);
    connect(feed, &BackendFeed::historyReceived, this, &DashboardModels::applyHistory);
    connect(feed, &BackendFeed::connectionLostChanged, this, [this, feed](bool lost) {
        setConnectionLost(lost, lost ? feed->lostSinceMs() : m_now());
    });
    connect(feed, &BackendFeed::eventReceived, this,
            [this](const QString &type, const QJsonObject &data) {
                if (type != enrichment::wire::event::OperatorAction)
                    return;
                const QDateTime at = enrichment::wire::parseTime(
                    data.value(enrichment::wire::key::Timestamp).toString().left(64));
                m_markers->add(ChartMarkers::Kind::Action,
                               at.isValid() ? at.toMSecsSinceEpoch() : m_now(),
                               EventLogModel::describeAction(data));
            });
}

void DashboardModels::setConnectionLost(bool lost, qint64 atMs)
{
    if (lost) {
        m_rate->appendGap(atMs);
        m_trend->appendGap(atMs);
        m_markers->begin(ChartMarkers::Kind::Outage, atMs, {});
    } else {
        m_markers->end(ChartMarkers::Kind::Outage, atMs);
    }
}

void DashboardModels::setClock(std::function<qint64()> nowMs)
{
    m_now = nowMs;
    m_forecast->setClock(nowMs);
    m_sources->setClock(std::move(nowMs));
}

void DashboardModels::applyHistory(const QList<HistoryPoint> &points)
{
    QList<QPair<qint64, QList<std::optional<double>>>> rate, trend;
    for (const HistoryPoint &p : points) {
        const qint64 t = p.timestamp.toMSecsSinceEpoch();
        rate.append({t, {p.perMinute}});
        auto d = [](const std::optional<qint64> &v) {
            return v ? std::optional<double>(double(*v)) : std::nullopt;
        };
        trend.append({t, {d(p.queue[0]), d(p.queue[1]), d(p.queue[3])}});
    }
    m_rate->merge(rate);
    m_trend->merge(trend);
    m_forecast->recompute();
}

void DashboardModels::applySnapshot(const Snapshot &s)
{
    m_snapshot = s;
    m_hasSnapshot = true;
    const QStringList names = sourceNames(s);

    QStringList statuses, labels;
    QList<QVariantList> queueRows;
    for (int i = 0; i < QueueStatusCount; ++i) {
        statuses << queueStatusKey(QueueStatus(i));
        labels << SummaryModel::statusLabel(QueueStatus(i));
        queueRows << QVariantList{opt(s.queue[std::size_t(i)])};
    }
    m_queue->setCategoryLabels(labels);
    m_queue->update(statuses, queueRows);

    const qint64 t = s.timestamp.isValid() ? s.timestamp.toMSecsSinceEpoch() : m_now();
    // A paused pipeline is a band on the charts, not a dip of the rate to zero.
    const bool paused = s.pipeline && s.pipeline->paused;
    if (paused)
        m_markers->begin(ChartMarkers::Kind::Paused, t, {});
    else
        m_markers->end(ChartMarkers::Kind::Paused, t);
    m_rate->append(t, {paused ? std::nullopt : s.perMinute});
    auto d = [](const std::optional<qint64> &v) {
        return v ? std::optional<double>(double(*v)) : std::nullopt;
    };
    m_trend->append(t, {d(s.queue[0]), d(s.queue[1]), d(s.queue[3])});

    QList<QVariantList> breakerRows, successRows, latencyRows, rateRows, errorRows, healthRows;
    const QStringList known = knownErrorTypes();
    for (const SourceInfo &src : s.sources) {
        if (src.breaker) {
            const std::optional<BreakerState> st = src.breaker->state;
            const QVariant level = st ? QVariant(double(int(*st) + 1)) : QVariant();
            breakerRows << QVariantList{breakerStateKey(st), level, opt(src.breaker->failureCount),
                                        opt(src.breaker->lastFailureTime),
                                        opt(src.breaker->nextProbeInSeconds)};
        } else {
            breakerRows << QVariantList{};
        }
        successRows << QVariantList{opt(src.successRate1h, 100.0), opt(src.successRate24h, 100.0)};
        if (src.latency)
            latencyRows << QVariantList{opt(src.latency->p50, 1000.0),
                                        opt(src.latency->p95, 1000.0),
                                        opt(src.latency->p99, 1000.0)};
        else
            latencyRows << QVariantList{};
        if (src.rateLimit)
            rateRows << QVariantList{src.rateLimit->remaining * 100.0 / src.rateLimit->limit,
                                     src.rateLimit->remaining, src.rateLimit->limit,
                                     opt(src.rateLimit->resetTimestamp)};
        else
            rateRows << QVariantList{};
        QVariantList errs;
        if (!src.errors.isEmpty()) {
            double other = 0;
            for (const QString &k : known)
                errs << QVariant(double(src.errors.value(k, 0)));
            for (auto it = src.errors.cbegin(); it != src.errors.cend(); ++it)
                if (!known.contains(it.key()))
                    other += double(it.value());
            errs << QVariant(other);
        }
        errorRows << errs;
        QVariant healthLevel; // no data when the service did not say
        if (src.health) {
            switch (*src.health) {
            case Health::Healthy: healthLevel = 3.0; break;
            case Health::Degraded: healthLevel = 2.0; break;
            case Health::Down: healthLevel = 1.0; break;
            case Health::Unavailable: healthLevel = 0.0; break;
            }
        }
        healthRows << QVariantList{healthKey(src.health), healthLevel};
    }
    m_breakers->update(names, breakerRows);
    m_success->update(names, successRows);
    m_latency->update(names, latencyRows);
    m_rateLimits->update(names, rateRows);
    m_errors->update(names, errorRows);
    m_health->update(names, healthRows);

    QList<QVariantList> cacheRows;
    if (s.cache)
        cacheRows = {{opt(s.cache->hits)},
                     {opt(s.cache->misses)},
                     {opt(s.cache->sets)},
                     {opt(s.cache->errors)}};
    m_cache->setCategoryLabels({tr("Hits"), tr("Misses"), tr("Sets"), tr("Errors")});
    m_cache->update({toWire(CacheOperation::Hit), toWire(CacheOperation::Miss),
                     toWire(CacheOperation::Set), toWire(CacheOperation::Error)},
                    cacheRows);

    QStringList fields;
    QList<QVariantList> coverageRows;
    if (s.coverage) {
        for (const FieldCoverage &f : s.coverage->fields) {
            fields << f.field;
            coverageRows << QVariantList{opt(f.ratio, 100.0), double(f.count)};
        }
    }
    m_coverage->update(fields, coverageRows);

    m_sources->update(s.sources, m_now(), s.sourcesNotShown);
    m_summary->update(s);
    m_workers->update(s);
    m_forecast->recomputeAtMost(10'000); // a minute grid: every snapshot would be waste
    m_anomalies->applySnapshot(s);
    m_trips->applySnapshot(s);
    m_flow->applySnapshot(s);
    Q_EMIT snapshotApplied();
}

} // namespace dashboard
