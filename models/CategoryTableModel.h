// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <QVariant>

#include "ModelRoles.h"

namespace dashboard {

/// A small table of categories (rows) by named columns, the model behind each category
/// chart (queue, breakers, success rate, ...) and its CSV export. Column 0 is the category
/// label; a cell holds a number, a string, or nothing (invalid QVariant: "no data").
/// update() emits precise dataChanged() for the cells that changed and resets only when
/// the set of categories changes.
class CategoryTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CategoryTableModel)
public:
    enum Role { ValueRole = ModelRole::Value, ExportRole = ModelRole::Export };
    Q_ENUM(Role)

    CategoryTableModel(const QString &categoryHeader, const QStringList &columns,
                       QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    /// Replaces the table. @p rows has one QVariantList per category, one cell per column.
    void update(const QStringList &categories, const QList<QVariantList> &rows);
    /// Column index (>= 1) of a named column, or -1.
    int column(const QString &name) const;
    QString category(int row) const { return m_categories.value(row); }
    QVariant cell(int row, int column) const;
    /// True if any numeric cell holds a value.
    bool hasNumbers() const;
    /// Display labels for columns (translations); names stay the CSV header.
    void setColumnLabels(const QStringList &labels) { m_labels = labels; }
    QString columnLabel(int column) const;
    /// Display labels for categories (translations); keys stay the CSV values.
    void setCategoryLabels(const QStringList &labels) { m_categoryLabels = labels; }
    QString categoryLabel(int row) const;
    /// Decimals used for the display role of numbers.
    void setDecimals(int decimals) { m_decimals = decimals; }

private:
    QString m_categoryHeader;
    QStringList m_columns;
    QStringList m_labels;
    QStringList m_categories;
    QStringList m_categoryLabels;
    QList<QVariantList> m_rows;
    int m_decimals = 0;
};

} // namespace dashboard
