// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AlertRules.h"

#include <algorithm>
#include <cmath>

#include <QDateTime>
#include <QJsonObject>
#include <QSettings>

#include "AlertmanagerClient.h"
#include "AnomalyModel.h"
#include "TripForecastModel.h"
#include "enrichment/WireFormat.h"

namespace dashboard {

namespace wire = enrichment::wire;

QString alertRuleKey(AlertRule rule)
{
    switch (rule) {
    case AlertRule::BreakerOpen: return QStringLiteral("breaker_open");
    case AlertRule::SourceDown: return QStringLiteral("source_down");
    case AlertRule::RateLimitLow: return QStringLiteral("rate_limit_low");
    case AlertRule::Backlog: return QStringLiteral("backlog");
    case AlertRule::Stuck: return QStringLiteral("stuck");
    case AlertRule::ConnectionLost: return QStringLiteral("connection_lost");
    case AlertRule::PrometheusAlert: return QStringLiteral("prometheus_alert");
    case AlertRule::WorkerLost: return QStringLiteral("worker_lost");
    case AlertRule::BreakerAttention: return QStringLiteral("breaker_attention");
    case AlertRule::Anomaly: return QStringLiteral("anomaly");
    case AlertRule::TripForecast: return QStringLiteral("trip_forecast");
    }
    return {};
}

void AlertSettings::load(QSettings &s)
{
    const AlertSettings d;
    s.beginGroup(QStringLiteral("alerts"));
    for (int r = 0; r < AlertRuleCount; ++r)
        enabled[r] =
            s.value(alertRuleKey(AlertRule(r)) + QStringLiteral("/enabled"), d.enabled[r]).toBool();
    auto bounded = [&s](const char *key, double def, double lo, double hi) {
        bool ok = false;
        const double v = s.value(QLatin1String(key), def).toDouble(&ok);
        return ok ? std::clamp(v, lo, hi) : def;
    };
    rateLimitShare = bounded("rate_limit_low/share", d.rateLimitShare, 0.01, 0.9);
    drainHours = bounded("backlog/drain_hours", d.drainHours, 0.1, 720);
    pendingGrowingMinutes =
        int(bounded("backlog/growing_minutes", d.pendingGrowingMinutes, 1, 1440));
    stuckMinutes = int(bounded("stuck/minutes", d.stuckMinutes, 1, 1440));
    connectionSeconds = int(bounded("connection_lost/seconds", d.connectionSeconds, 1, 3600));
    anomalyScore = bounded("anomaly/score", d.anomalyScore, 3.5, 50);
    tripChance = bounded("trip_forecast/chance", d.tripChance, 0.05, 0.99);
    repeatMinutes = int(bounded("repeat_minutes", d.repeatMinutes, 1, 1440));
    recoverSeconds = int(bounded("recover_seconds", d.recoverSeconds, 0, 3600));
    summaryAbove = int(bounded("summary_above", d.summaryAbove, 1, 50));
    s.endGroup();
}

void AlertSettings::save(QSettings &s) const
{
    s.beginGroup(QStringLiteral("alerts"));
    for (int r = 0; r < AlertRuleCount; ++r)
        s.setValue(alertRuleKey(AlertRule(r)) + QStringLiteral("/enabled"), enabled[r]);
    s.setValue(QStringLiteral("rate_limit_low/share"), rateLimitShare);
    s.setValue(QStringLiteral("backlog/drain_hours"), drainHours);
    s.setValue(QStringLiteral("backlog/growing_minutes"), pendingGrowingMinutes);
    s.setValue(QStringLiteral("stuck/minutes"), stuckMinutes);
    s.setValue(QStringLiteral("connection_lost/seconds"), connectionSeconds);
    s.setValue(QStringLiteral("anomaly/score"), anomalyScore);
    s.setValue(QStringLiteral("trip_forecast/chance"), tripChance);
    s.setValue(QStringLiteral("repeat_minutes"), repeatMinutes);
    s.setValue(QStringLiteral("recover_seconds"), recoverSeconds);
    s.setValue(QStringLiteral("summary_above"), summaryAbove);
    s.endGroup();
}

AlertEngine::AlertEngine(QObject *parent)
    : QObject(parent), m_now([] { return QDateTime::currentMSecsSinceEpoch(); })
{
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &AlertEngine::evaluate);
}

void AlertEngine::setClock(std::function<qint64()> nowMs)
{
    m_now = std::move(nowMs);
}

