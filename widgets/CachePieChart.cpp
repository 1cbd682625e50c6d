// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CachePieChart.h"

#include <QChart>
#include <QLegend>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>

#include "CategoryTableModel.h"
#include "StatusStyle.h"
#include "enrichment/Vocabulary.h"

namespace dashboard {

CachePieChart::CachePieChart(const QString &id, const QString &title, CategoryTableModel *model,
                             QWidget *parent)
    : ChartPanel(id, title, model, parent), m_model(model), m_pie(new QPieSeries)
{
    m_pie->setHoleSize(0.55);
    m_pie->append(tr("Hits"), 0);
    m_pie->append(tr("Misses"), 0);
    m_pie->slices().at(0)->setColor(StatusStyle::healthColor(Health::Healthy, palette()));
    m_pie->slices().at(1)->setColor(StatusStyle::seriesColor(0, palette()));
    for (QPieSlice *s : m_pie->slices()) {
        s->setBorderColor(palette().color(QPalette::Base));
        s->setLabelColor(palette().color(QPalette::Text));
    }
    chart()->addSeries(m_pie);
    chart()->legend()->setAlignment(Qt::AlignRight);
    connect(model, &QAbstractItemModel::dataChanged, this, &CachePieChart::scheduleRebuild);
    connect(model, &QAbstractItemModel::modelReset, this, &CachePieChart::scheduleRebuild);
    scheduleRebuild();
}

bool CachePieChart::rebuild()
{
    const int col = m_model->column(QStringLiteral("count"));
    double hits = -1, misses = -1;
    for (int r = 0; r < m_model->rowCount(); ++r) {
        const QVariant v = m_model->cell(r, col);
        if (!v.isValid())
            continue;
        if (m_model->category(r) == enrichment::toWire(enrichment::CacheOperation::Hit))
            hits = v.toDouble();
        else if (m_model->category(r) == enrichment::toWire(enrichment::CacheOperation::Miss))
            misses = v.toDouble();
    }
    if (hits < 0 || misses < 0 || hits + misses <= 0) {
        m_ratio = -1;
        chart()->setTitle(QString());
        return false;
    }
    const QLocale locale;
    m_pie->slices().at(0)->setValue(hits);
    m_pie->slices().at(0)->setLabel(tr("Hits %1").arg(locale.toString(hits, 'f', 0)));
    m_pie->slices().at(1)->setValue(misses);
    m_pie->slices().at(1)->setLabel(tr("Misses %1").arg(locale.toString(misses, 'f', 0)));
    m_ratio = hits * 100.0 / (hits + misses);
    chart()->setTitle(tr("Hit ratio %1 %").arg(locale.toString(m_ratio, 'f', 1)));
    return true;
}

} // namespace dashboard
