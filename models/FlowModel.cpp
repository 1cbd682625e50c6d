// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FlowModel.h"

#include <algorithm>
#include <cmath>

#include <QDateTime>
#include <QLocale>

#include "ModelRoles.h"
#include "enrichment/MetricNames.h"
#include "enrichment/Vocabulary.h"

namespace dashboard {

namespace {
const QString QueueKey = QStringLiteral("queue");
const QString Prefix = QStringLiteral("flow/");
const QString CallsTag = Prefix + QStringLiteral("calls");
const QString SkipsTag = Prefix + QStringLiteral("skips");
const QString OutcomesTag = Prefix + QStringLiteral("outcomes");
const QString PendingTag = Prefix + QStringLiteral("pending");
const QString BreakersTag = Prefix + QStringLiteral("breakers");
const QString QuotaTag = Prefix + QStringLiteral("quota");
constexpr qint64 WindowMs = 60'000;

QString outcomeKey(int i)
{
    static const enrichment::TrackStatus statuses[] = {enrichment::TrackStatus::Completed,
                                                       enrichment::TrackStatus::Partial,
                                                       enrichment::TrackStatus::Failed};
    return enrichment::toWire(statuses[i]);
}
} // namespace

const FlowNode *FlowState::node(const QString &key) const
{
    for (const FlowNode &n : nodes)
        if (n.key == key)
            return &n;
    return nullptr;
}

FlowModel::FlowModel(QObject *parent)
    : QAbstractTableModel(parent),
      m_batch(new PrometheusBatch(historyQueries(), HistoryDays * 24 * 3'600'000LL, HistoryStepMs,
                                  int(HistoryStepMs), this))
{
    connect(m_batch, &PrometheusBatch::answered, this, &FlowModel::setHistory);
    // A failure leaves the live hour as what the slider moves over.
}

FlowState FlowModel::build(qint64 ms, const QList<FlowNode> &sources, std::optional<qint64> pending,
                           double completed, double partial, double failed)
{
    FlowState s;
    s.ms = ms;
    FlowNode queue;
    queue.kind = FlowNode::Kind::Queue;
    queue.key = QueueKey;
    queue.pending = pending;
    s.nodes << queue;
    const double through = completed + partial + failed; // tracks per minute down the waterfall
    QString previous = QueueKey;
    double previousErrors = 0;
    for (const FlowNode &src : sources) {
        FlowNode n = src;
        n.kind = FlowNode::Kind::Source;
        s.nodes << n;
        s.edges << FlowEdge{previous, n.key, through, previousErrors};
        previous = n.key;
        previousErrors = n.errorShare();
    }
    const double rates[] = {completed, partial, failed};
    for (int i = 0; i < 3; ++i) {
        FlowNode o;
        o.kind = FlowNode::Kind::Outcome;
        o.key = outcomeKey(i);
        o.success = rates[i];
        s.nodes << o;
        s.edges << FlowEdge{previous, o.key, rates[i], previousErrors};
    }
    return s;
}

void FlowModel::applySnapshot(const Snapshot &snap)
{
    const qint64 now = snap.timestamp.isValid() ? snap.timestamp.toMSecsSinceEpoch()
                                                : QDateTime::currentMSecsSinceEpoch();
    Sample sample;
    sample.ms = now;
    const QString success = enrichment::toWire(enrichment::RequestStatus::Success);
    const QString noData = enrichment::toWire(enrichment::RequestStatus::NoData);
    const QString error = enrichment::toWire(enrichment::RequestStatus::Error);
    const QString open = enrichment::toWire(enrichment::ErrorType::CircuitOpen);
    const QString quota = enrichment::toWire(enrichment::ErrorType::LocalRateLimit);
    for (const SourceInfo &src : snap.sources)
        sample.sources.insert(src.name,
                              {double(src.requestsByStatus.value(success, 0)),
                               double(src.requestsByStatus.value(noData, 0)),
                               double(src.requestsByStatus.value(error, 0)),
                               double(src.errors.value(open, 0) + src.errors.value(quota, 0))});
    const auto count = [&snap](QueueStatus s) {
        return snap.queueCount(s);
    };
    if (count(QueueStatus::Completed) && count(QueueStatus::Partial) &&
        count(QueueStatus::Failed)) {
        sample.outcomes = {double(*count(QueueStatus::Completed)),
                           double(*count(QueueStatus::Partial)),
                           double(*count(QueueStatus::Failed))};
        sample.hasOutcomes = true;
    }
    m_samples << sample;
    // The oldest sample at least a minute old is the base of the rates.
    while (m_samples.size() > 2 && m_samples.at(1).ms <= now - WindowMs)
        m_samples.removeFirst();
    const Sample &base = m_samples.first();
    const double minutes = double(now - base.ms) / 60'000.0;
    if (minutes < 5.0 / 60.0)
        return; // under 5 s: no rate yet
    const auto perMinute = [minutes](double now, double then) {
        return now >= then ? (now - then) / minutes : 0.0; // a counter that went back: 0
    };
    QList<FlowNode> sources;
    const QStringList paused = snap.pipeline ? snap.pipeline->pausedSources : QStringList();
    for (const SourceInfo &src : snap.sources) {
        FlowNode n;
        n.key = src.name;
        const auto a = sample.sources.value(src.name);
        const auto b = base.sources.value(src.name, a);
        n.success = perMinute(a[0], b[0]);
        n.noData = perMinute(a[1], b[1]);
        n.error = perMinute(a[2], b[2]);
        n.skipped = perMinute(a[3], b[3]);
        if (src.breaker)
            n.breaker = src.breaker->state;
        if (src.rateLimit && src.rateLimit->limit > 0)
            n.quotaLeft = std::clamp(src.rateLimit->remaining / src.rateLimit->limit, 0.0, 1.0);
        n.paused = paused.contains(src.name);
        sources << n;
    }
    double outcomes[3] = {0, 0, 0};
    if (sample.hasOutcomes && base.hasOutcomes)
        for (int i = 0; i < 3; ++i)
            outcomes[i] = perMinute(sample.outcomes[std::size_t(i)], base.outcomes[std::size_t(i)]);
    m_live =
        build(now, sources, count(QueueStatus::Pending), outcomes[0], outcomes[1], outcomes[2]);
    // One state a minute for the live hour.
    if (m_lastKeptMs < 0 || now - m_lastKeptMs >= 60'000) {
        m_lastKeptMs = now;
        m_liveStates << m_live;
        if (m_liveStates.size() > LiveKeep)
            m_liveStates.removeFirst();
        if (m_history.isEmpty())
            Q_EMIT statesChanged();
    }
    if (m_position < 0 && m_history.isEmpty())
        refreshShown();
}

QHash<QString, QString> FlowModel::historyQueries()
{
    namespace metric = enrichment::metric;
    namespace label = enrichment::label;
    const QLatin1String source(label::Source);
    const QString window = QStringLiteral("[%1s]").arg(HistoryStepMs / 1000);
    QHash<QString, QString> q;
    q.insert(CallsTag, QStringLiteral("sum by (%1, %2) (rate(%3%4)) * 60")
                           .arg(source, QLatin1String(label::Status),
                                QLatin1String(metric::RequestsTotal), window));
    q.insert(SkipsTag,
             QStringLiteral("sum by (%1) (rate(%2{%3=~\"%4|%5\"}%6)) * 60")
                 .arg(source, QLatin1String(metric::ErrorsTotal), QLatin1String(label::ErrorType),
                      enrichment::toWire(enrichment::ErrorType::CircuitOpen),
                      enrichment::toWire(enrichment::ErrorType::LocalRateLimit), window));
    q.insert(OutcomesTag, QStringLiteral("sum by (%1) (rate(%2%3)) * 60")
                              .arg(QLatin1String(label::Status),
                                   QLatin1String(metric::TracksProcessedTotal), window));
    q.insert(PendingTag, QStringLiteral("sum(max by (%1) (%2{%3=\"%4\"}))")
                             .arg(QLatin1String(label::Queue), QLatin1String(metric::QueueDepth),
                                  QLatin1String(label::Status),
                                  enrichment::toWire(enrichment::TrackStatus::Pending)));
    q.insert(
        BreakersTag,
        QStringLiteral("max by (%1) (%2)").arg(source, QLatin1String(metric::CircuitBreakerState)));
    q.insert(QuotaTag, QStringLiteral("min by (%1) (%2 / %3)")
                           .arg(source, QLatin1String(metric::ApiRateLimitRemaining),
                                QLatin1String(metric::ApiRateLimitLimit)));
    return q;
}

void FlowModel::setPrometheus(PrometheusClient *client)
{
    m_batch->setClient(client);
}

void FlowModel::setHistory(const QHash<QString, QList<PrometheusClient::Series>> &answers)
{
    const QString sourceLabel = QLatin1String(enrichment::label::Source);
    const QString statusLabel = QLatin1String(enrichment::label::Status);
    QMap<qint64, QHash<QString, FlowNode>> sources; // time -> source -> node
    QMap<qint64, std::array<double, 3>> outcomes;
    QHash<qint64, double> pending;
    QStringList order;
    const auto node = [&](qint64 ms, const QString &name) -> FlowNode & {
        if (!order.contains(name))
            order << name;
        FlowNode &n = sources[ms][name];
        n.key = name;
        return n;
    };
    const QString success = enrichment::toWire(enrichment::RequestStatus::Success);
    const QString noData = enrichment::toWire(enrichment::RequestStatus::NoData);
    for (const PrometheusClient::Series &s : answers.value(CallsTag)) {
        const QString name = s.labels.value(sourceLabel);
        const QString status = s.labels.value(statusLabel);
        if (name.isEmpty())
            continue;
        for (const auto &[ms, v] : s.points) {
            FlowNode &n = node(ms, name);
            (status == success ? n.success : status == noData ? n.noData : n.error) += v;
        }
    }
    for (const PrometheusClient::Series &s : answers.value(SkipsTag))
        for (const auto &[ms, v] : s.points)
            if (!s.labels.value(sourceLabel).isEmpty())
                node(ms, s.labels.value(sourceLabel)).skipped += v;
    for (const PrometheusClient::Series &s : answers.value(BreakersTag))
        for (const auto &[ms, v] : s.points)
            if (sources.contains(ms) && sources[ms].contains(s.labels.value(sourceLabel)))
                sources[ms][s.labels.value(sourceLabel)].breaker =
                    BreakerState(std::clamp(int(std::lround(v)), 0, 2));
    for (const PrometheusClient::Series &s : answers.value(QuotaTag))
        for (const auto &[ms, v] : s.points)
            if (sources.contains(ms) && sources[ms].contains(s.labels.value(sourceLabel)))
                sources[ms][s.labels.value(sourceLabel)].quotaLeft = std::clamp(v, 0.0, 1.0);
    for (const PrometheusClient::Series &s : answers.value(OutcomesTag)) {
        const QString status = s.labels.value(statusLabel);
        for (int i = 0; i < 3; ++i)
            if (status == outcomeKey(i))
                for (const auto &[ms, v] : s.points)
                    outcomes[ms][std::size_t(i)] += v;
    }
    for (const PrometheusClient::Series &s : answers.value(PendingTag))
        for (const auto &[ms, v] : s.points)
            pending.insert(ms, v);
    // Waterfall order: the live snapshot's, else the order first seen.
    QStringList waterfall;
    for (const FlowNode &n : std::as_const(m_live.nodes))
        if (n.kind == FlowNode::Kind::Source)
            waterfall << n.key;
    for (const QString &name : std::as_const(order))
        if (!waterfall.contains(name))
            waterfall << name;
    QList<FlowState> states;
    QList<qint64> times = sources.keys();
    for (qint64 ms : outcomes.keys())
        if (!sources.contains(ms))
            times << ms;
    std::sort(times.begin(), times.end());
    for (qint64 ms : std::as_const(times)) {
        QList<FlowNode> nodes;
        const QHash<QString, FlowNode> at = sources.value(ms);
        for (const QString &name : std::as_const(waterfall)) {
            FlowNode n = at.value(name);
            n.key = name;
            nodes << n;
        }
        const auto o = outcomes.value(ms, {0, 0, 0});
        const auto p = pending.constFind(ms);
        states << build(ms, nodes,
                        p == pending.cend() ? std::nullopt : std::optional<qint64>(qRound64(*p)),
                        o[0], o[1], o[2]);
    }
    const bool atEnd = m_position < 0 || m_position >= stateCount() - 1;
    m_history = states;
    if (atEnd)
        m_position = -1;
    m_position = std::min(m_position, stateCount() - 1);
    Q_EMIT statesChanged();
    refreshShown();
}

int FlowModel::stateCount() const
{
    return int(m_history.isEmpty() ? m_liveStates.size() : m_history.size());
}

qint64 FlowModel::stateTime(int index) const
{
    const QList<FlowState> &states = m_history.isEmpty() ? m_liveStates : m_history;
    return index >= 0 && index < states.size() ? states.at(index).ms : -1;
}

void FlowModel::setPosition(int index)
{
    const int last = stateCount() - 1;
    m_position = index < 0 || index >= last ? -1 : index;
    refreshShown();
}

void FlowModel::refreshShown()
{
    beginResetModel();
    const QList<FlowState> &states = m_history.isEmpty() ? m_liveStates : m_history;
    if (m_position >= 0 && m_position < states.size())
        m_shown = states.at(m_position);
    else if (m_history.isEmpty())
        m_shown = m_live;
    else
        m_shown = m_history.last();
    endResetModel();
    Q_EMIT shownChanged();
}

int FlowModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_shown.nodes.size() + m_shown.edges.size());
}

int FlowModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant FlowModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    if (role != Qt::DisplayRole && role != ModelRole::Export && role != ModelRole::Value)
        return {};
    const int nodes = int(m_shown.nodes.size());
    const bool raw = role != Qt::DisplayRole;
    const auto number = [raw](double v, int decimals) {
        return raw ? QVariant(v) : QVariant(QLocale().toString(v, 'f', decimals));
    };
    if (index.row() < nodes) {
        const FlowNode &n = m_shown.nodes.at(index.row());
        switch (index.column()) {
        case KindColumn: return QStringLiteral("node");
        case NameColumn: return n.key;
        case RateColumn:
            return n.kind == FlowNode::Kind::Source    ? number(n.calls() + n.skipped, 1)
                   : n.kind == FlowNode::Kind::Outcome ? number(n.success, 1)
                                                       : QVariant();
        case ErrorShareColumn:
            return n.kind == FlowNode::Kind::Source ? number(n.errorShare(), 3) : QVariant();
        default: return {};
        }
    }
    const FlowEdge &e = m_shown.edges.at(index.row() - nodes);
    switch (index.column()) {
    case KindColumn: return QStringLiteral("edge");
    case FromColumn: return e.from;
    case ToColumn: return e.to;
    case RateColumn: return number(e.rate, 1);
    case ErrorShareColumn: return number(e.errorShare, 3);
    default: return {};
    }
}

QVariant FlowModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section >= ColumnCount)
        return {};
    static const char *const keys[] = {"kind",       "name", "from", "to", "rate_per_minute",
                                       "error_share"};
    if (role == ModelRole::Export)
        return QString::fromLatin1(keys[section]);
    if (role != Qt::DisplayRole)
        return {};
    switch (section) {
    case KindColumn: return tr("Kind");
    case NameColumn: return tr("Node");
    case FromColumn: return tr("From");
    case ToColumn: return tr("To");
    case RateColumn: return tr("Per minute");
    case ErrorShareColumn: return tr("Error share");
    }
    return {};
}

} // namespace dashboard
