// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ChartPanel.h"

#include <QCoreApplication>

#include <QAbstractAxis>
#include <QAbstractItemModel>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QClipboard>
#include <QDateTime>
#include <QEvent>
#include <QFile>
#include <QLabel>
#include <QLegend>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QToolButton>
#include <QVBoxLayout>

#include "CsvWriter.h"

namespace dashboard {

ChartPanel::ChartPanel(const QString &id, const QString &title, QAbstractItemModel *csvModel,
                       QWidget *parent)
    : QFrame(parent), m_id(id), m_csvModel(csvModel), m_title(new QLabel(title, this)),
      m_header(new QHBoxLayout), m_menuButton(new QToolButton(this)), m_chart(new QChart),
      m_view(new QChartView(m_chart, this)), m_overlay(new QLabel(m_view))
{
    setObjectName(QStringLiteral("chart_") + id);
    m_titleText = title;
    setFrameShape(QFrame::StyledPanel);
    setMinimumSize(360, 250);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->setSpacing(2);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_header->addWidget(m_title, 1);
    m_menuButton->setIcon(QIcon(QStringLiteral(":/icons/export.svg")));
    m_menuButton->setToolTip(tr("Export this chart"));
    m_menuButton->setAccessibleName(tr("Export %1").arg(title));
    m_menuButton->setAutoRaise(true);
    m_menuButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_menuButton);
    menu->addAction(tr("Save as &PNG…"), this,
                    [this] { Q_EMIT exportRequested(this, Format::Png); });
    menu->addAction(tr("Save as &SVG…"), this,
                    [this] { Q_EMIT exportRequested(this, Format::Svg); });
    menu->addAction(tr("Save as &CSV…"), this,
                    [this] { Q_EMIT exportRequested(this, Format::Csv); });
    menu->addSeparator();
    menu->addAction(tr("Copy &image"), this, &ChartPanel::copyImageToClipboard);
    menu->addAction(tr("Copy &data (CSV)"), this, &ChartPanel::copyCsvToClipboard);
    m_menuButton->setMenu(menu);
    m_header->addWidget(m_menuButton);
    layout->addLayout(m_header);
    layout->addWidget(m_view, 1);

    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setFrameShape(QFrame::NoFrame);
    m_chart->setMargins(QMargins(2, 2, 2, 2));
    m_chart->setBackgroundRoundness(0);
    m_chart->legend()->setAlignment(Qt::AlignBottom);
    m_chart->setAnimationOptions(QChart::NoAnimation);

    m_overlay->setAlignment(Qt::AlignCenter);
    m_overlay->setWordWrap(true);
    m_noDataText = tr("No data\nThe backend does not report this yet.");
    m_overlay->setText(m_noDataText);
    m_overlay->setAttribute(Qt::WA_TransparentForMouseEvents);

    m_rebuildTimer.setSingleShot(true);
    m_rebuildTimer.setInterval(50);
    connect(&m_rebuildTimer, &QTimer::timeout, this, [this] { setHasData(rebuild()); });
    applyPalette();
    setHasData(false);
}

ChartPanel::~ChartPanel() = default;

QString ChartPanel::title() const
{
    return m_titleText;
}

void ChartPanel::setNoDataText(const QString &text)
{
    m_noDataText = text;
    m_overlay->setText(m_waitingText.isEmpty() ? text : m_waitingText);
}

void ChartPanel::setWaitingText(const QString &text)
{
    m_waitingText = text;
    m_overlay->setText(text.isEmpty() ? m_noDataText : text);
}

QString ChartPanel::noDataText() const
{
    return m_overlay->isVisible() || !m_hasData ? m_overlay->text() : QString();
}

void ChartPanel::addHeaderWidget(QWidget *w)
{
    m_header->insertWidget(m_header->count() - 1, w);
}

void ChartPanel::scheduleRebuild()
{
    if (!m_rebuildTimer.isActive())
        m_rebuildTimer.start();
}

void ChartPanel::flush()
{
    m_rebuildTimer.stop();
    setHasData(rebuild());
    // Qt Charts lays out axes and labels on posted layout requests: run them now, so an
    // export right after new data draws the axes too.
    QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
}

void ChartPanel::setHasData(bool hasData)
{
    m_hasData = hasData;
    m_overlay->setVisible(!hasData);
    for (QAbstractSeries *s : m_chart->series())
        s->setVisible(hasData);
    for (QAbstractAxis *a : m_chart->axes())
        a->setVisible(hasData);
    m_chart->legend()->setVisible(hasData && m_legendWanted && !m_chart->series().isEmpty());
    placeOverlay();
}

void ChartPanel::setLegendWanted(bool wanted)
{
    m_legendWanted = wanted;
    m_chart->legend()->setVisible(m_hasData && wanted);
}

void ChartPanel::placeOverlay()
{
    m_overlay->setGeometry(m_view->rect());
}

