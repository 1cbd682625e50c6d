// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <algorithm>
#include <cmath>
#include <random>

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include "Anomaly.h"

namespace testsupport {

/// Thirty days of a pipeline's history with anomalies of known times and sizes, for
/// measuring the anomaly detector (tests/models/tst_anomaly, bench/bench_anomaly).
///
/// The world, seeded: tracks arrive by a daily curve (nights at 15 % of the afternoon
/// peak), a weekly one (weekends at 55 %) and two holidays (30 %); the pipeline finishes at
/// most 110 tracks a minute, so weekday afternoons build a backlog that drains in the
/// evening. Each source is asked for its share of the finished tracks (Poisson), answers
/// successfully with its own rate (binomial) and its p95 latency follows the load with
/// log-normal noise. None of this is an anomaly. On top, from day 3 on and between 07:00 and
/// 23:00, anomalies are injected: a source's success rate drops by 10 to 35 points, its
/// latency grows 1.8 to 4 times, its calls grow 2 to 4 times (a retry storm), every
/// source's success rate drops at once (ours), or the pipeline stalls to 30 to 60 % of its
/// capacity on a busy weekday afternoon. Each lasts 30 to 120 minutes.
/// Steps are 5 minutes, times UTC (the detector is given offset 0).
class AnomalyWorld
{
public:
    struct Truth
    {
        enum class Kind { SuccessDrop, LatencySpike, RequestStorm, AllSourcesDrop, Stall };
        Kind kind;
        QString source; ///< empty: every source (AllSourcesDrop) or the pipeline (Stall)
        dashboard::AnomalyMetric metric;
        qint64 startMs;
        qint64 endMs; ///< exclusive
        double size;  ///< points of success rate, or a factor
    };

    static constexpr qint64 StepMs = 5 * 60'000;
    static constexpr int Days = 30;
    static constexpr int StepsPerDay = 288;

