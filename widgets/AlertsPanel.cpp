// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "AlertsPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QTableView>
#include <QVBoxLayout>

#include "AlertmanagerClient.h"
#include "ModelRoles.h"
#include "StatusIconDelegate.h"
#include "StatusStyle.h"

namespace dashboard {

AlertsPanel::AlertsPanel(AlertmanagerClient *client, FiringAlertsModel *model, QWidget *parent)
    : QWidget(parent), m_client(client), m_model(model), m_status(new QLabel(this)),
      m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("alertsPanel"));
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    m_status->setObjectName(QStringLiteral("alertsStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    v->addWidget(m_status);
    m_table->setModel(model);
    // Severity cells get the state icons of the rest of the dashboard.
    m_table->setItemDelegate(new StatusIconDelegate(
        FiringAlertsModel::Severity,
        [](const QModelIndex &index) -> std::optional<Health> {
            return index.data(ModelRole::Severity).toString() == QLatin1String("critical")
                       ? Health::Down
                       : Health::Degraded;
        },
        m_table));
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(FiringAlertsModel::Summary,
                                                      QHeaderView::Stretch);
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() +
                            4 * m_table->verticalHeader()->defaultSectionSize() + 4);
    v->addWidget(m_table);
    connect(client, &AlertmanagerClient::reachabilityChanged, this, &AlertsPanel::refreshStatus);
    connect(model, &QAbstractItemModel::modelReset, this, &AlertsPanel::refreshStatus);
    refreshStatus();
}

QString AlertsPanel::statusText() const
{
    return m_status->text();
}

void AlertsPanel::refreshStatus()
{
    const QString where = m_client->baseUrl().toString(QUrl::RemoveUserInfo);
    const std::optional<bool> reachable = m_client->isReachable();
    QString text;
    if (!reachable)
        text = tr("Asking Alertmanager at %1 …").arg(where);
    else if (!*reachable)
        text = tr("%1 — showing what it said last").arg(m_client->lastError());
    else if (m_model->rowCount() == 0)
        text = tr("Alertmanager at %1: nothing is firing").arg(where);
    else
        text = tr("Alertmanager at %1: %n firing", nullptr, m_model->rowCount()).arg(where);
    m_status->setText(text);
    const bool bad = reachable && !*reachable;
    m_status->setStyleSheet(bad ? QStringLiteral("color: %1; font-weight: 600;")
                                      .arg(StatusStyle::healthColor(Health::Down, palette()).name())
                                : QString());
}

} // namespace dashboard
