// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OperatorViews.h"

#include <algorithm>

#include <QClipboard>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QGuiApplication>
#include <QMessageBox>
#include <QSaveFile>
#include <QSplitter>
#include <QStandardPaths>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "CsvWriter.h"
#include "OperatorActions.h"
#include "OperatorModels.h"
#include "SummaryModel.h"
#include "enrichment/Vocabulary.h"
#include "enrichment/WireFormat.h"

namespace dashboard {

namespace {
QTableView *makeTable(QAbstractItemModel *model, QWidget *parent)
{
    auto *t = new QTableView(parent);
    t->setModel(model);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setAlternatingRowColors(true);
    t->setWordWrap(false);
    t->setTabKeyNavigation(false); // Tab leaves the table; the arrows move within it
    t->verticalHeader()->hide();
    t->horizontalHeader()->setStretchLastSection(true);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setSectionResizeMode(model->columnCount() - 1, QHeaderView::Stretch);
    return t;
}

QLabel *plainLabel(QWidget *parent)
{
    auto *l = new QLabel(parent);
    l->setTextFormat(Qt::PlainText); // server text is never rich text
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    l->setWordWrap(true);
    return l;
}

/// "Copy CSV" and "Save CSV…" for what @p model lists (its export role, as every export).
void addCsvButtons(QHBoxLayout *buttons, QAbstractItemModel *model, QWidget *parent,
                   const QString &fileName)
{
    auto *copy = new QPushButton(QObject::tr("Cop&y CSV"), parent);
    copy->setObjectName(QStringLiteral("copyCsv"));
    copy->setToolTip(QObject::tr("Copy the rows shown, as CSV"));
    auto *save = new QPushButton(QObject::tr("Sa&ve CSV…"), parent);
    save->setToolTip(QObject::tr("Save the rows shown as a CSV file"));
    buttons->addWidget(copy);
    buttons->addWidget(save);
    QObject::connect(copy, &QPushButton::clicked, parent, [model] {
        QGuiApplication::clipboard()->setText(QString::fromUtf8(CsvWriter::toCsv(*model)));
    });
    QObject::connect(save, &QPushButton::clicked, parent, [model, parent, fileName] {
        // The file dialog asks before it replaces a file.
        const QString path = QFileDialog::getSaveFileName(
            parent, QObject::tr("Save CSV"),
            QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                .filePath(fileName),
            QObject::tr("CSV files (*.csv)"));
        if (path.isEmpty())
            return;
        QSaveFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(CsvWriter::toCsv(*model)) < 0 || !f.commit())
            QMessageBox::warning(parent, QObject::tr("Save CSV"),
                                 QObject::tr("Cannot write %1: %2").arg(path, f.errorString()));
    });
}

/// Shows "not supported by this service" in @p label and hides @p content while the
/// service has no operator endpoints.
void followSupport(OperatorActions *actions, QLabel *label, QWidget *content)
{
    auto apply = [actions, label, content] {
        const bool unsupported = actions->access() == OperatorActions::Access::Unsupported;
        content->setVisible(!unsupported);
        if (unsupported)
            label->setText(QObject::tr("Not supported by this service: it has no operator "
                                       "endpoints (tracks, failures, actions)."));
    };
    QObject::connect(actions, &OperatorActions::accessChanged, label, apply);
    apply();
}
} // namespace

// FailuresView

