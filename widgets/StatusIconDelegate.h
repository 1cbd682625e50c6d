// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <optional>

#include <QStyledItemDelegate>

#include "Snapshot.h"

namespace dashboard {

/// Draws the dashboard's state icon (ok, warning, error) before the text of one column's
/// cells; @p look says which state a cell shows (nullopt: no icon).
class StatusIconDelegate final : public QStyledItemDelegate
{
public:
    using Look = std::function<std::optional<Health>(const QModelIndex &)>;
    StatusIconDelegate(int column, Look look, QObject *parent = nullptr);

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    int m_column;
    Look m_look;
};

} // namespace dashboard
