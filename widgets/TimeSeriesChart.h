// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

#include <QColor>

#include "ChartPanel.h"

class QComboBox;
class QLineSeries;

namespace dashboard {

class TimeSeriesModel;

/// A line chart of a TimeSeriesModel over a chosen span (15 min ... 24 h) ending now.
/// Each redraw hands every series at most two points per pixel column (min and max per
/// bucket) with QXYSeries::replace(), so a day of 1 s samples redraws as fast as a
/// minute of them.
class TimeSeriesChart final : public ChartPanel
{
    Q_OBJECT
public:
    TimeSeriesChart(const QString &id, const QString &title, TimeSeriesModel *model,
                    const QList<QColor> &colors, const QString &valueTitle,
                    QWidget *parent = nullptr);
    void setSpanMinutes(int minutes);
    int spanMinutes() const { return m_spanMinutes; }
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }
    /// Points currently handed to series @p i (for tests and benchmarks).
    int pointCount(int series) const;

protected:
    bool rebuild() override;

private:
    TimeSeriesModel *m_model;
    QList<QLineSeries *> m_lines;
    QComboBox *m_span;
    int m_spanMinutes = 60;
    std::function<qint64()> m_now;
};

} // namespace dashboard
