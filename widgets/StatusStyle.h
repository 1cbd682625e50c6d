// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QColor>
#include <QIcon>
#include <QPalette>
#include <QString>

#include "Snapshot.h"

namespace dashboard {

/// Colours, icons and glyphs for states, chosen to read on the current palette (light or
/// dark) and never carry meaning by colour alone: each state also has its own icon and
/// text.
class StatusStyle
{
public:
    static bool isDark(const QPalette &palette = {});
    static QColor healthColor(std::optional<Health> h, const QPalette &palette = {});
    static QColor breakerColor(std::optional<BreakerState> s, const QPalette &palette = {});
    static QColor queueColor(QueueStatus s, const QPalette &palette = {});
    /// A qualitative series colour (index cycles), for multi-series charts.
    static QColor seriesColor(int index, const QPalette &palette = {});
    static QIcon healthIcon(std::optional<Health> h);
    static QIcon breakerIcon(std::optional<BreakerState> s);
    /// A short symbol that tells the state without colour: ✓, ⚠, ✗, –, ?
    static QString healthGlyph(std::optional<Health> h);
    static QString breakerGlyph(std::optional<BreakerState> s);
    /// Text colour readable on @p background.
    static QColor textOn(const QColor &background);
};

} // namespace dashboard
