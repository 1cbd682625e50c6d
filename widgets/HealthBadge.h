// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

#include "Snapshot.h"

namespace dashboard {

/// A source's health as a pill: state icon, source name and health word, tinted with the
/// health colour. Readable without colour (icon and word differ per state).
class HealthBadge final : public QWidget
{
    Q_OBJECT
public:
    explicit HealthBadge(const QString &source, QWidget *parent = nullptr);
    /// std::nullopt: the service did not say (shown as unknown).
    void setHealth(std::optional<Health> health, const QString &detail = {});
    std::optional<Health> health() const { return m_health; }
    /// Operators paused the source: the badge says so after its health.
    void setPaused(bool paused);
    bool isPaused() const { return m_paused; }
    /// The source is off: the service was not configured with it and never asks it. The
    /// badge says "off", in the neutral colour, whatever the health.
    void setOff(bool off);
    bool isOff() const { return m_off; }
    /// The health shown is the last known (the backend is out of reach): grey, and the
    /// text says "last known".
    void setStale(bool stale);
    bool isStale() const { return m_stale; }
    QString source() const { return m_source; }
    /// The text a screen reader (and a test) reads: "spotify: Healthy".
    QString text() const;
    QSize sizeHint() const override;
    QSize minimumSizeHint() const override { return sizeHint(); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    QString m_source;
    std::optional<Health> m_health;
    bool m_paused = false;
    bool m_stale = false;
    bool m_off = false;
    /// The health word, and "paused" when it is.
    QString stateText() const;
};

} // namespace dashboard