    /// @p injectAnomalies false: the same world with nothing wrong in it.
    explicit AnomalyWorld(unsigned seed = 20261204, int days = Days, bool injectAnomalies = true)
        : m_rng(seed), m_days(days)
    {
        m_sources = {QStringLiteral("spotify"), QStringLiteral("musicbrainz"),
                     QStringLiteral("discogs"), QStringLiteral("beatport"),
                     QStringLiteral("lastfm")};
        // A Monday, midnight UTC.
        m_startMs = QDateTime(QDate(2026, 10, 5), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
        m_holidays = {11, 25};
        if (injectAnomalies)
            inject();
        simulate();
    }

    qint64 startMs() const { return m_startMs; }
    qint64 endMs() const { return m_startMs + qint64(m_days) * StepsPerDay * StepMs; }
    int days() const { return m_days; }
    const QStringList &sources() const { return m_sources; }
    const QList<Truth> &truths() const { return m_truths; }
    QList<int> holidays() const { return m_holidays; }
    /// The series of @p metric for @p source (empty source: the processing rate).
    QList<dashboard::AnomalyInput> series(const QString &source, dashboard::AnomalyMetric m) const
    {
        return m_series.value(source + QLatin1Char('/') + dashboard::anomalyMetricKey(m));
    }

private:
    static constexpr double Capacity = 110; // tracks per minute
    static constexpr double BaseDemand = 80;

    double uniform(double a, double b)
    {
        return std::uniform_real_distribution<double>(a, b)(m_rng);
    }

    double demandFactor(qint64 ms) const
    {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
        const double h = t.time().hour() + t.time().minute() / 60.0;
        // 0.15 at 03:00, 1.6 at 15:00.
        const double daily = 0.875 - 0.725 * std::cos((h - 3.0) / 24.0 * 2 * M_PI);
        const int day = int((ms - m_startMs) / (24 * 3'600'000LL));
        double f = daily;
        if (t.date().dayOfWeek() >= 6)
            f *= 0.55;
        if (m_holidays.contains(day))
            f *= 0.3;
        return f;
    }

    void inject()
    {
        using K = Truth::Kind;
        using M = dashboard::AnomalyMetric;
        qint64 lastEnd = 0;
        for (int day = 3; day < m_days; ++day) {
            // One or two a day, apart from each other.
            const int count = uniform(0, 1) < 0.4 ? 2 : 1;
            for (int n = 0; n < count; ++n) {
                const int kindDraw = int(uniform(0, 5));
                const K kind = K(std::clamp(kindDraw, 0, 4));
                const QDate date = QDateTime::fromMSecsSinceEpoch(
                                       m_startMs + qint64(day) * 24 * 3'600'000, Qt::UTC)
                                       .date();
                if (kind == K::Stall && (date.dayOfWeek() >= 6 || m_holidays.contains(day)))
                    continue; // a stall shows only while work waits: weekday afternoons
                const double startHour = kind == K::Stall ? uniform(14, 17) : uniform(7, 21);
                const qint64 start = m_startMs + qint64(day) * 24 * 3'600'000 +
                                     qint64(startHour * 12) * StepMs; // on the grid
                if (start < lastEnd + 2 * 3'600'000)
                    continue;
                const qint64 end = start + qint64(uniform(6, 24.99)) * StepMs; // 30..120 min
                Truth t{kind, {}, M::SuccessRate, start, end, 0};
                switch (kind) {
                case K::SuccessDrop:
                    t.source = m_sources.at(int(uniform(0, 4.99)));
                    t.size = uniform(0.10, 0.35);
                    break;
                case K::LatencySpike:
                    t.source = m_sources.at(int(uniform(0, 4.99)));
                    t.metric = M::LatencyP95;
                    t.size = uniform(1.8, 4.0);
                    break;
                case K::RequestStorm:
                    t.source = m_sources.at(int(uniform(0, 4.99)));
                    t.metric = M::RequestRate;
                    t.size = uniform(2.0, 4.0);
                    break;
                case K::AllSourcesDrop: t.size = uniform(0.10, 0.30); break;
                case K::Stall:
                    t.metric = M::ProcessingRate;
                    t.size = uniform(0.3, 0.6);
                    break;
                }
                m_truths << t;
                lastEnd = end;
            }
        }
    }

    const Truth *active(qint64 ms, Truth::Kind kind, const QString &source = {}) const
    {
        for (const Truth &t : m_truths) {
            if (t.kind == kind && ms >= t.startMs && ms < t.endMs &&
                (source.isEmpty() || t.source == source))
                return &t;
        }
        return nullptr;
    }

    void simulate()
    {
        using M = dashboard::AnomalyMetric;
        const QList<double> share{1.0, 0.7, 0.5, 0.3, 0.6};
        const QList<double> success{0.97, 0.93, 0.95, 0.90, 0.96};
        const QList<double> p95{0.25, 0.6, 0.45, 0.35, 0.3};
        std::normal_distribution<double> noise(0, 1);
        double pending = 0;
        const int steps = m_days * StepsPerDay;
        for (int i = 0; i < steps; ++i) {
            const qint64 begin = m_startMs + qint64(i) * StepMs;
            const qint64 end = begin + StepMs;
            double finished = 0;
            bool busy = false;
            for (int minute = 0; minute < 5; ++minute) {
                const qint64 ms = begin + minute * 60'000;
                const double demand =
                    std::poisson_distribution<int>(BaseDemand * demandFactor(ms))(m_rng);
                double capacity = Capacity * (1 + 0.03 * noise(m_rng));
                if (const Truth *stall = active(ms, Truth::Kind::Stall))
                    capacity *= stall->size;
                const double done = std::min(capacity, pending + demand);
                pending = std::max(0.0, pending + demand - done);
                busy = busy || pending > 0;
                finished += done;
            }
            const double load = std::min(1.0, finished / (5 * Capacity));
            m_series[QStringLiteral("/processing_rate")]
                << dashboard::AnomalyInput{end, finished / 5, finished, busy};
            const Truth *all = active(begin, Truth::Kind::AllSourcesDrop);
            for (int s = 0; s < m_sources.size(); ++s) {
                const QString &src = m_sources.at(s);
                double calls =
                    std::poisson_distribution<int>(std::max(0.01, finished * share.at(s)))(m_rng);
                if (const Truth *storm = active(begin, Truth::Kind::RequestStorm, src))
                    calls = std::round(calls * storm->size);
                double p = success.at(s);
                if (const Truth *drop = active(begin, Truth::Kind::SuccessDrop, src))
                    p -= drop->size;
                if (all)
                    p -= all->size;
                const int ok = calls > 0 ? std::binomial_distribution<int>(
                                               int(calls), std::clamp(p, 0.0, 1.0))(m_rng)
                                         : 0;
                double latency = p95.at(s) * (1 + 0.3 * load) * std::exp(0.08 * noise(m_rng));
                if (const Truth *spike = active(begin, Truth::Kind::LatencySpike, src))
                    latency *= spike->size;
                const QString prefix = src + QLatin1Char('/');
                const double ratio = calls > 0 ? ok / calls : std::nan("");
                m_series[prefix + dashboard::anomalyMetricKey(M::SuccessRate)]
                    << dashboard::AnomalyInput{end, ratio, calls, busy};
                m_series[prefix + dashboard::anomalyMetricKey(M::LatencyP95)]
                    << dashboard::AnomalyInput{end, calls > 0 ? latency : std::nan(""), calls,
                                               busy};
                m_series[prefix + dashboard::anomalyMetricKey(M::RequestRate)]
                    << dashboard::AnomalyInput{end, calls / 5, calls, busy};
            }
        }
    }

    std::mt19937 m_rng;
    int m_days;
    qint64 m_startMs = 0;
    QStringList m_sources;
    QList<int> m_holidays;
    QList<Truth> m_truths;
    QHash<QString, QList<dashboard::AnomalyInput>> m_series;
};

/// How the detector did against an AnomalyWorld's truth.
struct AnomalyScore
{
    int detected = 0; ///< episodes found
    int matched = 0;  ///< of them, explained by an injected anomaly
    int truths = 0;
    int found = 0;      ///< injected anomalies with at least one matching episode
    int scopeRight = 0; ///< of the found ones, with the right scope (provider vs ours)
    double falseAlarmsPerDay = 0;
    QList<double> delaysMinutes; ///< from each found anomaly's start to its first detection
    double precision() const { return detected ? double(matched) / detected : 1.0; }
    double recall() const { return truths ? double(found) / truths : 1.0; }

