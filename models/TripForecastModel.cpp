// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TripForecastModel.h"

#include <cmath>

#include <QDateTime>
#include <QLocale>

#include "CategoryTableModel.h"
#include "enrichment/WireFormat.h"

namespace dashboard {

namespace {
const QString PTrip = QStringLiteral("p_trip_1h");
const QString Minutes = QStringLiteral("expected_minutes_to_trip");
} // namespace

TripForecastModel::TripForecastModel(QObject *parent)
    : QObject(parent), m_table(new CategoryTableModel(QLatin1String(enrichment::wire::key::Source),
                                                      {PTrip, Minutes}, this))
{
    m_table->setColumnLabels({tr("Chance within 1 h"), tr("Expected minutes to trip")});
    m_table->setDecimals(2);
}

void TripForecastModel::applySnapshot(const Snapshot &s)
{
    const qint64 now = s.timestamp.isValid() ? s.timestamp.toMSecsSinceEpoch()
                                             : QDateTime::currentMSecsSinceEpoch();
    if (m_stepEndMs < 0)
        m_stepEndMs = (now / StepMs + 1) * StepMs;
    while (now >= m_stepEndMs) {
        closeStep();
        m_stepEndMs += StepMs;
    }
    const QString error = enrichment::toWire(enrichment::RequestStatus::Error);
    QStringList order;
    bool breakerMoved = false;
    for (const SourceInfo &src : s.sources) {
        order << src.name;
        TripRule rule;
        if (src.breaker) {
            rule.failureThreshold = int(src.breaker->failureThreshold.value_or(5));
            rule.failuresInARow = int(src.breaker->failureCount.value_or(0));
            rule.open = src.breaker->state && *src.breaker->state != BreakerState::Closed;
        }
        // A breaker that opened or closed changes the forecast now, not at the next step.
        const auto known = m_rules.constFind(src.name);
        breakerMoved = breakerMoved || (known != m_rules.cend() && known->open != rule.open);
        m_rules.insert(src.name, rule);
        const std::optional<qint64> total = src.requests();
        if (!total)
            continue;
        const double calls = double(*total);
        const double failures = double(src.requestsByStatus.value(error, 0));
        Counters &last = m_last[src.name];
        TripStep &step = m_step[src.name];
        // A counter that went back (a restart, a worker that left) starts anew.
        if (last.calls >= 0 && calls >= last.calls && failures >= last.failures) {
            step.calls += calls - last.calls;
            step.failures += failures - last.failures;
        }
        last = {calls, failures};
        if (src.latency && src.latency->p95)
            step.latencyP95 = *src.latency->p95;
    }
    if (order != m_order || breakerMoved) {
        m_order = order;
        recompute(); // a new source, or a breaker that moved, shows at once
    }
}

void TripForecastModel::closeStep()
{
    for (auto it = m_step.begin(); it != m_step.end(); ++it) {
        QList<TripStep> &steps = m_steps[it.key()];
        if (it->calls > 0 || it->latencyP95) {
            it->ms = m_stepEndMs;
            steps << *it;
            if (steps.size() > KeepSteps)
                steps.removeFirst();
        }
        *it = TripStep{};
    }
    recompute();
}

void TripForecastModel::recompute()
{
    QList<QVariantList> rows;
    m_forecasts.clear();
    for (const QString &source : std::as_const(m_order)) {
        const TripForecast f = TripForecast::compute(m_steps.value(source), m_rules.value(source));
        m_forecasts.insert(source, f);
        rows << QVariantList{f.ok ? QVariant(f.pTrip1h) : QVariant(),
                             f.ok && f.minutesToTrip ? QVariant(*f.minutesToTrip) : QVariant()};
    }
    m_table->update(m_order, rows);
    Q_EMIT updated();
}

QString TripForecastModel::shortText(const TripForecast &f)
{
    if (!f.ok)
        return tr("measuring…");
    if (f.open)
        return tr("open now");
    if (f.minutesToTrip && *f.minutesToTrip <= 60)
        return *f.minutesToTrip < 1 ? tr("may trip now")
                                    : tr("may trip in ~%1 min").arg(qRound(*f.minutesToTrip));
    if (f.pTrip1h >= 0.05)
        return tr("%1 % within 1 h").arg(qRound(f.pTrip1h * 100));
    return tr("steady");
}

QString TripForecastModel::longText(const TripForecast &f)
{
    if (!f.ok)
        return tr("No forecast yet: %1.").arg(f.reason);
    if (f.open)
        return tr("The breaker is open or probing now.");
    const QLocale locale;
    const auto pct = [](double p) {
        return QString::number(qRound(p * 100));
    };
    QString text = tr("Chance of opening within the hour %1 % (%2–%3 %).")
                       .arg(pct(f.pTrip1h), pct(f.pLow), pct(f.pHigh));
    if (f.minutesToTrip) {
        const QString earliest =
            f.minutesEarliest ? QString::number(qRound(*f.minutesEarliest)) : QStringLiteral("?");
        const QString latest =
            f.minutesLatest ? QString::number(qRound(*f.minutesLatest)) : tr("not within 6 h");
        text += QLatin1Char(' ') + tr("Expected in about %1 min (%2 to %3).")
                                       .arg(qRound(*f.minutesToTrip))
                                       .arg(earliest, latest);
    }
    text +=
        QLatin1Char(' ') + tr("Failures %1 % of calls, %2 %3 points an hour; %4 calls a minute.")
                               .arg(locale.toString(f.failureShare * 100, 'f', 1))
                               .arg(f.trendPerHour >= 0 ? tr("rising") : tr("falling"))
                               .arg(locale.toString(std::abs(f.trendPerHour) * 100, 'f', 0))
                               .arg(locale.toString(f.callsPerMinute, 'f', 0));
    return text;
}

} // namespace dashboard
