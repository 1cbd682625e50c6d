// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QJsonObject>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "AlertRules.h"
#include "AlertmanagerClient.h"

using namespace dashboard;

/// The notification rules against snapshots built in the test, on a fake clock.
class TestAlertRules : public QObject
{
    Q_OBJECT
private:
    qint64 m_now = 1'000'000'000;
    std::unique_ptr<AlertEngine> m_engine;
    std::unique_ptr<QSignalSpy> m_spy;

    /// @p completed -1: the clock's seconds, i.e. tracks keep finishing.
    Snapshot snapshot(BreakerState discogs = BreakerState::Closed,
                      Health discogsHealth = Health::Healthy, qint64 pending = 100,
                      qint64 completed = -1, double perMinute = 50) const
    {
        if (completed < 0)
            completed = m_now / 1000;
        Snapshot s;
        s.queue[std::size_t(QueueStatus::Pending)] = pending;
        s.queue[std::size_t(QueueStatus::Completed)] = completed;
        s.queue[std::size_t(QueueStatus::Failed)] = 0;
        s.perMinute = perMinute;
        for (const char *name : {"spotify", "discogs"}) {
            SourceInfo src;
            src.name = QString::fromLatin1(name);
            BreakerInfo b;
            b.state = src.name == QLatin1String("discogs") ? discogs : BreakerState::Closed;
            src.breaker = b;
            src.health = src.name == QLatin1String("discogs") ? discogsHealth : Health::Healthy;
            RateLimitInfo r;
            r.limit = 100;
            r.remaining = 80;
            src.rateLimit = r;
            s.sources.append(src);
        }
        return s;
    }

    QList<AlertNotice> notices() const
    {
        QList<AlertNotice> out;
        for (const QList<QVariant> &args : *m_spy)
            out.append(args.at(0).value<AlertNotice>());
        return out;
    }
    void advance(qint64 ms) { m_now += ms; }

private Q_SLOTS:
    void init()
    {
        m_engine = std::make_unique<AlertEngine>();
        m_engine->setClock([this] { return m_now; });
        m_engine->setConnected(true);
        m_spy = std::make_unique<QSignalSpy>(m_engine.get(), &AlertEngine::notice);
    }

