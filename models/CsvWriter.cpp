// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "CsvWriter.h"

#include <QAbstractItemModel>

namespace dashboard {

QByteArray CsvWriter::escape(const QString &field)
{
    QString f = field;
    // Neutralise spreadsheet formulas in text fields (CSV injection).
    if (!f.isEmpty() && QStringLiteral("=+-@").contains(f.at(0)) &&
        !f.at(f.size() > 1 ? 1 : 0).isDigit())
        f.prepend(QLatin1Char('\''));
    if (f.contains(QLatin1Char(',')) || f.contains(QLatin1Char('"')) ||
        f.contains(QLatin1Char('\n')) || f.contains(QLatin1Char('\r'))) {
        f.replace(QLatin1Char('"'), QStringLiteral("\"\""));
        f = QLatin1Char('"') + f + QLatin1Char('"');
    }
    return f.toUtf8();
}

QString CsvWriter::cellText(const QVariant &v)
{
    if (!v.isValid() || v.isNull())
        return {};
    switch (v.typeId()) {
    case QMetaType::Double:
    case QMetaType::Float: return QString::number(v.toDouble(), 'g', 12);
    default: return v.toString();
    }
}

QString CsvWriter::columnKey(const QAbstractItemModel &model, int column)
{
    const QVariant h = model.headerData(column, Qt::Horizontal, ExportRole);
    return (h.isValid() ? h : model.headerData(column, Qt::Horizontal, Qt::DisplayRole)).toString();
}

QByteArray CsvWriter::toCsv(const QAbstractItemModel &model)
{
    QByteArray out;
    const int columns = model.columnCount();
    for (int c = 0; c < columns; ++c) {
        if (c)
            out += ',';
        out += escape(columnKey(model, c));
    }
    out += "\r\n";
    for (int r = 0; r < model.rowCount(); ++r) {
        for (int c = 0; c < columns; ++c) {
            const QModelIndex i = model.index(r, c);
            QVariant v = model.data(i, ExportRole);
            if (!v.isValid() && c == 0)
                v = model.data(i, Qt::DisplayRole);
            if (c)
                out += ',';
            out += escape(cellText(v));
        }
        out += "\r\n";
    }
    return out;
}

} // namespace dashboard
