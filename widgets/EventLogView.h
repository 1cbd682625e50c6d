// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QTableView>

namespace dashboard {

class EventLogModel;

/// The incident log as a compact table, newest first, with a severity icon per entry.
class EventLogView final : public QTableView
{
    Q_OBJECT
public:
    explicit EventLogView(EventLogModel *model, QWidget *parent = nullptr);
};

} // namespace dashboard
