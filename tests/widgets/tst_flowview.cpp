// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QApplication>
#include <QPainter>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QSettings>
#include <QSlider>
#include <QTemporaryDir>
#include <QtTest>

#include "BackendFeed.h"
#include "DashboardModels.h"
#include "FlowChart.h"
#include "FlowModel.h"
#include "FlowView.h"
#include "InProcessBackend.h"
#include "ModelRoles.h"
#include "OperatorViews.h"
#include "enrichment/Vocabulary.h"

using namespace dashboard;

namespace {
constexpr qint64 T0 = 1'790'000'000'000;

/// A snapshot at @p ms whose counters are @p scale times the base counts: spotify answers
/// 50 success / 10 no data / 0 errors per unit, discogs 30 / 0 / 30 and lets 5 pass
/// (breaker open), the queue finishes 40 completed, 15 partial, 5 failed per unit.
Snapshot snapshot(qint64 ms, double scale)
{
    Snapshot s;
    s.timestamp = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    const auto add = [&](const char *name, double ok, double none, double bad, double skipped) {
        SourceInfo src;
        src.name = QLatin1String(name);
        src.requestsByStatus.insert(QStringLiteral("success"), qint64(ok * scale));
        src.requestsByStatus.insert(QStringLiteral("no_data"), qint64(none * scale));
        src.requestsByStatus.insert(QStringLiteral("error"), qint64(bad * scale));
        src.errors.insert(QStringLiteral("circuit_open"), qint64(skipped * scale));
        BreakerInfo b;
        b.state = skipped > 0 ? BreakerState::Open : BreakerState::Closed;
        src.breaker = b;
        src.rateLimit = RateLimitInfo{100, 25, {}};
        s.sources << src;
    };
    add("spotify", 50, 10, 0, 0);
    add("discogs", 30, 0, 30, 5);
    s.queue[std::size_t(QueueStatus::Pending)] = 700;
    s.queue[std::size_t(QueueStatus::InProgress)] = 10;
    s.queue[std::size_t(QueueStatus::Completed)] = qint64(40 * scale);
    s.queue[std::size_t(QueueStatus::Partial)] = qint64(15 * scale);
    s.queue[std::size_t(QueueStatus::Failed)] = qint64(5 * scale);
    return s;
}
} // namespace

