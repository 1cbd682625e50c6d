// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QCoreApplication>
#include <QHash>
#include <QList>
#include <QObject>
#include <QTimer>

#include "Anomaly.h"
#include "Snapshot.h"
#include "TripForecast.h"

class QSettings;

namespace dashboard {

struct FiringAlert;

/// The notification rules. Each can be switched off and has its own threshold
/// (docs/OPERATIONS.md, "Notifications").
enum class AlertRule {
    BreakerOpen,      ///< a circuit breaker is open or half-open
    SourceDown,       ///< a source's health is down
    RateLimitLow,     ///< remaining calls below a share of the quota
    Backlog,          ///< time to drain above a bound, or pending growing for N minutes
    Stuck,            ///< no track finished for N minutes while tracks are pending
    ConnectionLost,   ///< the backend has not answered for N seconds
    PrometheusAlert,  ///< Alertmanager says one of our alerts is firing
    WorkerLost,       ///< a worker of the fleet stopped answering (missed its heartbeats)
    BreakerAttention, ///< a breaker stopped probing by itself and waits for an operator
    Anomaly,          ///< a figure left its expected band (AnomalyModel)
    TripForecast,     ///< a closed breaker is likely to open within the hour
};
inline constexpr int AlertRuleCount = 11;
/// Stable names, used in settings keys and notification keys.
QString alertRuleKey(AlertRule rule);

/// How loud a condition is; the tray's colour is the worst active one.
enum class AlertSeverity { None = 0, Warning = 1, Critical = 2 };

/// What the operator chose in the Notifications settings (QSettings group "alerts").
struct AlertSettings
{
    bool enabled[AlertRuleCount] = {true, true, true, true, true, true, true, true, true, true, true};
    double rateLimitShare = 0.10;   ///< RateLimitLow: remaining / limit below this
    double drainHours = 1.0;        ///< Backlog: time to drain above this
    int pendingGrowingMinutes = 15; ///< Backlog: pending higher than this long ago
    int stuckMinutes = 10;          ///< Stuck
    int connectionSeconds = 30;     ///< ConnectionLost
    double anomalyScore = 3.5;      ///< Anomaly: at least this far out, in robust sigmas
    double tripChance = 0.5;        ///< TripForecast: chance of opening within the hour
    int repeatMinutes = 30;         ///< at most one notification per rule and subject per period
    int recoverSeconds = 60;        ///< a condition must stay clear this long to count as recovered
    int summaryAbove = 3;           ///< more raised at once than this: one summary notification

    bool isEnabled(AlertRule r) const { return enabled[int(r)]; }
    void load(QSettings &settings);
    void save(QSettings &settings) const;
};

/// One notification to deliver (desktop, tray, incident log).
struct AlertNotice
{
    enum class Kind { Raised, Recovered, Summary };
    Kind kind = Kind::Raised;
    /// "rule:subject": the same ongoing problem keeps its key, so a delivery can replace
    /// its earlier notification instead of stacking a new one; muting is per key.
    QString key;
    AlertRule rule = AlertRule::BreakerOpen;
    QString subject; ///< a source, an alert name; empty for pipeline-wide rules
    AlertSeverity severity = AlertSeverity::Warning;
    QString title;
    QString body;
    /// Where the window should go when the notification is clicked: "sources", "queue",
    /// "connection", "alerts" or "workers".
    QString panel;
    QStringList keys; ///< Summary: the keys it stands for
};

/// Evaluates the rules against what the feed delivers (snapshots, breaker events, the
/// connection state) and what Alertmanager says is firing; emits notices with hysteresis:
/// a condition is raised once, repeated at most once per period while it lasts, counts as
/// recovered only after it stayed clear for `recoverSeconds` (a flapping breaker stays one
/// incident), and its recovery is announced once. Time comes from a clock that tests set.
class AlertEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AlertEngine)
public:
    explicit AlertEngine(QObject *parent = nullptr);

    void setClock(std::function<qint64()> nowMs);
    void setSettings(const AlertSettings &settings);
    const AlertSettings &settings() const { return m_settings; }

    /// Evaluates the time-based rules once a second (stuck pipeline, lost connection).
    void startTimer();

    void applySnapshot(const Snapshot &snapshot);
    /// A room event; breaker_state_change moves a breaker before the next snapshot.
    void applyRoomEvent(const QString &type, const QJsonObject &data);
    void setConnected(bool connected);
    void applyFiringAlerts(const QList<FiringAlert> &alerts);
    /// The anomalies going on now (AnomalyModel::current()).
    void applyAnomalies(const QList<AnomalyEpisode> &ongoing);
    /// The breakers' trip forecasts, by source (TripForecastModel::forecasts()).
    void applyTripForecasts(const QHash<QString, TripForecast> &forecasts);
    /// Re-evaluates with what is known now (the timer calls it).
    void evaluate();

    /// Nothing is announced for @p key until now + @p ms (conditions are still tracked).
    void mute(const QString &key, qint64 ms);
    bool isMuted(const QString &key) const;
    /// Pausing silences every notification; on resume what is still wrong is announced.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }

    struct Active
    {
        QString key;
        AlertSeverity severity;
        QString title;
    };
    /// Conditions that hold now (announced or not), worst first.
    QList<Active> active() const;
    AlertSeverity worstSeverity() const;

Q_SIGNALS:
    void notice(const dashboard::AlertNotice &notice);
    /// The set of active conditions or their severity changed.
    void activeChanged();

private:
    struct Condition
    {
        AlertRule rule;
        QString subject;
        AlertSeverity severity;
        QString title;
        QString body;
        QString panel;
    };
    struct State
    {
        Condition condition;
        bool active = false;
        bool announced = false;
        qint64 lastNotifiedMs = -1;
        qint64 clearSinceMs = -1; ///< the condition stopped holding at; -1: it holds
    };

    QList<Condition> conditionsNow() const;
    void addSnapshotConditions(QList<Condition> &out) const;

    std::function<qint64()> m_now;
    AlertSettings m_settings;
    QTimer m_timer;
    bool m_paused = false;
    QHash<QString, qint64> m_mutedUntil;
    QHash<QString, State> m_states;

    bool m_hasSnapshot = false;
    Snapshot m_snapshot;
    struct BreakerEvent
    {
        BreakerState state;
        qint64 atMs;       ///< the service's time of the event; -1: not said
        qint64 receivedMs; ///< ours
    };
    QHash<QString, BreakerEvent> m_breakerEvents; ///< newer than the snapshot
    QList<QPair<qint64, qint64>> m_pending;       ///< (ms, pending) over the growth window
    qint64 m_finished = -1;                       ///< completed + failed + partial
    qint64 m_progressMs = -1;                     ///< when m_finished last moved
    bool m_connected = false;
    qint64 m_disconnectedSinceMs = -1;
    QList<FiringAlert> m_firing;
    QList<AnomalyEpisode> m_anomalies;
    QHash<QString, TripForecast> m_trips;
};

} // namespace dashboard

Q_DECLARE_METATYPE(dashboard::AlertNotice)
