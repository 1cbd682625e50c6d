// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ExportFlow.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>

#include "DashboardExporter.h"

namespace dashboard {

ExportFlow::ExportFlow(QWidget *window, std::function<DashboardView *()> currentView)
    : QObject(window), m_window(window), m_currentView(std::move(currentView)),
      m_exportAll(
          new QAction(QIcon(QStringLiteral(":/icons/export.svg")), tr("&Export Dashboard…"), this)),
      m_copyImage(new QAction(tr("&Copy Dashboard Image"), this)),
      m_lastDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
{
    m_exportAll->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    m_exportAll->setToolTip(
        tr("Save every chart and the whole dashboard as PNG, SVG and CSV (Ctrl+E)"));
    connect(m_exportAll, &QAction::triggered, this, &ExportFlow::chooseAndExportAll);
    m_copyImage->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    connect(m_copyImage, &QAction::triggered, this, [this] {
        if (DashboardView *view = m_currentView()) {
            QApplication::clipboard()->setImage(DashboardExporter(view).renderImage());
            Q_EMIT message(tr("Dashboard image copied"));
        }
    });
    m_confirmOverwrite = [this](const QStringList &existing) {
        return QMessageBox::question(
                   m_window, tr("Replace files?"),
                   tr("The folder has %n file(s) of an earlier export (%1). Replace them?", nullptr,
                      int(existing.size()))
                       .arg(QFileInfo(existing.first()).fileName()),
                   QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
    };
    m_chooseDirectory = [this](const QString &start) {
        return QFileDialog::getExistingDirectory(m_window, tr("Export dashboard to folder"), start);
    };
    m_chooseFile = [this](const QString &suggested, const QString &filter) {
        return QFileDialog::getSaveFileName(m_window, tr("Export chart"), suggested, filter);
    };
}

ExportFlow::~ExportFlow() = default;

bool ExportFlow::exportAll(const QString &dir, QStringList *written, QString *error, bool overwrite)
{
    DashboardView *view = m_currentView();
    if (!view) {
        *error = tr("There is no dashboard to export");
        return false;
    }
    if (!DashboardExporter(view).exportAll(dir, written, error, overwrite))
        return false;
    m_lastDir = dir;
    Q_EMIT exported(dir, *written);
    return true;
}

void ExportFlow::chooseAndExportAll()
{
    DashboardView *view = m_currentView();
    if (!view)
        return;
    const QString dir = m_chooseDirectory(m_lastDir);
    // The chooser ran an event loop: ask again for what is shown now.
    view = m_currentView();
    if (dir.isEmpty() || !view)
        return;
    // An earlier export there is not replaced without asking.
    const QStringList existing = DashboardExporter(view).existingFiles(dir);
    if (!existing.isEmpty() && !m_confirmOverwrite(existing))
        return;
    QStringList written;
    QString error;
    if (exportAll(dir, &written, &error, !existing.isEmpty()))
        Q_EMIT message(
            tr("Files exported to %1: %2").arg(QDir::toNativeSeparators(dir)).arg(written.size()));
    else
        QMessageBox::warning(m_window, tr("Export failed"), error);
}

void ExportFlow::exportPanel(ChartPanel *panel, ChartPanel::Format format)
{
    const QString ext = format == ChartPanel::Format::Png   ? QStringLiteral("png")
                        : format == ChartPanel::Format::Svg ? QStringLiteral("svg")
                                                            : QStringLiteral("csv");
    const QString filter = format == ChartPanel::Format::Png   ? tr("PNG image (*.png)")
                           : format == ChartPanel::Format::Svg ? tr("SVG image (*.svg)")
                                                               : tr("CSV table (*.csv)");
    // The panel may go while the dialog is open (its connection closed): watch it.
    const QPointer<ChartPanel> watched(panel);
    const QString path =
        m_chooseFile(QDir(m_lastDir).filePath(panel->id() + QLatin1Char('.') + ext), filter);
    if (path.isEmpty() || !watched)
        return;
    QString error;
    if (DashboardExporter::exportPanel(watched, format, path, &error)) {
        m_lastDir = QFileInfo(path).absolutePath();
        Q_EMIT message(tr("Saved %1").arg(QDir::toNativeSeparators(path)));
        Q_EMIT exported(m_lastDir, {path});
    } else {
        QMessageBox::warning(m_window, tr("Export failed"), error);
    }
}

void ExportFlow::setDirectoryChooser(std::function<QString(const QString &)> chooser)
{
    m_chooseDirectory = std::move(chooser);
}

void ExportFlow::setFileChooser(std::function<QString(const QString &, const QString &)> chooser)
{
    m_chooseFile = std::move(chooser);
}

void ExportFlow::setOverwriteConfirmer(std::function<bool(const QStringList &)> confirm)
{
    m_confirmOverwrite = std::move(confirm);
}

void ExportFlow::loadSettings(QSettings &settings)
{
    m_lastDir = settings.value(QStringLiteral("lastExportDirectory"), m_lastDir).toString();
}

void ExportFlow::saveSettings(QSettings &settings) const
{
    settings.setValue(QStringLiteral("lastExportDirectory"), m_lastDir);
}

} // namespace dashboard
