// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The autoscaler: the number (decideWorkers, the rate meter, the steady inflow), the
// scaler's policy and command line, and the whole loop on real servers: a PostgreSQL
// queue, a RabbitMQ broker, the relay computing enrichment_workers_desired, and the
// process-mode scaler starting and stopping real enrichment-backend workers.
#include <csignal>

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "Autoscale.h"
#include "BackendCommandLine.h"
#include "QueueFlow.h"
#include "ScalePolicy.h"
#include "ScalerCommandLine.h"
#include "WorkerRunner.h"
#include "WorkerScaler.h"
#include "enrichment/SnapshotParser.h"
#include "enrichment/SnapshotWriter.h"

#include "../support/BackendProcess.h"
#include "../support/FakeProvider.h"
#include "../support/Http.h"
#include "../support/PostgresServer.h"
#include "../support/RabbitMqServer.h"

using namespace enrichment;
using testsupport::BackendProcess;

namespace {

AutoscaleInput backlog(qint64 pending, double rate, int live = 1)
{
    AutoscaleInput in;
    in.pending = pending;
    in.ratePerWorker = rate;
    in.liveWorkers = live;
    return in;
}

AutoscaleOptions options(qint64 targetSeconds = 3600, int min = 0, int max = 10)
{
    AutoscaleOptions o;
    o.targetDrainSeconds = targetSeconds;
    o.minWorkers = min;
    o.maxWorkers = max;
    return o;
}

} // namespace

class TestAutoscale : public QObject
{
    Q_OBJECT

private:
    testsupport::PostgresServer m_pg;
    testsupport::RabbitMqServer m_mq;
    int m_databases = 0;

    QString newDatabase(QString *name)
    {
        *name = QStringLiteral("autoscale_%1").arg(++m_databases);
        QString url, error;
        if (!m_pg.createDatabase(*name, &url, &error))
            qFatal("%s", qPrintable(error));
        return url;
    }

    std::unique_ptr<BackendProcess> startRelay(const QString &db, const QStringList &extra)
    {
        auto relay = std::make_unique<BackendProcess>();
        if (!relay->start(QStringLiteral(BACKEND_BINARY),
                          QStringList{QStringLiteral("--relay"), QStringLiteral("--port"),
                                      QStringLiteral("0"), QStringLiteral("--database"), db,
                                      QStringLiteral("--amqp"), m_mq.url(),
                                      QStringLiteral("--heartbeat-seconds"), QStringLiteral("1")} +
                              extra))
            return nullptr;
        return relay;
    }

    static QJsonObject autoscaleOf(const BackendProcess &b)
    {
        const auto r = testsupport::httpGet(b.port(), "/monitoring/enrichment");
        return QJsonDocument::fromJson(r.body).object().value(QStringLiteral("autoscale")).toObject();
    }

    qint64 count(const QString &db, const QString &where)
    {
        return m_pg
            .scalar(db, QStringLiteral("SELECT COUNT(*) FROM enrichment_status WHERE ") + where)
            .toLongLong();
    }

    static QStringList workerCommand(const QString &db, const QStringList &extra)
    {
        return QStringList{QStringLiteral(BACKEND_BINARY),
                           QStringLiteral("--port"),
                           QStringLiteral("0"),
                           QStringLiteral("--database"),
                           db,
                           QStringLiteral("--worker-id"),
                           QStringLiteral("scaled-{n}"),
                           QStringLiteral("--heartbeat-seconds"),
                           QStringLiteral("1"),
                           QStringLiteral("--retry-backoff"),
                           QStringLiteral("0")} +
               extra;
    }

