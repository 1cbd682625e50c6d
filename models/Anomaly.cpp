// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Anomaly.h"

#include <algorithm>
#include <cmath>
#include <vector>

#include <QCoreApplication>
#include <QSet>

namespace dashboard {

namespace {
constexpr qint64 HourMs = 3'600'000;
constexpr qint64 DayMs = 24 * HourMs;
constexpr qint64 WeekMs = 7 * DayMs;
constexpr double MadToSigma = 1.4826;

bool isRate(AnomalyMetric m)
{
    return m == AnomalyMetric::RequestRate || m == AnomalyMetric::ProcessingRate;
}
} // namespace

QString anomalyMetricKey(AnomalyMetric metric)
{
    switch (metric) {
    case AnomalyMetric::SuccessRate: return QStringLiteral("success_rate");
    case AnomalyMetric::LatencyP95: return QStringLiteral("latency_p95");
    case AnomalyMetric::RequestRate: return QStringLiteral("request_rate");
    case AnomalyMetric::ProcessingRate: return QStringLiteral("processing_rate");
    }
    return {};
}

QString anomalyMetricLabel(AnomalyMetric metric)
{
    switch (metric) {
    case AnomalyMetric::SuccessRate:
        return QCoreApplication::translate("dashboard::AnomalyModel", "Success rate");
    case AnomalyMetric::LatencyP95:
        return QCoreApplication::translate("dashboard::AnomalyModel", "Latency p95");
    case AnomalyMetric::RequestRate:
        return QCoreApplication::translate("dashboard::AnomalyModel", "Request rate");
    case AnomalyMetric::ProcessingRate:
        return QCoreApplication::translate("dashboard::AnomalyModel", "Processing rate");
    }
    return {};
}

int AnomalyDetector::badSide(AnomalyMetric metric)
{
    switch (metric) {
    case AnomalyMetric::SuccessRate:
    case AnomalyMetric::ProcessingRate: return -1;
    case AnomalyMetric::LatencyP95: return 1;
    case AnomalyMetric::RequestRate: return 0;
    }
    return 0;
}

double AnomalyDetector::median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    const auto mid = values.begin() + values.size() / 2;
    std::nth_element(values.begin(), mid, values.end());
    if (values.size() % 2 == 1)
        return *mid;
    const double upper = *mid;
    const double lower = *std::max_element(values.begin(), mid);
    return (lower + upper) / 2;
}

QList<AnomalyPoint> AnomalyDetector::evaluate(const QList<AnomalyInput> &series,
                                              AnomalyMetric metric) const
{
    return evaluate(series, metric, 0);
}

QList<AnomalyPoint> AnomalyDetector::evaluate(const QList<AnomalyInput> &series,
                                              AnomalyMetric metric, int from) const
{
    QList<AnomalyPoint> out;
    if (series.isEmpty())
        return out;
    const AnomalySettings &s = m_settings;
    const qint64 step = std::max<qint64>(1000, s.stepMs);
    const qint64 t0 = series.first().ms;
    // Slot of each step on the grid (a series may have holes); -1: no step there.
    const qint64 slotCount = (series.last().ms - t0) / step + 1;
    std::vector<int> slotIndex(std::size_t(std::max<qint64>(slotCount, 1)), -1);
    for (int i = 0; i < series.size(); ++i) {
        const qint64 slot = (series.at(i).ms - t0) / step;
        if (slot >= 0 && slot < slotCount)
            slotIndex[std::size_t(slot)] = i;
    }
    const bool rate = isRate(metric);
    const auto usable = [&](int i) {
        const AnomalyInput &p = series.at(i);
        return std::isfinite(p.value) && p.volume >= s.minVolume && (!rate || p.busy);
    };
    // Usable values of the steps in [startMs, startMs + HourMs), all before @p beforeMs.
    const auto collectHour = [&](qint64 startMs, qint64 beforeMs, QList<double> &into) {
        for (qint64 ms = startMs; ms < startMs + HourMs && ms < beforeMs; ms += step) {
            const qint64 slotMs = ms - t0;
            if (slotMs < 0 || slotMs % step != 0)
                continue;
            const qint64 slot = slotMs / step;
            if (slot >= slotCount)
                break;
            const int j = slotIndex[std::size_t(slot)];
            if (j >= 0 && usable(j))
                into << series.at(j).value;
        }
    };

    const int side = badSide(metric);
    QList<double> sample;
    QList<double> deviations;
    const int first = std::clamp(from, 0, int(series.size()));
    out.reserve(series.size() - first);
    for (int i = first; i < series.size(); ++i) {
        const AnomalyInput &in = series.at(i);
        AnomalyPoint p;
        p.ms = in.ms;
        p.observed = in.value;
        // The hour around the same time (the steps from 30 minutes before to 30 minutes
        // after), a week or a day earlier.
        const qint64 gridStart = in.ms - HourMs / 2;
        sample.clear();
        for (int w = 1; w <= s.seasonalWeeks; ++w)
            collectHour(gridStart - w * WeekMs, in.ms, sample);
        p.basis = AnomalyPoint::Basis::WeekdayHour;
        if (sample.size() < s.minSeasonalSamples) {
            sample.clear();
            for (int d = 1; d <= 7; ++d)
                collectHour(gridStart - d * DayMs, in.ms, sample);
            p.basis = AnomalyPoint::Basis::HourOfDay;
        }
        if (sample.size() < s.minDailySamples) {
            sample.clear();
            for (int j = i - 1; j >= 0 && in.ms - series.at(j).ms <= s.rollingSteps * step; --j) {
                if (usable(j))
                    sample << series.at(j).value;
            }
            p.basis = AnomalyPoint::Basis::Rolling;
            if (sample.size() < s.minRollingSamples)
                p.basis = AnomalyPoint::Basis::None;
        }
        if (p.basis != AnomalyPoint::Basis::None) {
            const double med = median(sample);
            deviations.clear();
            for (double v : std::as_const(sample))
                deviations << std::abs(v - med);
            const double floor =
                metric == AnomalyMetric::SuccessRate ? 0.01 : std::max(1e-9, 0.05 * std::abs(med));
            const double sigma = std::max(floor, MadToSigma * median(deviations));
            p.expected = med;
            p.low = med - s.k * sigma;
            p.high = med + s.k * sigma;
            if (metric == AnomalyMetric::SuccessRate)
                p.high = std::min(1.0, p.high);
            p.low = std::max(0.0, p.low);
            const bool enough = std::isfinite(in.value) && in.volume >= s.minVolume;
            if (enough) {
                p.judged = true;
                p.score = (in.value - med) / sigma;
                const bool low = p.score < -s.k && side <= 0 && (!rate || in.busy);
                const bool high = p.score > s.k && side >= 0;
                p.outside = low || high;
            }
        }
        out << p;
    }
    return out;
}

