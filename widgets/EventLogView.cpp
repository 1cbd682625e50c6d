// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "EventLogView.h"

#include <QFontMetrics>

#include <QHeaderView>
#include <QStyledItemDelegate>

#include "EventLogModel.h"
#include "StatusStyle.h"

namespace dashboard {

namespace {
class SeverityDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() != EventLogModel::KindColumn)
            return;
        const auto severity =
            index.data(EventLogModel::SeverityRole).value<EventLogModel::Severity>();
        const Health look = severity == EventLogModel::Severity::Error     ? Health::Down
                            : severity == EventLogModel::Severity::Warning ? Health::Degraded
                                                                           : Health::Healthy;
        option->icon = StatusStyle::healthIcon(look);
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->decorationSize = QSize(14, 14);
    }
};
} // namespace

EventLogView::EventLogView(EventLogModel *model, QWidget *parent) : QTableView(parent)
{
    setModel(model);
    setItemDelegate(new SeverityDelegate(this));
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setAlternatingRowColors(true);
    setWordWrap(false);
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
