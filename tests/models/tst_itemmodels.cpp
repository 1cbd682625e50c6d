// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QtTest>

#include "CategoryTableModel.h"
#include "CsvWriter.h"
#include "DashboardModels.h"
#include "AlertmanagerClient.h"
#include "EventLogModel.h"
#include "ForecastModel.h"
#include "HeatmapModel.h"
#include "enrichment/SnapshotParser.h"
#include "SourcesModel.h"
#include "SummaryModel.h"
#include "TimeSeriesModel.h"
#include "WorkersModel.h"

using namespace dashboard;

class TestItemModels : public QObject
{
    Q_OBJECT
private:
    static Snapshot seedOnly()
    {
        QString error;
        return *enrichment::SnapshotParser::parseSnapshot(R"({"timestamp": "2026-11-28T10:00:00",
            "queue": {"pending": 5, "in_progress": 1, "completed": 9, "failed": 0, "partial": 2},
            "processing_rate": {"completed_last_hour": 11, "per_minute": 0.5},
            "circuit_breakers": {"spotify": {"state": "open", "failure_count": 5, "last_failure_time": 1795900000}},
            "source_health": {"spotify": "down", "lastfm": "unavailable"}})",
                                                          &error);
    }

private Q_SLOTS:
    void categoryModelSignalsPrecisely()
    {
        CategoryTableModel m(QStringLiteral("source"), {QStringLiteral("a"), QStringLiteral("b")});
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.update({QStringLiteral("x"), QStringLiteral("y")}, {{1.0, 2.0}, {3.0, QVariant()}});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.data(m.index(1, 2)).toString(), QStringLiteral("no data"));
        QVERIFY(!m.data(m.index(1, 2), CategoryTableModel::ValueRole).isValid());
        m.update({QStringLiteral("x"), QStringLiteral("y")}, {{1.0, 2.0}, {3.0, QVariant()}});
        QCOMPARE(changed.count(), 0); // nothing changed, nothing emitted
        m.update({QStringLiteral("x"), QStringLiteral("y")}, {{1.0, 2.0}, {4.0, QVariant()}});
        QCOMPARE(reset.count(), 1);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex(), m.index(1, 1));
        QCOMPARE(changed.at(0).at(1).toModelIndex(), m.index(1, 1));
        QVERIFY(m.hasNumbers());
        m.update({QStringLiteral("x")}, {{}});
        QCOMPARE(reset.count(), 2);
        QVERIFY(!m.hasNumbers());
    }

    void timeSeriesRingIsBounded()
    {
        TimeSeriesModel m({QStringLiteral("v")}, 100);
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        for (int i = 0; i < 250; ++i)
            m.append(1000 * i, {double(i)});
        QCOMPARE(m.size(), 100);
        QCOMPARE(m.timeAt(0), 150'000);
        QCOMPARE(*m.valueAt(99, 0), 249.0);
        m.append(249'000, {7.0}); // same time replaces
        QCOMPARE(m.size(), 100);
        QCOMPARE(*m.valueAt(99, 0), 7.0);
        m.append(1'000, {1.0}); // older than the last: dropped
        QCOMPARE(m.size(), 100);
        m.append(250'000, {std::nullopt});
        QVERIFY(!m.valueAt(99, 0));
        QCOMPARE(m.data(m.index(99, 1)).toString(), QStringLiteral("no data"));
    }

    void timeSeriesMergeBackfills()
    {
        TimeSeriesModel m({QStringLiteral("v")}, 10);
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.append(50'000, {5.0});
        QList<QPair<qint64, QList<std::optional<double>>>> backfill;
        for (int i = 0; i < 60; ++i)
            backfill.append({qint64(i) * 1000, {double(i) * 10}});
        m.merge(backfill);
        QCOMPARE(m.size(), 10);
        QCOMPARE(m.timeAt(9), 59'000);
        // The newest ten remain; the live sample at 50 s wins over the backfilled one.
        QCOMPARE(m.timeAt(0), 50'000);
        QCOMPARE(*m.valueAt(0, 0), 5.0);
        QCOMPARE(*m.valueAt(1, 0), 510.0);
    }

    // A gap (the backend out of reach) splits the line, raw and downsampled; history from
    // the backend that spans the gap fills it.
    void gapsSplitTheLineUntilHistoryFillsThem()
    {
        TimeSeriesModel m({QStringLiteral("a"), QStringLiteral("b")}, 2000);
        for (int i = 0; i < 10; ++i)
            m.append(i * 1000, {double(i), double(i)});
        m.appendGap(10'000);
        m.appendGap(10'500); // one gap is enough
        QCOMPARE(m.size(), 11);
        for (int i = 20; i < 30; ++i)
            m.append(i * 1000, {double(i), double(i)});
        QList<int> breaks;
        QList<QPointF> pts = m.downsample(0, 0, 30'000, 1000, &breaks);
        QCOMPARE(pts.size(), 20);
        QCOMPARE(breaks, QList<int>{10});
        // Downsampled: still two pieces.
        for (int i = 30; i < 500; ++i)
            m.append(i * 1000, {double(i % 7), double(i % 7)});
        m.appendGap(500'000);
        for (int i = 501; i < 1000; ++i)
            m.append(i * 1000, {double(i % 5), double(i % 5)});
        pts = m.downsample(0, 0, 1'000'000, 20, &breaks);
        QVERIFY(pts.size() <= 40);
        QCOMPARE(breaks.size(), 2);
        QVERIFY(pts.at(breaks.at(1) - 1).x() < 500'000);
        QVERIFY(pts.at(breaks.at(1)).x() > 500'000);
        // The backend's own history covers the first gap: it is no gap any more.
        m.merge({{10'000, {10.0, 10.0}}, {15'000, {15.0, 15.0}}});
        pts = m.downsample(0, 0, 30'000, 1000, &breaks);
        QVERIFY(breaks.isEmpty());
        QCOMPARE(pts.size(), 23); // and the sample at 30 s
    }

    void downsampleKeepsExtremesAndBoundsPoints()
    {
        TimeSeriesModel m({QStringLiteral("v")}, 86'400);
        for (int i = 0; i < 86'400; ++i)
            m.append(qint64(i) * 1000,
                     {i == 43'210 ? 1000.0 : (i == 12'345 ? -50.0 : double(i % 100))});
        const QList<QPointF> pts = m.downsample(0, 0, 86'399'000, 500);
        QVERIFY(pts.size() <= 1000);
        QVERIFY(pts.size() >= 500);
        double maxV = -1e9, minV = 1e9;
        for (int i = 0; i < pts.size(); ++i) {
            maxV = std::max(maxV, pts.at(i).y());
            minV = std::min(minV, pts.at(i).y());
            if (i)
                QVERIFY(pts.at(i).x() >= pts.at(i - 1).x());
        }
        QCOMPARE(maxV, 1000.0);
        QCOMPARE(minV, -50.0);
        // Few points: returned as they are.
        QCOMPARE(m.downsample(0, 0, 9'000, 500).size(), 10);
        QCOMPARE(m.range(0, 0, 86'399'000)->second, 1000.0);
    }

    void sourcesModelShowsNoDataAndRelativeTimes()
    {
        SourcesModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        qint64 now = 1795900030'000;
        m.setClock([&now] { return now; });
        const Snapshot s = seedOnly();
        m.update(s.sources, now);
        QCOMPARE(m.rowCount(), 2);
        QCOMPARE(m.data(m.index(0, SourcesModel::StateColumn)).toString(), QStringLiteral("Open"));
        QCOMPARE(m.data(m.index(0, SourcesModel::LastFailureColumn)).toString(),
                 QStringLiteral("30 s ago"));
        QCOMPARE(m.data(m.index(0, SourcesModel::Success1hColumn)).toString(),
                 QStringLiteral("no data"));
        QCOMPARE(m.data(m.index(1, SourcesModel::StateColumn)).toString(),
                 QStringLiteral("no data"));
        QCOMPARE(m.data(m.index(1, SourcesModel::HealthColumn)).toString(),
                 QStringLiteral("Unavailable"));
        QCOMPARE(m.data(m.index(0, 0), SourcesModel::HealthRole).toString(),
                 QStringLiteral("down"));
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        now += 150'000;
        m.tick();
        QCOMPARE(changed.count(), 1);
        QCOMPARE(m.data(m.index(0, SourcesModel::LastFailureColumn)).toString(),
                 QStringLiteral("3 min ago"));

        // A null last failure means never; a breaker without one at all (a relay's) says
        // nothing about it.
        QString error;
        const auto other = enrichment::SnapshotParser::parseSnapshot(
            R"({"circuit_breakers": {"a": {"state": "closed", "last_failure_time": null},
                                     "b": {"state": "closed"}}})",
            &error);
        QVERIFY2(other, qPrintable(error));
        m.update(other->sources, now);
        QCOMPARE(m.data(m.index(0, SourcesModel::LastFailureColumn)).toString(),
                 QStringLiteral("never"));
        QCOMPARE(m.data(m.index(1, SourcesModel::LastFailureColumn)).toString(),
                 QStringLiteral("no data"));

        // A breaker past its reopen limit says it waits for an operator, with no countdown.
        const auto waiting = enrichment::SnapshotParser::parseSnapshot(
            R"({"circuit_breakers": {"a": {"state": "open", "needs_attention": true,
                 "reopens": 5, "reopen_limit": 5, "next_probe_in_seconds": null},
                 "b": {"state": "open", "needs_attention": false, "next_probe_in_seconds": 90}}})",
            &error);
        QVERIFY2(waiting, qPrintable(error));
        QCOMPARE(*waiting->sources.at(0).breaker->reopens, 5);
        m.update(waiting->sources, now);
        QCOMPARE(m.data(m.index(0, SourcesModel::StateColumn)).toString(), QStringLiteral("Open"));
        QCOMPARE(m.data(m.index(0, SourcesModel::NextProbeColumn)).toString(),
                 QStringLiteral("needs operator"));
        QVERIFY(m.data(m.index(0, SourcesModel::NextProbeColumn), Qt::ToolTipRole)
                    .toString()
                    .startsWith(QStringLiteral("Reopened 5 times in a row")));
        QVERIFY(m.data(m.index(1, SourcesModel::NextProbeColumn), Qt::ToolTipRole).isNull());
        QCOMPARE(m.data(m.index(1, SourcesModel::StateColumn)).toString(), QStringLiteral("Open"));
        QCOMPARE(m.data(m.index(1, SourcesModel::NextProbeColumn)).toString(),
                 QStringLiteral("in 1 min 30 s"));
    }

    void sourcesTableExportsRawValues()
    {
        // The CSV writer and every model share one export role: the sources table writes
        // its raw values, not the breaker-state keys of a neighbouring role.
        SourcesModel m;
        const qint64 now = 1795900030'000;
        m.update(seedOnly().sources, now);
        const QList<QByteArray> rows = CsvWriter::toCsv(m).trimmed().split('\n');
        QCOMPARE(rows.size(), 3);
        QCOMPARE(rows.at(0).trimmed(),
                 QByteArray("source,health,state,failure_count,last_failure_time,"
                            "next_probe_in_seconds,success_rate_1h,success_rate_24h,"
                            "latency_p95_seconds,rate_limit_remaining,p_trip_1h"));
        QVERIFY2(rows.at(1).startsWith("spotify,down,open,5,1795900000,"), rows.at(1).constData());
        QVERIFY2(rows.at(2).startsWith("lastfm,unavailable,,,"), rows.at(2).constData());
    }

    void dashboardFromSeedOnlyShapeHasNoInventedNumbers()
    {
        DashboardModels d;
        for (QAbstractItemModel *m : std::initializer_list<QAbstractItemModel *>{
                 d.queue(), d.processingRate(), d.queueTrend(), d.breakers(), d.successRate(),
                 d.latency(), d.rateLimits(), d.errors(), d.health(), d.cache(), d.coverage(),
                 d.sources()})
            new QAbstractItemModelTester(m, QAbstractItemModelTester::FailureReportingMode::QtTest,
                                         m);
        d.applySnapshot(seedOnly());
        QVERIFY(d.queue()->hasNumbers());
        QVERIFY(d.processingRate()->hasValues());
        QVERIFY(d.breakers()->hasNumbers());
        QVERIFY(d.health()->hasNumbers());
        QVERIFY(!d.successRate()->hasNumbers());
        QVERIFY(!d.latency()->hasNumbers());
        QVERIFY(!d.rateLimits()->hasNumbers());
        QVERIFY(!d.errors()->hasNumbers());
        QVERIFY(!d.cache()->hasNumbers());
        QVERIFY(!d.coverage()->hasNumbers());
        QCOMPARE(d.coverage()->rowCount(), 0);
        // Queue CSV: header, then a row per status with its count.
        const QByteArray csv = CsvWriter::toCsv(*d.queue());
        QCOMPARE(csv, QByteArray("status,count\r\npending,5\r\nin_progress,1\r\ncompleted,"
                                 "9\r\nfailed,0\r\npartial,2\r\n"));
        // A missing value is an empty field, never a zero.
        QVERIFY(CsvWriter::toCsv(*d.successRate()).contains("spotify,,\r\n"));
    }

    void summaryModelCarriesTheCardsAndSaysNoData()
    {
        SummaryModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(m.rowCount(), int(SummaryModel::RowCount));
        // Before any snapshot, and for what a snapshot leaves out: no data, not zero.
        for (int row = 0; row < m.rowCount(); ++row)
            QVERIFY(!m.data(m.index(row)).isValid());
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        m.update(seedOnly());
        // Every row changed once, but the oldest pending track's wait: the seed's shape
        // does not say it.
        QCOMPARE(changed.size(), int(SummaryModel::RowCount) - 1);
        QVERIFY(!m.data(m.index(SummaryModel::OldestPendingRow)).isValid());
        const QModelIndex pending = m.index(SummaryModel::rowOf(QueueStatus::Pending));
        QCOMPARE(m.data(pending, ModelRole::Value).toLongLong(), 5);
        QCOMPARE(m.data(pending).toString(), QLocale().toString(5));
        QCOMPARE(m.headerData(SummaryModel::PendingRow, Qt::Vertical, ModelRole::Export).toString(),
                 QStringLiteral("pending"));
        const QModelIndex rate = m.index(SummaryModel::ThroughputRow);
        QCOMPARE(m.data(rate, ModelRole::Value).toDouble(), 0.5);
        QVERIFY(m.data(rate, ModelRole::Detail).toString().contains(QLocale().toString(11)));
        // Five pending at 0.5 per minute: ten minutes to drain.
        const QModelIndex drain = m.index(SummaryModel::TimeToDrainRow);
        QCOMPARE(m.data(drain, ModelRole::Value).toDouble(), 10.0);

        // The same snapshot again changes nothing and says so by silence.
        changed.clear();
        m.update(seedOnly());
        QCOMPARE(changed.size(), 0);

        // An empty queue drains in no time; a queue that does not move never drains.
        Snapshot empty = seedOnly();
        empty.queue[std::size_t(QueueStatus::Pending)] = 0;
        m.update(empty);
        QCOMPARE(m.data(drain, ModelRole::Value).toDouble(), 0.0);
        QCOMPARE(m.data(drain, ModelRole::Detail).toString(), SummaryModel::tr("nothing pending"));
        Snapshot stuck = seedOnly();
        stuck.perMinute = 0.0;
        stuck.completedLastHour = 0;
        m.update(stuck);
        QVERIFY(m.data(drain).isValid());
        QVERIFY(!m.data(drain, ModelRole::Value).isValid());
        // A backend that has measured its rate for seconds: no drain time yet, and no
        // backlog notification either (both read minutesToDrain()).
        Snapshot early = seedOnly();
        early.rateWindowSeconds = 12;
        m.update(early);
        QCOMPARE(m.data(drain).toString(), SummaryModel::tr("Measuring…"));
        QCOMPARE(m.data(rate).toString(), SummaryModel::tr("Measuring…"));
        QVERIFY(!early.minutesToDrain());
        early.rateWindowSeconds = 60;
        QCOMPARE(early.minutesToDrain(), std::optional<double>(10.0));
        // The queue's latency and what comes in.
        Snapshot flowing = seedOnly();
        flowing.oldestPendingSeconds = 90;
        flowing.enqueuedPerMinute = 12;
        m.update(flowing);
        QCOMPARE(m.data(m.index(SummaryModel::OldestPendingRow)).toString(),
                 SourcesModel::duration(90));
        QVERIFY(m.data(rate, ModelRole::Detail).toString().contains(QStringLiteral("enqueued")));
        // A snapshot without a queue: the cards go back to no data.
        Snapshot none = seedOnly();
        none.queue = {};
        none.perMinute.reset();
        m.update(none);
        QVERIFY(!m.data(pending).isValid());
        QVERIFY(!m.data(rate).isValid());
        QVERIFY(!m.data(drain).isValid());
    }

    void eventLogKeepsTheNewestBreakerTransitions()
    {
        EventLogModel log(3);
        QAbstractItemModelTester tester(&log,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        log.addRoomEvent(QStringLiteral("enrichment_batch_complete"),
                         QJsonObject{{QStringLiteral("batch_size"), 10}});
        log.addRoomEvent(QStringLiteral("circuit_breaker_state_change"),
                         QJsonObject{{QStringLiteral("state"), 42}});
        QCOMPARE(log.rowCount(), 0); // batches are not incidents; malformed changes are dropped
        log.addRoomEvent(QStringLiteral("circuit_breaker_state_change"),
                         QJsonObject{{QStringLiteral("source"), QStringLiteral("discogs")},
                                     {QStringLiteral("previous_state"), QStringLiteral("closed")},
                                     {QStringLiteral("state"), QStringLiteral("open")},
                                     {QStringLiteral("failure_count"), 5}});
        QCOMPARE(log.rowCount(), 1);
        QCOMPARE(log.message(0), QStringLiteral("discogs: Closed → Open (failures in a row: 5)"));
        // From a fleet: whose breaker it was.
        log.addRoomEvent(QStringLiteral("circuit_breaker_state_change"),
                         QJsonObject{{QStringLiteral("source"), QStringLiteral("discogs")},
                                     {QStringLiteral("previous_state"), QStringLiteral("open")},
                                     {QStringLiteral("state"), QStringLiteral("half_open")},
                                     {QStringLiteral("failure_count"), 5},
                                     {QStringLiteral("worker"), QStringLiteral("worker-2")}});
        QCOMPARE(log.message(0),
                 QStringLiteral("discogs on worker-2: Open → Half-open (failures in a row: 5)"));
        QCOMPARE(log.rowCount(), 2);
        QCOMPARE(log.message(1), QStringLiteral("discogs: Closed → Open (failures in a row: 5)"));
        QCOMPARE(
            log.data(log.index(1, 0), EventLogModel::SeverityRole).value<EventLogModel::Severity>(),
            EventLogModel::Severity::Error);
        for (int i = 0; i < 4; ++i)
            log.add(EventLogModel::Severity::Info, QStringLiteral("k"),
                    QStringLiteral("m%1").arg(i));
        QCOMPARE(log.rowCount(), 3);                    // bounded
        QCOMPARE(log.message(0), QStringLiteral("m3")); // newest first
        QVERIFY(CsvWriter::toCsv(log).startsWith("timestamp,kind,message\r\n"));
    }

    void workersModelSaysTheDesiredWorkersAndWhy()
    {
        WorkersModel m;
        QString error;
        auto s = enrichment::SnapshotParser::parseSnapshot(R"({
          "timestamp": "2026-11-29T10:00:30Z", "queue": {"pending": 18000},
          "workers": [{"id": "w1", "state": "active"}],
          "autoscale": {"desired_workers": 2, "live_workers": 1, "reason": "quota",
            "backlog": 18000, "inflow_per_minute": 0, "forecast_backlog": 18000,
            "target_drain_seconds": 3600, "rate_per_worker": 30, "uncapped_workers": 10,
            "cap_workers": 2, "cap_source": "musicbrainz", "cap_quota_per_minute": 58.8,
            "open_sources": [], "min_workers": 0, "max_workers": 10}})",
                                                             &error);
        QVERIFY2(s, qPrintable(error));
        m.update(*s);
        QVERIFY(m.autoscale());
        QCOMPARE(m.autoscaleText(),
                 QStringLiteral("Desired workers: 2 (1 live): capped by musicbrainz's quota (59 "
                                "requests a minute); the backlog alone asks for 10"));
        QVERIFY(m.autoscaleDetail().contains(QLatin1String("Quota cap: 2 (musicbrainz, 58.8")));
        // Another reason, another sentence; a backend that says nothing, no line.
        s->autoscale->reason = enrichment::AutoscaleInfo::Reason::Backlog;
        s->autoscale->desiredWorkers = 10;
        m.update(*s);
        QCOMPARE(m.autoscaleText(),
                 QStringLiteral("Desired workers: 10 (1 live): %1 queued, 30 a minute per "
                                "worker: drains within 1 h")
                     .arg(QLocale().toString(18000)));
        s->autoscale.reset();
        m.update(*s);
        QVERIFY(m.autoscaleText().isEmpty());
    }

    void workersModelIsTheFleetWithItsBreakerGrid()
    {
        WorkersModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy fleet(&m, &WorkersModel::fleetChanged);
        QString error;
        const auto s = enrichment::SnapshotParser::parseSnapshot(R"({
          "timestamp": "2026-11-29T10:00:30Z",
          "queue": {"pending": 10},
          "circuit_breakers": {"spotify": {"state": "closed"}, "discogs": {"state": "open"}},
          "service": {"worker_id": "w1"},
          "workers": [
            {"id": "w1", "host": "h1", "started": "2026-11-29T09:00:00Z",
             "last_seen": "2026-11-29T10:00:28Z", "state": "active", "current_batch": 10,
             "batches_completed": 7, "tracks_per_minute": 120.5,
             "circuit_breakers": {"spotify": "closed", "discogs": "open"}},
            {"id": "w2", "host": "h2", "last_seen": "2026-11-29T09:58:30Z", "state": "lost",
             "circuit_breakers": {"discogs": "half_open", "beatport": "closed"}},
            {"id": "", "state": "idle"},
            {"id": "w3", "state": "sleepy", "current_batch": -4}
          ]})",
                                                                 &error);
        QVERIFY2(s, qPrintable(error));
        QVERIFY(s->workers);
        QCOMPARE(s->workers->size(), 3); // the one without an id is dropped
        QCOMPARE(s->workerId, QStringLiteral("w1"));
        QVERIFY(!s->workers->at(2).state);        // an unknown state is not guessed
        QVERIFY(!s->workers->at(2).currentBatch); // nor a negative count kept

        m.update(*s);
        QCOMPARE(fleet.size(), 1);
        QVERIFY(m.hasFleet());
        QCOMPARE(m.rowCount(), 3);
        // Source columns: the snapshot's, then one only a worker reports.
        QCOMPARE(m.sources(), QStringList({QStringLiteral("spotify"), QStringLiteral("discogs"),
                                           QStringLiteral("beatport")}));
        const int discogs = WorkersModel::FirstSourceColumn + 1;
        QCOMPARE(m.index(0, discogs).data(ModelRole::BreakerState).toString(),
                 QStringLiteral("open"));
        QCOMPARE(m.index(1, discogs).data(ModelRole::BreakerState).toString(),
                 QStringLiteral("half_open"));
        QCOMPARE(m.index(1, discogs - 1).data().toString(), QStringLiteral("—")); // not said
        QCOMPARE(m.index(0, WorkersModel::WorkerColumn).data().toString(),
                 QStringLiteral("w1 (this backend)"));
        QCOMPARE(m.index(1, WorkersModel::StateColumn).data().toString(), QStringLiteral("Lost"));
        QCOMPARE(m.index(1, WorkersModel::StateColumn).data(ModelRole::Health).toString(),
                 QStringLiteral("down"));
        QCOMPARE(m.index(1, discogs).data(ModelRole::Detail).toString(), QStringLiteral("lost"));
        QVERIFY(
            m.index(1, discogs).data(Qt::ToolTipRole).toString().contains(QStringLiteral("lost")));
        QCOMPARE(m.index(0, WorkersModel::LastSeenColumn).data().toString(),
                 QStringLiteral("2 s ago")); // relative to the snapshot's own time
        QCOMPARE(m.index(0, WorkersModel::RateColumn).data(ModelRole::Export).toDouble(), 120.5);
        QCOMPARE(m.index(2, WorkersModel::BatchColumn).data().toString(),
                 QStringLiteral("no data"));
        QCOMPARE(m.summary(), QStringLiteral("Workers: 3 (1 active, 1 lost)"));

        // A single backend: no fleet.
        Snapshot one = *s;
        one.workers.reset();
        m.update(one);
        QCOMPARE(fleet.size(), 2);
        QVERIFY(!m.hasFleet());
        QCOMPARE(m.rowCount(), 0);
        QVERIFY(m.summary().isEmpty());

        // Fleet numbers say so on the cards.
        SummaryModel cards;
        cards.update(*s);
        QCOMPARE(cards.index(SummaryModel::PendingRow).data(ModelRole::Detail).toString(),
                 QStringLiteral("tracks, whole fleet"));
        cards.update(one);
        QCOMPARE(cards.index(SummaryModel::PendingRow).data(ModelRole::Detail).toString(),
                 QStringLiteral("tracks"));
    }

    // A snapshot per second on a fleet: the table says only what changed, keeps a
    // worker's row (and a selection on it) through arrivals, departures and reordering.
    void workersModelChangesOnlyWhatChanged()
    {
        auto worker = [](const QString &id, qint64 batches) {
            FleetWorker w;
            w.id = id;
            w.host = QStringLiteral("h-") + id;
            w.state = FleetWorker::State::Active;
            w.batchesCompleted = batches;
            w.lastSeen = QDateTime::fromMSecsSinceEpoch(1'800'000'000'000, Qt::UTC);
            w.breakers.insert(QStringLiteral("spotify"), BreakerState::Closed);
            return w;
        };
        Snapshot s;
        s.timestamp = QDateTime::fromMSecsSinceEpoch(1'800'000'001'000, Qt::UTC);
        s.sources << SourceInfo{};
        s.sources.last().name = QStringLiteral("spotify");
        s.workers =
            QList<FleetWorker>{worker(QStringLiteral("w1"), 1), worker(QStringLiteral("w2"), 1),
                               worker(QStringLiteral("w3"), 1)};
        WorkersModel m;
        QAbstractItemModelTester tester(&m, QAbstractItemModelTester::FailureReportingMode::QtTest);
        m.update(s);
        QCOMPARE(m.rowCount(), 3);
        QSignalSpy reset(&m, &QAbstractItemModel::modelReset);
        QSignalSpy changed(&m, &QAbstractItemModel::dataChanged);
        QSignalSpy inserted(&m, &QAbstractItemModel::rowsInserted);
        QSignalSpy removed(&m, &QAbstractItemModel::rowsRemoved);
        QSignalSpy moved(&m, &QAbstractItemModel::rowsMoved);
        const QPersistentModelIndex onW3 = m.index(2, WorkersModel::HostColumn);

        m.update(s); // the same again: nothing to say
        QCOMPARE(changed.size(), 0);

        (*s.workers)[1].batchesCompleted = 2; // one worker finished a batch
        m.update(s);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().row(), 1);
        QCOMPARE(changed.at(0).at(1).toModelIndex().row(), 1);
        QCOMPARE(m.index(1, WorkersModel::BatchesColumn).data().toString(), QStringLiteral("2"));

        changed.clear();
        s.timestamp = s.timestamp.addSecs(5); // a later snapshot: only "last seen" moves
        m.update(s);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toModelIndex().column(), int(WorkersModel::LastSeenColumn));
        QCOMPARE(changed.at(0).at(1).toModelIndex().column(), int(WorkersModel::LastSeenColumn));

        s.workers->removeAt(1); // w2 leaves, w4 arrives, w1 and w3 swap places
        s.workers->append(worker(QStringLiteral("w4"), 0));
        s.workers->swapItemsAt(0, 1);
        m.update(s);
        QCOMPARE(reset.size(), 0);
        QCOMPARE(removed.size(), 1);
        QCOMPARE(inserted.size(), 1);
        QCOMPARE(moved.size(), 1);
        QCOMPARE(m.rowCount(), 3);
        for (int r = 0; r < 3; ++r)
            QCOMPARE(m.index(r, WorkersModel::HostColumn).data().toString(),
                     QStringLiteral("h-") + s.workers->at(r).id);
        QVERIFY(onW3.isValid()); // the selection stays on w3, now the first row
        QCOMPARE(onW3.row(), 0);
        QCOMPARE(onW3.data().toString(), QStringLiteral("h-w3"));

        // A new source column is a new shape: the one case for a reset.
        s.sources << SourceInfo{};
        s.sources.last().name = QStringLiteral("discogs");
        m.update(s);
        QCOMPARE(reset.size(), 1);
        QCOMPARE(m.columnCount(), WorkersModel::FirstSourceColumn + 2);
    }

    // The forecast, heatmap and firing-alerts tables keep the item model's rules through
    // every kind of update.
    void forecastHeatmapAndAlertsFollowTheModelRules()
    {
        TimeSeriesModel trend({QStringLiteral("pending")}, 500);
        ForecastModel forecast(&trend);
        QAbstractItemModelTester forecastTester(
            &forecast, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const qint64 t0 = 1'800'000'000'000;
        forecast.setClock([&] { return t0 + 40 * 60'000; });
        for (int i = 0; i <= 40; ++i)
            trend.append(t0 + i * 60'000, {1000.0 - 20.0 * i});
        forecast.recompute();
        QVERIFY(forecast.forecast().ok);
        QVERIFY(forecast.rowCount() > 40);
        forecast.setHistory({{t0 - 60'000, 1020.0}});
        forecast.recompute();
        QVERIFY(forecast.rowCount() > 40);
        trend.clear();
        forecast.recompute();
        QCOMPARE(forecast.rowCount(), 0);

        HeatmapModel heatmap;
        QAbstractItemModelTester heatmapTester(
            &heatmap, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QList<QPair<qint64, double>> ratio, requests;
        for (int h = 0; h < 48; ++h) {
            ratio.append({t0 + h * 3'600'000, h % 2 ? 1.0 : 0.5});
            requests.append({t0 + h * 3'600'000, 10.0});
        }
        heatmap.setSeries(ratio, requests);
        QVERIFY(!heatmap.isEmpty());
        heatmap.clear();
        QVERIFY(heatmap.isEmpty());

        FiringAlertsModel alerts;
        QAbstractItemModelTester alertsTester(
            &alerts, QAbstractItemModelTester::FailureReportingMode::QtTest);
        FiringAlert a;
        a.name = QStringLiteral("SourceDown");
        a.severity = QStringLiteral("critical");
        a.source = QStringLiteral("discogs");
        FiringAlert b = a;
        b.name = QStringLiteral("QueueBacklog");
        b.severity = QStringLiteral("warning");
        alerts.setAlerts({b, a});
        QCOMPARE(alerts.rowCount(), 2);
        QCOMPARE(alerts.index(0, FiringAlertsModel::Name).data().toString(),
                 QStringLiteral("QueueBacklog")); // in the order given (the client sorts)
        QCOMPARE(alerts.index(1, FiringAlertsModel::Source).data().toString(),
                 QStringLiteral("discogs"));
        alerts.setAlerts({});
        QCOMPARE(alerts.rowCount(), 0);
        alerts.setAlerts({a});
        QCOMPARE(alerts.rowCount(), 1);
    }

    void csvEscaping()
    {
        QCOMPARE(CsvWriter::escape(QStringLiteral("plain")), QByteArray("plain"));
        QCOMPARE(CsvWriter::escape(QStringLiteral("a,b")), QByteArray("\"a,b\""));
        QCOMPARE(CsvWriter::escape(QStringLiteral("say \"hi\"")), QByteArray("\"say \"\"hi\"\"\""));
        QCOMPARE(CsvWriter::escape(QStringLiteral("=cmd()")), QByteArray("'=cmd()"));
        QCOMPARE(CsvWriter::escape(QStringLiteral("-5")), QByteArray("-5"));
    }
};

QTEST_GUILESS_MAIN(TestItemModels)
#include "tst_itemmodels.moc"
