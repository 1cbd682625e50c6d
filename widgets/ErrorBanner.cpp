// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ErrorBanner.h"

#include <QApplication>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include "StatusStyle.h"

namespace dashboard {

ErrorBanner::ErrorBanner(QWidget *parent) : ErrorBanner(Health::Down, tr("&Retry"), parent) {}

ErrorBanner::ErrorBanner(Health tone, const QString &buttonText, QWidget *parent)
    : QFrame(parent), m_tone(tone), m_icon(new QLabel(this)), m_text(new QLabel(this)),
      m_retry(new QPushButton(buttonText, this))
{
    setObjectName(QStringLiteral("errorBanner"));
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 6, 8, 6);
    m_icon->setPixmap(StatusStyle::healthIcon(tone).pixmap(20, 20));
    m_text->setWordWrap(true);
    // Messages can quote a backend: never interpret them as rich text.
    m_text->setTextFormat(Qt::PlainText);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_retry);
    connect(m_retry, &QPushButton::clicked, this, &ErrorBanner::retryRequested);
    restyle();
    hide();
}

void ErrorBanner::restyle()
{
    QPalette p = palette();
    QColor bg = StatusStyle::healthColor(m_tone, QApplication::palette());
    bg.setAlphaF(StatusStyle::isDark() ? 0.28 : 0.12);
    const QColor base = QApplication::palette().color(QPalette::Window);
    // Blend the tint over the window colour so it stays opaque.
    const QColor blended =
        QColor::fromRgbF(base.redF() * (1 - bg.alphaF()) + bg.redF() * bg.alphaF(),
                         base.greenF() * (1 - bg.alphaF()) + bg.greenF() * bg.alphaF(),
                         base.blueF() * (1 - bg.alphaF()) + bg.blueF() * bg.alphaF());
    p.setColor(QPalette::Window, blended);
    setPalette(p);
}

void ErrorBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::ApplicationPaletteChange)
        restyle();
}

void ErrorBanner::setError(const QString &message)
{
    m_text->setText(message);
    setAccessibleName(message);
    setVisible(!message.isEmpty());
}

QString ErrorBanner::message() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace dashboard
