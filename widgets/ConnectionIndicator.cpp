// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ConnectionIndicator.h"

#include <QHBoxLayout>
#include <QLabel>

#include "SourcesModel.h"
#include "StatusStyle.h"

namespace dashboard {

ConnectionIndicator::ConnectionIndicator(BackendFeed *feed, QWidget *parent)
    : QWidget(parent), m_feed(feed), m_dot(new QLabel(this)), m_state(new QLabel(this)),
      m_age(new QLabel(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_dot);
    layout->addWidget(m_state);
    layout->addSpacing(10);
    layout->addWidget(m_age);
    QFont bold = m_state->font();
    bold.setBold(true);
    m_state->setFont(bold);
    m_feed = nullptr;
    setFeed(feed);
}

void ConnectionIndicator::setFeed(BackendFeed *feed)
{
    if (m_feed)
        m_feed->disconnect(this);
    m_feed = feed;
    if (!feed) { // a window with no connection yet
        refreshState();
        tick();
        return;
    }
    connect(feed, &BackendFeed::stateChanged, this, &ConnectionIndicator::refreshState);
    connect(feed, &BackendFeed::reconnectCountdownChanged, this,
            &ConnectionIndicator::refreshState);
    connect(feed, &BackendFeed::snapshotReceived, this, &ConnectionIndicator::tick);
    refreshState();
    tick();
}

QString ConnectionIndicator::stateText() const
{
    return m_state->text();
}

QString ConnectionIndicator::ageText() const
{
    return m_age->text();
}

QString ConnectionIndicator::stateTextFor(const BackendFeed *feed)
{
    if (!feed)
        return tr("Disconnected");
    switch (feed->state()) {
    case BackendFeed::ConnectionState::Live: return tr("Live");
    case BackendFeed::ConnectionState::Connecting: return tr("Connecting…");
    case BackendFeed::ConnectionState::Reconnecting:
        return tr("Reconnecting in %n s", nullptr, std::max(1, feed->reconnectInSeconds()));
    case BackendFeed::ConnectionState::Disconnected: return tr("Disconnected");
    }
    return {};
}

void ConnectionIndicator::refreshState()
{
    std::optional<Health> look;
    QString glyph;
    const auto state = m_feed ? m_feed->state() : BackendFeed::ConnectionState::Disconnected;
    switch (state) {
    case BackendFeed::ConnectionState::Live:
        look = Health::Healthy;
        glyph = QStringLiteral("●");
        break;
    case BackendFeed::ConnectionState::Connecting:
        look = Health::Degraded;
        glyph = QStringLiteral("○");
        break;
    case BackendFeed::ConnectionState::Reconnecting:
        look = Health::Degraded;
        glyph = QStringLiteral("◌");
        break;
    case BackendFeed::ConnectionState::Disconnected:
        look = Health::Down;
        glyph = QStringLiteral("○");
        break;
    }
    const QString text = stateTextFor(m_feed);
    m_dot->setText(glyph);
    QPalette p = m_dot->palette();
    p.setColor(QPalette::WindowText, StatusStyle::healthColor(look, palette()));
    m_dot->setPalette(p);
    m_state->setPalette(p);
    m_state->setText(text);
    setAccessibleName(text + QStringLiteral(", ") + m_age->text());
}

void ConnectionIndicator::tick()
{
    const qint64 age = m_feed ? m_feed->dataAgeMs() : -1;
    m_stale = m_feed && m_feed->isStale();
    QString text;
    if (age < 0)
        text = tr("no data yet");
    else if (m_stale)
        text = tr("stale: updated %1").arg(SourcesModel::relativeTime(age / 1000));
    else
        text = tr("updated %1").arg(SourcesModel::relativeTime(age / 1000));
    m_age->setText(text);
    QPalette p = m_age->palette();
    p.setColor(QPalette::WindowText, m_stale ? StatusStyle::healthColor(Health::Degraded, palette())
                                             : palette().color(QPalette::PlaceholderText));
    m_age->setPalette(p);
    QFont f = m_age->font();
    f.setBold(m_stale);
    m_age->setFont(f);
}

} // namespace dashboard