/// The waterfall flow: its model against known rates and real backends (live and
/// Prometheus-like history), the view's geometry, its animation rules and a track's path.
class TestFlowView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ratesComeFromTheCountersOfTheLastMinute()
    {
        FlowModel model;
        model.applySnapshot(snapshot(T0, 1));
        QVERIFY(model.live().isEmpty()); // one snapshot: no rate yet
        model.applySnapshot(snapshot(T0 + 30'000, 2));
        model.applySnapshot(snapshot(T0 + 60'000, 3)); // two units a minute
        const FlowState &s = model.live();
        QCOMPARE(s.nodes.size(), 1 + 2 + 3);
        const FlowNode *spotify = s.node(QStringLiteral("spotify"));
        const FlowNode *discogs = s.node(QStringLiteral("discogs"));
        QVERIFY(spotify && discogs);
        QCOMPARE(spotify->success, 100.0);
        QCOMPARE(spotify->noData, 20.0);
        QCOMPARE(discogs->errorShare(), 0.5);
        QCOMPARE(discogs->skipped, 10.0);
        QCOMPARE(discogs->breaker, std::optional<BreakerState>(BreakerState::Open));
        QCOMPARE(*discogs->quotaLeft, 0.25);
        QCOMPARE(*s.node(QStringLiteral("queue"))->pending, 700);
        // Edges: 120 tracks a minute down the waterfall, split at the end by outcome; the
        // edge out of discogs carries its error share.
        QCOMPARE(s.edges.size(), 1 + 1 + 3);
        QCOMPARE(s.edges.at(0).from, QStringLiteral("queue"));
        QCOMPARE(s.edges.at(0).rate, 120.0);
        QCOMPARE(s.edges.at(1).errorShare, 0.0); // out of spotify
        QCOMPARE(s.edges.at(2).to, QStringLiteral("completed"));
        QCOMPARE(s.edges.at(2).rate, 80.0);
        QCOMPARE(s.edges.at(2).errorShare, 0.5);
        QCOMPARE(s.edges.at(4).rate, 10.0); // failed
        // The CSV: nodes and edges of the state shown.
        QCOMPARE(
            model.headerData(FlowModel::RateColumn, Qt::Horizontal, ModelRole::Export).toString(),
            QStringLiteral("rate_per_minute"));
        QCOMPARE(model.rowCount(), 6 + 5);
        QCOMPARE(model.index(2, FlowModel::NameColumn).data(ModelRole::Export).toString(),
                 QStringLiteral("discogs"));
        QCOMPARE(model.index(2, FlowModel::RateColumn).data(ModelRole::Export).toDouble(), 130.0);
        QCOMPARE(model.index(8, FlowModel::KindColumn).data(ModelRole::Export).toString(),
                 QStringLiteral("edge"));
    }

    void theSliderReplaysTheLiveHour()
    {
        FlowModel model;
        for (int minute = 0; minute <= 5; ++minute)
            for (int tick = 0; tick < 6; ++tick)
                model.applySnapshot(
                    snapshot(T0 + minute * 60'000LL + tick * 10'000, minute * 6 + tick));
        QVERIFY(model.stateCount() >= 5);
        FlowChart chart(&model);
        chart.resize(900, 400);
        chart.show();
        chart.flush();
        QCOMPARE(chart.slider()->maximum(), model.stateCount() - 1);
        QCOMPARE(chart.slider()->value(), chart.slider()->maximum());
        QCOMPARE(chart.timeText(), QStringLiteral("live"));
        chart.slider()->setValue(0);
        chart.flush();
        QCOMPARE(model.position(), 0);
        QCOMPARE(model.shown().ms, model.stateTime(0));
        QVERIFY(chart.timeText() != QStringLiteral("live"));
        QCOMPARE(chart.view()->state().ms, model.stateTime(0));
        chart.slider()->setValue(chart.slider()->maximum()); // back to live
        QCOMPARE(model.position(), -1);
    }

    void historyBuildsFiveMinuteStates()
    {
        // What Prometheus answers to FlowModel::historyQueries(), made by hand: two steps.
        const auto series = [](QMap<QString, QString> labels, QList<double> values) {
            PrometheusClient::Series s;
            s.labels = labels;
            for (int i = 0; i < values.size(); ++i)
                s.points << qMakePair(T0 + i * FlowModel::HistoryStepMs, values.at(i));
            return s;
        };
        QHash<QString, QList<PrometheusClient::Series>> answers;
        answers[QStringLiteral("flow/calls")] = {
            series({{QStringLiteral("source"), QStringLiteral("spotify")},
                    {QStringLiteral("status"), QStringLiteral("success")}},
                   {60, 30}),
            series({{QStringLiteral("source"), QStringLiteral("spotify")},
                    {QStringLiteral("status"), QStringLiteral("error")}},
                   {0, 30})};
        answers[QStringLiteral("flow/outcomes")] = {
            series({{QStringLiteral("status"), QStringLiteral("completed")}}, {50, 20}),
            series({{QStringLiteral("status"), QStringLiteral("failed")}}, {10, 40})};
        answers[QStringLiteral("flow/pending")] = {series({}, {0, 900})};
        answers[QStringLiteral("flow/breakers")] = {
            series({{QStringLiteral("source"), QStringLiteral("spotify")}}, {0, 1})};
        FlowModel model;
        QSignalSpy states(&model, &FlowModel::statesChanged);
        model.setHistory(answers);
        QCOMPARE(states.count(), 1);
        QVERIFY(model.hasHistory());
        QCOMPARE(model.stateCount(), 2);
        QCOMPARE(model.shown().ms, T0 + FlowModel::HistoryStepMs); // the newest
        const FlowNode *spotify = model.shown().node(QStringLiteral("spotify"));
        QCOMPARE(spotify->errorShare(), 0.5);
        QCOMPARE(spotify->breaker, std::optional<BreakerState>(BreakerState::HalfOpen));
        QCOMPARE(model.shown().edges.first().rate, 60.0);
        model.setPosition(0);
        QCOMPARE(model.shown().node(QStringLiteral("spotify"))->errorShare(), 0.0);
        QCOMPARE(*model.shown().node(QStringLiteral("queue"))->pending, 0);
    }

    void geometryIsTheWaterfallLeftToRight()
    {
        FlowModel model;
        model.applySnapshot(snapshot(T0, 1));
        model.applySnapshot(snapshot(T0 + 60'000, 3));
        const FlowState state = model.live();
        const FlowView::Geometry g = FlowView::layout(state, QSizeF(1000, 300));
        const QRectF queue = g.nodes.value(QStringLiteral("queue"));
        const QRectF spotify = g.nodes.value(QStringLiteral("spotify"));
        const QRectF discogs = g.nodes.value(QStringLiteral("discogs"));
        const QRectF completed = g.nodes.value(QStringLiteral("completed"));
        const QRectF failed = g.nodes.value(QStringLiteral("failed"));
        QVERIFY(queue.right() < spotify.left());
        QVERIFY(spotify.right() < discogs.left());
        QVERIFY(discogs.right() < completed.left());
        QCOMPARE(completed.left(), failed.left()); // the outcomes share a column
        QVERIFY(completed.bottom() < failed.top());
        for (const QRectF &r : g.nodes)
            QVERIFY(QRectF(0, 0, 1000, 300).contains(r));
        // An edge runs from the right side of one node to the left side of the next.
        const QPainterPath edge =
            g.edges.value(FlowView::edgeKey(QStringLiteral("spotify"), QStringLiteral("discogs")));
        QCOMPARE(edge.pointAtPercent(0), QPointF(spotify.right(), spotify.center().y()));
        QCOMPARE(edge.pointAtPercent(1), QPointF(discogs.left(), discogs.center().y()));
        // Widths by rate: the busiest 13.5 px, 80 of 120 a minute wider than 10.
        const double through =
            g.widths.value(FlowView::edgeKey(QStringLiteral("queue"), QStringLiteral("spotify")));
        const double completedWidth = g.widths.value(
            FlowView::edgeKey(QStringLiteral("discogs"), QStringLiteral("completed")));
        const double failedWidth =
            g.widths.value(FlowView::edgeKey(QStringLiteral("discogs"), QStringLiteral("failed")));
        QCOMPARE(through, 13.5);
        QVERIFY(through > completedWidth && completedWidth > failedWidth && failedWidth > 1.5);
        // Hovering a source says what the node cannot fit.
        FlowView view;
        const QString tip = view.nodeToolTip(*state.node(QStringLiteral("discogs")));
        QVERIFY2(tip.contains(QStringLiteral("Let pass without a call: 10 /min")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Breaker: open")), qPrintable(tip));
        QVERIFY2(tip.contains(QStringLiteral("Quota left: 25 %")), qPrintable(tip));
    }

    void dotsFollowTheRateAndTheOutcomes()
    {
        FlowModel model;
        model.applySnapshot(snapshot(T0, 1));
        model.applySnapshot(snapshot(T0 + 60'000, 3));
        FlowView view;
        view.setReducedMotion(false);
        view.resize(1000, 300);
        view.setState(model.live());
        // 120 tracks a minute: two dots a second on each edge of the waterfall; 10 failed a
        // minute: one every six seconds.
        for (int i = 0; i < 10; ++i)
            view.advance(0.1);
        const QString through =
            FlowView::edgeKey(QStringLiteral("spotify"), QStringLiteral("discogs"));
        const QString failed =
            FlowView::edgeKey(QStringLiteral("discogs"), QStringLiteral("failed"));
        QCOMPARE(view.dotCount(through), 2);
        QCOMPARE(view.dotCount(failed), 0);
        QCOMPARE(FlowView::dotsPerSecond(120), 2.0);
        QCOMPARE(FlowView::dotsPerSecond(1e6), 25.0); // capped
        QCOMPARE(FlowView::dotsPerSecond(0), 0.0);
    }

    void itAnimatesOnlyWhenShownAndMotionIsWelcome()
    {
        FlowModel model;
        model.applySnapshot(snapshot(T0, 1));
        model.applySnapshot(snapshot(T0 + 60'000, 3));
        FlowView view;
        view.setReducedMotion(false);
        view.resize(900, 300);
        view.setState(model.live());
        QVERIFY(!view.isAnimating());  // not shown
        QVERIFY(view.showsChevrons()); // an export of it shows the direction
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(view.isAnimating());
        QTRY_VERIFY(view.dotCount() > 0); // frames run
        QVERIFY(!view.showsChevrons());
        view.hide();
        QVERIFY(!view.isAnimating());
        QVERIFY(view.showsChevrons());
        QCOMPARE(view.dotCount(), 0);
        view.show();
        QVERIFY(view.isAnimating());
        view.setReducedMotion(true); // the system asks for less motion
        QVERIFY(!view.isAnimating());
        QCOMPARE(view.dotCount(), 0);
        view.setReducedMotion(false);
        view.setState(FlowModel::build(T0, {}, 0, 0, 0, 0)); // nothing flows
        QVERIFY(!view.isAnimating());
        // The desktop's animation switch: KDE's, then GTK's, in a private config folder.
        QTemporaryDir config;
        qputenv("XDG_CONFIG_HOME", config.path().toUtf8());
        qunsetenv("ENRICHMENT_REDUCED_MOTION");
        QVERIFY(!FlowView::systemReducedMotion());
        {
            QSettings kde(config.filePath(QStringLiteral("kdeglobals")), QSettings::IniFormat);
            kde.setValue(QStringLiteral("KDE/AnimationDurationFactor"), 0);
        }
        QVERIFY(FlowView::systemReducedMotion());
        QFile::remove(config.filePath(QStringLiteral("kdeglobals")));
        QDir(config.path()).mkpath(QStringLiteral("gtk-3.0"));
        {
            QSettings gtk(config.filePath(QStringLiteral("gtk-3.0/settings.ini")),
                          QSettings::IniFormat);
            gtk.setValue(QStringLiteral("Settings/gtk-enable-animations"), false);
        }
        QVERIFY(FlowView::systemReducedMotion());
        FlowView still; // a new view follows it
        QVERIFY(still.reducedMotion());
        qputenv("ENRICHMENT_REDUCED_MOTION", "0"); // the override wins
        QVERIFY(!FlowView::systemReducedMotion());
        qputenv("ENRICHMENT_REDUCED_MOTION", "1");
        QVERIFY(FlowView::systemReducedMotion());
        qunsetenv("ENRICHMENT_REDUCED_MOTION");
        qunsetenv("XDG_CONFIG_HOME");
    }

    void aTrackPathShowsTheSourcesItMet()
    {
        // Attempts newest first, as the backend sends them: a retry asked discogs again.
        QList<AttemptInfo> attempts;
        const auto attempt = [](const char *source, const char *outcome, double ms) {
            AttemptInfo a;
            a.source = QLatin1String(source);
            a.outcome = QLatin1String(outcome);
            a.latencyMs = ms;
            return a;
        };
        attempts << attempt("discogs", "success", 120) << attempt("spotify", "no_data", 80)
                 << attempt("discogs", "error", 2000) << attempt("spotify", "no_data", 90);
        const QList<FlowView::PathStep> path = TrackDetailDialog::pathOf(attempts);
        QCOMPARE(path.size(), 2);
        QCOMPARE(path.at(0).source, QStringLiteral("spotify"));
        QCOMPARE(path.at(1).source, QStringLiteral("discogs"));
        QCOMPARE(path.at(1).outcome, QStringLiteral("success")); // the newest answer
        QCOMPARE(path.at(1).latencyMs, 120.0);
        FlowView view;
        view.resize(700, 150);
        view.setTrackPath(path, QStringLiteral("partial"));
        QVERIFY(view.showsPath());
        QVERIFY(!view.isAnimating());
        QStringList keys;
        for (const FlowNode &n : view.state().nodes)
            keys << n.key;
        QCOMPARE(keys, QStringList({QStringLiteral("queue"), QStringLiteral("spotify"),
                                    QStringLiteral("discogs"), QStringLiteral("partial")}));
        QCOMPARE(view.state().edges.size(), 3);
        QImage frame(view.size(), QImage::Format_ARGB32);
        QPainter painter(&frame);
        view.paintFrame(painter); // draws without a crash, in path mode
    }

    void aRealBackendFlows()
    {
        // The demo backend in-process, running its pipeline; the flow fills from its
        // snapshots over real sockets.
        QTemporaryDir dir;
        enrichment::BackendOptions o = testsupport::testBackendOptions();
        o.runPipeline = true;
        o.batchIntervalMs = 200;
        o.demo.seedTracks = 400;
        o.demo.timeScale = 0.01;
        auto backend = testsupport::startBackend(o, dir.filePath(QStringLiteral("q.sqlite")));
        QNetworkAccessManager nam;
        BackendFeed feed(&nam);
        DashboardModels models;
        models.follow(&feed);
        feed.setBaseUrl(backend->url());
        feed.start();
        FlowModel *flow = models.flow();
        QTRY_VERIFY_WITH_TIMEOUT(!flow->live().isEmpty() && flow->live().edges.first().rate > 0,
                                 30'000);
        const FlowState &s = flow->live();
        QCOMPARE(s.nodes.first().kind, FlowNode::Kind::Queue);
        QCOMPARE(s.nodes.size(), 1 + 5 + 3); // the five demo sources
        double calls = 0;
        for (const FlowNode &n : s.nodes)
            calls += n.kind == FlowNode::Kind::Source ? n.calls() + n.skipped : 0;
        QVERIFY(calls > 0);
        feed.stop();
    }
};

QTEST_MAIN(TestFlowView)
#include "tst_flowview.moc"
