// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

#include "AlertRules.h"

class QCheckBox;
class QDoubleSpinBox;
class QSpinBox;

namespace dashboard {

/// Settings > Notifications: each rule on or off with its threshold, how often an ongoing
/// problem may notify again, how long a problem must stay clear to count as recovered,
/// when many become one summary, and whether closing the window keeps the dashboard in
/// the tray.
class NotificationSettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    NotificationSettingsDialog(const AlertSettings &settings, bool closeToTray,
                               QWidget *parent = nullptr);

    AlertSettings settings() const;
    bool closeToTray() const;

    QCheckBox *ruleBox(AlertRule rule) const { return m_rules[int(rule)]; }
    QDoubleSpinBox *rateLimitPercent() const { return m_rateShare; }
    QSpinBox *stuckMinutes() const { return m_stuck; }

private:
    QCheckBox *m_rules[AlertRuleCount] = {};
    QDoubleSpinBox *m_rateShare;
    QDoubleSpinBox *m_drainHours;
    QSpinBox *m_growing;
    QSpinBox *m_stuck;
    QSpinBox *m_connection;
    QDoubleSpinBox *m_anomalyScore;
    QDoubleSpinBox *m_tripChance;
    QSpinBox *m_repeat;
    QSpinBox *m_recover;
    QSpinBox *m_summary;
    QCheckBox *m_tray;
};

} // namespace dashboard