    static WorkerScaler::Config scalerConfig(const BackendProcess &relay, int upS, int downS,
                                             int max)
    {
        WorkerScaler::Config c;
        c.url = relay.url;
        c.pollMs = 1000;
        c.policy.upCooldownMs = upS * 1000;
        c.policy.downCooldownMs = downS * 1000;
        c.policy.maxWorkers = max;
        return c;
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!testsupport::PostgresServer::available() || !testsupport::RabbitMqServer::available())
            QFAIL("PostgreSQL 15 and RabbitMQ are not installed (scripts/dev.sh installs them)");
        QString error;
        QVERIFY2(m_pg.start(&error), qPrintable(error));
        QVERIFY2(m_mq.start(&error), qPrintable(error));
    }

    // --- the number -------------------------------------------------------------------

    void backlogOverTargetAtTheRatePerWorker()
    {
        // 30,000 queued at 100 tracks a minute per worker, within an hour: 5 workers.
        AutoscaleInfo a = decideWorkers(backlog(30'000, 100), options());
        QCOMPARE(a.desiredWorkers, 5);
        QCOMPARE(a.reason, AutoscaleInfo::Reason::Backlog);
        QCOMPARE(a.uncappedWorkers, 5);
        QCOMPARE(a.backlog, 30'000);
        // One more track needs a sixth worker; in progress counts as backlog too.
        AutoscaleInput in = backlog(30'000, 100);
        in.inProgress = 1;
        QCOMPARE(decideWorkers(in, options()).desiredWorkers, 6);
        // Half the time, twice the workers.
        QCOMPARE(decideWorkers(backlog(30'000, 100), options(1800)).desiredWorkers, 10);
        QCOMPARE(a.drainSecondsLeft, 3600.0); // a backlog that just began has the whole target
    }

    void theTargetCountsFromWhenTheBacklogBegan()
    {
        // Half way through the hour, half the backlog left: the same 5 workers, not fewer
        // (a number that fell as the backlog drained would miss the target).
        AutoscaleInput in = backlog(15'000, 100);
        in.drainingForSeconds = 1800;
        AutoscaleInfo a = decideWorkers(in, options());
        QCOMPARE(a.drainSecondsLeft, 1800.0);
        QCOMPARE(a.desiredWorkers, 5);
        // Behind: more to do than the time left allows at this pace, more workers.
        in.pending = 24'000;
        QCOMPARE(decideWorkers(in, options()).desiredWorkers, 8);
        // Late (past the target, or a stream that never lets the queue empty): the rest
        // within a quarter of the target, not in no time.
        in.pending = 3000;
        in.drainingForSeconds = 5000;
        a = decideWorkers(in, options());
        QCOMPARE(a.drainSecondsLeft, 900.0);
        QCOMPARE(a.desiredWorkers, 2);
    }

    void inflowPreScalesTheBacklog()
    {
        // 6,000 queued plus 100 a minute for the hour: 12,000 to do at 100/min: 2 workers.
        AutoscaleInput in = backlog(6000, 100);
        in.inflowPerMinute = 100;
        const AutoscaleInfo a = decideWorkers(in, options());
        QCOMPARE(a.forecastBacklog, 12'000.0);
        QCOMPARE(a.desiredWorkers, 2);
        // Nothing queued but a steady stream: enough workers to keep up with it.
        in.pending = 0;
        in.inflowPerMinute = 250;
        QCOMPARE(decideWorkers(in, options()).desiredWorkers, 3);
    }

    void idleAndMeasuring()
    {
        AutoscaleInfo a = decideWorkers(backlog(0, 100, 3), options(3600, 0, 10));
        QCOMPARE(a.desiredWorkers, 0);
        QCOMPARE(a.reason, AutoscaleInfo::Reason::Idle);
        a = decideWorkers(backlog(0, 100, 3), options(3600, 2, 10));
        QCOMPARE(a.desiredWorkers, 2);
        QCOMPARE(a.reason, AutoscaleInfo::Reason::MinWorkers);
        // Work but no rate known: one worker to measure it, or the ones running.
        AutoscaleInput in = backlog(5000, 0, 0);
        in.ratePerWorker.reset();
        a = decideWorkers(in, options());
        QCOMPARE(a.desiredWorkers, 1);
        QCOMPARE(a.reason, AutoscaleInfo::Reason::Measuring);
        QVERIFY(!a.ratePerWorker);
        in.liveWorkers = 3;
        QCOMPARE(decideWorkers(in, options()).desiredWorkers, 3);
    }

    void quotaCapsAtTheWorkersItFeeds()
    {
        // The backlog asks for 10; musicbrainz allows the fleet 60 requests a minute and
        // every track asks it once: at 30 tracks a minute per worker, 2 workers use it all.
        AutoscaleInput in = backlog(18'000, 30);
        in.tracksProcessed = 1000;
        in.sources = {{QStringLiteral("spotify"), false, 0, 1000},
                      {QStringLiteral("musicbrainz"), false, 60, 1000},
                      {QStringLiteral("discogs"), false, 600, 1000}};
        AutoscaleInfo a = decideWorkers(in, options());
        QCOMPARE(a.uncappedWorkers, 10);
        QCOMPARE(a.desiredWorkers, 2);
        QCOMPARE(a.reason, AutoscaleInfo::Reason::Quota);
        QCOMPARE(a.capWorkers, 2);
        QCOMPARE(a.capSource, QStringLiteral("musicbrainz"));
        QCOMPARE(a.capQuotaPerMinute, 60.0);
        // A source the waterfall asks for one track in four feeds four times the workers.
        in.sources[1].requests = 250;
        a = decideWorkers(in, options());
        QCOMPARE(a.capWorkers, 8);
        QCOMPARE(a.desiredWorkers, 8);
        // A fleet at the quota measures each worker at quota / N: the cap holds at N.
        in.sources[1].requests = 1000;
        in.ratePerWorker = 60.0 / 3 * 0.97;
        in.liveWorkers = 3;
        QCOMPARE(decideWorkers(in, options()).desiredWorkers, 3);
    }

    void openBreakerDoesNotPushTheNumberUp()
    {
        // The backlog asks for 10; musicbrainz's quota would cap at 2, but its breaker is
        // open: it is not asked, so its quota caps nothing, and the fleet waits at the 4
        // workers it has instead of growing.
        AutoscaleInput in = backlog(60'000, 100, 4);
        in.tracksProcessed = 1000;
        in.sources = {{QStringLiteral("musicbrainz"), true, 200, 1000}};
        AutoscaleInfo a = decideWorkers(in, options());
        QCOMPARE(a.uncappedWorkers, 10);
        QCOMPARE(a.desiredWorkers, 4);
        QCOMPARE(a.reason, AutoscaleInfo::Reason::BreakerOpen);
        QCOMPARE(a.openSources, QStringList{QStringLiteral("musicbrainz")});
        QVERIFY(!a.capWorkers);
        // It may still go down.
        in.pending = 6000;
        QCOMPARE(decideWorkers(in, options()).desiredWorkers, 1);
        // A paused pipeline holds the same way.
        in = backlog(60'000, 100, 2);
        in.paused = true;
        a = decideWorkers(in, options());
        QCOMPARE(a.desiredWorkers, 2);
        QCOMPARE(a.reason, AutoscaleInfo::Reason::Paused);
    }

    void boundsApply()
    {
        AutoscaleInfo a = decideWorkers(backlog(600'000, 100), options(3600, 0, 7));
        QCOMPARE(a.uncappedWorkers, 100);
        QCOMPARE(a.desiredWorkers, 7);
        QCOMPARE(a.reason, AutoscaleInfo::Reason::MaxWorkers);
        QCOMPARE(a.maxWorkers, 7);
    }

    void meterMeasuresWorkerTimeWhileWorkWaits()
    {
        AutoscaleMeter m;
        // Two workers busy for 30 s finishing 120 tracks: 120 a minute each.
        for (int s = 0; s <= 30; ++s)
            m.sample(1'000'000 + s * 1000, 2, true);
        QCOMPARE(m.window(1'030'000), 30);
        const auto rate = m.update(1'030'000, 120);
        QVERIFY(rate);
        QCOMPARE(*rate, 120.0);
        // Then the queue runs dry: idle workers say nothing of a worker's pace.
        for (int s = 31; s <= 60; ++s)
            m.sample(1'000'000 + s * 1000, 2, false);
        QCOMPARE(*m.update(1'060'000, 3), 120.0);
        // Less than 15 s of work measures nothing yet either.
        AutoscaleMeter fresh;
        for (int s = 0; s <= 10; ++s)
            fresh.sample(s * 1000, 1, true);
        QVERIFY(!fresh.update(10'000, 50));
    }

    void steadyInflowIgnoresOneBulkEnqueue()
    {
        QueueFlow flow;
        std::array<qint64, TrackStatusCount> counts{};
        // 40 a minute for five minutes, and one bulk of 3,000 in the third.
        for (int s = 0; s <= 300; ++s) {
            counts[0] = qint64(s) * 40 / 60 + (s >= 150 ? 3000 : 0);
            flow.sample(s * 1000, counts);
            if (s == 120)
                QVERIFY(!flow.steadyPerMinute()); // two minutes are not yet a stream
        }
        QVERIFY(flow.steadyPerMinute());
        QVERIFY(qAbs(*flow.steadyPerMinute() - 40.0) <= 1.0);
        QVERIFY(*flow.enqueuedPerMinute() > 600); // the plain rate takes the bulk for a stream
    }

    void autoscaleTravelsOnTheWire()
    {
        Snapshot s;
        s.timestamp = QDateTime::currentDateTimeUtc();
        AutoscaleInfo a = decideWorkers(backlog(18'000, 30), options(1800, 1, 6));
        a.openSources = {QStringLiteral("discogs")};
        a.capWorkers = 3;
        a.capSource = QStringLiteral("musicbrainz");
        a.capQuotaPerMinute = 58.8;
        s.autoscale = a;
        QString error;
        const auto back = SnapshotParser::parseSnapshot(SnapshotWriter::write(s), &error);
        QVERIFY2(back, qPrintable(error));
        QVERIFY(back->autoscale);
        QCOMPARE(*back->autoscale, a);
        // A document without it, or with a reason this version does not know, has none.
        QJsonObject doc = SnapshotWriter::write(s);
        QJsonObject as = doc.value(QStringLiteral("autoscale")).toObject();
        as.insert(QStringLiteral("reason"), QStringLiteral("astrology"));
        doc.insert(QStringLiteral("autoscale"), as);
        QVERIFY(!SnapshotParser::parseSnapshot(doc, &error)->autoscale);
    }

    void commandLines()
    {
        BackendOptions o;
        QString error, output;
        bool exitNow = false;
        QVERIFY(parseBackendCommandLine({QStringLiteral("b"), QStringLiteral("--target-drain"),
                                         QStringLiteral("90m"), QStringLiteral("--min-workers"),
                                         QStringLiteral("1"), QStringLiteral("--max-workers"),
                                         QStringLiteral("12")},
                                        &o, &error, &exitNow, &output));
        QCOMPARE(o.autoscale.targetDrainSeconds, 5400);
        QCOMPARE(o.autoscale.minWorkers, 1);
        QCOMPARE(o.autoscale.maxWorkers, 12);
        for (const QStringList &bad :
             {QStringList{QStringLiteral("--target-drain"), QStringLiteral("soon")},
              QStringList{QStringLiteral("--target-drain"), QStringLiteral("10s")},
              QStringList{QStringLiteral("--min-workers"), QStringLiteral("5"),
                          QStringLiteral("--max-workers"), QStringLiteral("2")}}) {
            BackendOptions b;
            QVERIFY2(!parseBackendCommandLine(QStringList{QStringLiteral("b")} + bad, &b, &error,
                                              &exitNow, &output),
                     qPrintable(bad.join(QLatin1Char(' '))));
            QVERIFY(!error.isEmpty());
        }
        ScalerOptions s;
        QVERIFY2(parseScalerCommandLine({QStringLiteral("s"), QStringLiteral("--url"),
                                         QStringLiteral("http://10.0.0.5:8020"),
                                         QStringLiteral("--down-cooldown"), QStringLiteral("600"),
                                         QStringLiteral("--"), QStringLiteral("worker"),
                                         QStringLiteral("--port"), QStringLiteral("{port}")},
                                        &s, &error, &exitNow, &output),
                 qPrintable(error));
        QCOMPARE(s.mode, ScalerOptions::Mode::Process);
        QCOMPARE(s.scaler.policy.downCooldownMs, 600'000);
        QCOMPARE(s.workerCommand, (QStringList{QStringLiteral("worker"), QStringLiteral("--port"),
                                               QStringLiteral("{port}")}));
        ScalerOptions none;
        QVERIFY(!parseScalerCommandLine({QStringLiteral("s")}, &none, &error, &exitNow, &output));
        QVERIFY(error.contains(QLatin1String("worker command")));
        QVERIFY(!parseScalerCommandLine({QStringLiteral("s"), QStringLiteral("--mode"),
                                         QStringLiteral("systemd"), QStringLiteral("--unit"),
                                         QStringLiteral("worker.service")},
                                        &none, &error, &exitNow, &output));
    }

    // --- the scaler's policy -----------------------------------------------------------

    void policyGoesUpAtOnceAndDownAfterTheCooldown()
    {
        ScalePolicy::Config c;
        c.upCooldownMs = 30'000;
        c.downCooldownMs = 300'000;
        c.maxWorkers = 8;
        ScalePolicy p(c);
        QCOMPARE(p.next(0, 0, 3), 3);       // up at once
        QCOMPARE(p.next(10'000, 3, 5), 3);  // not again within the up cooldown
        QCOMPARE(p.next(31'000, 3, 5), 5);  // then
        QCOMPARE(p.next(40'000, 5, 12), 5); // (cooldown)
        QCOMPARE(p.next(62'000, 5, 12), 8); // the scaler's own maximum
        // Down: not while the last 5 minutes asked for more, and not within 5 minutes of
        // the last change.
        QCOMPARE(p.next(100'000, 8, 2), 8);
        QCOMPARE(p.next(300'000, 8, 2), 8);
        QCOMPARE(p.next(363'000, 8, 2), 2); // 8 was asked at 62 s
        // A dip in the middle of a busy window stops nothing: the window's most is kept.
        QCOMPARE(p.next(400'000, 2, 6), 6);
        QCOMPARE(p.next(500'000, 6, 1), 6);
        QCOMPARE(p.next(600'000, 6, 4), 6);
        QCOMPARE(p.next(701'000, 6, 1), 4); // 4 was asked within the last 5 minutes
        // No number: hold.
        QCOMPARE(p.next(2'000'000, 4, std::nullopt), 4);
    }

    void policyStopsNothingThatRanBeforeItUntilTheWindowFilled()
    {
        ScalePolicy::Config c;
        c.downCooldownMs = 60'000;
        ScalePolicy p(c);
        QCOMPARE(p.next(0, 3, 0), 3);
        QCOMPARE(p.next(59'000, 3, 0), 3);
        QCOMPARE(p.next(61'000, 3, 0), 0);
    }

    void systemdModeStartsAndStopsUnits()
    {
        // systemd does not run here: a stand-in systemctl that keeps the active units in a
        // file, as `systemctl list-units --plain --no-legend` prints them.
        QTemporaryDir dir;
        const QString state = dir.filePath(QStringLiteral("active"));
        const QString fake = dir.filePath(QStringLiteral("systemctl"));
        QFile f(fake);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(QStringLiteral("#!/bin/sh\n"
                               "state='%1'\n"
                               "touch \"$state\"\n"
                               "echo \"$*\" >> \"$state.calls\"\n"
                               "case \"$1\" in\n"
                               "list-units) sed 's/$/ loaded active running Enrichment/' \"$state\";;\n"
                               "start) echo \"$3\" >> \"$state\";;\n"
                               "stop) grep -v -x \"$3\" \"$state\" > \"$state.new\"; mv \"$state.new\" \"$state\";;\n"
                               "*) exit 1;;\n"
                               "esac\n")
                    .arg(state)
                    .toUtf8());
        f.close();
        QVERIFY(f.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        SystemdRunner runner(fake, QStringLiteral("enrichment-backend@%i.service"));
        QCOMPARE(runner.running(), QList<int>{});
        QString error;
        QVERIFY2(runner.start(1, &error), qPrintable(error));
        QVERIFY2(runner.start(2, &error), qPrintable(error));
        QVERIFY2(runner.start(3, &error), qPrintable(error));
        QCOMPARE(runner.running(), (QList<int>{1, 2, 3}));
        runner.stop(3);
        QCOMPARE(runner.running(), (QList<int>{1, 2}));
        QFile calls(state + QStringLiteral(".calls"));
        QVERIFY(calls.open(QIODevice::ReadOnly));
        QVERIFY(calls.readAll().contains("start --no-block enrichment-backend@2.service"));
        // A systemctl that fails is an error, not a crash.
        SystemdRunner broken(dir.filePath(QStringLiteral("missing")),
                             QStringLiteral("enrichment-backend@%i.service"));
        QVERIFY(!broken.start(1, &error));
        QVERIFY(!error.isEmpty());
    }

    // --- the whole loop on real servers -------------------------------------------------

    void scalerFollowsTheBacklogOnRealPostgres()
    {
        QString name;
        const QString db = newDatabase(&name);
        // The relay computes the number: drain within a minute, at most 3 workers.
        auto relay = startRelay(db, {QStringLiteral("--target-drain"), QStringLiteral("60"),
                                     QStringLiteral("--max-workers"), QStringLiteral("3")});
        QVERIFY(relay);
        QTRY_COMPARE_WITH_TIMEOUT(autoscaleOf(*relay).value(QStringLiteral("reason")).toString(),
                                  QStringLiteral("idle"), 10'000);
        // Workers at a known pace: 10 tracks a batch, a batch every half second.
        ProcessRunner runner(workerCommand(db, {QStringLiteral("--batch-size"), QStringLiteral("10"),
                                                QStringLiteral("--batch-interval-ms"),
                                                QStringLiteral("500"), QStringLiteral("--time-scale"),
                                                QStringLiteral("0"), QStringLiteral("--quota-scale"),
                                                QStringLiteral("0"), QStringLiteral("--outage-scale"),
                                                QStringLiteral("0")}),
                             0, 10'000);
        WorkerScaler scaler(scalerConfig(*relay, 5, 10, 3), runner);
        QSignalSpy scaled(&scaler, &WorkerScaler::scaled);
        scaler.start();
        QTest::qWait(1500);
        QCOMPARE(runner.running().size(), 0); // nothing queued: nothing runs

        // A backlog appears.
        constexpr int Tracks = 3000;
        QJsonArray ids;
        for (int i = 0; i < Tracks; ++i)
            ids.append(QStringLiteral("scale-%1").arg(i));
        QElapsedTimer sinceBacklog;
        sinceBacklog.start();
        const auto posted = testsupport::httpPost(
            relay->port(), "/monitoring/enrichment/actions/enqueue",
            QJsonDocument(QJsonObject{{QStringLiteral("track_ids"), ids}}).toJson());
        QCOMPARE(posted.status, 200);
        // The number rises past one once a worker's pace is measured, and the scaler
        // follows within 30 s of the backlog.
        QTRY_VERIFY_WITH_TIMEOUT(runner.running().size() >= 2, 30'000);
        const qint64 scaledUpAfterMs = sinceBacklog.elapsed();
        QVERIFY(scaledUpAfterMs <= 30'000);
        const QJsonObject rising = autoscaleOf(*relay);
        QVERIFY(rising.value(QStringLiteral("desired_workers")).toInt() >= 2);
        QVERIFY(rising.value(QStringLiteral("rate_per_worker")).toDouble() > 0);
        qInfo("scaled up %lld ms after the backlog appeared; then: %s", scaledUpAfterMs,
              QJsonDocument(rising).toJson(QJsonDocument::Compact).constData());

        // The backlog drains; the number falls to zero; the workers stop after the
        // cooldown, not before.
        QTRY_VERIFY_WITH_TIMEOUT(count(name, QStringLiteral("status IN ('pending', 'in_progress')")) ==
                                     0,
                                 150'000);
        const qint64 drainedAfterMs = sinceBacklog.elapsed();
        QTRY_COMPARE_WITH_TIMEOUT(autoscaleOf(*relay).value(QStringLiteral("desired_workers")).toInt(),
                                  0, 10'000);
        QElapsedTimer sinceZero;
        sinceZero.start();
        QVERIFY(runner.running().size() >= 1); // hysteresis: nothing stops at once
        QTRY_COMPARE_WITH_TIMEOUT(runner.running().size(), 0, 30'000);
        QVERIFY2(sinceZero.elapsed() >= 8'000, "workers stopped before the cooldown");
        QTRY_COMPARE_WITH_TIMEOUT(runner.stopping(), 0, 15'000);
        qInfo("drained %d tracks %lld ms after the backlog appeared; workers stopped %lld ms "
              "after the number fell to zero",
              Tracks, drainedAfterMs, sinceZero.elapsed());

        // No track lost, none left leased, and every worker stopped cleanly (its last
        // heartbeat says stopped, not lost).
        QCOMPARE(count(name, QStringLiteral("TRUE")), Tracks);
        QCOMPARE(count(name, QStringLiteral("status IN ('completed', 'partial', 'failed')")), Tracks);
        QCOMPARE(count(name, QStringLiteral("status = 'in_progress' OR (lease_expires_at IS NOT NULL"
                                          " AND status = 'pending')")),
                 0);
        const qint64 workers =
            m_pg.scalar(name, QStringLiteral("SELECT COUNT(*) FROM enrichment_workers")).toLongLong();
        QVERIFY(workers >= 2);
        QCOMPARE(m_pg.scalar(name, QStringLiteral("SELECT COUNT(*) FROM enrichment_workers"
                                                  " WHERE stopped"))
                     .toLongLong(),
                 workers);
        QVERIFY(scaled.size() >= 2);
        scaler.stop();
    }

    void sigtermReleasesTheBatchInFlightAtOnce()
    {
        // How Kubernetes, systemd and the scaler stop a worker: SIGTERM while its batch
        // waits on a slow provider. The worker does not wait out the answers nor leave the
        // tracks to their lease: it puts them back to pending, spending no retry, and stops
        // well within a grace period.
        QString name;
        const QString db = newDatabase(&name);
        testsupport::FakeMusicBrainz musicbrainz;
        musicbrainz.mode = testsupport::FakeMusicBrainz::Mode::Slow;
        musicbrainz.slowMs = 20'000;
        QVERIFY(musicbrainz.listen());
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("sources.yaml"));
        QFile yaml(config);
        QVERIFY(yaml.open(QIODevice::WriteOnly));
        yaml.write(QStringLiteral("sources:\n  musicbrainz:\n    base_url: %1\n"
                                  "    user_agent: \"AutoscaleTest/1.0 (ops@example.com)\"\n"
                                  "    timeout_seconds: 30\n")
                       .arg(musicbrainz.url().toString())
                       .toUtf8());
        yaml.close();
        BackendProcess worker;
        QStringList args = workerCommand(db, {QStringLiteral("--sources-config"), config,
                                              QStringLiteral("--batch-size"), QStringLiteral("5"),
                                              QStringLiteral("--lease-seconds"),
                                              QStringLiteral("600")});
        args.replaceInStrings(QStringLiteral("{n}"), QStringLiteral("1"));
        const QString program = args.takeFirst();
        QVERIFY(worker.start(program, args));
        QJsonArray tracks;
        for (int i = 0; i < 5; ++i)
            tracks.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("slow-%1").arg(i)},
                                      {QStringLiteral("artist"), QStringLiteral("Daft Punk")},
                                      {QStringLiteral("title"), QStringLiteral("One More Time")}});
        QCOMPARE(testsupport::httpPost(
                     worker.port(), "/monitoring/enrichment/actions/enqueue",
                     QJsonDocument(QJsonObject{{QStringLiteral("tracks"), tracks}}).toJson())
                     .status,
                 200);
        QTRY_COMPARE_WITH_TIMEOUT(count(name, QStringLiteral("status = 'in_progress'")), 5, 15'000);
        QTRY_VERIFY_WITH_TIMEOUT(!musicbrainz.requests.isEmpty(), 10'000); // a call is out
        QElapsedTimer stopping;
        stopping.start();
        ::kill(pid_t(worker.pid()), SIGTERM);
        QVERIFY(worker.process.waitForFinished(10'000));
        QCOMPARE(worker.process.exitStatus(), QProcess::NormalExit);
        QCOMPARE(worker.process.exitCode(), 0);
        QVERIFY2(stopping.elapsed() < 5000, qPrintable(QString::number(stopping.elapsed())));
        // Back to pending at once, no retry spent, no lease left; the worker said it stopped.
        QCOMPARE(count(name, QStringLiteral("status = 'pending' AND retry_count = 0"
                                            " AND lease_owner IS NULL")),
                 5);
        QCOMPARE(m_pg.scalar(name, QStringLiteral("SELECT stopped FROM enrichment_workers"))
                     .toBool(),
                 true);
        qInfo("stopped %lld ms after SIGTERM with a batch of 5 in flight", stopping.elapsed());
    }

    void quotaAndAnOpenBreakerKeepTheNumberDown()
    {
        QString name;
        const QString db = newDatabase(&name);
        // The one provider: a local MusicBrainz, one request a second for every worker
        // together (the pace the fleet shares through the database).
        testsupport::FakeMusicBrainz musicbrainz;
        QVERIFY(musicbrainz.listen());
        QTemporaryDir dir;
        const QString config = dir.filePath(QStringLiteral("sources.yaml"));
        QFile yaml(config);
        QVERIFY(yaml.open(QIODevice::WriteOnly));
        yaml.write(QStringLiteral("sources:\n  musicbrainz:\n    base_url: %1\n"
                                  "    user_agent: \"AutoscaleTest/1.0 (ops@example.com)\"\n")
                       .arg(musicbrainz.url().toString())
                       .toUtf8());
        yaml.close();
        auto relay = startRelay(db, {QStringLiteral("--target-drain"), QStringLiteral("60"),
                                     QStringLiteral("--max-workers"), QStringLiteral("4")});
        QVERIFY(relay);
        ProcessRunner runner(workerCommand(db, {QStringLiteral("--sources-config"), config,
                                                QStringLiteral("--batch-size"), QStringLiteral("5"),
                                                QStringLiteral("--batch-interval-ms"),
                                                QStringLiteral("0")}),
                             0, 10'000);
        WorkerScaler scaler(scalerConfig(*relay, 3, 60, 4), runner);
        scaler.start();
        // 400 tracks MusicBrainz knows: at one request a second, an hour's work for one
        // worker, 7 minutes' for four; the backlog alone asks for the maximum.
        QJsonArray tracks;
        for (int i = 0; i < 400; ++i)
            tracks.append(QJsonObject{{QStringLiteral("id"), QStringLiteral("mb-%1").arg(i)},
                                      {QStringLiteral("artist"), QStringLiteral("Daft Punk")},
                                      {QStringLiteral("title"), QStringLiteral("One More Time")}});
        QCOMPARE(testsupport::httpPost(
                     relay->port(), "/monitoring/enrichment/actions/enqueue",
                     QJsonDocument(QJsonObject{{QStringLiteral("tracks"), tracks}}).toJson())
                     .status,
                 200);
        // Measured, the number is capped by musicbrainz's quota: one worker uses it all.
        QTRY_COMPARE_WITH_TIMEOUT(autoscaleOf(*relay).value(QStringLiteral("reason")).toString(),
                                  QStringLiteral("quota"), 40'000);
        QJsonObject a = autoscaleOf(*relay);
        qInfo("quota-capped: %s", QJsonDocument(a).toJson(QJsonDocument::Compact).constData());
        QCOMPARE(a.value(QStringLiteral("cap_source")).toString(), QStringLiteral("musicbrainz"));
        QCOMPARE(a.value(QStringLiteral("desired_workers")).toInt(), 1);
        QVERIFY(a.value(QStringLiteral("uncapped_workers")).toInt() >= 4);
        const double quota = a.value(QStringLiteral("cap_quota_per_minute")).toDouble();
        QVERIFY2(quota > 50 && quota <= 60, qPrintable(QString::number(quota)));
        // ... and stays there: the scaler keeps one worker.
        for (int i = 0; i < 8; ++i) {
            QTest::qWait(1000);
            QCOMPARE(autoscaleOf(*relay).value(QStringLiteral("desired_workers")).toInt(), 1);
            QCOMPARE(runner.running().size(), 1);
        }
        // MusicBrainz goes down: its breaker opens on the worker. Its tracks wait, and the
        // number does not grow for them (nor does the quota of a source not asked cap it).
        musicbrainz.mode = testsupport::FakeMusicBrainz::Mode::Unavailable;
        QTRY_COMPARE_WITH_TIMEOUT(autoscaleOf(*relay).value(QStringLiteral("reason")).toString(),
                                  QStringLiteral("breaker_open"), 40'000);
        a = autoscaleOf(*relay);
        qInfo("breaker open: %s", QJsonDocument(a).toJson(QJsonDocument::Compact).constData());
        QCOMPARE(a.value(QStringLiteral("open_sources")).toArray(),
                 QJsonArray{QStringLiteral("musicbrainz")});
        QVERIFY(a.value(QStringLiteral("cap_workers")).isNull());
        for (int i = 0; i < 5; ++i) {
            QTest::qWait(1000);
            QCOMPARE(autoscaleOf(*relay).value(QStringLiteral("desired_workers")).toInt(), 1);
            QCOMPARE(runner.running().size(), 1);
        }
        scaler.stop();
        runner.stopAll();
        // Stopped mid-queue: what the worker held went back to pending, none left leased.
        QCOMPARE(count(name, QStringLiteral("status = 'in_progress'")), 0);
        QCOMPARE(count(name, QStringLiteral("TRUE")), 400);
    }
};

QTEST_GUILESS_MAIN(TestAutoscale)
#include "tst_autoscale.moc"
