// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatusStyle.h"

#include <QApplication>

namespace dashboard {

namespace {
QPalette effective(const QPalette &p)
{
    return p.resolveMask() == 0 && qApp ? QApplication::palette() : p;
}
QColor pick(const QPalette &p, const char *light, const char *dark)
{
    return QColor(QLatin1String(StatusStyle::isDark(p) ? dark : light));
}
} // namespace

bool StatusStyle::isDark(const QPalette &palette)
{
    return effective(palette).color(QPalette::Window).lightness() < 128;
}

QColor StatusStyle::healthColor(std::optional<Health> h, const QPalette &p)
{
    if (!h)
        return pick(p, "#80868b", "#80868b");
    switch (*h) {
    case Health::Healthy: return pick(p, "#1e8e3e", "#5bd17a");
    case Health::Degraded: return pick(p, "#b06000", "#f2b233");
    case Health::Down: return pick(p, "#c5221f", "#ff6b61");
    case Health::Unavailable: return pick(p, "#5f6368", "#9aa0a6");
    }
    return {};
}

QColor StatusStyle::breakerColor(std::optional<BreakerState> s, const QPalette &p)
{
    if (!s)
        return healthColor(std::nullopt, p);
    switch (*s) {
    case BreakerState::Closed: return healthColor(Health::Healthy, p);
    case BreakerState::HalfOpen: return healthColor(Health::Degraded, p);
    case BreakerState::Open: return healthColor(Health::Down, p);
    }
    return {};
}

QColor StatusStyle::queueColor(QueueStatus s, const QPalette &p)
{
    switch (s) {
    case QueueStatus::Pending: return pick(p, "#1a73e8", "#8ab4f8");
    case QueueStatus::InProgress: return pick(p, "#9334e6", "#c58af9");
    case QueueStatus::Completed: return pick(p, "#1e8e3e", "#5bd17a");
    case QueueStatus::Failed: return pick(p, "#c5221f", "#ff6b61");
    case QueueStatus::Partial: return pick(p, "#b06000", "#f2b233");
    }
    return {};
}

QColor StatusStyle::seriesColor(int index, const QPalette &p)
{
    static const char *const light[] = {"#1a73e8", "#e8710a", "#9334e6", "#12b5cb",
                                        "#d01884", "#188038", "#5f6368", "#b31412"};
    static const char *const dark[] = {"#8ab4f8", "#fcad70", "#c58af9", "#78d9ec",
                                       "#ff8bcb", "#81c995", "#bdc1c6", "#f28b82"};
    const int i = ((index % 8) + 8) % 8;
    return QColor(QLatin1String(isDark(p) ? dark[i] : light[i]));
}

QIcon StatusStyle::healthIcon(std::optional<Health> h)
{
    if (!h)
        return QIcon(QStringLiteral(":/icons/state-unknown.svg"));
    switch (*h) {
    case Health::Healthy: return QIcon(QStringLiteral(":/icons/state-ok.svg"));
    case Health::Degraded: return QIcon(QStringLiteral(":/icons/state-warning.svg"));
    case Health::Down: return QIcon(QStringLiteral(":/icons/state-error.svg"));
    case Health::Unavailable: return QIcon(QStringLiteral(":/icons/state-off.svg"));
    }
    return {};
}

QIcon StatusStyle::breakerIcon(std::optional<BreakerState> s)
{
    if (!s)
        return healthIcon(std::nullopt);
    switch (*s) {
    case BreakerState::Closed: return healthIcon(Health::Healthy);
    case BreakerState::HalfOpen: return healthIcon(Health::Degraded);
    case BreakerState::Open: return healthIcon(Health::Down);
    }
    return {};
}

QString StatusStyle::healthGlyph(std::optional<Health> h)
{
    if (!h)
        return QStringLiteral("?");
    switch (*h) {
    case Health::Healthy: return QStringLiteral("✓");
    case Health::Degraded: return QStringLiteral("⚠");
    case Health::Down: return QStringLiteral("✗");
    case Health::Unavailable: return QStringLiteral("–");
    }
    return {};
}

QString StatusStyle::breakerGlyph(std::optional<BreakerState> s)
{
    if (!s)
        return healthGlyph(std::nullopt);
    switch (*s) {
    case BreakerState::Closed: return healthGlyph(Health::Healthy);
    case BreakerState::HalfOpen: return healthGlyph(Health::Degraded);
    case BreakerState::Open: return healthGlyph(Health::Down);
    }
    return {};
}

QColor StatusStyle::textOn(const QColor &background)
{
    return background.lightness() > 150 ? QColor(0x20, 0x21, 0x24) : QColor(Qt::white);
}

} // namespace dashboard
