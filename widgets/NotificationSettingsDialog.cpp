// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "NotificationSettingsDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGridLayout>
#include <QPushButton>
#include <QGroupBox>
#include <QLabel>
#include <QSpinBox>
#include <QVBoxLayout>

#include "TrayIcon.h"

namespace dashboard {

namespace {
QSpinBox *spin(int lo, int hi, int value, const QString &suffix, QWidget *parent)
{
    auto *s = new QSpinBox(parent);
    s->setRange(lo, hi);
    s->setValue(value);
    s->setSuffix(suffix);
    return s;
}
} // namespace

NotificationSettingsDialog::NotificationSettingsDialog(const AlertSettings &settings,
                                                       bool closeToTray, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Notification Settings"));
    setObjectName(QStringLiteral("notificationSettings"));
    auto *v = new QVBoxLayout(this);

    auto *rules = new QGroupBox(tr("Notify when"), this);
    auto *grid = new QGridLayout(rules);
    grid->setColumnStretch(1, 1);
    auto row = [&](AlertRule rule, const QString &text, QWidget *threshold = nullptr,
                   QWidget *second = nullptr) {
        const int r = grid->rowCount();
        auto *box = new QCheckBox(text, rules);
        box->setChecked(settings.isEnabled(rule));
        m_rules[int(rule)] = box;
        grid->addWidget(box, r, 0);
        auto *fields = new QHBoxLayout;
        for (QWidget *w : {threshold, second}) {
            if (!w)
                continue;
            fields->addWidget(w);
            connect(box, &QCheckBox::toggled, w, &QWidget::setEnabled);
            w->setEnabled(box->isChecked());
        }
        fields->addStretch(1);
        grid->addLayout(fields, r, 1);
    };

    m_rateShare = new QDoubleSpinBox(rules);
    m_rateShare->setRange(1, 90);
    m_rateShare->setDecimals(0);
    m_rateShare->setValue(settings.rateLimitShare * 100.0);
    m_rateShare->setPrefix(tr("below "));
    m_rateShare->setSuffix(tr(" % of the quota"));
    m_drainHours = new QDoubleSpinBox(rules);
    m_drainHours->setRange(0.1, 720);
    m_drainHours->setDecimals(1);
    m_drainHours->setValue(settings.drainHours);
    m_drainHours->setPrefix(tr("drain over "));
    m_drainHours->setSuffix(tr(" h"));
    m_growing = spin(1, 1440, settings.pendingGrowingMinutes, tr(" min"), rules);
    m_growing->setPrefix(tr("or growing for "));
    m_stuck = spin(1, 1440, settings.stuckMinutes, tr(" min"), rules);
    m_stuck->setPrefix(tr("for "));
    m_connection = spin(1, 3600, settings.connectionSeconds, tr(" s"), rules);
    m_connection->setPrefix(tr("for more than "));
    m_anomalyScore = new QDoubleSpinBox(rules);
    m_anomalyScore->setRange(3.5, 50);
    m_anomalyScore->setDecimals(1);
    m_anomalyScore->setValue(settings.anomalyScore);
    m_anomalyScore->setPrefix(tr("at least "));
    m_anomalyScore->setSuffix(tr(" σ out"));
    m_tripChance = new QDoubleSpinBox(rules);
    m_tripChance->setRange(5, 99);
    m_tripChance->setDecimals(0);
    m_tripChance->setValue(settings.tripChance * 100.0);
    m_tripChance->setPrefix(tr("chance within 1 h at least "));
    m_tripChance->setSuffix(tr(" %"));
    m_anomalyScore->setToolTip(tr("How far from the expected value, in robust standard "
                                  "deviations; the band itself is 3.5"));

    row(AlertRule::BreakerOpen, tr("A circuit breaker opens (and closes again)"));
    row(AlertRule::SourceDown, tr("A source goes down (and recovers)"));
    row(AlertRule::RateLimitLow, tr("A source's rate limit runs low"), m_rateShare);
    row(AlertRule::Backlog, tr("The backlog drains too slowly"), m_drainHours, m_growing);
    row(AlertRule::Stuck, tr("No track finishes while tracks are pending"), m_stuck);
    row(AlertRule::ConnectionLost, tr("The backend does not answer"), m_connection);
    row(AlertRule::PrometheusAlert, tr("Alertmanager reports an alert firing"));
    row(AlertRule::WorkerLost, tr("A worker of the fleet stops answering (and comes back)"));
    row(AlertRule::BreakerAttention,
        tr("A circuit breaker stops probing by itself and waits for an operator"));
    row(AlertRule::Anomaly, tr("A source's figures leave their usual band"), m_anomalyScore);
    row(AlertRule::TripForecast, tr("A circuit breaker is likely to open soon"), m_tripChance);
    v->addWidget(rules);

    auto *general = new QGroupBox(tr("Delivery"), this);
    auto *form = new QFormLayout(general);
    m_repeat = spin(1, 1440, settings.repeatMinutes, tr(" min"), general);
    form->addRow(tr("Notify about the same problem at most every"), m_repeat);
    m_recover = spin(0, 3600, settings.recoverSeconds, tr(" s"), general);
    form->addRow(tr("A problem counts as resolved after staying clear for"), m_recover);
    m_summary = spin(1, 50, settings.summaryAbove, tr(" at once"), general);
    form->addRow(tr("One summary instead of separate notifications above"), m_summary);
    m_tray = new QCheckBox(tr("Keep running in the tray when the window is closed"), general);
    m_tray->setChecked(closeToTray);
    if (!TrayIcon::isAvailable()) {
        m_tray->setEnabled(false);
        m_tray->setText(m_tray->text() + tr(" (this desktop has no system tray)"));
        m_tray->setToolTip(tr("This desktop has no system tray"));
    }
    form->addRow(m_tray);
    v->addWidget(general);

    auto *hint = new QLabel(tr("A notification's \"Mute for 1 h\" silences that one problem; "
                               "the tray menu pauses all of them."),
                            this);
    hint->setWordWrap(true);
    v->addWidget(hint);

    auto *buttons = new QDialogButtonBox(
        QDialogButtonBox::Ok | QDialogButtonBox::Cancel | QDialogButtonBox::RestoreDefaults, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons->button(QDialogButtonBox::RestoreDefaults), &QPushButton::clicked, this,
            [this] {
                const AlertSettings d;
                for (int r = 0; r < AlertRuleCount; ++r)
                    m_rules[r]->setChecked(d.enabled[r]);
                m_rateShare->setValue(d.rateLimitShare * 100.0);
                m_drainHours->setValue(d.drainHours);
                m_growing->setValue(d.pendingGrowingMinutes);
                m_stuck->setValue(d.stuckMinutes);
                m_connection->setValue(d.connectionSeconds);
                m_anomalyScore->setValue(d.anomalyScore);
                m_tripChance->setValue(d.tripChance * 100.0);
                m_repeat->setValue(d.repeatMinutes);
                m_recover->setValue(d.recoverSeconds);
                m_summary->setValue(d.summaryAbove);
            });
    v->addWidget(buttons);
}

AlertSettings NotificationSettingsDialog::settings() const
{
    AlertSettings s;
    for (int r = 0; r < AlertRuleCount; ++r)
        s.enabled[r] = m_rules[r]->isChecked();
    s.rateLimitShare = m_rateShare->value() / 100.0;
    s.drainHours = m_drainHours->value();
    s.pendingGrowingMinutes = m_growing->value();
    s.stuckMinutes = m_stuck->value();
    s.connectionSeconds = m_connection->value();
    s.anomalyScore = m_anomalyScore->value();
    s.tripChance = m_tripChance->value() / 100.0;
    s.repeatMinutes = m_repeat->value();
    s.recoverSeconds = m_recover->value();
    s.summaryAbove = m_summary->value();
    return s;
}

bool NotificationSettingsDialog::closeToTray() const
{
    return m_tray->isChecked();
}

} // namespace dashboard
