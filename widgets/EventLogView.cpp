// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventLogView.h"

#include <QFontMetrics>

#include <QHeaderView>

#include "EventLogModel.h"
#include "StatusIconDelegate.h"

namespace dashboard {

EventLogView::EventLogView(EventLogModel *model, QWidget *parent) : QTableView(parent)
{
    setModel(model);
    setItemDelegate(new StatusIconDelegate(
        EventLogModel::KindColumn,
        [](const QModelIndex &index) -> std::optional<Health> {
            const auto severity =
                index.data(EventLogModel::SeverityRole).value<EventLogModel::Severity>();
            return severity == EventLogModel::Severity::Error     ? Health::Down
                   : severity == EventLogModel::Severity::Warning ? Health::Degraded
                                                                  : Health::Healthy;
        },
        this));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTabKeyNavigation(false);
    setShowGrid(false);
    verticalHeader()->hide();
    verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    const QFontMetrics fm(font());
    horizontalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    horizontalHeader()->resizeSection(EventLogModel::TimeColumn,
                                      fm.horizontalAdvance(QStringLiteral("00:00:00")) + 24);
    horizontalHeader()->resizeSection(EventLogModel::KindColumn,
                                      fm.horizontalAdvance(tr("Circuit breaker")) + 48);
    horizontalHeader()->setStretchLastSection(true);
    setAccessibleName(tr("Incident log"));
}

} // namespace dashboard
