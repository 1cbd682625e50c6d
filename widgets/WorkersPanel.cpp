// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WorkersPanel.h"

#include <QHeaderView>
#include <QLabel>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QVBoxLayout>

#include "ModelRoles.h"
#include "StatusStyle.h"
#include "WorkersModel.h"
#include "enrichment/WireFormat.h"

namespace dashboard {

namespace {
/// State icons on the state and breaker cells; a lost worker's row in grey italics.
class WorkerCellDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.column() == WorkersModel::StateColumn) {
            option->icon =
                StatusStyle::healthIcon(healthFromKey(index.data(ModelRole::Health).toString()));
            option->features |= QStyleOptionViewItem::HasDecoration;
        } else if (index.column() >= WorkersModel::FirstSourceColumn) {
            if (const auto state =
                    breakerStateFromKey(index.data(ModelRole::BreakerState).toString())) {
                option->icon = StatusStyle::breakerIcon(state);
                option->features |= QStyleOptionViewItem::HasDecoration;
            }
        }
        option->decorationSize = QSize(14, 14);
        if (index.data(ModelRole::Detail).toString() == enrichment::wire::worker::Lost) {
            option->font.setItalic(true);
            option->palette.setColor(QPalette::Text,
                                     option->palette.color(QPalette::Disabled, QPalette::Text));
        }
    }
};
} // namespace

WorkersPanel::WorkersPanel(WorkersModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_summary(new QLabel(this)),
      m_autoscale(new QLabel(this)), m_table(new QTableView(this))
{
    setObjectName(QStringLiteral("workersPanel"));
    auto *v = new QVBoxLayout(this);
    v->setContentsMargins(0, 0, 0, 0);
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setObjectName(QStringLiteral("workersSummary"));
    v->addWidget(m_summary);
    m_autoscale->setTextFormat(Qt::PlainText);
    m_autoscale->setObjectName(QStringLiteral("workersAutoscale"));
    m_autoscale->setWordWrap(true);
    v->addWidget(m_autoscale);
    m_table->setModel(model);
    m_table->setItemDelegate(new WorkerCellDelegate(m_table));
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->setTabKeyNavigation(false);
    m_table->setSortingEnabled(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->setAccessibleName(tr("Workers"));
    v->addWidget(m_table);
    connect(model, &WorkersModel::updated, this, &WorkersPanel::refresh);
    refresh();
}

QString WorkersPanel::summaryText() const
{
    return m_summary->text();
}

QString WorkersPanel::autoscaleText() const
{
    return m_autoscale->text();
}

void WorkersPanel::refresh()
{
    m_summary->setText(m_model->summary());
    const QString autoscale = m_model->autoscaleText();
    m_autoscale->setText(autoscale);
    m_autoscale->setToolTip(m_model->autoscaleDetail());
    m_autoscale->setVisible(!autoscale.isEmpty());
    // More or fewer workers wanted than run: said in bold, the change the scaler will make.
    const auto &a = m_model->autoscale();
    QFont f = m_autoscale->font();
    f.setBold(a && a->desiredWorkers != a->liveWorkers);
    m_autoscale->setFont(f);
    // Every worker visible without scrolling, up to ten; more scroll.
    const int rows = std::clamp(m_model->rowCount(), 1, 10);
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() +
                            rows * m_table->verticalHeader()->defaultSectionSize() + 4);
}

} // namespace dashboard
