// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace dashboard {

class WorkersModel;

/// The fleet: a line that counts the workers by state, a line with how many workers it
/// should run (the backend's autoscale number, against the live ones, and why), and the table of workers with
/// their breaker per source (the worker x source grid); lost workers are greyed out, their
/// breaker states being what they said last.
class WorkersPanel final : public QWidget
{
    Q_OBJECT
public:
    explicit WorkersPanel(WorkersModel *model, QWidget *parent = nullptr);

    QString summaryText() const;
    /// The desired workers against the live ones, and why (empty: the backend says none).
    QString autoscaleText() const;
    QTableView *table() const { return m_table; }

private:
    void refresh();

    WorkersModel *m_model;
    QLabel *m_summary;
    QLabel *m_autoscale;
    QTableView *m_table;
};

} // namespace dashboard