    /// Runs @p detector over every series of @p world and scores the episodes: an episode
    /// matches an injected anomaly when they overlap in time and it is on the same source
    /// and metric (any source for one that hit every source), or it is a source's request
    /// rate falling during a stall (its consequence).
    static AnomalyScore measure(const AnomalyWorld &world,
                                const dashboard::AnomalyDetector &detector,
                                QList<dashboard::AnomalyEpisode> *all = nullptr)
    {
        using M = dashboard::AnomalyMetric;
        using T = AnomalyWorld::Truth;
        QList<dashboard::AnomalyEpisode> episodes;
        for (const QString &src : world.sources()) {
            for (M m : {M::SuccessRate, M::LatencyP95, M::RequestRate}) {
                QList<dashboard::AnomalyPoint> points = detector.evaluate(world.series(src, m), m);
                episodes += detector.episodes(points, src, m);
            }
        }
        QList<dashboard::AnomalyPoint> points =
            detector.evaluate(world.series({}, M::ProcessingRate), M::ProcessingRate);
        episodes += detector.episodes(points, {}, M::ProcessingRate);
        dashboard::AnomalyDetector::classify(episodes, int(world.sources().size()));

        const qint64 slack = detector.settings().holdSteps * detector.settings().stepMs;
        const auto matches = [&](const dashboard::AnomalyEpisode &e, const T &t) {
            if (e.startMs > t.endMs + slack || e.endMs < t.startMs)
                return false;
            if (t.kind == T::Kind::Stall)
                return e.metric == M::ProcessingRate ||
                       (e.metric == M::RequestRate && e.peakScore < 0);
            return e.metric == t.metric && (t.source.isEmpty() || t.source == e.source);
        };
        AnomalyScore score;
        score.truths = int(world.truths().size());
        score.detected = int(episodes.size());
        for (const dashboard::AnomalyEpisode &e : std::as_const(episodes)) {
            if (std::any_of(world.truths().begin(), world.truths().end(),
                            [&](const T &t) { return matches(e, t); }))
                ++score.matched;
        }
        for (const T &t : world.truths()) {
            qint64 first = -1;
            bool scopeRight = false;
            for (const dashboard::AnomalyEpisode &e : std::as_const(episodes)) {
                if (!matches(e, t) || (t.kind == T::Kind::Stall && e.metric != M::ProcessingRate))
                    continue;
                if (first < 0 || e.startMs < first)
                    first = e.startMs;
                using S = dashboard::AnomalyEpisode::Scope;
                scopeRight =
                    scopeRight || (t.kind == T::Kind::AllSourcesDrop ? e.scope == S::AllSources
                                   : t.kind == T::Kind::Stall        ? e.scope == S::Pipeline
                                                                     : e.scope == S::Source);
            }
            if (first >= 0) {
                ++score.found;
                score.scopeRight += scopeRight ? 1 : 0;
                // Detection is announced once the hold time has passed.
                score.delaysMinutes
                    << (first - t.startMs) / 60'000.0 + (detector.settings().holdSteps - 1) *
                                                            detector.settings().stepMs / 60'000.0;
            }
        }
        score.falseAlarmsPerDay = double(score.detected - score.matched) / world.days();
        if (all)
            *all = episodes;
        return score;
    }
};

} // namespace testsupport