QList<AnomalyEpisode> AnomalyDetector::episodes(QList<AnomalyPoint> &points, const QString &source,
                                                AnomalyMetric metric) const
{
    QList<AnomalyEpisode> out;
    const qint64 step = std::max<qint64>(1000, m_settings.stepMs);
    const int hold = std::max(1, m_settings.holdSteps);
    int runStart = -1;
    const auto close = [&](int end) { // the run is [runStart, end)
        if (runStart < 0)
            return;
        if (end - runStart >= hold) {
            AnomalyEpisode e;
            e.source = source;
            e.metric = metric;
            e.startMs = points.at(runStart).ms;
            e.endMs = points.at(end - 1).ms;
            e.ongoing = end == points.size();
            e.scope = metric == AnomalyMetric::ProcessingRate ? AnomalyEpisode::Scope::Pipeline
                                                              : AnomalyEpisode::Scope::Source;
            for (int j = runStart; j < end; ++j) {
                AnomalyPoint &p = points[j];
                p.anomalous = true;
                if (std::abs(p.score) > std::abs(e.peakScore)) {
                    e.peakScore = p.score;
                    e.observed = p.observed;
                    e.expected = p.expected;
                }
            }
            out << e;
        }
        runStart = -1;
    };
    for (int i = 0; i < points.size(); ++i) {
        const AnomalyPoint &p = points.at(i);
        const bool continues = runStart >= 0 && points.at(i - 1).ms + step == p.ms &&
                               (p.score > 0) == (points.at(runStart).score > 0);
        if (!p.outside) {
            close(i);
            continue;
        }
        if (runStart >= 0 && !continues)
            close(i);
        if (runStart < 0)
            runStart = i;
    }
    close(int(points.size()));
    return out;
}

void AnomalyDetector::classify(QList<AnomalyEpisode> &episodes, int sourceCount)
{
    const int needed = std::max(2, (sourceCount + 1) / 2);
    for (AnomalyEpisode &e : episodes) {
        if (e.metric == AnomalyMetric::ProcessingRate) {
            e.scope = AnomalyEpisode::Scope::Pipeline;
            continue;
        }
        QSet<QString> deviating{e.source};
        for (const AnomalyEpisode &o : std::as_const(episodes)) {
            if (o.metric == e.metric && o.source != e.source && o.startMs <= e.endMs &&
                o.endMs >= e.startMs && (o.peakScore > 0) == (e.peakScore > 0))
                deviating.insert(o.source);
        }
        e.scope = deviating.size() >= needed ? AnomalyEpisode::Scope::AllSources
                                             : AnomalyEpisode::Scope::Source;
    }
}

} // namespace dashboard