FailuresView::FailuresView(OperatorActions *actions, QWidget *parent)
    : QWidget(parent), m_actions(actions)
{
    setObjectName(QStringLiteral("failuresView"));
    auto *v = new QVBoxLayout(this);
    m_summary = plainLabel(this);
    v->addWidget(m_summary);
    auto *content = new QWidget(this);
    auto *cv = new QVBoxLayout(content);
    cv->setContentsMargins(0, 0, 0, 0);
    m_table = makeTable(actions->failures(), content);
    cv->addWidget(m_table, 1);
    auto *buttons = new QHBoxLayout;
    m_retry = new QPushButton(tr("Retry &Group…"), content);
    m_show = new QPushButton(tr("&Show Tracks"), content);
    auto *refresh = new QPushButton(tr("Re&fresh"), content);
    buttons->addWidget(m_retry);
    buttons->addWidget(m_show);
    buttons->addStretch(1);
    addCsvButtons(buttons, actions->failures(), content, QStringLiteral("failures.csv"));
    buttons->addWidget(refresh);
    cv->addLayout(buttons);
    v->addWidget(content, 1);

    actions->bind(m_retry, tr("Retry every track of the selected group"));
    auto selectionChanged = [this] {
        const bool any = selectedRow() >= 0;
        m_show->setEnabled(any);
        if (m_actions->canAct())
            m_retry->setEnabled(any);
    };
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            selectionChanged);
    connect(actions, &OperatorActions::accessChanged, this, selectionChanged);
    connect(actions->failures(), &QAbstractItemModel::modelReset, this, [this, selectionChanged] {
        refreshSummary();
        selectionChanged();
    });
    connect(m_retry, &QPushButton::clicked, this, [this] { retryRow(selectedRow()); });
    connect(m_show, &QPushButton::clicked, this, [this] {
        if (const int row = selectedRow(); row >= 0)
            Q_EMIT showTracks(m_actions->failures()->group(row));
    });
    connect(m_table, &QTableView::doubleClicked, this, [this](const QModelIndex &i) {
        Q_EMIT showTracks(m_actions->failures()->group(i.row()));
    });
    connect(refresh, &QPushButton::clicked, actions, &OperatorActions::refreshFailures);
    followSupport(actions, m_summary, content);
    refreshSummary();
    selectionChanged();
}

int FailuresView::selectedRow() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? -1 : rows.constFirst().row();
}

void FailuresView::retryRow(int row)
{
    if (row >= 0 && row < m_actions->failures()->rowCount())
        m_actions->retryGroup(m_actions->failures()->group(row));
}

QString FailuresView::summaryText() const
{
    return m_summary->text();
}

void FailuresView::refreshSummary()
{
    if (m_actions->access() == OperatorActions::Access::Unsupported)
        return;
    const FailuresModel *m = m_actions->failures();
    const qint64 total = m->total();
    m_summary->setText(
        total == 0 ? tr("No failed or partial tracks.")
                   : tr("Failed or partial tracks: %1, grouped by status, error and source. "
                        "Retry a group once its source is healthy again.")
                         .arg(QLocale().toString(total)));
}

// TracksView

TracksView::TracksView(OperatorActions *actions, QWidget *parent)
    : QWidget(parent), m_actions(actions), m_model(new TracksModel(this))
{
    setObjectName(QStringLiteral("tracksView"));
    auto *v = new QVBoxLayout(this);
    auto *unsupported = plainLabel(this);
    v->addWidget(unsupported);
    auto *content = new QWidget(this);
    auto *cv = new QVBoxLayout(content);
    cv->setContentsMargins(0, 0, 0, 0);
    QPushButton *go = nullptr;
    cv->addLayout(createFilters(content, &go));
    m_table = makeTable(m_model, content);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    cv->addWidget(m_table, 1);
    auto *buttons = new QHBoxLayout;
    m_info = plainLabel(content);
    m_more = new QPushButton(tr("Load &More"), content);
    m_open = new QPushButton(tr("&Open…"), content);
    m_retry = new QPushButton(tr("Retry S&elected…"), content);
    buttons->addWidget(m_info, 1);
    buttons->addWidget(m_more);
    buttons->addWidget(m_open);
    buttons->addWidget(m_retry);
    addCsvButtons(buttons, m_model, content, QStringLiteral("tracks.csv"));
    cv->addLayout(buttons);
    v->addWidget(content, 1);
    followSupport(actions, unsupported, content);
    connect(actions, &OperatorActions::accessChanged, unsupported, [unsupported, actions] {
        unsupported->setVisible(actions->access() == OperatorActions::Access::Unsupported);
    });
    unsupported->setVisible(actions->access() == OperatorActions::Access::Unsupported);

    actions->bind(m_retry, tr("Retry the selected tracks that failed or are partial"));
    connect(go, &QPushButton::clicked, this, &TracksView::search);
    connect(m_search, &QLineEdit::returnPressed, this, &TracksView::search);
    connect(m_more, &QPushButton::clicked, this,
            [this] { m_actions->client()->searchTracks(query(), m_model->next()); });
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        if (!rows.isEmpty())
            openRow(rows.constFirst().row());
    });
    connect(m_table, &QTableView::doubleClicked, this,
            [this](const QModelIndex &i) { openRow(i.row()); });
    connect(m_retry, &QPushButton::clicked, this,
            [this] { m_actions->retryTracks(selectedIds()); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &TracksView::refreshSelection);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TracksView::refreshSelection);
    connect(actions, &OperatorActions::accessChanged, this, &TracksView::refreshSelection);
    refreshSelection();
    followClient(actions->client());
    // An action (ours or another dashboard's) changes what the rows say: search again.
    connect(actions, &OperatorActions::actionFinished, this, [this](bool ok) {
        if (ok && m_model->rowCount() > 0)
            search();
    });
    m_more->setEnabled(false);
}

