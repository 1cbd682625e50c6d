// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PipelineActions.h"

#include <QAction>
#include <QInputDialog>
#include <QLocale>

#include "ConnectionPage.h"
#include "OperatorActions.h"
#include "enrichment/Vocabulary.h"

namespace dashboard {

PipelineActions::PipelineActions(QWidget *window)
    : QObject(window), m_pause(new QAction(tr("&Pause Pipeline…"), this)),
      m_enqueue(new QAction(tr("&Enqueue Tracks…"), this))
{
    m_pause->setObjectName(QStringLiteral("pausePipeline"));
    m_enqueue->setObjectName(QStringLiteral("enqueueTracks"));
    m_chooseText = [window](const QString &title, const QString &label) {
        bool ok = false;
        const QString text = QInputDialog::getMultiLineText(window, title, label, QString(), &ok);
        return ok ? text : QString();
    };
    connect(m_pause, &QAction::triggered, this, [this] {
        if (m_page)
            m_page->operatorActions()->setPipelinePaused(
                !m_page->operatorActions()->pipelinePaused());
    });
    connect(m_enqueue, &QAction::triggered, this, [this] {
        if (!m_page)
            return;
        const QString text = m_chooseText(
            tr("Enqueue Tracks"),
            tr("Track ids to add as pending, one per line, or a CSV track list with the header "
               "id,artist,title[,isrc][,duration_ms] (at most %1):")
                .arg(QLocale().toString(enrichment::MaxActionTrackIds)));
        // The chooser ran an event loop: the page followed now is the one to act on.
        if (m_page)
            m_page->operatorActions()->enqueueText(text);
    });
}

PipelineActions::~PipelineActions() = default;

void PipelineActions::follow(ConnectionPage *page)
{
    if (m_page)
        m_page->disconnect(this);
    m_page = page;
    if (page)
        connect(page, &ConnectionPage::actionsChanged, this, &PipelineActions::refresh);
    refresh();
}

void PipelineActions::setTextChooser(
    std::function<QString(const QString &, const QString &)> chooser)
{
    m_chooseText = std::move(chooser);
}

void PipelineActions::refresh()
{
    if (!m_page)
        return;
    // They follow the current page, so they are applied, not bound.
    const OperatorActions *ops = m_page->operatorActions();
    const bool paused = ops->pipelinePaused();
    m_pause->setText(paused ? tr("&Resume Pipeline") : tr("&Pause Pipeline…"));
    ops->apply(m_pause, paused ? tr("Let the workers claim tracks again")
                               : tr("Stop claiming tracks (batches in flight finish)"));
    ops->apply(m_enqueue, tr("Add tracks to the queue by id, or with artist and title"));
}

} // namespace dashboard
