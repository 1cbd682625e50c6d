// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "TimeSeriesModel.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

#include <QDateTime>
#include <QLocale>

namespace dashboard {

namespace {
constexpr double NaN = std::numeric_limits<double>::quiet_NaN();
}

TimeSeriesModel::TimeSeriesModel(const QStringList &series, int capacity, QObject *parent)
    : QAbstractTableModel(parent), m_series(series), m_capacity(std::max(2, capacity)),
      m_times(std::size_t(m_capacity), 0),
      m_values(std::size_t(m_capacity) * std::size_t(series.size()), NaN)
{}

int TimeSeriesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_count);
}

int TimeSeriesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_series.size()) + 1;
}

qint64 TimeSeriesModel::timeAt(int row) const
{
    return m_times[physical(row)];
}

std::optional<double> TimeSeriesModel::valueAt(int row, int series) const
{
    const double v = m_values[physical(row) * std::size_t(m_series.size()) + std::size_t(series)];
    if (std::isnan(v))
        return std::nullopt;
    return v;
}

bool TimeSeriesModel::hasValues() const
{
    for (int r = 0; r < int(m_count); ++r)
        for (int s = 0; s < m_series.size(); ++s)
            if (valueAt(r, s))
                return true;
    return false;
}

QVariant TimeSeriesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.column() == 0) {
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(timeAt(index.row()), Qt::UTC);
        switch (role) {
        case Qt::DisplayRole: return QLocale().toString(t.toLocalTime(), QLocale::ShortFormat);
        case ValueRole: return timeAt(index.row());
        case ExportRole: return t.toString(Qt::ISODateWithMs);
        default: return {};
        }
    }
    const auto v = valueAt(index.row(), index.column() - 1);
    switch (role) {
    case Qt::DisplayRole: return v ? QLocale().toString(*v, 'f', 2) : tr("no data");
    case ValueRole:
    case ExportRole: return v ? QVariant(*v) : QVariant();
    default: return {};
    }
}

QVariant TimeSeriesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section > m_series.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == ExportRole)
        return section == 0 ? QStringLiteral("timestamp") : m_series.at(section - 1);
    if (role == Qt::DisplayRole)
        return section == 0 ? tr("Time") : seriesLabel(section - 1);
    return {};
}

void TimeSeriesModel::append(qint64 timeMs, const QList<std::optional<double>> &values)
{
    const std::size_t n = std::size_t(m_series.size());
    if (m_count > 0) {
        const qint64 last = timeAt(int(m_count) - 1);
        if (timeMs < last)
            return;
        if (timeMs == last) {
            const std::size_t p = physical(int(m_count) - 1);
            for (std::size_t s = 0; s < n; ++s)
                m_values[p * n + s] = s < std::size_t(values.size()) && values[qsizetype(s)]
                                          ? *values[qsizetype(s)]
                                          : NaN;
            Q_EMIT dataChanged(index(int(m_count) - 1, 1), index(int(m_count) - 1, int(n)));
            return;
        }
    }
    if (int(m_count) == m_capacity) {
        beginRemoveRows({}, 0, 0);
        m_head = (m_head + 1) % std::size_t(m_capacity);
        --m_count;
        endRemoveRows();
    }
    beginInsertRows({}, int(m_count), int(m_count));
    const std::size_t p = physical(int(m_count));
    m_times[p] = timeMs;
    for (std::size_t s = 0; s < n; ++s)
        m_values[p * n + s] =
            s < std::size_t(values.size()) && values[qsizetype(s)] ? *values[qsizetype(s)] : NaN;
    ++m_count;
    endInsertRows();
}

void TimeSeriesModel::merge(const QList<QPair<qint64, QList<std::optional<double>>>> &samples)
{
    if (samples.isEmpty())
        return;
    const std::size_t n = std::size_t(m_series.size());
    std::map<qint64, std::vector<double>> all;
    for (int r = 0; r < int(m_count); ++r) {
        const std::size_t p = physical(r);
        all[m_times[p]] = std::vector<double>(m_values.begin() + qptrdiff(p * n),
                                              m_values.begin() + qptrdiff(p * n + n));
    }
    // A gap the dashboard marked (it could not reach the backend) inside the span of the
    // backend's own history was no gap for the backend: its samples fill it.
    qint64 fromMs = std::numeric_limits<qint64>::max(), toMs = std::numeric_limits<qint64>::min();
    for (const auto &sample : samples) {
        fromMs = std::min(fromMs, sample.first);
        toMs = std::max(toMs, sample.first);
    }
    for (auto it = all.lower_bound(fromMs); it != all.end() && it->first <= toMs;)
        it = std::all_of(it->second.begin(), it->second.end(),
                         [](double v) { return std::isnan(v); })
                 ? all.erase(it)
                 : std::next(it);
    for (const auto &[t, values] : samples) {
        std::vector<double> row(n, NaN);
        for (std::size_t s = 0; s < n && s < std::size_t(values.size()); ++s)
            if (values[qsizetype(s)])
                row[s] = *values[qsizetype(s)];
        all.try_emplace(t, std::move(row)); // live samples win over backfill for the same time
    }
    while (all.size() > std::size_t(m_capacity))
        all.erase(all.begin());
    beginResetModel();
    m_head = 0;
    m_count = 0;
    for (const auto &[t, row] : all) {
        m_times[m_count] = t;
        std::copy(row.begin(), row.end(), m_values.begin() + qptrdiff(m_count * n));
        ++m_count;
    }
    endResetModel();
}