void ChartPanel::resizeEvent(QResizeEvent *event)
{
    QFrame::resizeEvent(event);
    placeOverlay();
    scheduleRebuild(); // time series downsample to the new width
}

int ChartPanel::plotWidth() const
{
    const int w = int(m_chart->plotArea().width());
    return w > 10 ? w : std::max(100, m_view->width() - 80);
}

void ChartPanel::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange ||
        event->type() == QEvent::ApplicationPaletteChange) {
        applyPalette();
        scheduleRebuild();
    }
}

void ChartPanel::applyPalette()
{
    const QPalette p = palette();
    m_chart->setBackgroundBrush(p.color(QPalette::Base));
    m_chart->setPlotAreaBackgroundVisible(false);
    m_chart->setTitleBrush(p.color(QPalette::Text));
    m_chart->legend()->setLabelColor(p.color(QPalette::Text));
    for (QAbstractAxis *a : m_chart->axes()) {
        a->setLabelsColor(p.color(QPalette::Text));
        a->setTitleBrush(p.color(QPalette::Text));
        QColor grid = p.color(QPalette::Text);
        grid.setAlphaF(0.15);
        a->setGridLineColor(grid);
        QColor line = p.color(QPalette::Text);
        line.setAlphaF(0.4);
        a->setLinePenColor(line);
    }
    QPalette op = m_overlay->palette();
    op.setColor(QPalette::WindowText, p.color(QPalette::PlaceholderText));
    m_overlay->setPalette(op);
}

QByteArray ChartPanel::csv() const
{
    return m_csvModel ? CsvWriter::toCsv(*m_csvModel) : QByteArray();
}

QString ChartPanel::exportTitle() const
{
    const QString when =
        QDateTime::currentDateTime().toString(QStringLiteral("yyyy-MM-dd HH:mm t"));
    return m_exportSource.isEmpty() ? tr("%1 — %2").arg(title(), when)
                                    : tr("%1 — %2, %3").arg(title(), m_exportSource, when);
}

ChartPanel::ExportLook::ExportLook(ChartPanel *panel)
    : m_panel(panel), m_title(panel->m_title->text())
{
    for (int i = 0; i < panel->m_header->count(); ++i)
        if (QWidget *w = panel->m_header->itemAt(i)->widget();
            w && w != panel->m_title && w->isVisible()) {
            w->hide();
            m_hidden << w;
        }
    panel->m_title->setWordWrap(true); // a long backend name wraps, never cut
    panel->m_title->setText(panel->exportTitle());
    panel->layout()->activate(); // laid out now: the render comes before any event
}

ChartPanel::ExportLook::~ExportLook()
{
    m_panel->m_title->setWordWrap(false);
    m_panel->m_title->setText(m_title);
    for (QWidget *w : std::as_const(m_hidden))
        w->show();
    m_panel->layout()->activate();
}

QImage ChartPanel::toImage(const QSize &size)
{
    if (size.isValid() && size != this->size())
        resize(size);
    flush();
    const ExportLook look(this);
    const qreal dpr = 2.0;
    QImage image(this->size() * dpr, QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(dpr);
    image.fill(palette().color(QPalette::Window));
    QPainter painter(&image);
    render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    return image;
}

bool ChartPanel::writePng(const QString &path, QString *error)
{
    const QImage image = toImage();
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || !image.save(&f, "PNG") || !f.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

bool ChartPanel::writeSvg(const QString &path, QString *error)
{
    flush();
    QSvgGenerator svg;
    svg.setFileName(path);
    svg.setSize(size());
    svg.setViewBox(QRect(QPoint(), size()));
    const ExportLook look(this);
    svg.setTitle(exportTitle());
    svg.setDescription(tr("Enrichment Monitor chart: %1").arg(exportTitle()));
    QPainter painter;
    if (!painter.begin(&svg)) {
        *error = tr("Cannot write %1").arg(path);
        return false;
    }
    painter.fillRect(rect(), palette().color(QPalette::Window));
    render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
    painter.end();
    if (!QFile::exists(path)) {
        *error = tr("Cannot write %1").arg(path);
        return false;
    }
    return true;
}

bool ChartPanel::writeCsv(const QString &path, QString *error) const
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(csv()) < 0 || !f.commit()) {
        *error = tr("Cannot write %1: %2").arg(path, f.errorString());
        return false;
    }
    return true;
}

void ChartPanel::copyImageToClipboard()
{
    QApplication::clipboard()->setImage(toImage());
}

void ChartPanel::copyCsvToClipboard() const
{
    auto *mime = new QMimeData;
    const QByteArray data = csv();
    mime->setData(QStringLiteral("text/csv"), data);
    mime->setText(QString::fromUtf8(data));
    QApplication::clipboard()->setMimeData(mime);
}

} // namespace dashboard
