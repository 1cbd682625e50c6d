// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DashboardExporter.h"

#include <memory>
#include <vector>

#include <QAbstractItemModel>
#include <QAbstractItemView>
#include <QDir>
#include <QItemSelectionModel>
#include <QPointer>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>

#include "CsvWriter.h"
#include "DashboardView.h"

namespace dashboard {

bool DashboardExporter::exportPanel(ChartPanel *panel, ChartPanel::Format format,
                                    const QString &path, QString *error)
{
    switch (format) {
    case ChartPanel::Format::Png: return panel->writePng(path, error);
    case ChartPanel::Format::Svg: return panel->writeSvg(path, error);
    case ChartPanel::Format::Csv: return panel->writeCsv(path, error);
    }
    return false;
}

namespace {
/// While it lives, a view's tables show no selection, current cell or scrollbar, and its
/// charts no controls: what an image of the dashboard should hold. All comes back after.
class CleanLook
{
public:
    explicit CleanLook(DashboardView *view)
    {
        for (QAbstractItemView *table : view->findChildren<QAbstractItemView *>()) {
            Saved s{table,
                    {},
                    {},
                    table->horizontalScrollBarPolicy(),
                    table->verticalScrollBarPolicy()};
            if (QItemSelectionModel *m = table->selectionModel()) {
                s.selection = m->selection();
                s.current = m->currentIndex();
                m->clear();
            }
            table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
            table->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
            m_saved << s;
        }
        for (ChartPanel *p : view->panels())
            m_looks.push_back(std::make_unique<ChartPanel::ExportLook>(p));
    }
    ~CleanLook()
    {
        for (const Saved &s : std::as_const(m_saved)) {
            if (!s.table)
                continue;
            s.table->setHorizontalScrollBarPolicy(s.horizontal);
            s.table->setVerticalScrollBarPolicy(s.vertical);
            if (QItemSelectionModel *m = s.table->selectionModel()) {
                m->select(s.selection, QItemSelectionModel::Select);
                m->setCurrentIndex(s.current, QItemSelectionModel::NoUpdate);
            }
        }
    }
    Q_DISABLE_COPY_MOVE(CleanLook)

private:
    struct Saved
    {
        QPointer<QAbstractItemView> table;
        QItemSelection selection;
        QPersistentModelIndex current;
        Qt::ScrollBarPolicy horizontal;
        Qt::ScrollBarPolicy vertical;
    };
    QList<Saved> m_saved;
    std::vector<std::unique_ptr<ChartPanel::ExportLook>> m_looks;
};
} // namespace

QImage DashboardExporter::renderImage() const
{
    const QList<ChartPanel *> panels = m_view->panels();
    for (ChartPanel *p : panels)
        p->flush();
    const CleanLook look(m_view);
    QImage image(m_view->size(), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(1.0);
    image.fill(m_view->palette().color(QPalette::Window));
    QPainter painter(&image);
    m_view->render(&painter, QPoint(), QRegion(),
                   QWidget::DrawChildren | QWidget::DrawWindowBackground);
    return image;
}

QByteArray DashboardExporter::csv() const
{
    QByteArray out = "chart,row,column,value\r\n";
    const QList<ChartPanel *> panels = m_view->panels();
    for (ChartPanel *p : panels) {
        const QAbstractItemModel *m = p->csvModel();
        if (!m)
            continue;
        for (int r = 0; r < m->rowCount(); ++r) {
            const QString rowKey = m->data(m->index(r, 0), CsvWriter::ExportRole).toString();
            for (int c = 1; c < m->columnCount(); ++c) {
                const QString value =
                    CsvWriter::cellText(m->data(m->index(r, c), CsvWriter::ExportRole));
                out += CsvWriter::escape(p->id()) + ',' + CsvWriter::escape(rowKey) + ',' +
                       CsvWriter::escape(CsvWriter::columnKey(*m, c)) + ',' +
                       CsvWriter::escape(value) + "\r\n";
            }
        }
    }
    return out;
}

QStringList DashboardExporter::existingFiles(const QString &dir) const
{
    QStringList names;
    for (ChartPanel *p : m_view->panels())
        for (const char *ext : {".png", ".svg", ".csv"})
            names << p->id() + QLatin1String(ext);
    names << QStringLiteral("dashboard.png") << QStringLiteral("dashboard.svg")
          << QStringLiteral("dashboard.csv");
    QStringList existing;
    const QDir d(dir);
    for (const QString &name : std::as_const(names))
        if (d.exists(name))
            existing << d.filePath(name);
    return existing;
}

bool DashboardExporter::exportAll(const QString &dir, QStringList *written, QString *error,
                                  bool overwrite) const
{
    if (!overwrite) {
        const QStringList existing = existingFiles(dir);
        if (!existing.isEmpty()) {
            *error = existing.size() == 1
                         ? tr("%1 exists already; not replaced").arg(existing.first())
                         : tr("%1 and %2 more files exist already; not replaced")
                               .arg(existing.first())
                               .arg(existing.size() - 1);
            return false;
        }
    }
    if (!QDir().mkpath(dir)) {
        *error = tr("Cannot create folder %1").arg(dir);
        return false;
    }
    const QDir d(dir);
    written->clear();
    const QList<ChartPanel *> panels = m_view->panels();
    for (ChartPanel *p : panels) {
        const struct
        {
            ChartPanel::Format format;
            const char *ext;
        } kinds[] = {{ChartPanel::Format::Png, ".png"},
                     {ChartPanel::Format::Svg, ".svg"},
                     {ChartPanel::Format::Csv, ".csv"}};
        for (const auto &k : kinds) {
            const QString path = d.filePath(p->id() + QLatin1String(k.ext));
            if (!exportPanel(p, k.format, path, error))
                return false;
            *written << path;
        }
    }
    const QString png = d.filePath(QStringLiteral("dashboard.png"));
    QSaveFile pngFile(png);
    if (!pngFile.open(QIODevice::WriteOnly) || !renderImage().save(&pngFile, "PNG") ||
        !pngFile.commit()) {
        *error = tr("Cannot write %1: %2").arg(png, pngFile.errorString());
        return false;
    }
    *written << png;

    const QString svgPath = d.filePath(QStringLiteral("dashboard.svg"));
    {
        QSvgGenerator svg;
        svg.setFileName(svgPath);
        svg.setSize(m_view->size());
        svg.setViewBox(QRect(QPoint(), m_view->size()));
        svg.setTitle(tr("Enrichment Monitor dashboard"));
        const CleanLook look(m_view);
        QPainter painter;
        if (!painter.begin(&svg)) {
            *error = tr("Cannot write %1").arg(svgPath);
            return false;
        }
        m_view->render(&painter, QPoint(), QRegion(),
                       QWidget::DrawChildren | QWidget::DrawWindowBackground);
    }
    *written << svgPath;

    const QString csvPath = d.filePath(QStringLiteral("dashboard.csv"));
    QSaveFile file(csvPath);
    if (!file.open(QIODevice::WriteOnly) || file.write(csv()) < 0 || !file.commit()) {
        *error = tr("Cannot write %1: %2").arg(csvPath, file.errorString());
        return false;
    }
    *written << csvPath;
    return true;
}

} // namespace dashboard