QHBoxLayout *TracksView::createFilters(QWidget *content, QPushButton **go)
{
    m_search = new QLineEdit(content);
    m_search->setPlaceholderText(tr("Track id starts with…"));
    m_search->setClearButtonEnabled(true);
    m_search->setAccessibleName(tr("Track id prefix"));
    m_status = new QComboBox(content);
    m_status->setAccessibleName(tr("Status"));
    m_status->addItem(tr("Any status"));
    for (QueueStatus s : enrichment::AllTrackStatuses)
        m_status->addItem(SummaryModel::statusLabel(s), queueStatusKey(s));
    m_errorType = new QComboBox(content);
    m_errorType->setAccessibleName(tr("Error"));
    m_errorType->addItem(tr("Any error"));
    // Every error type a source reports, then why a track has none: its source was paused,
    // or no source had data.
    QStringList errorTypes = enrichment::errorTypeNames();
    errorTypes << enrichment::wire::outcome::SourcePaused
               << enrichment::toWire(enrichment::RequestStatus::NoData);
    for (const QString &e : std::as_const(errorTypes))
        m_errorType->addItem(FailuresModel::errorTypeLabel(e), e);
    m_source = new QComboBox(content);
    m_source->setAccessibleName(tr("Source of the error"));
    setSources({});
    *go = new QPushButton(tr("&Search"), content);
    (*go)->setDefault(true);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 2);
    filters->addWidget(m_status);
    filters->addWidget(m_errorType);
    filters->addWidget(m_source);
    filters->addWidget(*go);
    return filters;
}

void TracksView::refreshSelection()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    m_open->setEnabled(!rows.isEmpty());
    bool retryable = false;
    for (const QModelIndex &i : rows) {
        const auto status = m_model->track(i.row()).status;
        retryable = retryable || status == QueueStatus::Failed || status == QueueStatus::Partial;
    }
    if (m_actions->canAct())
        m_retry->setEnabled(retryable);
}

void TracksView::followClient(OperatorClient *client)
{
    connect(client, &OperatorClient::tracksReceived, this,
            [this](const QList<TrackInfo> &rows, const QString &next, bool append) {
                m_model->setPage(rows, next, append);
                m_more->setEnabled(m_model->hasMore());
                m_info->setText(
                    m_model->rowCount() == 0 ? tr("No tracks match.")
                    : m_model->hasMore()
                        ? tr("Tracks shown: %1; more match (Load More).")
                              .arg(QLocale().toString(m_model->rowCount()))
                        : tr("Tracks: %1.").arg(QLocale().toString(m_model->rowCount())));
            });
    connect(client, &OperatorClient::trackReceived, this, [this](const TrackDetail &d) {
        if (!m_detail)
            m_detail = new TrackDetailDialog(m_actions, this);
        m_detail->setDetail(d);
        m_detail->show();
        m_detail->raise();
    });
    connect(client, &OperatorClient::requestFailed, this,
            [this](OperatorClient::Request request, const QString &what, const QString &error) {
                if (request == OperatorClient::Request::Tracks ||
                    request == OperatorClient::Request::Track)
                    m_info->setText(tr("%1: %2").arg(what, error));
            });
}

