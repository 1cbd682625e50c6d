// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "HealthBadge.h"

#include <QPainter>
#include <QPainterPath>

#include "SourcesModel.h"
#include "StatusStyle.h"

namespace dashboard {

HealthBadge::HealthBadge(const QString &source, QWidget *parent) : QWidget(parent), m_source(source)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setHealth(std::nullopt);
}

void HealthBadge::setHealth(std::optional<Health> health, const QString &detail)
{
    m_health = health;
    setAccessibleName(text());
    setToolTip(detail.isEmpty() ? text() : text() + QLatin1Char('\n') + detail);
    updateGeometry();
    update();
}

void HealthBadge::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    setAccessibleName(text());
    updateGeometry();
    update();
}

void HealthBadge::setOff(bool off)
{
    if (off == m_off)
        return;
    m_off = off;
    setAccessibleName(text());
    setToolTip(off ? text() + QLatin1Char('\n') +
                         tr("Not in the backend's sources configuration: never asked.")
                   : text());
    updateGeometry();
    update();
}

void HealthBadge::setStale(bool stale)
{
    if (stale == m_stale)
        return;
    m_stale = stale;
    setAccessibleName(text());
    updateGeometry();
    update();
}

QString HealthBadge::stateText() const
{
    if (m_off)
        return tr("off");
    QString t = m_paused ? tr("%1 · paused").arg(SourcesModel::healthLabel(m_health))
                         : SourcesModel::healthLabel(m_health);
    return m_stale ? tr("%1 · last known").arg(t) : t;
}

QString HealthBadge::text() const
{
    return tr("%1: %2").arg(m_source, stateText());
}

QSize HealthBadge::sizeHint() const
{
    const QFontMetrics fm(font());
    QFont bold = font();
    bold.setBold(true);
    const QFontMetrics bfm(bold);
    const int w =
        10 + 18 + 6 + bfm.horizontalAdvance(m_source) + 8 + fm.horizontalAdvance(stateText()) + 14;
    return {std::max(w, 120), std::max(30, fm.height() + 14)};
}

void HealthBadge::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    // The last known health is not drawn in its colour: it may no longer be true.
    const QColor c =
        StatusStyle::healthColor(m_stale || m_off ? std::nullopt : m_health, palette());
    QColor fill = c;
    fill.setAlphaF(StatusStyle::isDark(palette()) ? 0.22 : 0.12);
    const QRectF r = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QPainterPath path;
    path.addRoundedRect(r, r.height() / 2, r.height() / 2);
    p.fillPath(path, fill);
    p.setPen(QPen(c, 1.2));
    p.drawPath(path);

    const int iconSize = 18;
    const QRect iconRect(10, (height() - iconSize) / 2, iconSize, iconSize);
    StatusStyle::healthIcon(m_off ? std::nullopt : m_health)
        .paint(&p, iconRect, Qt::AlignCenter, m_stale || m_off ? QIcon::Disabled : QIcon::Normal);

    QFont bold = font();
    bold.setBold(true);
    p.setFont(bold);
    p.setPen(palette().color(QPalette::WindowText));
    const int x = iconRect.right() + 7;
    const QFontMetrics bfm(bold);
    p.drawText(QRect(x, 0, width() - x, height()), Qt::AlignVCenter | Qt::AlignLeft, m_source);
    p.setFont(font());
    p.setPen(c);
    const int x2 = x + bfm.horizontalAdvance(m_source) + 8;
    p.drawText(QRect(x2, 0, width() - x2 - 8, height()), Qt::AlignVCenter | Qt::AlignLeft,
               stateText());
}

} // namespace dashboard
