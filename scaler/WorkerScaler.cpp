// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WorkerScaler.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QNetworkReply>
#include <QNetworkRequest>

#include "WorkerRunner.h"
#include "enrichment/SnapshotParser.h"
#include "enrichment/WireFormat.h"

Q_LOGGING_CATEGORY(lcScaler, "enrichment.scaler")

namespace enrichment {

namespace {
/// The snapshot is small; anything far larger is not a backend's answer.
constexpr qint64 MaxSnapshotBytes = 16 * 1024 * 1024;
} // namespace

QString describeAdvice(const AutoscaleInfo &a)
{
    QString why;
    switch (a.reason) {
    case AutoscaleInfo::Reason::Idle: why = QStringLiteral("nothing queued"); break;
    case AutoscaleInfo::Reason::Measuring:
        why = QStringLiteral("%1 queued, rate per worker not measured yet").arg(a.backlog);
        break;
    case AutoscaleInfo::Reason::Backlog: why = QStringLiteral("backlog"); break;
    case AutoscaleInfo::Reason::Quota:
        why = QStringLiteral("capped by %1's quota (%2 requests/min)")
                  .arg(a.capSource)
                  .arg(a.capQuotaPerMinute.value_or(0), 0, 'f', 1);
        break;
    case AutoscaleInfo::Reason::BreakerOpen:
        why = QStringLiteral("held: breaker open on %1")
                  .arg(a.openSources.join(QLatin1String(", ")));
        break;
    case AutoscaleInfo::Reason::Paused: why = QStringLiteral("held: pipeline paused"); break;
    case AutoscaleInfo::Reason::MinWorkers: why = QStringLiteral("the minimum"); break;
    case AutoscaleInfo::Reason::MaxWorkers: why = QStringLiteral("the maximum"); break;
    }
    if (a.reason == AutoscaleInfo::Reason::Idle || a.reason == AutoscaleInfo::Reason::Measuring)
        return why;
    return QStringLiteral("%1; %2 queued + %3/min inflow, %4/min per worker, %5 min left to drain")
        .arg(why)
        .arg(a.backlog)
        .arg(a.inflowPerMinute, 0, 'f', 1)
        .arg(a.ratePerWorker.value_or(0), 0, 'f', 1)
        .arg(a.drainSecondsLeft / 60.0, 0, 'f', 1);
}

WorkerScaler::WorkerScaler(const Config &config, WorkerRunner &runner, QObject *parent)
    : QObject(parent), m_config(config), m_runner(runner), m_policy(config.policy)
{
    connect(&m_timer, &QTimer::timeout, this, &WorkerScaler::poll);
    connect(&m_runner, &WorkerRunner::exitedUnasked, this, [](int n, int code) {
        qCWarning(lcScaler) << "worker" << n << "exited by itself (code" << code
                            << "); started again at the next poll if still wanted";
    });
}

void WorkerScaler::start()
{
    m_timer.start(m_config.pollMs);
    poll();
}

void WorkerScaler::stop()
{
    m_timer.stop();
    if (m_inFlight)
        m_inFlight->abort();
}

void WorkerScaler::poll()
{
    if (m_inFlight)
        return; // the last poll still waits (its own timeout ends it)
    QUrl url = m_config.url;
    url.setPath(QString(wire::path::Snapshot));
    QNetworkRequest request(url);
    request.setTransferTimeout(std::max(1000, m_config.pollMs));
    if (!m_config.token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + m_config.token);
    QNetworkReply *reply = m_network.get(request);
    m_inFlight = reply;
    connect(reply, &QNetworkReply::downloadProgress, reply, [reply](qint64 received, qint64) {
        if (received > MaxSnapshotBytes)
            reply->abort();
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { answered(reply); });
}

void WorkerScaler::answered(QNetworkReply *reply)
{
    reply->deleteLater();
    std::optional<AutoscaleInfo> advice;
    QString error;
    if (reply->error() != QNetworkReply::NoError) {
        error = reply->errorString();
    } else if (const auto snapshot = SnapshotParser::parseSnapshot(reply->readAll(), &error)) {
        advice = snapshot->autoscale;
        if (!advice)
            error = QStringLiteral("the backend says no autoscale number (an older version?)");
    }
    if (!error.isEmpty() && error != m_lastError)
        qCWarning(lcScaler).noquote() << "cannot read the number from" << m_config.url.toString()
                                      << "(holding the workers as they are):" << error;
    else if (error.isEmpty() && !m_lastError.isEmpty())
        qCInfo(lcScaler).noquote() << "reading the number from" << m_config.url.toString()
                                   << "again";
    m_lastError = error;
    m_advice = advice;
    act(advice);
}

void WorkerScaler::act(const std::optional<AutoscaleInfo> &advice)
{
    QList<int> running = m_runner.running();
    const int now = int(running.size());
    const int target = m_policy.next(QDateTime::currentMSecsSinceEpoch(), now,
                                     advice ? std::optional<qint64>(advice->desiredWorkers)
                                            : std::nullopt);
    if (target != now) {
        const QString why = advice ? describeAdvice(*advice) : QString();
        qCInfo(lcScaler).noquote() << "scaling from" << now << "to" << target
                                   << "workers:" << why;
        // The lowest free numbers; one still stopping is skipped. Three refusals in a row
        // (a program that cannot start) end the attempt until the next poll.
        int refused = 0;
        for (int n = 1; int(running.size()) < target && refused < 3; ++n) {
            if (running.contains(n))
                continue;
            QString error;
            if (!m_runner.start(n, &error)) {
                qCWarning(lcScaler).noquote() << "cannot start worker" << n << ":" << error;
                ++refused;
                continue;
            }
            refused = 0;
            running << n;
        }
        std::sort(running.begin(), running.end());
        while (int(running.size()) > target)
            m_runner.stop(running.takeLast());
        Q_EMIT scaled(now, int(running.size()), why);
    }
    Q_EMIT polled(advice, int(running.size()));
}

} // namespace enrichment
