// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SourcesTable.h"

#include <QHeaderView>
#include <QSortFilterProxyModel>
#include <QStyledItemDelegate>

#include "SourcesModel.h"
#include "StatusStyle.h"

namespace dashboard {

namespace {
class StateDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        QColor color;
        if (index.column() == SourcesModel::HealthColumn) {
            const std::optional<Health> h =
                healthFromKey(index.data(SourcesModel::HealthRole).toString());
            option->icon = StatusStyle::healthIcon(h);
            color = StatusStyle::healthColor(h, option->palette);
        } else if (index.column() == SourcesModel::StateColumn) {
            const QString key = index.data(SourcesModel::BreakerStateRole).toString();
            if (key.isEmpty())
                return;
            const std::optional<BreakerState> s = breakerStateFromKey(key);
            option->icon = StatusStyle::breakerIcon(s);
            color = StatusStyle::breakerColor(s, option->palette);
        } else {
            return;
        }
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->decorationSize = QSize(16, 16);
        option->font.setBold(true);
        // A greyed table (its backend out of reach) shows the last known state, not a live
        // green or red: the style's disabled colour and icon.
        if (!(option->state & QStyle::State_Enabled))
            return;
        option->palette.setColor(QPalette::Text, color);
    }
};
} // namespace

SourcesTable::SourcesTable(SourcesModel *model, QWidget *parent) : QTableView(parent)
{
    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(model);
    proxy->setSortRole(SourcesModel::SortRole);
    setModel(proxy);
    setItemDelegate(new StateDelegate(this));
    setSortingEnabled(true);
    sortByColumn(-1, Qt::AscendingOrder);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setWordWrap(false);
    setTabKeyNavigation(false); // Tab leaves the table; the arrows move within it
    verticalHeader()->hide();
    horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    // Columns share the width; on a narrow screen they shrink and elide rather than
    // push the right-hand ones out of sight.
    horizontalHeader()->setMinimumSectionSize(48);
    horizontalHeader()->setTextElideMode(Qt::ElideRight);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    connect(model, &QAbstractItemModel::modelReset, this, [this] { updateGeometry(); });
    setAccessibleName(tr("Sources and circuit breakers"));
}

QSize SourcesTable::sizeHint() const
{
    const int rows = std::max(5, model() ? model()->rowCount() : 0);
    const int h = horizontalHeader()->sizeHint().height() +
                  rows * verticalHeader()->defaultSectionSize() + 2 * frameWidth() + 2;
    return {QTableView::sizeHint().width(), h};
}

} // namespace dashboard