void TimeSeriesModel::clear()
{
    beginResetModel();
    m_head = 0;
    m_count = 0;
    endResetModel();
}

int TimeSeriesModel::firstRowAtOrAfter(qint64 timeMs) const
{
    int lo = 0, hi = int(m_count);
    while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (timeAt(mid) < timeMs)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

QList<QPointF> TimeSeriesModel::downsample(int series, qint64 fromMs, qint64 toMs, int buckets,
                                           QList<int> *breaks) const
{
    QList<QPointF> out;
    if (breaks)
        breaks->clear();
    if (series < 0 || series >= m_series.size() || m_count == 0 || toMs <= fromMs || buckets <= 0)
        return out;
    const std::size_t n = std::size_t(m_series.size());
    const int first = firstRowAtOrAfter(fromMs);
    const int end = firstRowAtOrAfter(toMs + 1);
    // A sample without a value for the series ends the line there: the next point starts
    // a new segment (a gap, not a line drawn across the time nothing was known).
    bool pendingBreak = false;
    auto add = [&](const QPointF &pt) {
        if (pendingBreak && breaks && !out.isEmpty())
            breaks->append(int(out.size()));
        pendingBreak = false;
        out.append(pt);
    };
    if (end - first <= 2 * buckets) {
        out.reserve(end - first);
        for (int r = first; r < end; ++r) {
            const double v = m_values[physical(r) * n + std::size_t(series)];
            if (std::isnan(v))
                pendingBreak = true;
            else
                add(QPointF(double(timeAt(r)), v));
        }
        return out;
    }
    out.reserve(2 * buckets);
    const double span = double(toMs - fromMs);
    int r = first;
    for (int b = 0; b < buckets && r < end; ++b) {
        const qint64 bucketEnd = fromMs + qint64(span * (b + 1) / buckets);
        int minRow = -1, maxRow = -1;
        double minV = 0, maxV = 0;
        bool gapInBucket = false;
        for (; r < end && (timeAt(r) <= bucketEnd || b == buckets - 1); ++r) {
            const double v = m_values[physical(r) * n + std::size_t(series)];
            if (std::isnan(v)) {
                gapInBucket = true;
                continue;
            }
            if (minRow < 0 || v < minV) {
                minV = v;
                minRow = r;
            }
            if (maxRow < 0 || v > maxV) {
                maxV = v;
                maxRow = r;
            }
        }
        if (minRow >= 0) {
            if (minRow == maxRow) {
                add(QPointF(double(timeAt(minRow)), minV));
            } else if (minRow < maxRow) {
                add(QPointF(double(timeAt(minRow)), minV));
                add(QPointF(double(timeAt(maxRow)), maxV));
            } else {
                add(QPointF(double(timeAt(maxRow)), maxV));
                add(QPointF(double(timeAt(minRow)), minV));
            }
        }
        pendingBreak = pendingBreak || gapInBucket;
    }
    return out;
}

void TimeSeriesModel::appendGap(qint64 timeMs)
{
    if (m_count > 0) {
        const int last = int(m_count) - 1;
        bool empty = true;
        for (int s = 0; s < m_series.size() && empty; ++s)
            empty = !valueAt(last, s);
        if (empty || timeMs <= timeAt(last))
            return; // already a gap, or not after the last sample
    }
    append(timeMs, {});
}

QList<QPointF> TimeSeriesModel::points(int series) const
{
    QList<QPointF> out;
    out.reserve(int(m_count));
    for (int r = 0; r < int(m_count); ++r)
        if (const auto v = valueAt(r, series))
            out.append(QPointF(double(timeAt(r)), *v));
    return out;
}

std::optional<QPair<double, double>> TimeSeriesModel::range(int series, qint64 fromMs,
                                                            qint64 toMs) const
{
    std::optional<QPair<double, double>> out;
    const int end = firstRowAtOrAfter(toMs + 1);
    for (int r = firstRowAtOrAfter(fromMs); r < end; ++r) {
        const auto v = valueAt(r, series);
        if (!v)
            continue;
        if (!out)
            out = qMakePair(*v, *v);
        else
            out = qMakePair(std::min(out->first, *v), std::max(out->second, *v));
    }
    return out;
}

} // namespace dashboard
