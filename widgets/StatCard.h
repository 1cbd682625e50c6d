// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFrame>

class QLabel;

namespace dashboard {

/// A counter tile: a caption, a big value ("no data" when unknown) and a detail line,
/// with a coloured accent bar.
class StatCard final : public QFrame
{
    Q_OBJECT
public:
    StatCard(const QString &caption, const QColor &accent, QWidget *parent = nullptr);
    void setValue(const QString &value, const QString &detail = {});
    void setNoData();
    QString value() const;
    QString detail() const;
    void setAccent(const QColor &accent);
    /// The value is the last known one, not live (the backend is out of reach): drawn
    /// dimmed, and said so to a screen reader and in the tooltip.
    void setStale(bool stale);
    bool isStale() const { return m_stale; }

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void restyle();
    QLabel *m_caption;
    QLabel *m_value;
    QLabel *m_detail;
    QColor m_accent;
    bool m_stale = false;
};

} // namespace dashboard
