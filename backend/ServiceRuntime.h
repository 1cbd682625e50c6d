// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <memory>
#include <optional>

#include <QElapsedTimer>
#include <QJsonObject>
#include <QMap>
#include <QObject>
#include <QTimer>

#include "Autoscale.h"
#include "DocumentWriter.h"
#include "HistoryRing.h"
#include "QueueFlow.h"
#include "ThroughputWindow.h"
#include "enrichment/BackendService.h"

namespace enrichment {

class Clock;
class PipelineMetrics;
class Pipeline;
class QueueStore;

/// What keeps a started backend's figures true as time passes: the tick (breakers whose
/// timeout passed, the fleet's figures, operators' breaker commands, gauges), history
/// samples, the processing rate and queue flow, the demo queue's top-up; and what the
/// snapshot says, gathered as plain data. Reads never change state: only the tick does.
class ServiceRuntime final : public QObject
{
    Q_OBJECT
public:
    /// The parts must outlive the runtime.
    ServiceRuntime(const BackendOptions &options, const Clock &clock, QueueStore &store,
                   PipelineMetrics &monitor, Pipeline &pipeline, QObject *parent = nullptr);
    ~ServiceRuntime() override;

    /// Takes the breaker commands already given as history, records a first sample and
    /// starts the timers (history, reconcile, tick) the options ask for.
    void start();
    void stop();

    /// The time-driven step (every `tickIntervalMs`); ticked() follows.
    void tick();
    /// Records a history sample now.
    void sampleHistory();
    /// Processing rate, queue latency and flow, queue depth and rate limits into the
    /// gauges.
    void refreshGauges();
    /// This worker finished a batch with @p success tracks enriched.
    void batchFinished(int success);
    /// Decides how many workers the fleet should run (docs/SCALING.md) from what the tick
    /// read, with @p workers the fleet as last read; the snapshot and the gauges say it.
    void updateAutoscale(const std::optional<QList<WorkerInfo>> &workers, bool relay);
    /// Carries out the breaker commands of the pipeline control not yet carried out here.
    void applyControl();
    /// Adds @p n generated demo tracks; returns how many were new.
    int enqueueDemoTracks(int n);
    /// The demo queue: back up to `keepPending` pending once it fell below half of it.
    void topUp();

    /// What the snapshot says now, with @p workers the fleet as last read (none: a
    /// store of its own) and @p relay whether this backend relays the fleet's breakers.
    SnapshotState snapshotState(const std::optional<QList<WorkerInfo>> &workers, bool relay) const;
    /// This process's own sources, cache and field counts into @p st.
    void ownSources(SnapshotState *st) const;
    /// This worker's own tracks per minute, over the last minute to five.
    double ownTracksPerMinute(qint64 nowMs) const;
    /// The history document for the last @p minutes.
    QJsonObject history(int minutes) const;
    double uptimeSeconds() const { return double(m_uptime.elapsed()) / 1000.0; }
    /// A worker not heard from for this long is lost (three heartbeats).
    qint64 workerLostAfterMs() const;
    /// Providers this backend knows but was not configured with (--sources-config): off.
    void setSourcesOff(const QStringList &names) { m_sourcesOff = names; }

Q_SIGNALS:
    void ticked();

private:
    QStringList m_sourcesOff;
    double perMinute() const;
    int rateWindowSeconds() const;

    const BackendOptions &m_options;
    const Clock &m_clock;
    QueueStore &m_store;
    PipelineMetrics &m_monitor;
    Pipeline &m_pipeline;
    HistoryRing m_history;
    ThroughputWindow m_ownCompletions;       ///< this worker's finished tracks
    QueueFlow m_flow;                        ///< tracks added per minute
    std::optional<qint64> m_oldestPendingMs; ///< as the last tick read it
    QMap<QString, qint64> m_appliedBreakerCommands;
    QElapsedTimer m_uptime;
    QTimer m_historyTimer;
    QTimer m_reconcileTimer;
    QTimer m_tickTimer;
    qint64 m_demoCounter = 0;
    AutoscaleMeter m_autoscaleMeter;
    std::optional<AutoscaleInfo> m_autoscale;
    std::optional<qint64> m_backlogSinceMs; ///< when the queue last began to hold work
};

} // namespace enrichment
