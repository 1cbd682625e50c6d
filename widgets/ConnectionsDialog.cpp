// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionsDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMessageBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

#include "StatusStyle.h"

namespace dashboard {

ConnectionsDialog::ConnectionsDialog(const QList<SavedConnection> &connections, QWidget *parent)
    : QDialog(parent), m_connections(connections), m_list(new QListWidget(this)),
      m_name(new QLineEdit(this)), m_url(new QLineEdit(this)), m_tokenFile(new QLineEdit(this)),
      m_prometheus(new QLineEdit(this)), m_prometheusToken(new QLineEdit(this)),
      m_watch(new QCheckBox(tr("Watch: open in a tab at start"), this)),
      m_add(new QPushButton(tr("&Add"), this)), m_remove(new QPushButton(tr("&Remove"), this)),
      m_problem(new QLabel(this))
{
    setWindowTitle(tr("Connections"));
    setObjectName(QStringLiteral("connectionsDialog"));
    m_commandLine = new QLabel(this);
    auto *v = new QVBoxLayout(this);
    auto *h = new QHBoxLayout;
    auto *left = new QVBoxLayout;
    m_list->setMinimumWidth(180);
    left->addWidget(m_list, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    left->addLayout(buttons);
    h->addLayout(left);

    auto *form = new QFormLayout;
    m_name->setPlaceholderText(tr("production"));
    m_url->setPlaceholderText(QStringLiteral("https://enrichment.example.org:8020"));
    m_tokenFile->setPlaceholderText(tr("none"));
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&URL:"), m_url);
    auto *tokenRow = new QHBoxLayout;
    tokenRow->addWidget(m_tokenFile, 1);
    auto *browse = new QToolButton(this);
    browse->setText(tr("…"));
    browse->setToolTip(tr("Choose the token file"));
    tokenRow->addWidget(browse);
    // A row that is a layout gets no buddy by itself: without one the label shows its '&'.
    auto *tokenLabel = new QLabel(tr("&Token file:"), this);
    tokenLabel->setBuddy(m_tokenFile);
    form->addRow(tokenLabel, tokenRow);
    m_prometheus->setPlaceholderText(tr("optional: its Prometheus, for long history"));
    form->addRow(tr("&Prometheus:"), m_prometheus);
    m_prometheusToken->setPlaceholderText(tr("none"));
    form->addRow(tr("Prometheus to&ken file:"), m_prometheusToken);
    // Wide enough that no placeholder is cut.
    for (QLineEdit *edit : {m_name, m_url, m_tokenFile, m_prometheus, m_prometheusToken})
        edit->setMinimumWidth(edit->fontMetrics().horizontalAdvance(edit->placeholderText()) + 24);
    form->addRow(m_watch);
    auto *note = new QLabel(tr("The token stays in its file; only the file's path is kept."), this);
    note->setWordWrap(true);
    form->addRow(note);
    m_commandLine->setObjectName(QStringLiteral("commandLineUrls"));
    m_commandLine->setWordWrap(true);
    m_commandLine->setTextFormat(Qt::PlainText);
    m_commandLine->hide();
    form->addRow(m_commandLine);
    h->addLayout(form, 1);
    v->addLayout(h);

    m_problem->setWordWrap(true);
    m_problem->setObjectName(QStringLiteral("connectionProblem"));
    QPalette p = m_problem->palette();
    p.setColor(QPalette::WindowText, StatusStyle::healthColor(Health::Down, palette()));
    m_problem->setPalette(p);
    v->addWidget(m_problem);

    auto *box = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = box->button(QDialogButtonBox::Ok);
    connect(box, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    v->addWidget(box);

    connect(browse, &QToolButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Token file"));
        if (!path.isEmpty())
            m_tokenFile->setText(path);
    });
    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectionsDialog::select);
    for (QLineEdit *e : {m_name, m_url, m_tokenFile, m_prometheus, m_prometheusToken})
        connect(e, &QLineEdit::textEdited, this, &ConnectionsDialog::storeForm);
    connect(m_watch, &QCheckBox::toggled, this, &ConnectionsDialog::storeForm);
    connect(m_add, &QPushButton::clicked, this, [this] {
        SavedConnection c;
        c.name = tr("Backend %1").arg(m_connections.size() + 1);
        c.url = QUrl(QStringLiteral("http://127.0.0.1:8020"));
        m_connections.append(c);
        refreshList();
        m_list->setCurrentRow(int(m_connections.size()) - 1);
        m_name->setFocus();
        m_name->selectAll();
    });
    connect(m_remove, &QPushButton::clicked, this, [this] {
        if (m_row < 0 || m_row >= m_connections.size())
            return;
        m_connections.removeAt(m_row);
        m_row = -1;
        refreshList();
        m_list->setCurrentRow(std::min<int>(0, int(m_connections.size()) - 1));
        if (m_connections.isEmpty())
            select(-1);
    });
    refreshList();
    m_list->setCurrentRow(m_connections.isEmpty() ? -1 : 0);
    if (m_connections.isEmpty())
        select(-1);
}

void ConnectionsDialog::setCommandLineUrls(const QStringList &urls)
{
    m_commandLine->setText(
        urls.isEmpty() ? QString()
                       : tr("Also watched now, from the command line (--url, not saved here): %1")
                             .arg(urls.join(QStringLiteral(", "))));
    m_commandLine->setVisible(!urls.isEmpty());
}

QString ConnectionsDialog::commandLineText() const
{
    return m_commandLine->isHidden() ? QString() : m_commandLine->text();
}

QString ConnectionsDialog::problemText() const
{
    return m_problem->text();
}

void ConnectionsDialog::refreshList()
{
    const QSignalBlocker block(m_list);
    m_list->clear();
    for (const SavedConnection &c : std::as_const(m_connections))
        m_list->addItem(c.watch ? c.name : tr("%1 (not watched)").arg(c.name));
    m_add->setEnabled(m_connections.size() < ConnectionList::MaxConnections);
}

void ConnectionsDialog::select(int row)
{
    m_row = row;
    const bool valid = row >= 0 && row < m_connections.size();
    m_loading = true;
    for (QWidget *w : {static_cast<QWidget *>(m_name), static_cast<QWidget *>(m_url),
                       static_cast<QWidget *>(m_tokenFile), static_cast<QWidget *>(m_prometheus),
                       static_cast<QWidget *>(m_prometheusToken), static_cast<QWidget *>(m_watch),
                       static_cast<QWidget *>(m_remove)})
        w->setEnabled(valid);
    const SavedConnection c = valid ? m_connections.at(row) : SavedConnection();
    m_name->setText(c.name);
    m_url->setText(valid ? c.url.toString() : QString());
    m_tokenFile->setText(c.tokenFile);
    m_prometheus->setText(c.prometheus.toString());
    m_prometheusToken->setText(c.prometheusTokenFile);
    m_watch->setChecked(c.watch);
    m_loading = false;
    storeForm();
}

void ConnectionsDialog::storeForm()
{
    if (!m_loading && m_row >= 0 && m_row < m_connections.size()) {
        SavedConnection &c = m_connections[m_row];
        c.name = m_name->text().trimmed().left(64);
        c.url = QUrl::fromUserInput(m_url->text().trimmed());
        c.tokenFile = m_tokenFile->text().trimmed();
        const QString prometheus = m_prometheus->text().trimmed();
        c.prometheus = prometheus.isEmpty() ? QUrl() : QUrl::fromUserInput(prometheus);
        c.prometheusTokenFile = m_prometheusToken->text().trimmed();
        c.watch = m_watch->isChecked();
        if (QListWidgetItem *item = m_list->item(m_row))
            item->setText(c.watch ? c.name : tr("%1 (not watched)").arg(c.name));
    }
    // Every connection must be keepable before OK is.
    QString problem;
    for (int i = 0; i < m_connections.size() && problem.isEmpty(); ++i)
        if (const QString p = ConnectionList::problem(m_connections.at(i), m_connections);
            !p.isEmpty())
            problem = QStringLiteral("%1: %2").arg(m_connections.at(i).name, p);
    m_problem->setText(problem);
    m_problem->setVisible(!problem.isEmpty());
    if (m_ok)
        m_ok->setEnabled(problem.isEmpty());
}

QUrl ConnectionsDialog::askBackendUrl(QWidget *parent, const QUrl &current)
{
    bool ok = false;
    const QString text =
        QInputDialog::getText(parent, tr("Connect to Backend"),
                              tr("URL of a backend that serves /monitoring/enrichment:"),
                              QLineEdit::Normal, current.toString(), &ok);
    if (!ok || text.trimmed().isEmpty())
        return {};
    const QUrl url = QUrl::fromUserInput(text.trimmed());
    if (!url.isValid() || url.host().isEmpty() ||
        (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))) {
        QMessageBox::warning(parent, tr("Connect to Backend"),
                             tr("\"%1\" is not an http(s) URL.").arg(text.left(200)));
        return {};
    }
    return url;
}

} // namespace dashboard
