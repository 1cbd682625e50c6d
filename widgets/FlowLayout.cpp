// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FlowLayout.h"

#include <QWidget>

namespace dashboard {

FlowLayout::FlowLayout(QWidget *parent, int spacing, bool stretch)
    : QLayout(parent), m_stretch(stretch)
{
    setSpacing(spacing);
    setContentsMargins(0, 0, 0, 0);
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0))
        delete item;
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
}

void FlowLayout::insertWidget(int index, QWidget *widget)
{
    addChildWidget(widget);
    m_items.insert(qBound(0, index, int(m_items.size())), new QWidgetItem(widget));
    invalidate();
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size())
        return nullptr;
    return m_items.takeAt(index);
}

int FlowLayout::heightForWidth(int width) const
{
    return doLayout(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    QSize size;
    for (const QLayoutItem *item : m_items)
        size = size.expandedTo(item->minimumSize());
    const QMargins m = contentsMargins();
    return size + QSize(m.left() + m.right(), m.top() + m.bottom());
}

QSize FlowLayout::sizeHint() const
{
    int width = 0, height = 0;
    for (const QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        width += item->sizeHint().width() + (width > 0 ? spacing() : 0);
        height = std::max(height, item->sizeHint().height());
    }
    const QMargins m = contentsMargins();
    return QSize(width + m.left() + m.right(), height + m.top() + m.bottom());
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    doLayout(rect, true);
}

int FlowLayout::doLayout(const QRect &rect, bool apply) const
{
    const QRect area = rect.marginsRemoved(contentsMargins());
    const int gap = spacing();
    int y = area.y();
    int rowHeight = 0;
    QList<QLayoutItem *> row;
    int rowWidth = 0;

    auto placeRow = [&](bool last) {
        if (row.isEmpty())
            return;
        const int spare = std::max(0, area.width() - rowWidth);
        // A wrapped row shares its spare width; the last row keeps its natural widths
        // unless it is the only one.
        const bool share = m_stretch && (!last || y == area.y());
        const int extra = share ? spare / int(row.size()) : 0;
        int x = area.x();
        for (QLayoutItem *item : row) {
            const QSize hint = item->sizeHint();
            const int w = std::min(area.width(), hint.width() + extra);
            if (apply)
                item->setGeometry(QRect(x, y, w, rowHeight));
            x += w + gap;
        }
        y += rowHeight + gap;
        row.clear();
        rowWidth = 0;
        rowHeight = 0;
    };

    for (QLayoutItem *item : m_items) {
        if (item->isEmpty())
            continue;
        const QSize hint = item->sizeHint();
        const int needed = hint.width() + (row.isEmpty() ? 0 : gap);
        if (!row.isEmpty() && rowWidth + needed > area.width())
            placeRow(false);
        rowWidth += hint.width() + (row.isEmpty() ? 0 : gap);
        rowHeight = std::max(rowHeight, hint.height());
        row.append(item);
    }
    placeRow(true);
    const int used = y - area.y() - (y > area.y() ? gap : 0);
    const QMargins m = contentsMargins();
    return used + m.top() + m.bottom();
}

} // namespace dashboard
