// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QImage>
#include <QStringList>

#include "ChartPanel.h"

namespace dashboard {

class DashboardView;

/// Writes what a DashboardView shows to files: every chart as ID.png, ID.svg and ID.csv,
/// and the whole view as dashboard.png, dashboard.svg and dashboard.csv. Used by the
/// window's Export action and, with a view no window holds, by `--export`.
class DashboardExporter
{
    Q_DECLARE_TR_FUNCTIONS(dashboard::DashboardExporter)
public:
    explicit DashboardExporter(DashboardView *view) : m_view(view) {}

    /// Writes every file into @p dir (created if needed). On success @p written lists
    /// them; on failure false and @p error says which file and why. Files @p dir already
    /// has are replaced only with @p overwrite; otherwise nothing is written and @p error
    /// names one of them.
    bool exportAll(const QString &dir, QStringList *written, QString *error,
                   bool overwrite = false) const;
    /// The files exportAll() would write into @p dir that exist already.
    QStringList existingFiles(const QString &dir) const;
    /// One chart in one format.
    static bool exportPanel(ChartPanel *panel, ChartPanel::Format format, const QString &path,
                            QString *error);
    /// The whole view as an image (what dashboard.png holds).
    QImage renderImage() const;
    /// The whole dashboard as one long table: one row per chart cell.
    QByteArray csv() const;

private:
    DashboardView *m_view;
};

} // namespace dashboard