void TracksView::setSources(const QStringList &sources)
{
    const QString current = m_source->currentData().toString();
    QSignalBlocker block(m_source);
    m_source->clear();
    m_source->addItem(tr("Any source"));
    for (const QString &s : sources)
        m_source->addItem(s, s);
    m_source->setCurrentIndex(std::max(0, m_source->findData(current)));
}

TrackQuery TracksView::query() const
{
    TrackQuery q;
    if (const QString s = m_status->currentData().toString(); !s.isEmpty())
        q.status = enrichment::trackStatusFromWire(s);
    q.errorType = m_errorType->currentData().toString();
    q.errorSource = m_source->currentData().toString();
    q.idPrefix = m_search->text().trimmed();
    return q;
}

void TracksView::search()
{
    m_actions->client()->searchTracks(query());
}

void TracksView::showGroup(const FailureGroupInfo &group)
{
    m_search->clear();
    if (group.status)
        m_status->setCurrentIndex(std::max(0, m_status->findData(queueStatusKey(*group.status))));
    m_errorType->setCurrentIndex(std::max(0, m_errorType->findData(group.errorType)));
    if (!group.errorSource.isEmpty() && m_source->findData(group.errorSource) < 0)
        m_source->addItem(group.errorSource, group.errorSource);
    m_source->setCurrentIndex(std::max(0, m_source->findData(group.errorSource)));
    search();
}

QStringList TracksView::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        ids << m_model->track(i.row()).trackId;
    return ids;
}

void TracksView::openRow(int row)
{
    if (row >= 0 && row < m_model->rowCount())
        m_actions->client()->fetchTrack(m_model->track(row).trackId);
}

// AuditView

AuditView::AuditView(OperatorActions *actions, QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("auditView"));
    auto *v = new QVBoxLayout(this);
    auto *label = plainLabel(this);
    label->setText(tr("Every operator action on this backend (on a shared queue: the fleet's), "
                      "newest first. Hover over one for its parameters and result."));
    v->addWidget(label);
    auto *content = new QWidget(this);
    auto *cv = new QVBoxLayout(content);
    cv->setContentsMargins(0, 0, 0, 0);
    m_table = makeTable(actions->audit(), content);
    cv->addWidget(m_table, 1);
    auto *buttons = new QHBoxLayout;
    auto *refresh = new QPushButton(tr("Re&fresh"), content);
    buttons->addStretch(1);
    buttons->addWidget(refresh);
    cv->addLayout(buttons);
    v->addWidget(content, 1);
    m_status = plainLabel(content);
    m_status->setObjectName(QStringLiteral("auditStatus"));
    buttons->insertWidget(0, m_status, 1);
    connect(refresh, &QPushButton::clicked, actions, &OperatorActions::refreshAudit);
    connect(actions->client(), &OperatorClient::requestFailed, this,
            [this](OperatorClient::Request request, const QString &what, const QString &error) {
                if (request == OperatorClient::Request::Audit)
                    m_status->setText(tr("%1: %2").arg(what, error));
            });
    connect(actions->client(), &OperatorClient::auditReceived, this,
            [this](const QList<AuditEntryInfo> &entries) {
                m_status->setText(entries.isEmpty()
                                      ? tr("No operator has acted yet.")
                                      : tr("Entries: %1.").arg(QLocale().toString(entries.size())));
            });
    followSupport(actions, label, content);
}

void TrackDetailDialog::refreshRetry()
{
    if (m_actions->canAct()) {
        m_retry->setEnabled(m_retryable);
        m_retry->setToolTip(m_retryable
                                ? tr("Send this track back to pending with its retries reset")
                                : tr("Only a failed or partial track can be retried"));
    }
}

QString AuditView::statusText() const
{
    return m_status->text();
}

// TrackDetailDialog

