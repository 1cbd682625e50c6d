// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLayout>
#include <QList>

namespace dashboard {

/// Lays its items out left to right and wraps them onto the next row when the width runs
/// out (cards, badges), so nothing is cut off on a narrow screen. Items keep their size
/// hints; with `stretch` on, each row's items share the row's spare width.
class FlowLayout final : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr, int spacing = 8, bool stretch = false);
    ~FlowLayout() override;

    void addItem(QLayoutItem *item) override;
    /// Inserts @p widget at @p index (before the item there).
    void insertWidget(int index, QWidget *widget);
    int count() const override { return int(m_items.size()); }
    QLayoutItem *itemAt(int index) const override { return m_items.value(index); }
    QLayoutItem *takeAt(int index) override;
    Qt::Orientations expandingDirections() const override { return {}; }
    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    int doLayout(const QRect &rect, bool apply) const;

    QList<QLayoutItem *> m_items;
    bool m_stretch;
};

} // namespace dashboard
