// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AnomalyModel.h"

#include <algorithm>
#include <cmath>

#include <QDateTime>
#include <QLocale>

#include "ModelRoles.h"
#include "enrichment/MetricNames.h"
#include "enrichment/Vocabulary.h"

namespace dashboard {

namespace {
const QString Prefix = QStringLiteral("anomalies/");
const QString CallsTag = Prefix + QStringLiteral("calls");
const QString OkTag = Prefix + QStringLiteral("ok");
const QString LatencyTag = Prefix + QStringLiteral("p95");
const QString ProcessedTag = Prefix + QStringLiteral("processed");
const QString PendingTag = Prefix + QStringLiteral("pending");
constexpr AnomalyMetric SourceMetrics[] = {AnomalyMetric::SuccessRate, AnomalyMetric::LatencyP95,
                                           AnomalyMetric::RequestRate};
constexpr int LiveKeep = 24 * 60; // a day of 1-minute steps
} // namespace

AnomalyModel::AnomalyModel(QObject *parent)
    : QAbstractTableModel(parent),
      m_batch(new PrometheusBatch(historyQueries(), HistoryDays * 24 * 3'600'000LL, HistoryStepMs,
                                  int(HistoryStepMs), this))
{
    connect(m_batch, &PrometheusBatch::answered, this, &AnomalyModel::setHistory);
    connect(m_batch, &PrometheusBatch::failed, this, &AnomalyModel::setHistoryFailed);
}

bool AnomalyModel::isLoading() const
{
    return m_batch->isLoading();
}

AnomalySettings AnomalyModel::liveSettings()
{
    AnomalySettings s;
    s.stepMs = LiveStepMs;
    s.holdSteps = 5;
    s.minVolume = 10;
    s.rollingSteps = 60;
    s.minRollingSamples = 15;
    return s;
}

AnomalySettings AnomalyModel::historySettings()
{
    AnomalySettings s;
    s.stepMs = HistoryStepMs;
    return s;
}

QString AnomalyModel::seriesKey(const QString &source, AnomalyMetric metric)
{
    return source + QLatin1Char('/') + anomalyMetricKey(metric);
}

void AnomalyModel::addSource(const QString &source)
{
    if (!source.isEmpty() && !m_sources.contains(source))
        m_sources << source;
}

void AnomalyModel::applySnapshot(const Snapshot &s)
{
    const qint64 now = s.timestamp.isValid() ? s.timestamp.toMSecsSinceEpoch()
                                             : QDateTime::currentMSecsSinceEpoch();
    if (m_stepEndMs < 0)
        m_stepEndMs = (now / LiveStepMs + 1) * LiveStepMs;
    while (now >= m_stepEndMs) {
        closeLiveStep();
        m_stepEndMs += LiveStepMs;
    }
    const QString success = enrichment::toWire(enrichment::RequestStatus::Success);
    for (const SourceInfo &src : s.sources) {
        const std::optional<qint64> total = src.requests();
        if (!total)
            continue;
        addSource(src.name);
        const double calls = double(*total);
        const double ok = double(src.requestsByStatus.value(success, 0));
        Counters &last = m_last[src.name];
        // A counter that went back (a worker restarted, one left the fleet) starts anew.
        if (last.calls >= 0 && calls >= last.calls && ok >= last.ok) {
            auto &step = m_stepCalls[src.name];
            step.first += calls - last.calls;
            step.second += ok - last.ok;
        }
        last = {calls, ok};
        if (src.latency && src.latency->p95)
            m_stepLatency.insert(src.name, *src.latency->p95);
    }
    const bool paused = s.pipeline && s.pipeline->paused;
    if (s.perMinute && !paused) {
        m_stepRateSum += *s.perMinute;
        ++m_stepRateCount;
    }
    if (const auto pending = s.queueCount(QueueStatus::Pending))
        m_stepBusy = m_stepBusy || *pending > 0;
}

void AnomalyModel::closeLiveStep()
{
    const double minutes = double(LiveStepMs) / 60'000.0;
    const auto add = [this](const QString &key, const AnomalyInput &in) {
        QList<AnomalyInput> &series = m_live[key];
        series << in;
        if (series.size() > LiveKeep)
            series.remove(0, series.size() - LiveKeep);
    };
    bool any = false;
    for (auto it = m_stepCalls.cbegin(); it != m_stepCalls.cend(); ++it) {
        const double calls = it->first;
        const double ratio = calls > 0 ? it->second / calls : std::nan("");
        add(seriesKey(it.key(), AnomalyMetric::SuccessRate),
            {m_stepEndMs, ratio, calls, m_stepBusy});
        add(seriesKey(it.key(), AnomalyMetric::LatencyP95),
            {m_stepEndMs, m_stepLatency.value(it.key(), std::nan("")), calls, m_stepBusy});
        add(seriesKey(it.key(), AnomalyMetric::RequestRate),
            {m_stepEndMs, calls / minutes, calls, m_stepBusy});
        any = true;
    }
    if (m_stepRateCount > 0) {
        const double rate = m_stepRateSum / m_stepRateCount;
        add(seriesKey({}, AnomalyMetric::ProcessingRate),
            {m_stepEndMs, rate, rate * minutes, m_stepBusy});
        any = true;
    }
    m_stepCalls.clear();
    m_stepLatency.clear();
    m_stepRateSum = 0;
    m_stepRateCount = 0;
    m_stepBusy = false;
    if (any && !m_fromHistory)
        recompute();
}

QHash<QString, QString> AnomalyModel::historyQueries()
{
    namespace metric = enrichment::metric;
    namespace label = enrichment::label;
    const QLatin1String source(label::Source);
    const QString window = QStringLiteral("[%1s]").arg(HistoryStepMs / 1000);
    QHash<QString, QString> q;
    q.insert(CallsTag, QStringLiteral("sum by (%1) (increase(%2%3))")
                           .arg(source, QLatin1String(metric::RequestsTotal), window));
    q.insert(OkTag,
             QStringLiteral("sum by (%1) (increase(%2{%3=\"%4\"}%5))")
                 .arg(source, QLatin1String(metric::RequestsTotal), QLatin1String(label::Status),
                      enrichment::toWire(enrichment::RequestStatus::Success), window));
    q.insert(LatencyTag,
             QStringLiteral("histogram_quantile(0.95, sum by (%1, le) (rate(%2_bucket%3)))")
                 .arg(source, QLatin1String(metric::DurationSeconds), window));
    q.insert(ProcessedTag, QStringLiteral("sum(increase(%1%2))")
                               .arg(QLatin1String(metric::TracksProcessedTotal), window));
    // One queue is seen by every worker: the max per queue, then the sum.
    q.insert(PendingTag, QStringLiteral("sum(max by (%1) (%2{%3=\"%4\"}))")
                             .arg(QLatin1String(label::Queue), QLatin1String(metric::QueueDepth),
                                  QLatin1String(label::Status),
                                  enrichment::toWire(enrichment::TrackStatus::Pending)));
    return q;
}

void AnomalyModel::setPrometheus(PrometheusClient *client)
{
    m_batch->setClient(client);
    if (!client) {
        m_fromHistory = false;
        m_historyError.clear();
        recompute();
    }
}

void AnomalyModel::setHistoryFailed(const QString &error)
{
    m_historyError = error;
    m_fromHistory = false;
    m_history.clear();
    recompute();
    Q_EMIT historyLoaded(false);
}

void AnomalyModel::setHistory(const QHash<QString, QList<PrometheusClient::Series>> &answers)
{
    const QString sourceLabel = QLatin1String(enrichment::label::Source);
    const auto bySource = [&](const QString &tag) {
        QHash<QString, QHash<qint64, double>> out;
        for (const PrometheusClient::Series &s : answers.value(tag)) {
            QHash<qint64, double> &points = out[s.labels.value(sourceLabel)];
            for (const auto &[ms, v] : s.points)
                points.insert(ms, v);
        }
        return out;
    };
    const auto calls = bySource(CallsTag);
    const auto ok = bySource(OkTag);
    const auto latency = bySource(LatencyTag);
    const QHash<qint64, double> processed = bySource(ProcessedTag).value({});
    const QHash<qint64, double> pending = bySource(PendingTag).value({});
    const double minutes = double(HistoryStepMs) / 60'000.0;
    const auto busyAt = [&pending](qint64 ms) {
        const auto it = pending.constFind(ms);
        return it == pending.cend() || *it > 0; // unknown: judged as if tracks waited
    };

    m_history.clear();
    QStringList names = calls.keys();
    std::sort(names.begin(), names.end());
    for (const QString &source : std::as_const(names)) {
        if (source.isEmpty())
            continue;
        addSource(source);
        QList<qint64> times = calls.value(source).keys();
        std::sort(times.begin(), times.end());
        const QHash<qint64, double> &c = calls[source];
        const QHash<qint64, double> o = ok.value(source);
        const QHash<qint64, double> l = latency.value(source);
        for (qint64 ms : std::as_const(times)) {
            const double n = c.value(ms);
            const bool busy = busyAt(ms);
            m_history[seriesKey(source, AnomalyMetric::SuccessRate)] << AnomalyInput{
                ms, n > 0 ? std::clamp(o.value(ms) / n, 0.0, 1.0) : std::nan(""), n, busy};
            m_history[seriesKey(source, AnomalyMetric::LatencyP95)]
                << AnomalyInput{ms, l.value(ms, std::nan("")), n, busy};
            m_history[seriesKey(source, AnomalyMetric::RequestRate)]
                << AnomalyInput{ms, n / minutes, n, busy};
        }
    }
    QList<qint64> times = processed.keys();
    std::sort(times.begin(), times.end());
    for (qint64 ms : std::as_const(times)) {
        const double n = processed.value(ms);
        m_history[seriesKey({}, AnomalyMetric::ProcessingRate)]
            << AnomalyInput{ms, n / minutes, n, busyAt(ms)};
    }
    m_fromHistory = !m_history.isEmpty();
    m_historyError = m_fromHistory ? QString() : tr("Prometheus has no calls in the last 30 days");
    recompute();
    Q_EMIT historyLoaded(m_fromHistory);
}

QString AnomalyModel::basis() const
{
    if (m_fromHistory)
        return tr("seasonal baseline from 30 days of Prometheus history");
    const QList<AnomalyInput> rate = m_live.value(seriesKey({}, AnomalyMetric::ProcessingRate));
    const int minutes = int(rate.size() * LiveStepMs / 60'000);
    QString live = tr("rolling baseline from %1 min of live samples").arg(minutes);
    if (!m_historyError.isEmpty())
        live += QStringLiteral(" (") + m_historyError + QLatin1Char(')');
    return live;
}

void AnomalyModel::recompute()
{
    const QHash<QString, QList<AnomalyInput>> &input = m_fromHistory ? m_history : m_live;
    const AnomalyDetector detector(m_fromHistory ? historySettings() : liveSettings());
    QHash<QString, QList<AnomalyPoint>> points;
    QList<AnomalyEpisode> episodes;
    const auto run = [&](const QString &source, AnomalyMetric metric) {
        const QList<AnomalyInput> series = input.value(seriesKey(source, metric));
        if (series.isEmpty())
            return;
        const qint64 from = series.last().ms - WindowMs;
        const int first =
            int(std::lower_bound(series.begin(), series.end(), from,
                                 [](const AnomalyInput &in, qint64 ms) { return in.ms <= ms; }) -
                series.begin());
        QList<AnomalyPoint> evaluated = detector.evaluate(series, metric, first);
        episodes += detector.episodes(evaluated, source, metric);
        points.insert(seriesKey(source, metric), evaluated);
    };
    for (const QString &source : std::as_const(m_sources))
        for (AnomalyMetric m : SourceMetrics)
            run(source, m);
    run({}, AnomalyMetric::ProcessingRate);
    AnomalyDetector::classify(episodes, int(m_sources.size()));
    std::sort(episodes.begin(), episodes.end(),
              [](const AnomalyEpisode &a, const AnomalyEpisode &b) { return a.endMs > b.endMs; });

    beginResetModel();
    m_points = points;
    m_episodes = episodes;
    m_rows.clear();
    const auto rowsOf = [this](const QString &source, AnomalyMetric metric) {
        for (const AnomalyPoint &p : m_points.value(seriesKey(source, metric)))
            m_rows << Row{source, metric, p};
    };
    for (const QString &source : std::as_const(m_sources))
        for (AnomalyMetric m : SourceMetrics)
            rowsOf(source, m);
    rowsOf({}, AnomalyMetric::ProcessingRate);
    endResetModel();
    Q_EMIT evaluated();
}

QList<AnomalyPoint> AnomalyModel::points(const QString &source, AnomalyMetric metric) const
{
    return m_points.value(seriesKey(source, metric));
}

QList<AnomalyEpisode> AnomalyModel::current() const
{
    QList<AnomalyEpisode> out;
    for (const AnomalyEpisode &e : m_episodes)
        if (e.ongoing)
            out << e;
    std::sort(out.begin(), out.end(), [](const AnomalyEpisode &a, const AnomalyEpisode &b) {
        return std::abs(a.peakScore) > std::abs(b.peakScore);
    });
    return out;
}

QString AnomalyModel::formatValue(AnomalyMetric metric, double value)
{
    const QLocale locale;
    if (!std::isfinite(value))
        return tr("no data");
    switch (metric) {
    case AnomalyMetric::SuccessRate: return tr("%1 %").arg(locale.toString(value * 100.0, 'f', 1));
    case AnomalyMetric::LatencyP95: return tr("%1 ms").arg(locale.toString(value * 1000.0, 'f', 0));
    case AnomalyMetric::RequestRate:
    case AnomalyMetric::ProcessingRate:
        return tr("%1 /min").arg(locale.toString(value, 'f', value < 10 ? 1 : 0));
    }
    return {};
}

QString AnomalyModel::scopeText(AnomalyEpisode::Scope scope)
{
    switch (scope) {
    case AnomalyEpisode::Scope::Source: return tr("only this source: the provider's problem");
    case AnomalyEpisode::Scope::AllSources: return tr("most sources at once: ours");
    case AnomalyEpisode::Scope::Pipeline: return tr("the whole pipeline");
    }
    return {};
}

QString AnomalyModel::describe(const AnomalyEpisode &e)
{
    const QString subject = e.source.isEmpty() ? tr("pipeline") : e.source;
    return tr("%1 · %2 %3 against %4 expected · %5")
        .arg(subject, anomalyMetricLabel(e.metric), formatValue(e.metric, e.observed),
             formatValue(e.metric, e.expected), scopeText(e.scope));
}

int AnomalyModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AnomalyModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AnomalyModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &r = m_rows.at(index.row());
    const AnomalyPoint &p = r.point;
    const bool banded = p.basis != AnomalyPoint::Basis::None;
    if (role == ModelRole::Export) {
        switch (index.column()) {
        case TimeColumn: return QDateTime::fromMSecsSinceEpoch(p.ms, Qt::UTC).toString(Qt::ISODate);
        case SourceColumn: return r.source;
        case MetricColumn: return anomalyMetricKey(r.metric);
        case ObservedColumn: return std::isfinite(p.observed) ? QVariant(p.observed) : QVariant();
        case LowColumn: return banded ? QVariant(p.low) : QVariant();
        case HighColumn: return banded ? QVariant(p.high) : QVariant();
        case ScoreColumn: return p.judged ? QVariant(p.score) : QVariant();
        }
        return {};
    }
    if (role != Qt::DisplayRole && role != ModelRole::Value)
        return {};
    switch (index.column()) {
    case TimeColumn:
        return role == ModelRole::Value
                   ? QVariant(double(p.ms))
                   : QVariant(QLocale().toString(QDateTime::fromMSecsSinceEpoch(p.ms),
                                                 QLocale::ShortFormat));
    case SourceColumn: return r.source.isEmpty() ? tr("pipeline") : r.source;
    case MetricColumn: return anomalyMetricLabel(r.metric);
    case ObservedColumn:
        return role == ModelRole::Value ? QVariant(p.observed) : formatValue(r.metric, p.observed);
    case LowColumn:
        if (!banded)
            return {};
        return role == ModelRole::Value ? QVariant(p.low) : formatValue(r.metric, p.low);
    case HighColumn:
        if (!banded)
            return {};
        return role == ModelRole::Value ? QVariant(p.high) : formatValue(r.metric, p.high);
    case ScoreColumn: return p.judged ? QVariant(std::round(p.score * 10) / 10) : QVariant();
    }
    return {};
}

QVariant AnomalyModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return {};
    static const char *const keys[] = {"time",         "source",        "metric", "observed",
                                       "expected_low", "expected_high", "score"};
    if (role == ModelRole::Export)
        return section >= 0 && section < ColumnCount ? QString::fromLatin1(keys[section])
                                                     : QVariant();
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TimeColumn: return tr("Time");
    case SourceColumn: return tr("Source");
    case MetricColumn: return tr("Metric");
    case ObservedColumn: return tr("Observed");
    case LowColumn: return tr("Expected low");
    case HighColumn: return tr("Expected high");
    case ScoreColumn: return tr("Score");
    }
    return {};
}

} // namespace dashboard
