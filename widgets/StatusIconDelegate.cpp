// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusIconDelegate.h"

#include "StatusStyle.h"

namespace dashboard {

StatusIconDelegate::StatusIconDelegate(int column, Look look, QObject *parent)
    : QStyledItemDelegate(parent), m_column(column), m_look(std::move(look))
{}

void StatusIconDelegate::initStyleOption(QStyleOptionViewItem *option,
                                         const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (index.column() != m_column)
        return;
    const std::optional<Health> look = m_look(index);
    if (!look)
        return;
    option->icon = StatusStyle::healthIcon(look);
    option->features |= QStyleOptionViewItem::HasDecoration;
    option->decorationSize = QSize(14, 14);
}

} // namespace dashboard
