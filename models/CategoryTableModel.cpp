// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CategoryTableModel.h"

#include <QLocale>

namespace dashboard {

CategoryTableModel::CategoryTableModel(const QString &categoryHeader, const QStringList &columns,
                                       QObject *parent)
    : QAbstractTableModel(parent), m_categoryHeader(categoryHeader), m_columns(columns)
{}

int CategoryTableModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_categories.size());
}

int CategoryTableModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_columns.size()) + 1;
}

QVariant CategoryTableModel::cell(int row, int column) const
{
    if (row < 0 || row >= m_rows.size() || column < 1 || column > m_columns.size())
        return {};
    return m_rows.at(row).value(column - 1);
}

QVariant CategoryTableModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const int r = index.row();
    if (index.column() == 0) {
        switch (role) {
        case Qt::DisplayRole: return categoryLabel(r);
        case ValueRole:
        case ExportRole: return m_categories.at(r);
        default: return {};
        }
    }
    const QVariant v = cell(r, index.column());
    switch (role) {
    case Qt::DisplayRole:
        if (!v.isValid())
            return tr("no data");
        if (v.typeId() == QMetaType::Double || v.typeId() == QMetaType::LongLong ||
            v.typeId() == QMetaType::Int)
            return QLocale().toString(v.toDouble(), 'f', m_decimals);
        return v.toString();
    case ValueRole:
    case ExportRole: return v;
    case Qt::TextAlignmentRole:
        return v.typeId() == QMetaType::QString ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    default: return {};
    }
}

QVariant CategoryTableModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || section < 0 || section > m_columns.size())
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == ExportRole)
        return section == 0 ? m_categoryHeader : m_columns.at(section - 1);
    if (role == Qt::DisplayRole)
        return section == 0 ? m_categoryHeader : columnLabel(section);
    return {};
}

QString CategoryTableModel::columnLabel(int column) const
{
    if (column < 1 || column > m_columns.size())
        return {};
    return m_labels.value(column - 1, m_columns.at(column - 1));
}

QString CategoryTableModel::categoryLabel(int row) const
{
    return m_categoryLabels.value(row, m_categories.value(row));
}

int CategoryTableModel::column(const QString &name) const
{
    const int i = int(m_columns.indexOf(name));
    return i < 0 ? -1 : i + 1;
}

bool CategoryTableModel::hasNumbers() const
{
    for (const QVariantList &row : m_rows)
        for (const QVariant &v : row)
            if (v.isValid() && v.typeId() != QMetaType::QString)
                return true;
    return false;
}

void CategoryTableModel::update(const QStringList &categories, const QList<QVariantList> &rows)
{
    QList<QVariantList> normalized = rows;
    normalized.resize(categories.size());
    for (QVariantList &r : normalized)
        r.resize(m_columns.size());
    if (categories != m_categories) {
        beginResetModel();
        m_categories = categories;
        m_rows = normalized;
        endResetModel();
        return;
    }
    int firstRow = -1, lastRow = -1, firstCol = INT_MAX, lastCol = -1;
    for (int r = 0; r < normalized.size(); ++r) {
        for (int c = 0; c < m_columns.size(); ++c) {
            const QVariant &a = m_rows.at(r).at(c);
            const QVariant &b = normalized.at(r).at(c);
            if (a.isValid() != b.isValid() || a != b) {
                if (firstRow < 0)
                    firstRow = r;
                lastRow = r;
                firstCol = std::min(firstCol, c + 1);
                lastCol = std::max(lastCol, c + 1);
            }
        }
    }
    m_rows = normalized;
    if (firstRow >= 0)
        Q_EMIT dataChanged(index(firstRow, firstCol), index(lastRow, lastCol));
}

} // namespace dashboard
