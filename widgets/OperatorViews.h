// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>
#include <QWidget>

#include "FlowView.h"
#include "OperatorClient.h"

class QComboBox;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSplitter;
class QTableView;

namespace dashboard {

class AttemptsModel;
class MetadataModel;
class OperatorActions;
class TracksModel;

/// Failed and partial tracks grouped by error type and source, live (the backend's
/// `/failures`), with Retry for a whole group and a way into its tracks.
class FailuresView final : public QWidget
{
    Q_OBJECT
public:
    /// @p actions must outlive the view.
    explicit FailuresView(OperatorActions *actions, QWidget *parent = nullptr);
    QTableView *table() const { return m_table; }
    QPushButton *retryButton() const { return m_retry; }
    QString summaryText() const;
    /// Retries the group in row @p row (after the confirmation).
    void retryRow(int row);

Q_SIGNALS:
    /// The operator wants to see the tracks of @p group.
    void showTracks(const dashboard::FailureGroupInfo &group);

private:
    void refreshSummary();
    int selectedRow() const;

    OperatorActions *m_actions;
    QLabel *m_summary;
    QTableView *m_table;
    QPushButton *m_retry;
    QPushButton *m_show;
};

/// Finds tracks: by id prefix, status, error type and source, one page at a time, in a
/// table; opens a track's detail (its attempts as a timeline) and retries a selection.
class TracksView final : public QWidget
{
    Q_OBJECT
public:
    explicit TracksView(OperatorActions *actions, QWidget *parent = nullptr);
    TracksModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchField() const { return m_search; }
    QComboBox *statusBox() const { return m_status; }
    QPushButton *moreButton() const { return m_more; }
    QPushButton *retryButton() const { return m_retry; }
    QPushButton *openButton() const { return m_open; }
    /// The sources offered in the source filter.
    void setSources(const QStringList &sources);
    /// Searches now with the filters as they are.
    void search();
    /// Shows the tracks of a failure group.
    void showGroup(const FailureGroupInfo &group);
    /// Opens the detail of the track in @p row.
    void openRow(int row);
    /// The detail dialog last opened (null before).
    class TrackDetailDialog *detailDialog() const { return m_detail; }

private:
    TrackQuery query() const;
    QStringList selectedIds() const;
    /// The search line, the status / error / source filters and the Search button (@p go),
    /// on one line, in that tab order.
    QHBoxLayout *createFilters(QWidget *content, QPushButton **go);
    /// Open needs a selection; Retry a selected track that failed or is partial.
    void refreshSelection();
    /// Pages, a track's detail and failures from the operator client.
    void followClient(OperatorClient *client);

    OperatorActions *m_actions;
    TracksModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_status;
    QComboBox *m_errorType;
    QComboBox *m_source;
    QTableView *m_table;
    QLabel *m_info;
    QPushButton *m_more;
    QPushButton *m_open;
    QPushButton *m_retry;
    TrackDetailDialog *m_detail = nullptr;
};

/// The operator actions log of the backend (the fleet's, on a shared queue), newest first.
class AuditView final : public QWidget
{
    Q_OBJECT
public:
    explicit AuditView(OperatorActions *actions, QWidget *parent = nullptr);
    QTableView *table() const { return m_table; }
    /// What the last fetch of the log said: how many entries, or why it failed.
    QString statusText() const;

private:
    QTableView *m_table;
    QLabel *m_status;
};

/// One track: what it is, what was found, and every attempt, newest first.
class TrackDetailDialog final : public QDialog
{
    Q_OBJECT
public:
    TrackDetailDialog(OperatorActions *actions, QWidget *parent = nullptr);
    void setDetail(const TrackDetail &detail);
    QString trackId() const { return m_trackId; }
    AttemptsModel *attempts() const { return m_attempts; }
    /// The track's way through the sources (a FlowView in path mode).
    FlowView *path() const { return m_path; }
    /// Its path from its attempts (newest first): each source once, as last answered.
    static QList<FlowView::PathStep> pathOf(const QList<AttemptInfo> &attempts);
    MetadataModel *metadata() const { return m_metadata; }
    QLabel *statusLabel() const { return m_statusValue; }
    /// What the sources look the track up by (artist — title · ISRC · duration).
    QLabel *lookupLabel() const { return m_lookup; }
    QPushButton *retryButton() const { return m_retry; }
    /// @p track's lookup data in a line, or that it was queued by id alone.
    static QString lookupText(const TrackInfo &track);

protected:
    void showEvent(QShowEvent *event) override;

private:
    void refreshRetry();
    void fitSplit();

    OperatorActions *m_actions;
    bool m_retryable = false;
    bool m_splitMoved = false;
    QSplitter *m_split = nullptr;
    QString m_trackId;
    QLabel *m_title;
    QLabel *m_statusValue;
    QLabel *m_lookup;
    QLabel *m_retries;
    QLabel *m_found;
    QLabel *m_fields;
    QLabel *m_error;
    MetadataModel *m_metadata;
    QTableView *m_metadataTable;
    AttemptsModel *m_attempts;
    FlowView *m_path = nullptr;
    QTableView *m_table;
    QPushButton *m_retry;
};

} // namespace dashboard