TrackDetailDialog::TrackDetailDialog(OperatorActions *actions, QWidget *parent)
    : QDialog(parent), m_actions(actions), m_metadata(new MetadataModel(this)),
      m_attempts(new AttemptsModel(this))
{
    setObjectName(QStringLiteral("trackDetail"));
    setWindowTitle(tr("Track"));
    resize(900, 720);
    auto *v = new QVBoxLayout(this);
    m_title = plainLabel(this);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.2);
    m_title->setFont(f);
    v->addWidget(m_title);
    auto *form = new QFormLayout;
    m_statusValue = plainLabel(this);
    m_lookup = plainLabel(this);
    m_lookup->setObjectName(QStringLiteral("trackLookup"));
    m_lookup->setWordWrap(true);
    m_retries = plainLabel(this);
    m_found = plainLabel(this);
    m_fields = plainLabel(this);
    m_error = plainLabel(this);
    // What the sources look it up by: a real provider finds artist and title, not our id.
    form->addRow(tr("Looked up as:"), m_lookup);
    form->addRow(tr("Status:"), m_statusValue);
    // retry_count: how many times a failed try sent it back to pending (0 on its first).
    form->addRow(tr("Retries:"), m_retries);
    form->addRow(tr("Found by:"), m_found);
    form->addRow(tr("Last error:"), m_error);
    v->addLayout(form);
    // What the track ended up with above, how it got there below; the operator moves the
    // line between them.
    m_split = new QSplitter(Qt::Vertical, this);
    QSplitter *split = m_split;
    auto *top = new QWidget(split);
    auto *topLayout = new QVBoxLayout(top);
    topLayout->setContentsMargins(0, 0, 0, 0);
    topLayout->addWidget(m_fields);
    m_metadataTable = makeTable(m_metadata, top);
    m_metadataTable->setObjectName(QStringLiteral("metadataTable"));
    m_metadataTable->horizontalHeader()->setSectionResizeMode(MetadataModel::ValueColumn,
                                                              QHeaderView::Stretch);
    m_metadataTable->horizontalHeader()->setSectionResizeMode(MetadataModel::TimeColumn,
                                                              QHeaderView::ResizeToContents);
    m_metadataTable->horizontalHeader()->setStretchLastSection(false);
    m_metadataTable->setTextElideMode(Qt::ElideRight);
    topLayout->addWidget(m_metadataTable);
    auto *bottom = new QWidget(split);
    auto *bottomLayout = new QVBoxLayout(bottom);
    bottomLayout->setContentsMargins(0, 0, 0, 0);
    bottomLayout->addWidget(new QLabel(tr("Its way through the sources, last pass:"), bottom));
    m_path = new FlowView(bottom);
    m_path->setMinimumHeight(130);
    m_path->setMaximumHeight(170);
    bottomLayout->addWidget(m_path);
    bottomLayout->addWidget(new QLabel(tr("Attempts, newest first:"), bottom));
    m_table = makeTable(m_attempts, bottom);
    bottomLayout->addWidget(m_table);
    split->addWidget(top);
    split->addWidget(bottom);
    split->setChildrenCollapsible(false);
    connect(split, &QSplitter::splitterMoved, this, [this] { m_splitMoved = true; });
    v->addWidget(split, 1);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_retry = box->addButton(tr("&Retry Track…"), QDialogButtonBox::ActionRole);
    actions->bind(m_retry, tr("Send this track back to pending with its retries reset"));
    v->addWidget(box);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(actions, &OperatorActions::accessChanged, this, &TrackDetailDialog::refreshRetry);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (!m_trackId.isEmpty())
            m_actions->retryTracks({m_trackId});
    });
    connect(actions, &OperatorActions::actionFinished, this, [this](bool ok) {
        if (ok && isVisible() && !m_trackId.isEmpty())
            m_actions->client()->fetchTrack(m_trackId);
    });
}

