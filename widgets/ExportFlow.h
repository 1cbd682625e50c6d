// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QObject>
#include <QPointer>
#include <QStringList>

#include "ChartPanel.h"

class QAction;
class QSettings;
class QWidget;

namespace dashboard {

class DashboardView;

/// The window's exports, as an operator goes through them: File > Export Dashboard
/// (choose a folder, asked before an earlier export there is replaced), a chart's own
/// Export menu (choose a file), Copy Dashboard Image; it remembers the last folder. The
/// files themselves are DashboardExporter's. Dialogs open over the window; each is a
/// seam that tests replace.
class ExportFlow final : public QObject
{
    Q_OBJECT
public:
    /// @p currentView says which view the window shows now (null: none).
    ExportFlow(QWidget *window, std::function<DashboardView *()> currentView);
    ~ExportFlow() override;

    /// File > Export Dashboard… (Ctrl+E).
    QAction *exportAllAction() const { return m_exportAll; }
    /// File > Copy Dashboard Image (Ctrl+Shift+C).
    QAction *copyImageAction() const { return m_copyImage; }

    /// Writes every chart and the whole dashboard into @p dir (see DashboardExporter);
    /// @p written lists the files; on failure false and @p error says why.
    bool exportAll(const QString &dir, QStringList *written, QString *error,
                   bool overwrite = false);
    /// Asks where, then writes @p panel in @p format.
    void exportPanel(dashboard::ChartPanel *panel, dashboard::ChartPanel::Format format);
    QString lastExportDirectory() const { return m_lastDir; }

    /// Seam for tests: how a folder is chosen (empty: cancelled).
    void setDirectoryChooser(std::function<QString(const QString &start)> chooser);
    /// Seam for tests: how a file name is chosen (empty: cancelled).
    void
    setFileChooser(std::function<QString(const QString &suggested, const QString &filter)> chooser);
    /// Seam for tests: asked before replacing an earlier export; true: replace it.
    void setOverwriteConfirmer(std::function<bool(const QStringList &existing)> confirm);

    void loadSettings(QSettings &settings);
    void saveSettings(QSettings &settings) const;

Q_SIGNALS:
    void exported(const QString &dir, const QStringList &files);
    /// What the status bar says for a while ("Saved …").
    void message(const QString &text);

private:
    void chooseAndExportAll();

    QPointer<QWidget> m_window;
    std::function<DashboardView *()> m_currentView;
    QAction *m_exportAll;
    QAction *m_copyImage;
    QString m_lastDir;
    std::function<QString(const QString &)> m_chooseDirectory;
    std::function<QString(const QString &, const QString &)> m_chooseFile;
    std::function<bool(const QStringList &)> m_confirmOverwrite;
};

} // namespace dashboard
