// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>

namespace dashboard {

class SourcesModel;

/// The circuit-breaker and source table: sortable, with state icons and state colours in
/// the health and breaker columns (icon + word, so colour is never the only cue).
class SourcesTable final : public QTableView
{
    Q_OBJECT
public:
    explicit SourcesTable(SourcesModel *model, QWidget *parent = nullptr);
    QSize sizeHint() const override;
};

} // namespace dashboard