QString TrackDetailDialog::lookupText(const TrackInfo &t)
{
    if (t.artist.isEmpty() && t.title.isEmpty())
        return tr("its id only (queued without artist and title)");
    QStringList parts{tr("%1 — %2").arg(t.artist, t.title)};
    if (!t.isrc.isEmpty())
        parts << tr("ISRC %1").arg(t.isrc);
    if (t.durationMs > 0) {
        const qint64 seconds = (t.durationMs + 500) / 1000;
        parts
            << QStringLiteral("%1:%2").arg(seconds / 60).arg(seconds % 60, 2, 10, QLatin1Char('0'));
    }
    return parts.join(QStringLiteral(" · "));
}

void TrackDetailDialog::showEvent(QShowEvent *event)
{
    QDialog::showEvent(event);
    fitSplit(); // now that the dialog has its height
}

void TrackDetailDialog::fitSplit()
{
    // Unless the operator moved the line: the metadata's rows in full (up to twelve, at
    // most half the height), the attempts below take the rest.
    if (m_splitMoved)
        return;
    const int rows = std::min(12, m_metadata->rowCount());
    const int rowHeight = m_metadataTable->verticalHeader()->defaultSectionSize();
    int top = m_fields->sizeHint().height();
    if (rows > 0)
        top += m_metadataTable->horizontalHeader()->sizeHint().height() + rows * rowHeight +
               2 * m_metadataTable->frameWidth() + 6;
    // At most half: the attempts keep room for several rows.
    const int total = std::max(m_split->height(), 300);
    top = std::min(top, total / 2);
    m_split->setSizes({top, total - top});
}

void TrackDetailDialog::setDetail(const TrackDetail &d)
{
    // Only a track that failed or is partial goes back to pending.
    m_retryable = d.track.status == QueueStatus::Failed || d.track.status == QueueStatus::Partial;
    refreshRetry();
    m_trackId = d.track.trackId;
    setWindowTitle(tr("Track %1").arg(m_trackId));
    m_title->setText(m_trackId);
    m_statusValue->setText(d.track.status ? SummaryModel::statusLabel(*d.track.status)
                                          : tr("unknown"));
    m_lookup->setText(lookupText(d.track));
    m_retries->setText(QLocale().toString(d.track.retryCount));
    m_found->setText(d.track.sourcesEnriched.isEmpty()
                         ? tr("no source")
                         : d.track.sourcesEnriched.join(QStringLiteral(", ")));
    // The values it ended up with; a backend that keeps no values still names the fields.
    if (!d.metadata.isEmpty())
        m_fields->setText(tr("Metadata it ended up with, each field from the first source"
                             " that had it:"));
    else if (!d.fields.isEmpty())
        m_fields->setText(tr("Fields found: %1 (this backend keeps no values)")
                              .arg(d.fields.join(QStringLiteral(", "))));
    else
        m_fields->setText(tr("Metadata: none found yet"));
    m_metadata->setMetadata(d.metadata);
    m_metadataTable->setVisible(!d.metadata.isEmpty());
    fitSplit();
    // A partial track keeps no message: its first error says what went wrong.
    const QString firstError =
        d.track.errorType.isEmpty()
            ? tr("none")
            : tr("%1 at %2")
                  .arg(FailuresModel::errorTypeLabel(d.track.errorType),
                       d.track.errorSource.isEmpty() ? tr("—") : d.track.errorSource);
    m_error->setText(d.track.errorMessage.isEmpty() ? firstError : d.track.errorMessage);
    m_attempts->setAttempts(d.attempts);
    m_path->setTrackPath(pathOf(d.attempts),
                         d.track.status ? queueStatusKey(*d.track.status) : QString());
}

QList<FlowView::PathStep> TrackDetailDialog::pathOf(const QList<AttemptInfo> &attempts)
{
    // Oldest first; each source once, as its newest attempt answered, in the order the
    // waterfall met them.
    QList<FlowView::PathStep> path;
    for (auto it = attempts.crbegin(); it != attempts.crend(); ++it) {
        FlowView::PathStep step{it->source, it->outcome, it->latencyMs};
        const auto same = std::find_if(path.begin(), path.end(), [&](const FlowView::PathStep &p) {
            return p.source == it->source;
        });
        if (same != path.end())
            *same = step;
        else
            path << step;
    }
    return path;
}

} // namespace dashboard
