// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>
#include <QTimer>

class QAbstractItemModel;
class QChart;
class QChartView;
class QLabel;
class QToolButton;
class QHBoxLayout;

namespace dashboard {

/// A titled frame around one Qt Charts view of one model, with a "no data" overlay and an
/// export menu (PNG, SVG, CSV, copy). Subclasses bind the chart to their model and
/// rebuild it from the model's signals (coalesced, so bursts of updates cost one redraw).
class ChartPanel : public QFrame
{
    Q_OBJECT
public:
    enum class Format { Png, Svg, Csv };
    Q_ENUM(Format)

    /// @p id names the export files (`ID.png`, ...); @p csvModel is what CSV writes.
    ChartPanel(const QString &id, const QString &title, QAbstractItemModel *csvModel,
               QWidget *parent = nullptr);
    ~ChartPanel() override;

    QString id() const { return m_id; }
    QString title() const;
    QChart *chart() const { return m_chart; }
    QChartView *chartView() const { return m_view; }
    QAbstractItemModel *csvModel() const { return m_csvModel; }
    /// True when the panel shows data (the overlay is hidden).
    bool hasData() const { return m_hasData; }
    QString noDataText() const;

    QByteArray csv() const;
    QImage toImage(const QSize &size = {});
    bool writePng(const QString &path, QString *error);
    bool writeSvg(const QString &path, QString *error);
    bool writeCsv(const QString &path, QString *error) const;
    void copyImageToClipboard();
    void copyCsvToClipboard() const;
    /// Applies pending model changes now (tests and export call this).
    void flush();
    /// What the panel is waiting for (the first snapshot, a backend out of reach), said
    /// instead of its own no-data text while set; empty: its own text again.
    void setWaitingText(const QString &text);
    /// The backend an export names in its title ("Processing rate — prod, 3 Dec 2026
    /// 14:05"); empty: the title and the time only.
    void setExportSource(const QString &backend) { m_exportSource = backend; }
    /// The title an export carries now: the chart's, the backend's name and the time.
    QString exportTitle() const;

    /// While it lives, @p panel looks as an export should: the chart and its title (with
    /// the backend and the time), none of the controls (menu button, span box) around it.
    class ExportLook
    {
    public:
        explicit ExportLook(ChartPanel *panel);
        ~ExportLook();
        Q_DISABLE_COPY_MOVE(ExportLook)

    private:
        ChartPanel *m_panel;
        QString m_title;
        QList<QWidget *> m_hidden;
    };

Q_SIGNALS:
    /// The user picked an export format from the panel's menu.
    void exportRequested(dashboard::ChartPanel *panel, dashboard::ChartPanel::Format format);

protected:
    /// Rebuilds the chart from the model; returns whether there was anything to show.
    virtual bool rebuild() = 0;
    void scheduleRebuild();
    void addHeaderWidget(QWidget *w);
    void changeEvent(QEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void applyPalette();
    int plotWidth() const;
    /// Whether the legend shows when there is data.
    void setLegendWanted(bool wanted);
    /// What the panel says when it has nothing to show (default: the backend does not
    /// report this yet).
    void setNoDataText(const QString &text);
    /// What CSV writes from now on (a chart that draws another model for a while).
    void setCsvModel(QAbstractItemModel *model) { m_csvModel = model; }

private:
    void setHasData(bool hasData);
    void placeOverlay();

    QString m_id;
    QAbstractItemModel *m_csvModel;
    QLabel *m_title;
    QHBoxLayout *m_header;
    QToolButton *m_menuButton;
    QChart *m_chart;
    QChartView *m_view;
    QLabel *m_overlay;
    QTimer m_rebuildTimer;
    bool m_hasData = false;
    QString m_noDataText;
    QString m_exportSource;
    QString m_titleText;
    QString m_waitingText;
    bool m_legendWanted = true;
};

} // namespace dashboard
