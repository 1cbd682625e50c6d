// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QPalette>
#include <QStringList>

class QWidget;

namespace dashboard {

class ChartPanel;
class DashboardModels;

/// The dashboard's charts in one place: which charts there are (their ids, the names of
/// their export files), what each shows (title, model, chart spec) and in which order.
/// The window lays them out; the headless export writes them.
QStringList dashboardChartIds();

/// Creates every chart of dashboardChartIds(), in that order, over @p models, coloured
/// for @p palette. The panels are children of @p parent.
QList<ChartPanel *> createDashboardCharts(DashboardModels *models, const QPalette &palette,
                                          QWidget *parent);

} // namespace dashboard