    void breakerOpenFiresCriticalAndRecoversOnce()
    {
        m_engine->applySnapshot(snapshot());
        QCOMPARE(m_spy->count(), 0);
        QCOMPARE(m_engine->worstSeverity(), AlertSeverity::None);

        m_engine->applySnapshot(snapshot(BreakerState::Open));
        QCOMPARE(m_spy->count(), 1);
        AlertNotice n = notices().at(0);
        QCOMPARE(n.kind, AlertNotice::Kind::Raised);
        QCOMPARE(n.rule, AlertRule::BreakerOpen);
        QCOMPARE(n.subject, QStringLiteral("discogs"));
        QCOMPARE(n.key, QStringLiteral("breaker_open:discogs"));
        QCOMPARE(n.severity, AlertSeverity::Critical);
        QCOMPARE(n.panel, QStringLiteral("sources"));
        QVERIFY(n.title.contains(QStringLiteral("discogs")));
        QCOMPARE(m_engine->worstSeverity(), AlertSeverity::Critical);

        // Still open: nothing new.
        advance(5000);
        m_engine->applySnapshot(snapshot(BreakerState::Open));
        QCOMPARE(m_spy->count(), 1);

        // Closed, but not yet for the recovery hold (60 s): no recovery yet.
        m_engine->applySnapshot(snapshot(BreakerState::Closed));
        advance(59'000);
        m_engine->evaluate();
        QCOMPARE(m_spy->count(), 1);
        advance(1000);
        m_engine->evaluate();
        QCOMPARE(m_spy->count(), 2);
        n = notices().at(1);
        QCOMPARE(n.kind, AlertNotice::Kind::Recovered);
        QCOMPARE(n.key, QStringLiteral("breaker_open:discogs"));
        QVERIFY(n.title.contains(QStringLiteral("closed again")));
        QCOMPARE(m_engine->worstSeverity(), AlertSeverity::None);
        // Announced once.
        advance(120'000);
        m_engine->evaluate();
        QCOMPARE(m_spy->count(), 2);
    }

    void aBreakerThatWaitsForAnOperatorIsItsOwnNotice()
    {
        m_engine->applySnapshot(snapshot(BreakerState::Open));
        QCOMPARE(m_spy->count(), 1); // the breaker opened
        // Minutes later it failed its fifth probe in a row: said at once, not after the
        // open breaker's repeat period.
        advance(300'000);
        Snapshot waiting = snapshot(BreakerState::Open);
        waiting.sources[1].breaker->needsAttention = true;
        waiting.sources[1].breaker->reopens = 5;
        m_engine->applySnapshot(waiting);
        QCOMPARE(m_spy->count(), 2);
        const AlertNotice n = notices().at(1);
        QCOMPARE(n.rule, AlertRule::BreakerAttention);
        QCOMPARE(n.key, QStringLiteral("breaker_attention:discogs"));
        QCOMPARE(n.severity, AlertSeverity::Critical);
        QVERIFY2(n.body.contains(QStringLiteral("5 times")), qPrintable(n.body));
        QCOMPARE(n.panel, QStringLiteral("sources"));
        // An operator probes it: half-open, no longer waiting; recovered after the hold.
        m_engine->applySnapshot(snapshot(BreakerState::HalfOpen));
        advance(60'000);
        m_engine->evaluate();
        QCOMPARE(notices().last().kind, AlertNotice::Kind::Recovered);
        QCOMPARE(notices().last().key, QStringLiteral("breaker_attention:discogs"));
        // Switched off, it says nothing.
        AlertSettings off;
        off.enabled[int(AlertRule::BreakerAttention)] = false;
        m_engine->setSettings(off);
        const int before = int(m_spy->count());
        advance(3'600'000);
        m_engine->applySnapshot(waiting);
        for (const AlertNotice &later : notices().mid(before))
            QVERIFY(later.rule != AlertRule::BreakerAttention);
    }

    void anAnomalyIsANoticeOfItsOwnAboveItsScore()
    {
        dashboard::AnomalyEpisode e;
        e.source = QStringLiteral("discogs");
        e.metric = dashboard::AnomalyMetric::SuccessRate;
        e.startMs = m_now - 900'000;
        e.endMs = m_now;
        e.ongoing = true;
        e.peakScore = -6.0;
        e.observed = 0.62;
        e.expected = 0.95;
        e.scope = dashboard::AnomalyEpisode::Scope::Source;
        m_engine->applyAnomalies({e});
        QCOMPARE(m_spy->count(), 1);
        AlertNotice n = notices().first();
        QCOMPARE(n.rule, AlertRule::Anomaly);
        QCOMPARE(n.key, QStringLiteral("anomaly:discogs/success_rate"));
        QCOMPARE(n.severity, AlertSeverity::Warning);
        QCOMPARE(n.panel, QStringLiteral("anomalies"));
        QVERIFY2(n.title.contains(QStringLiteral("discogs")), qPrintable(n.title));
        QVERIFY2(n.body.contains(QStringLiteral("62.0 %")) && n.body.contains(QStringLiteral("95.0 %")) &&
                     n.body.contains(QStringLiteral("provider")),
                 qPrintable(n.body));
        // Back in its band: recovered after the hold.
        m_engine->applyAnomalies({});
        advance(60'000);
        m_engine->evaluate();
        QCOMPARE(notices().last().kind, AlertNotice::Kind::Recovered);
        // Below the operator's score, or switched off: nothing.
        AlertSettings strict;
        strict.anomalyScore = 8.0;
        m_engine->setSettings(strict);
        const int before = int(m_spy->count());
        advance(3'600'000);
        m_engine->applyAnomalies({e});
        QCOMPARE(int(m_spy->count()), before);
        e.peakScore = -9.0;
        m_engine->applyAnomalies({e});
        QCOMPARE(int(m_spy->count()), before + 1);
        AlertSettings off;
        off.enabled[int(AlertRule::Anomaly)] = false;
        m_engine->setSettings(off);
        advance(3'600'000);
        e.source = QStringLiteral("spotify");
        m_engine->applyAnomalies({e});
        for (const AlertNotice &later : notices().mid(before + 1))
            QVERIFY(later.rule != AlertRule::Anomaly || later.kind != AlertNotice::Kind::Raised);
    }

    void aBreakerLikelyToOpenIsSaidBeforeItOpens()
    {
        dashboard::TripForecast likely;
        likely.ok = true;
        likely.pTrip1h = 0.8;
        likely.pLow = 0.6;
        likely.pHigh = 0.9;
        likely.minutesToTrip = 18;
        likely.failureShare = 0.2;
        likely.trendPerHour = 0.4;
        likely.callsPerMinute = 30;
        dashboard::TripForecast steady;
        steady.ok = true;
        steady.pTrip1h = 0.01;
        m_engine->applyTripForecasts({{QStringLiteral("discogs"), likely},
                                      {QStringLiteral("spotify"), steady}});
        QCOMPARE(m_spy->count(), 1);
        const AlertNotice n = notices().first();
        QCOMPARE(n.rule, AlertRule::TripForecast);
        QCOMPARE(n.key, QStringLiteral("trip_forecast:discogs"));
        QVERIFY2(n.title.contains(QStringLiteral("about 18 min")), qPrintable(n.title));
        QVERIFY2(n.body.contains(QStringLiteral("80 %")), qPrintable(n.body));
        QCOMPARE(n.panel, QStringLiteral("sources"));
        // Once it is open, the breaker's own rule speaks: this one is recovered.
        dashboard::TripForecast open;
        open.ok = true;
        open.open = true;
        open.pTrip1h = 1;
        m_engine->applyTripForecasts({{QStringLiteral("discogs"), open}});
        advance(60'000);
        m_engine->evaluate();
        QCOMPARE(notices().last().kind, AlertNotice::Kind::Recovered);
        // Below the operator's chance: nothing.
        AlertSettings cautious;
        cautious.tripChance = 0.9;
        m_engine->setSettings(cautious);
        const int before = int(m_spy->count());
        advance(3'600'000);
        m_engine->applyTripForecasts({{QStringLiteral("discogs"), likely}});
        QCOMPARE(int(m_spy->count()), before);
    }

    void aFlappingBreakerIsOneNotificationPerPeriod()
    {
        m_engine->applySnapshot(snapshot());
        for (int flap = 0; flap < 20; ++flap) { // open 10 s, closed 20 s, for 10 minutes
            m_engine->applySnapshot(snapshot(BreakerState::Open));
            advance(10'000);
            m_engine->applySnapshot(snapshot(BreakerState::HalfOpen));
            m_engine->applySnapshot(snapshot(BreakerState::Closed));
            advance(20'000);
            m_engine->evaluate();
        }
        QCOMPARE(m_spy->count(), 1);
        QCOMPARE(notices().at(0).kind, AlertNotice::Kind::Raised);

        // It settles: one recovery.
        advance(60'000);
        m_engine->evaluate();
        QCOMPARE(m_spy->count(), 2);
        QCOMPARE(notices().at(1).kind, AlertNotice::Kind::Recovered);

        // A new opening within the period (30 min) is the same incident: quiet while it
        // lasts ...
        advance(60'000);
        m_engine->applySnapshot(snapshot(BreakerState::Open));
        QCOMPARE(m_spy->count(), 2);
        // ... and announced when the period is over and it still holds.
        advance(30 * 60'000);
        m_engine->applySnapshot(snapshot(BreakerState::Open));
        QCOMPARE(m_spy->count(), 3);
        QCOMPARE(notices().at(2).kind, AlertNotice::Kind::Raised);
    }

    void breakerEventsActBeforeTheNextSnapshot()
    {
        m_engine->applySnapshot(snapshot());
        m_engine->applyRoomEvent(QStringLiteral("circuit_breaker_state_change"),
                                 {{QStringLiteral("source"), QStringLiteral("discogs")},
                                  {QStringLiteral("state"), QStringLiteral("open")}});
        QCOMPARE(m_spy->count(), 1);
        QCOMPARE(notices().at(0).key, QStringLiteral("breaker_open:discogs"));
        // One worker's breaker in a fleet is not the fleet's: left to the relay's snapshot.
        m_engine->applyRoomEvent(QStringLiteral("circuit_breaker_state_change"),
                                 {{QStringLiteral("source"), QStringLiteral("spotify")},
                                  {QStringLiteral("state"), QStringLiteral("open")},
                                  {QStringLiteral("worker"), QStringLiteral("w2")}});
        QCOMPARE(m_spy->count(), 1);
    }

    void aSnapshotOlderThanAnEventDoesNotUndoIt()
    {
        Snapshot before = snapshot();
        before.timestamp = QDateTime::fromMSecsSinceEpoch(5'000, Qt::UTC);
        m_engine->applySnapshot(before);
        m_engine->applyRoomEvent(
            QStringLiteral("circuit_breaker_state_change"),
            {{QStringLiteral("source"), QStringLiteral("discogs")},
             {QStringLiteral("state"), QStringLiteral("open")},
             {QStringLiteral("timestamp"), QStringLiteral("1970-01-01T00:00:06.000Z")}});
        QCOMPARE(m_spy->count(), 1);
        // A fetch sent before the event answers after it: the breaker stays open.
        AlertSettings s;
        s.recoverSeconds = 0;
        m_engine->setSettings(s);
        m_engine->applySnapshot(before);
        QCOMPARE(m_engine->worstSeverity(), AlertSeverity::Critical);
        QCOMPARE(m_spy->count(), 1);
        // A snapshot from after the event is the news: closed now.
        Snapshot after = snapshot();
        after.timestamp = QDateTime::fromMSecsSinceEpoch(7'000, Qt::UTC);
        m_engine->applySnapshot(after);
        QCOMPARE(m_engine->worstSeverity(), AlertSeverity::None);
        QCOMPARE(m_spy->count(), 2);
        QCOMPARE(notices().at(1).kind, AlertNotice::Kind::Recovered);
    }

    void sourceDownAndRateLimit()
    {
        Snapshot s = snapshot(BreakerState::Closed, Health::Down);
        s.sources[0].rateLimit->remaining = 9; // spotify: 9 % left, under the 10 % default
        m_engine->applySnapshot(s);
        QCOMPARE(m_spy->count(), 2);
        QStringList keys;
        for (const AlertNotice &n : notices())
            keys << n.key;
        keys.sort();
        QCOMPARE(keys, QStringList({QStringLiteral("rate_limit_low:spotify"),
                                    QStringLiteral("source_down:discogs")}));
        QCOMPARE(m_engine->active().first().severity, AlertSeverity::Critical);

        // At 10 % exactly: quiet. A higher threshold catches it.
        init();
        s.sources[0].rateLimit->remaining = 10;
        s.sources[1].health = Health::Degraded; // degraded is not down
        m_engine->applySnapshot(s);
        QCOMPARE(m_spy->count(), 0);
        AlertSettings settings;
        settings.rateLimitShare = 0.2;
        m_engine->setSettings(settings);
        QCOMPARE(m_spy->count(), 1);
        QCOMPARE(notices().at(0).key, QStringLiteral("rate_limit_low:spotify"));
    }

    void backlogDrainTimeAndGrowth()
    {
        // 1000 pending at 10/min: 100 minutes to drain, over the 1 h bound.
        m_engine->applySnapshot(snapshot(BreakerState::Closed, Health::Healthy, 1000, 0, 10));
        QCOMPARE(m_spy->count(), 1);
        QCOMPARE(notices().at(0).key, QStringLiteral("backlog:"));
        QVERIFY(notices().at(0).title.contains(QStringLiteral("slowly")));

        // At 50/min it drains in 20 minutes; growing only counts after 15 minutes.
        init();
        qint64 pending = 100;
        for (int minute = 0; minute < 14; ++minute) {
            m_engine->applySnapshot(
                snapshot(BreakerState::Closed, Health::Healthy, pending += 5, minute, 50));
            advance(60'000);
        }
        QCOMPARE(m_spy->count(), 0);
        m_engine->applySnapshot(
            snapshot(BreakerState::Closed, Health::Healthy, pending += 5, 15, 50));
        advance(60'000);
        m_engine->applySnapshot(
            snapshot(BreakerState::Closed, Health::Healthy, pending += 5, 16, 50));
        QCOMPARE(m_spy->count(), 1);
        QVERIFY(notices().at(0).title.contains(QStringLiteral("growing")));

        // Switched off: the condition goes away (and its recovery is announced after the hold).
        AlertSettings off;
        off.enabled[int(AlertRule::Backlog)] = false;
        m_engine->setSettings(off);
        QVERIFY(m_engine->active().isEmpty());
    }

    void aStuckPipelineAndALostConnection()
    {
        m_engine->applySnapshot(snapshot(BreakerState::Closed, Health::Healthy, 100, 5));
        advance(9 * 60'000);
        m_engine->applySnapshot(snapshot(BreakerState::Closed, Health::Healthy, 100, 5));
        QCOMPARE(m_spy->count(), 0);
        advance(60'000);
        m_engine->evaluate();
        QCOMPARE(m_spy->count(), 1);
        QCOMPARE(notices().at(0).key, QStringLiteral("stuck:"));
        // Progress again: recovered after the hold.
        m_engine->applySnapshot(snapshot(BreakerState::Closed, Health::Healthy, 90, 15));
        advance(60'000);
        m_engine->evaluate();
        QCOMPARE(m_spy->count(), 2);
        QCOMPARE(notices().at(1).kind, AlertNotice::Kind::Recovered);

        // The connection drops: after 30 s, one notification; the time away is not "stuck".
        m_engine->setConnected(false);
        advance(29'000);
        m_engine->evaluate();
        QCOMPARE(m_spy->count(), 2);
        advance(1000);
        m_engine->evaluate();
        QCOMPARE(m_spy->count(), 3);
        QCOMPARE(notices().at(2).key, QStringLiteral("connection_lost:"));
        advance(20 * 60'000);
        m_engine->evaluate();
        QCOMPARE(m_spy->count(), 3);
        m_engine->setConnected(true);
        advance(60'000);
        m_engine->evaluate();
        QCOMPARE(m_spy->count(), 4);
        QCOMPARE(notices().at(3).title, QStringLiteral("The backend answers again"));
    }

    void aLostWorkerIsAnnouncedAndSoIsItsReturn()
    {
        auto fleet = [this](std::optional<FleetWorker::State> w2) {
            Snapshot s = snapshot();
            FleetWorker w1;
            w1.id = QStringLiteral("worker-1");
            w1.state = FleetWorker::State::Active;
            QList<FleetWorker> workers{w1};
            if (w2) {
                FleetWorker w;
                w.id = QStringLiteral("worker-2");
                w.host = QStringLiteral("host-b");
                w.state = *w2;
                workers << w;
            }
            s.workers = workers;
            return s;
        };
        m_engine->applySnapshot(fleet(FleetWorker::State::Active));
        QCOMPARE(m_spy->count(), 0);
        m_engine->applySnapshot(fleet(FleetWorker::State::Lost));
        QCOMPARE(m_spy->count(), 1);
        AlertNotice n = notices().at(0);
        QCOMPARE(n.rule, AlertRule::WorkerLost);
        QCOMPARE(n.title, QStringLiteral("worker-2 stopped answering"));
        QVERIFY(n.body.contains(QStringLiteral("host-b")));
        QCOMPARE(n.panel, QStringLiteral("workers"));
        // A worker that stopped cleanly is no incident; one back is announced once clear.
        m_engine->applySnapshot(fleet(FleetWorker::State::Active));
        advance(61'000);
        m_engine->evaluate();
        QCOMPARE(m_spy->count(), 2);
        QCOMPARE(notices().at(1).kind, AlertNotice::Kind::Recovered);
        QCOMPARE(notices().at(1).title, QStringLiteral("worker-2 answers again"));
        m_engine->applySnapshot(fleet(FleetWorker::State::Stopped));
        advance(61'000);
        m_engine->evaluate();
        QCOMPARE(m_spy->count(), 2);
        // Its own setting switches it off.
        AlertSettings off;
        off.enabled[int(AlertRule::WorkerLost)] = false;
        m_engine->setSettings(off);
        advance(31 * 60'000);
        m_engine->applySnapshot(fleet(FleetWorker::State::Lost));
        QCOMPARE(m_spy->count(), 2);
    }

    void aSourceDownBecauseOfItsBreakerIsOneNotification()
    {
        m_engine->applySnapshot(snapshot(BreakerState::Open, Health::Down));
        QCOMPARE(m_spy->count(), 1);
        QCOMPARE(notices().at(0).key, QStringLiteral("breaker_open:discogs"));
        // The breaker closes (an event, before the next snapshot): the snapshot's "down"
        // is older than that and is not announced as a new problem.
        m_engine->applyRoomEvent(QStringLiteral("circuit_breaker_state_change"),
                                 {{QStringLiteral("source"), QStringLiteral("discogs")},
                                  {QStringLiteral("state"), QStringLiteral("closed")}});
        QCOMPARE(m_spy->count(), 1);
        QVERIFY(m_engine->active().isEmpty() ||
                m_engine->active().first().key == QStringLiteral("breaker_open:discogs"));
        m_engine->applySnapshot(snapshot(BreakerState::Open, Health::Down));
        // With the breaker rule off, the source-down rule speaks.
        AlertSettings s;
        s.enabled[int(AlertRule::BreakerOpen)] = false;
        m_engine->setSettings(s);
        QCOMPARE(m_spy->count(), 2);
        QCOMPARE(notices().at(1).key, QStringLiteral("source_down:discogs"));
    }

    void manyAtOnceGiveASummary()
    {
        Snapshot s = snapshot(BreakerState::Open);
        s.sources[0].breaker->state = BreakerState::Open;
        s.sources[0].rateLimit->remaining = 1;
        s.sources[1].rateLimit->remaining = 1;
        m_engine->applySnapshot(s); // four conditions: two breakers, two rate limits
        QCOMPARE(m_spy->count(), 1);
        const AlertNotice n = notices().at(0);
        QCOMPARE(n.kind, AlertNotice::Kind::Summary);
        QCOMPARE(n.keys.size(), 4);
        QCOMPARE(n.severity, AlertSeverity::Critical);
        QVERIFY(n.body.contains(QStringLiteral("spotify")));
        QCOMPARE(m_engine->active().size(), 4);
    }

    void mutedAndPausedStayQuietThenSpeak()
    {
        m_engine->mute(QStringLiteral("breaker_open:discogs"), 3'600'000);
        m_engine->applySnapshot(snapshot(BreakerState::Open));
        QCOMPARE(m_spy->count(), 0);
        QCOMPARE(m_engine->worstSeverity(), AlertSeverity::Critical); // the tray still knows
        advance(3'600'000);
        m_engine->applySnapshot(snapshot(BreakerState::Open));
        QCOMPARE(m_spy->count(), 1); // the mute is over and it still holds

        init();
        m_engine->setPaused(true);
        Snapshot s = snapshot(BreakerState::Open);
        s.sources[0].rateLimit->remaining = 1;
        m_engine->applySnapshot(s);
        QCOMPARE(m_spy->count(), 0);
        m_engine->setPaused(false);
        QCOMPARE(m_spy->count(), 2);
    }

    void prometheusAlertsFromAlertmanager()
    {
        const QByteArray json = R"([
          {"labels": {"alertname": "EnrichmentSourceDown", "severity": "warning",
                      "source": "discogs", "instance": "w1:8000"},
           "annotations": {"summary": "discogs is down"},
           "startsAt": "2026-11-29T10:00:00.000Z", "fingerprint": "a1",
           "status": {"state": "active"}},
          {"labels": {"alertname": "EnrichmentCircuitBreakerOpen", "severity": "critical",
                      "source": "discogs"},
           "annotations": {"description": "open"}, "startsAt": "2026-11-29T10:01:00Z",
           "fingerprint": "b2", "status": {"state": "active"}},
          {"labels": {"alertname": "Silenced"}, "status": {"state": "suppressed"}}
        ])";
        QString error;
        const auto alerts = AlertmanagerClient::parse(json, &error);
        QVERIFY2(alerts, qPrintable(error));
        QCOMPARE(alerts->size(), 2);
        QCOMPARE(alerts->at(0).name,
                 QStringLiteral("EnrichmentCircuitBreakerOpen")); // critical first
        QCOMPARE(alerts->at(0).summary, QStringLiteral("open"));
        QCOMPARE(alerts->at(1).source, QStringLiteral("discogs"));
        QCOMPARE(alerts->at(1).since, QDateTime(QDate(2026, 11, 29), QTime(10, 0), Qt::UTC));
        QVERIFY(!AlertmanagerClient::parse("{}", &error));
        QVERIFY(!AlertmanagerClient::parse("[1,", &error));

        m_engine->applyFiringAlerts(*alerts);
        QCOMPARE(m_spy->count(), 2);
        QCOMPARE(notices().at(0).severity, AlertSeverity::Critical);
        QCOMPARE(notices().at(0).panel, QStringLiteral("alerts"));
        m_engine->applyFiringAlerts({});
        advance(60'000);
        m_engine->evaluate();
        QCOMPARE(m_spy->count(), 4);

        FiringAlertsModel model;
        model.setAlerts(*alerts);
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(1, FiringAlertsModel::Source).data().toString(),
                 QStringLiteral("discogs"));
        QCOMPARE(model.index(0, FiringAlertsModel::Summary).data().toString(),
                 QStringLiteral("open"));
    }

    void settingsRoundTripAndStayInBounds()
    {
        QTemporaryDir dir;
        QSettings s(dir.filePath(QStringLiteral("a.ini")), QSettings::IniFormat);
        AlertSettings a;
        a.enabled[int(AlertRule::Stuck)] = false;
        a.stuckMinutes = 25;
        a.rateLimitShare = 0.05;
        a.save(s);
        AlertSettings b;
        b.load(s);
        QVERIFY(!b.isEnabled(AlertRule::Stuck));
        QVERIFY(b.isEnabled(AlertRule::BreakerOpen));
        QCOMPARE(b.stuckMinutes, 25);
        QCOMPARE(b.rateLimitShare, 0.05);
        s.setValue(QStringLiteral("alerts/rate_limit_low/share"), QStringLiteral("lots"));
        s.setValue(QStringLiteral("alerts/stuck/minutes"), -4);
        b.load(s);
        QCOMPARE(b.rateLimitShare, AlertSettings().rateLimitShare);
        QCOMPARE(b.stuckMinutes, 1);
    }
};

QTEST_GUILESS_MAIN(TestAlertRules)
#include "tst_alertrules.moc"
