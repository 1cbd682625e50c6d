// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QTableView;

namespace dashboard {

class AlertmanagerClient;
class FiringAlertsModel;

/// What Alertmanager says is firing (name, severity, source, since, summary), with a line
/// that says where it comes from, how many fire, or why Alertmanager cannot be read.
class AlertsPanel final : public QWidget
{
    Q_OBJECT
public:
    /// @p client and @p model are not owned and must outlive the panel.
    AlertsPanel(AlertmanagerClient *client, FiringAlertsModel *model, QWidget *parent = nullptr);

    QString statusText() const;
    QTableView *table() const { return m_table; }

private:
    void refreshStatus();

    AlertmanagerClient *m_client;
    FiringAlertsModel *m_model;
    QLabel *m_status;
    QTableView *m_table;
};

} // namespace dashboard
