// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "StatCard.h"

#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace dashboard {

StatCard::StatCard(const QString &caption, const QColor &accent, QWidget *parent)
    : QFrame(parent), m_caption(new QLabel(caption, this)), m_value(new QLabel(this)),
      m_detail(new QLabel(this)), m_accent(accent)
{
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 8, 10, 8);
    layout->setSpacing(1);
    layout->addWidget(m_caption);
    layout->addWidget(m_value);
    layout->addWidget(m_detail);
    m_value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    restyle();
    setNoData();
}

void StatCard::restyle()
{
    QFont big = font();
    big.setPointSizeF(font().pointSizeF() * 1.9);
    big.setBold(true);
    m_value->setFont(big);
    QFont small = font();
    small.setPointSizeF(font().pointSizeF() * 0.92);
    m_detail->setFont(small);
    m_caption->setFont(small);
    QPalette dim = palette();
    dim.setColor(QPalette::WindowText, palette().color(QPalette::PlaceholderText));
    m_caption->setPalette(dim);
    m_detail->setPalette(dim);
    m_value->setPalette(m_stale ? dim : palette());
}

void StatCard::setStale(bool stale)
{
    if (stale == m_stale)
        return;
    m_stale = stale;
    restyle();
    setToolTip(stale ? tr("Last known value: the backend is out of reach") : QString());
    setAccessibleName(m_caption->text() + QStringLiteral(": ") + m_value->text() +
                      (stale ? tr(" (last known)") : QString()));
    update();
}

void StatCard::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange)
        restyle();
}

void StatCard::setValue(const QString &value, const QString &detail)
{
    m_value->setText(value);
    m_detail->setText(detail.isEmpty() ? QStringLiteral(" ") : detail);
    setAccessibleName(m_caption->text() + QStringLiteral(": ") + value +
                      (m_stale ? tr(" (last known)") : QString()));
}

void StatCard::setNoData()
{
    setValue(QStringLiteral("—"), tr("no data"));
}

QString StatCard::value() const
{
    return m_value->text();
}

QString StatCard::detail() const
{
    return m_detail->text();
}

void StatCard::setAccent(const QColor &accent)
{
    m_accent = accent;
    update();
}

void StatCard::paintEvent(QPaintEvent *event)
{
    QFrame::paintEvent(event);
    QPainter p(this);
    p.fillRect(QRect(1, 1, 4, height() - 2), m_accent);
}

} // namespace dashboard
