// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

class QAbstractItemModel;

#include "ModelRoles.h"

namespace dashboard {

/// Writes a table model as RFC 4180 CSV: a header row, then one row per model row. Uses
/// the models' export role (ModelRole::Export: raw values, machine-readable headers) and
/// falls back to the display role. Numbers are written locale-independently; "no data" is
/// an empty field.
class CsvWriter
{
public:
    static constexpr int ExportRole = ModelRole::Export;
    static QByteArray toCsv(const QAbstractItemModel &model);
    static QByteArray escape(const QString &field);
    /// Column @p column's name in an export: its ExportRole header (the wire's name), else
    /// the header people see.
    static QString columnKey(const QAbstractItemModel &model, int column);
    /// A cell's ExportRole value as export text: numbers to 12 digits, none as empty.
    static QString cellText(const QVariant &value);
};

} // namespace dashboard
