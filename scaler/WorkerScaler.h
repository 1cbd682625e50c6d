// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QNetworkAccessManager>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

#include "ScalePolicy.h"
#include "enrichment/SnapshotDocument.h"

class QNetworkReply;

namespace enrichment {

class WorkerRunner;

/// Follows a backend's `autoscale.desired_workers` (a worker's or the relay's snapshot):
/// every poll it reads the number, asks ScalePolicy what to run and has the runner start
/// or stop instances. A backend out of reach changes nothing (the workers keep running).
class WorkerScaler final : public QObject
{
    Q_OBJECT
public:
    struct Config
    {
        QUrl url;          ///< the backend or relay whose number to follow
        QByteArray token;  ///< a viewer token (Bearer); empty: none
        int pollMs = 5000; ///< how often the number is read
        ScalePolicy::Config policy;
    };
    /// @p runner must outlive the scaler.
    WorkerScaler(const Config &config, WorkerRunner &runner, QObject *parent = nullptr);

    /// Polls now and then every `pollMs`.
    void start();
    void stop();
    /// The last number read and why (none: not read yet, or the last poll failed).
    const std::optional<AutoscaleInfo> &lastAdvice() const { return m_advice; }

Q_SIGNALS:
    /// A poll was answered (@p advice: none when the backend did not say) and acted on.
    void polled(const std::optional<enrichment::AutoscaleInfo> &advice, int running);
    /// The scaler changed the number of workers from @p from to @p to.
    void scaled(int from, int to, const QString &why);

private:
    void poll();
    void answered(QNetworkReply *reply);
    void act(const std::optional<AutoscaleInfo> &advice);

    Config m_config;
    WorkerRunner &m_runner;
    ScalePolicy m_policy;
    QNetworkAccessManager m_network;
    QTimer m_timer;
    QPointer<QNetworkReply> m_inFlight;
    std::optional<AutoscaleInfo> m_advice;
    QString m_lastError;
};

/// The operator's words for why the fleet wants @p a.desiredWorkers workers.
QString describeAdvice(const AutoscaleInfo &a);

} // namespace enrichment
