// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include "ConnectionList.h"

class QCheckBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace dashboard {

/// File > Connections: the named backends the dashboard keeps. Each has a name, a URL and
/// optionally a token file (the file's path is kept, never the token), and whether it is
/// watched (opened in a tab at start, and now when added).
class ConnectionsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit ConnectionsDialog(const QList<SavedConnection> &connections,
                               QWidget *parent = nullptr);

    QList<SavedConnection> connections() const { return m_connections; }

    // For tests: the form and the buttons.
    QListWidget *list() const { return m_list; }
    QLineEdit *nameEdit() const { return m_name; }
    QLineEdit *urlEdit() const { return m_url; }
    QLineEdit *tokenFileEdit() const { return m_tokenFile; }
    QLineEdit *prometheusEdit() const { return m_prometheus; }
    QCheckBox *watchBox() const { return m_watch; }
    QPushButton *addButton() const { return m_add; }
    QPushButton *removeButton() const { return m_remove; }
    QString problemText() const;
    /// Backends watched now because the command line named them (--url): listed, so the
    /// dialog is not empty while they are open; they are not saved.
    void setCommandLineUrls(const QStringList &urls);
    QString commandLineText() const;

    /// File > Connect to Backend: asks for a backend's URL, starting from @p current; says
    /// so and returns an empty URL when the text is not an http(s) URL or when cancelled.
    static QUrl askBackendUrl(QWidget *parent, const QUrl &current);

private:
    QLabel *m_commandLine;
    void select(int row);
    void storeForm();
    void refreshList();

    QList<SavedConnection> m_connections;
    QListWidget *m_list;
    QLineEdit *m_name;
    QLineEdit *m_url;
    QLineEdit *m_tokenFile;
    QLineEdit *m_prometheus;
    QLineEdit *m_prometheusToken;
    QCheckBox *m_watch;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_ok = nullptr;
    QLabel *m_problem;
    int m_row = -1;
    bool m_loading = false;
};

} // namespace dashboard
