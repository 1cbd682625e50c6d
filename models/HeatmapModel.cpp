// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HeatmapModel.h"

#include <QDateTime>
#include <QHash>
#include <QLocale>

#include "ModelRoles.h"
#include "enrichment/MetricNames.h"
#include "enrichment/Vocabulary.h"

namespace dashboard {

namespace {
QString matcher(const QString &source, const QString &extra = {})
{
    QStringList parts;
    if (!extra.isEmpty())
        parts << extra;
    if (!source.isEmpty()) {
        QString escaped = source;
        escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('"'), QStringLiteral("\\\""));
        parts << QStringLiteral("%1=\"%2\"").arg(QLatin1String(enrichment::label::Source), escaped);
    }
    return parts.isEmpty() ? QString()
                           : QLatin1Char('{') + parts.join(QLatin1Char(',')) + QLatin1Char('}');
}
} // namespace

QString HeatmapModel::successQuery(const QString &source)
{
    const QLatin1String requests(enrichment::metric::RequestsTotal);
    const QString success = QStringLiteral("%1=\"%2\"")
                                .arg(QLatin1String(enrichment::label::Status),
                                     toWire(enrichment::RequestStatus::Success));
    return QStringLiteral("sum(increase(%1%2[1h])) / sum(increase(%1%3[1h]))")
        .arg(requests, matcher(source, success), matcher(source));
}

QString HeatmapModel::requestsQuery(const QString &source)
{
    return QStringLiteral("sum(increase(%1%2[1h]))")
        .arg(QLatin1String(enrichment::metric::RequestsTotal), matcher(source));
}

void HeatmapModel::clear()
{
    setSeries({}, {});
}

void HeatmapModel::setSeries(const QList<QPair<qint64, double>> &successRatio,
                             const QList<QPair<qint64, double>> &requests)
{
    QHash<qint64, double> weight;
    for (const auto &[ms, n] : requests)
        weight.insert(ms, n);
    beginResetModel();
    for (auto &row : m_sum)
        std::fill(std::begin(row), std::end(row), 0.0);
    for (auto &row : m_weight)
        std::fill(std::begin(row), std::end(row), 0.0);
    m_cells = 0;
    for (const auto &[ms, ratio] : successRatio) {
        const double w = weight.value(ms, 0.0);
        if (w <= 0 || ratio < 0 || ratio > 1.0001)
            continue;
        // The hour the increase ends in, local time; the sample at 10:00 covers 9:00-10:00.
        const QDateTime t = QDateTime::fromMSecsSinceEpoch(ms - 1).toLocalTime();
        const int day = t.date().dayOfWeek() - 1; // Monday = 0
        const int hour = t.time().hour();
        if (m_weight[day][hour] == 0)
            ++m_cells;
        m_sum[day][hour] += std::min(1.0, ratio) * w;
        m_weight[day][hour] += w;
    }
    endResetModel();
}

std::optional<double> HeatmapModel::cell(int day, int hour) const
{
    if (day < 0 || day >= 7 || hour < 0 || hour >= 24 || m_weight[day][hour] <= 0)
        return std::nullopt;
    return m_sum[day][hour] / m_weight[day][hour];
}

int HeatmapModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 7;
}

int HeatmapModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : 1 + 24; // the day, then the hours
}

QVariant HeatmapModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    if (index.column() == 0) {
        if (role == ModelRole::Export || role == ModelRole::Sort)
            return headerData(index.row(), Qt::Vertical, ModelRole::Export);
        return role == Qt::DisplayRole ? headerData(index.row(), Qt::Vertical) : QVariant();
    }
    const std::optional<double> v = cell(index.row(), index.column() - 1);
    switch (role) {
    case Qt::DisplayRole:
        return v ? QLocale().toString(*v * 100.0, 'f', 1) + QStringLiteral(" %") : QString();
    case ModelRole::Value:
    case ModelRole::Export:
    case ModelRole::Sort: return v ? QVariant(*v) : QVariant();
    }
    return {};
}

QVariant HeatmapModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal) {
        if (section == 0)
            return role == ModelRole::Export ? QVariant(QStringLiteral("day"))
                   : role == Qt::DisplayRole ? QVariant(tr("Day"))
                                             : QVariant();
        if (section < 1 || section > 24)
            return {};
        if (role == ModelRole::Export)
            return QStringLiteral("h%1").arg(section - 1, 2, 10, QLatin1Char('0'));
        return role == Qt::DisplayRole ? QVariant(QString::number(section - 1)) : QVariant();
    }
    if (section < 0 || section >= 7)
        return {};
    if (role == ModelRole::Export) {
        static const char *days[] = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
        return QString::fromLatin1(days[section]);
    }
    return role == Qt::DisplayRole ? QVariant(QLocale().dayName(section + 1, QLocale::ShortFormat))
                                   : QVariant();
}

} // namespace dashboard