void AlertEngine::setSettings(const AlertSettings &settings)
{
    m_settings = settings;
    // A rule switched off is forgotten at once: no recovery to announce for it.
    bool dropped = false;
    for (auto it = m_states.begin(); it != m_states.end();) {
        if (m_settings.isEnabled(it->condition.rule)) {
            ++it;
        } else {
            it = m_states.erase(it);
            dropped = true;
        }
    }
    if (dropped)
        Q_EMIT activeChanged();
    evaluate();
}

void AlertEngine::startTimer()
{
    m_timer.start();
}

void AlertEngine::applySnapshot(const Snapshot &snapshot)
{
    const qint64 now = m_now();
    m_snapshot = snapshot;
    m_hasSnapshot = true;
    // A snapshot replaces the events it already includes. One taken before an event (a
    // fetch that was on its way when the event came) does not undo it.
    const qint64 snapshotMs =
        snapshot.timestamp.isValid() ? snapshot.timestamp.toMSecsSinceEpoch() : -1;
    for (auto it = m_breakerEvents.begin(); it != m_breakerEvents.end();) {
        // (Half a minute on, a snapshot is trusted whatever the clocks say.)
        if (it->atMs < 0 || snapshotMs < 0 || it->atMs < snapshotMs ||
            now - it->receivedMs > 30'000)
            it = m_breakerEvents.erase(it);
        else
            ++it;
    }
    if (const auto pending = snapshot.queueCount(QueueStatus::Pending)) {
        m_pending.append({now, *pending});
        // Keep one sample older than the window, so "N minutes ago" is always known.
        const qint64 window = qint64(m_settings.pendingGrowingMinutes) * 60'000;
        while (m_pending.size() > 2 && m_pending.at(1).first <= now - window)
            m_pending.removeFirst();
    }
    qint64 finished = 0;
    bool known = false;
    for (QueueStatus s : {QueueStatus::Completed, QueueStatus::Failed, QueueStatus::Partial}) {
        if (const auto n = snapshot.queueCount(s)) {
            finished += *n;
            known = true;
        }
    }
    if (known && finished != m_finished) {
        m_finished = finished;
        m_progressMs = now;
    }
    evaluate();
}

void AlertEngine::applyRoomEvent(const QString &type, const QJsonObject &data)
{
    if (type != wire::event::BreakerStateChange)
        return;
    const QString source = data.value(wire::key::Source).toString().left(64);
    const auto state = breakerStateFromKey(data.value(wire::key::State).toString());
    // A fleet's events are one worker's breaker; the relay's snapshots carry the fleet's.
    if (source.isEmpty() || !state || data.contains(wire::key::Worker))
        return;
    const QDateTime at = wire::parseTime(data.value(wire::key::Timestamp).toString());
    m_breakerEvents.insert(source, {*state, at.isValid() ? at.toMSecsSinceEpoch() : -1, m_now()});
    evaluate();
}

void AlertEngine::setConnected(bool connected)
{
    if (connected == m_connected && (m_disconnectedSinceMs >= 0) == !connected)
        return;
    m_connected = connected;
    m_disconnectedSinceMs = connected ? -1 : m_now();
    if (connected)
        m_progressMs = std::max(m_progressMs, m_now()); // time away is not a stuck pipeline
    evaluate();
}

void AlertEngine::applyFiringAlerts(const QList<FiringAlert> &alerts)
{
    m_firing = alerts;
    evaluate();
}

void AlertEngine::applyAnomalies(const QList<AnomalyEpisode> &ongoing)
{
    m_anomalies = ongoing;
    evaluate();
}

void AlertEngine::applyTripForecasts(const QHash<QString, TripForecast> &forecasts)
{
    m_trips = forecasts;
    evaluate();
}

void AlertEngine::addSnapshotConditions(QList<Condition> &out) const
{
    const qint64 now = m_now();
    const Snapshot &s = m_snapshot;
    for (const SourceInfo &src : s.sources) {
        // The newest word on the breaker: an event since the snapshot, else the snapshot.
        const auto event = m_breakerEvents.constFind(src.name);
        const BreakerState breaker = event != m_breakerEvents.cend()     ? event->state
                                     : src.breaker && src.breaker->state ? *src.breaker->state
                                                                         : BreakerState::Closed;
        if (m_settings.isEnabled(AlertRule::BreakerOpen) && breaker != BreakerState::Closed) {
            const bool open = breaker == BreakerState::Open;
            out.append({AlertRule::BreakerOpen, src.name, AlertSeverity::Critical,
                        open ? tr("Circuit breaker of %1 is open").arg(src.name)
                             : tr("Circuit breaker of %1 is probing (half-open)").arg(src.name),
                        tr("Calls to %1 are being refused; its tracks are enriched from the "
                           "other sources.")
                            .arg(src.name),
                        QStringLiteral("sources")});
        }
        // Past its reopen limit the breaker waits for an operator: a notice of its own (the
        // open breaker's was said long ago and is not repeated sooner than its period).
        if (m_settings.isEnabled(AlertRule::BreakerAttention) && breaker == BreakerState::Open &&
            src.breaker && src.breaker->needsAttention.value_or(false))
            out.append({AlertRule::BreakerAttention, src.name, AlertSeverity::Critical,
                        tr("Circuit breaker of %1 needs an operator").arg(src.name),
                        tr("It reopened %1 times in a row and no longer probes by itself. Close "
                           "it once %2 is back, or probe it now (Sources tab).")
                            .arg(src.breaker->reopens.value_or(0))
                            .arg(src.name),
                        QStringLiteral("sources")});
        // A source whose breaker is open is down because of it: one notification, the
        // cause's (Alertmanager's routing inhibits the same way).
        const bool breakerSaysIt =
            m_settings.isEnabled(AlertRule::BreakerOpen) && breaker != BreakerState::Closed;
        // The snapshot's health predates a breaker event since: wait for the next one.
        const bool healthStale = event != m_breakerEvents.cend();
        if (m_settings.isEnabled(AlertRule::SourceDown) && src.health == Health::Down &&
            !breakerSaysIt && !healthStale)
            out.append({AlertRule::SourceDown, src.name, AlertSeverity::Critical,
                        tr("%1 is down").arg(src.name),
                        src.successRate1h ? tr("Success in the last hour: %1 %.")
                                                .arg(*src.successRate1h * 100.0, 0, 'f', 1)
                                          : tr("The service reports the source as down."),
                        QStringLiteral("sources")});
        if (m_settings.isEnabled(AlertRule::RateLimitLow) && src.rateLimit &&
            src.rateLimit->limit > 0 &&
            src.rateLimit->remaining / src.rateLimit->limit < m_settings.rateLimitShare)
            out.append({AlertRule::RateLimitLow, src.name, AlertSeverity::Warning,
                        tr("%1 is close to its rate limit").arg(src.name),
                        tr("%1 of %2 calls left (below %3 %).")
                            .arg(src.rateLimit->remaining, 0, 'f', 0)
                            .arg(src.rateLimit->limit, 0, 'f', 0)
                            .arg(m_settings.rateLimitShare * 100.0, 0, 'f', 0),
                        QStringLiteral("sources")});
    }

    const std::optional<qint64> pending = s.queueCount(QueueStatus::Pending);
    if (m_settings.isEnabled(AlertRule::Backlog) && pending && *pending > 0) {
        const std::optional<double> drain = s.minutesToDrain();
        const qint64 window = qint64(m_settings.pendingGrowingMinutes) * 60'000;
        const bool spansWindow = !m_pending.isEmpty() && m_pending.first().first <= now - window;
        if (drain && *drain > m_settings.drainHours * 60.0)
            out.append({AlertRule::Backlog,
                        {},
                        AlertSeverity::Warning,
                        tr("The queue drains slowly"),
                        tr("%1 tracks pending; at the current rate they take %2 h (bound: "
                           "%3 h).")
                            .arg(*pending)
                            .arg(*drain / 60.0, 0, 'f', 1)
                            .arg(m_settings.drainHours, 0, 'f', 1),
                        QStringLiteral("queue")});
        else if (spansWindow && *pending > m_pending.first().second)
            out.append({AlertRule::Backlog,
                        {},
                        AlertSeverity::Warning,
                        tr("The queue keeps growing"),
                        tr("%1 tracks pending, %2 more than %3 minutes ago.")
                            .arg(*pending)
                            .arg(*pending - m_pending.first().second)
                            .arg(m_settings.pendingGrowingMinutes),
                        QStringLiteral("queue")});
    }
    // A worker that stopped answering holds nothing any more (its leases go back to
    // pending) but the fleet is smaller: say so, and when it is back.
    if (m_settings.isEnabled(AlertRule::WorkerLost))
        for (const FleetWorker &w : s.workers.value_or(QList<FleetWorker>()))
            if (w.state == FleetWorker::State::Lost)
                out.append({AlertRule::WorkerLost, w.id, AlertSeverity::Warning,
                            tr("%1 stopped answering").arg(w.id),
                            w.host.isEmpty()
                                ? tr("The worker missed its heartbeats; its tracks in flight go "
                                     "back to pending when their leases expire.")
                                : tr("The worker on %1 missed its heartbeats; its tracks in "
                                     "flight go back to pending when their leases expire.")
                                      .arg(w.host),
                            QStringLiteral("workers")});
    if (m_settings.isEnabled(AlertRule::Stuck) && m_connected && pending && *pending > 0 &&
        m_progressMs >= 0 && now - m_progressMs >= qint64(m_settings.stuckMinutes) * 60'000)
        out.append({AlertRule::Stuck,
                    {},
                    AlertSeverity::Critical,
                    tr("The pipeline is stuck"),
                    tr("No track finished for %1 minutes while %2 are pending.")
                        .arg((now - m_progressMs) / 60'000)
                        .arg(*pending),
                    QStringLiteral("queue")});
}

QList<AlertEngine::Condition> AlertEngine::conditionsNow() const
{
    QList<Condition> out;
    if (m_hasSnapshot)
        addSnapshotConditions(out);
    if (m_settings.isEnabled(AlertRule::ConnectionLost) && m_disconnectedSinceMs >= 0 &&
        m_now() - m_disconnectedSinceMs >= qint64(m_settings.connectionSeconds) * 1000)
        out.append({AlertRule::ConnectionLost,
                    {},
                    AlertSeverity::Critical,
                    tr("The backend does not answer"),
                    tr("No connection for %1 s; the dashboard keeps retrying.")
                        .arg((m_now() - m_disconnectedSinceMs) / 1000),
                    QStringLiteral("connection")});
    if (m_settings.isEnabled(AlertRule::Anomaly)) {
        for (const AnomalyEpisode &e : m_anomalies) {
            if (std::abs(e.peakScore) < m_settings.anomalyScore)
                continue;
            const QString subject = (e.source.isEmpty() ? QStringLiteral("pipeline") : e.source) +
                                    QLatin1Char('/') + anomalyMetricKey(e.metric);
            const QString what = anomalyMetricLabel(e.metric);
            out.append({AlertRule::Anomaly, subject, AlertSeverity::Warning,
                        e.source.isEmpty() ? tr("%1 of the pipeline is unusual").arg(what)
                                           : tr("%1 of %2 is unusual").arg(what, e.source),
                        tr("%1 against %2 expected at this hour (%3).")
                            .arg(AnomalyModel::formatValue(e.metric, e.observed),
                                 AnomalyModel::formatValue(e.metric, e.expected),
                                 AnomalyModel::scopeText(e.scope)),
                        QStringLiteral("anomalies")});
        }
    }
    if (m_settings.isEnabled(AlertRule::TripForecast)) {
        QStringList names = m_trips.keys();
        std::sort(names.begin(), names.end());
        for (const QString &source : std::as_const(names)) {
            const TripForecast &f = m_trips[source];
            if (!f.ok || f.open || f.pTrip1h < m_settings.tripChance)
                continue;
            out.append({AlertRule::TripForecast, source, AlertSeverity::Warning,
                        f.minutesToTrip && *f.minutesToTrip <= 60
                            ? tr("Circuit breaker of %1 may open in about %2 min")
                                  .arg(source)
                                  .arg(qRound(*f.minutesToTrip))
                            : tr("Circuit breaker of %1 may open within the hour").arg(source),
                        TripForecastModel::longText(f), QStringLiteral("sources")});
        }
    }
    if (m_settings.isEnabled(AlertRule::PrometheusAlert)) {
        for (const FiringAlert &a : m_firing) {
            const QString subject =
                a.source.isEmpty() ? a.name : a.name + QLatin1Char('/') + a.source;
            out.append({AlertRule::PrometheusAlert, subject,
                        a.severity == QLatin1String("critical") ? AlertSeverity::Critical
                                                                : AlertSeverity::Warning,
                        a.source.isEmpty() ? tr("Alert %1 is firing").arg(a.name)
                                           : tr("Alert %1 is firing for %2").arg(a.name, a.source),
                        a.summary, QStringLiteral("alerts")});
        }
    }
    return out;
}

void AlertEngine::evaluate()
{
    const qint64 now = m_now();
    const qint64 period = qint64(m_settings.repeatMinutes) * 60'000;
    const qint64 hold = qint64(m_settings.recoverSeconds) * 1000;
    QList<AlertNotice> raised;
    QList<AlertNotice> recovered;
    bool changed = false;

    auto noticeOf = [](AlertNotice::Kind kind, const QString &key, const Condition &c) {
        AlertNotice n;
        n.kind = kind;
        n.key = key;
        n.rule = c.rule;
        n.subject = c.subject;
        n.severity = c.severity;
        n.title = c.title;
        n.body = c.body;
        n.panel = c.panel;
        return n;
    };

    QSet<QString> holding;
    for (const Condition &c : conditionsNow()) {
        const QString key = alertRuleKey(c.rule) + QLatin1Char(':') + c.subject;
        holding.insert(key);
        State &st = m_states[key];
        if (!st.active || st.condition.severity != c.severity || st.condition.title != c.title)
            changed = true;
        st.condition = c;
        st.active = true;
        st.clearSinceMs = -1;
        const bool due = st.lastNotifiedMs < 0 || now - st.lastNotifiedMs >= period;
        if (!st.announced && due && !m_paused && !isMuted(key)) {
            st.announced = true;
            st.lastNotifiedMs = now;
            raised.append(noticeOf(AlertNotice::Kind::Raised, key, c));
        }
    }
    for (auto it = m_states.begin(); it != m_states.end();) {
        State &st = it.value();
        if (holding.contains(it.key()) || !st.active) {
            ++it;
            continue;
        }
        if (st.clearSinceMs < 0)
            st.clearSinceMs = now;
        if (now - st.clearSinceMs < hold) {
            ++it;
            continue;
        }
        changed = true;
        if (st.announced && !m_paused && !isMuted(it.key())) {
            AlertNotice n = noticeOf(AlertNotice::Kind::Recovered, it.key(), st.condition);
            n.severity = AlertSeverity::None;
            switch (st.condition.rule) {
            case AlertRule::BreakerOpen:
                n.title = tr("Circuit breaker of %1 is closed again").arg(st.condition.subject);
                break;
            case AlertRule::SourceDown:
                n.title = tr("%1 has recovered").arg(st.condition.subject);
                break;
            case AlertRule::ConnectionLost: n.title = tr("The backend answers again"); break;
            case AlertRule::WorkerLost:
                n.title = tr("%1 answers again").arg(st.condition.subject);
                break;
            case AlertRule::BreakerAttention:
                n.title = tr("Circuit breaker of %1 no longer waits for an operator")
                              .arg(st.condition.subject);
                break;
            default: n.title = tr("Resolved: %1").arg(st.condition.title); break;
            }
            n.body = tr("It stayed clear for %1 s.").arg(m_settings.recoverSeconds);
            recovered.append(n);
        }
        // Forget it, except when it was announced lately: a new occurrence within the
        // period is then the same incident and is not announced again.
        if (st.lastNotifiedMs >= 0 && now - st.lastNotifiedMs < period) {
            st.active = false;
            st.announced = false;
            st.clearSinceMs = -1;
            ++it;
        } else {
            it = m_states.erase(it);
        }
    }

    auto deliver = [this](QList<AlertNotice> &notices, bool raising) {
        if (notices.size() > m_settings.summaryAbove) {
            AlertNotice sum;
            sum.kind = AlertNotice::Kind::Summary;
            sum.key =
                raising ? QStringLiteral("summary:raised") : QStringLiteral("summary:recovered");
            sum.severity = AlertSeverity::None;
            QStringList lines;
            for (const AlertNotice &n : notices) {
                sum.severity = std::max(sum.severity, n.severity);
                sum.keys << n.key;
                lines << n.title;
            }
            sum.title = raising ? tr("%n problems at once", nullptr, int(notices.size()))
                                : tr("%n problems resolved", nullptr, int(notices.size()));
            sum.body = lines.join(QLatin1Char('\n'));
            sum.panel = notices.first().panel;
            Q_EMIT notice(sum);
            return;
        }
        for (const AlertNotice &n : notices)
            Q_EMIT notice(n);
    };
    deliver(raised, true);
    deliver(recovered, false);
    if (changed)
        Q_EMIT activeChanged();
}

void AlertEngine::mute(const QString &key, qint64 ms)
{
    m_mutedUntil.insert(key, m_now() + ms);
}

bool AlertEngine::isMuted(const QString &key) const
{
    const auto it = m_mutedUntil.constFind(key);
    return it != m_mutedUntil.constEnd() && m_now() < it.value();
}

void AlertEngine::setPaused(bool paused)
{
    m_paused = paused;
    evaluate();
}

QList<AlertEngine::Active> AlertEngine::active() const
{
    QList<Active> out;
    for (auto it = m_states.cbegin(); it != m_states.cend(); ++it)
        if (it->active)
            out.append({it.key(), it->condition.severity, it->condition.title});
    std::sort(out.begin(), out.end(), [](const Active &a, const Active &b) {
        return a.severity != b.severity ? a.severity > b.severity : a.key < b.key;
    });
    return out;
}

AlertSeverity AlertEngine::worstSeverity() const
{
    AlertSeverity worst = AlertSeverity::None;
    for (const State &st : m_states)
        if (st.active)
            worst = std::max(worst, st.condition.severity);
    return worst;
}

} // namespace dashboard
