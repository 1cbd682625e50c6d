// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// The waterfall flow view's cost. BM_FlowFrame: one frame (edges, dots, nodes) drawn into
// an image the size of the dashboard's panel, for the demo's rate (120 tracks a minute) and
// a busy one (1,500 a minute: 25 dots a second on every edge, the cap), with the dots a
// second of animation has spawned. Then the view animating at 60 frames a second in a
// window (offscreen platform: painted into its backing store) for 5 s: the process's CPU
// time over wall time, beside the same window with the view hidden (the baseline: the
// timer stopped) measured in the same run.
#include <sys/resource.h>

#include <cstdio>

#include <QApplication>
#include <QElapsedTimer>
#include <QImage>
#include <QPainter>
#include <QTimer>

#include "BenchSupport.h"
#include "FlowModel.h"
#include "FlowView.h"

namespace {

using dashboard::FlowModel;
using dashboard::FlowNode;
using dashboard::FlowState;
using dashboard::FlowView;

FlowState state(double perMinute)
{
    QList<FlowNode> sources;
    const char *names[] = {"spotify", "musicbrainz", "discogs", "beatport", "lastfm"};
    for (int i = 0; i < 5; ++i) {
        FlowNode n;
        n.key = QLatin1String(names[i]);
        n.success = perMinute * 0.7;
        n.noData = perMinute * 0.2;
        n.error = perMinute * 0.05 * (i + 1);
        n.skipped = i == 2 ? perMinute * 0.1 : 0;
        n.breaker = i == 2 ? dashboard::BreakerState::HalfOpen : dashboard::BreakerState::Closed;
        n.quotaLeft = 0.2 * (i + 1);
        sources << n;
    }
    return FlowModel::build(0, sources, 1200, perMinute * 0.7, perMinute * 0.2, perMinute * 0.1);
}

void BM_FlowFrame(benchmark::State &st)
{
    FlowView view;
    view.resize(1100, 300);
    view.setReducedMotion(false);
    view.setState(state(double(st.range(0))));
    view.advance(1.0); // a second's worth of dots on their way
    for (int i = 0; i < 30; ++i)
        view.advance(1.0 / 60);
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    for (auto _ : st) {
        QPainter painter(&image);
        view.paintFrame(painter);
        view.advance(1.0 / 60);
    }
    st.counters["dots"] = view.dotCount();
}
BENCHMARK(BM_FlowFrame)->Arg(120)->Arg(1500)->Unit(benchmark::kMicrosecond);

double cpuSeconds()
{
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
           double(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

/// Counts the paint events a widget gets: the frames drawn.
class FrameCounter : public QObject
{
public:
    int frames = 0;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++frames;
        return QObject::eventFilter(watched, event);
    }
};

/// CPU share of one core while the view is shown (animating) or hidden, over @p seconds;
/// @p frames: the frames it drew meanwhile.
double shareOfACore(FlowView &view, bool shown, double seconds, int *frames)
{
    view.setVisible(shown);
    QApplication::processEvents();
    FrameCounter counter;
    view.installEventFilter(&counter);
    const double cpu0 = cpuSeconds();
    QElapsedTimer wall;
    wall.start();
    QEventLoop loop;
    QTimer::singleShot(int(seconds * 1000), &loop, &QEventLoop::quit);
    loop.exec();
    const double share = (cpuSeconds() - cpu0) / (double(wall.elapsed()) / 1000.0);
    view.removeEventFilter(&counter);
    *frames = counter.frames;
    return share;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    benchmark::RunSpecifiedBenchmarks();

    FlowView view;
    view.resize(1100, 300);
    view.setReducedMotion(false);
    view.setState(state(120));
    for (int run = 0; run < 3; ++run) {
        int hiddenFrames = 0, shownFrames = 0;
        const double hidden = shareOfACore(view, false, 5.0, &hiddenFrames);
        const double shown = shareOfACore(view, true, 5.0, &shownFrames);
        std::printf("flow view, 5 s at the demo rate: %.1f %% of a core animating (%.1f frames "
                    "a second, %d dots), %.1f %% hidden (%d frames; the baseline)\n",
                    shown * 100.0, shownFrames / 5.0, view.dotCount(), hidden * 100.0,
                    hiddenFrames);
    }
    return 0;
}
