// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace dashboard {

class HttpFetch;

/// Long history from Prometheus: range queries (`/api/v1/query_range`) answered
/// asynchronously; a new query under the same tag cancels the one before (a chart that
/// changes its range or source does not wait for the old answer). A Prometheus that is
/// down, slow (30 s) or answers with an error is reported per tag with the reason.
class PrometheusClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PrometheusClient)
public:
    /// An answer longer than this is refused (read as it streams, never buffered whole).
    static constexpr qint64 MaxBytes = 16 * 1024 * 1024;
    /// A series with more points is refused (Prometheus answers at most 11,000 per series).
    static constexpr int MaxPointsPerSeries = 11'000;
    static constexpr int MaxSeries = 200;     ///< series beyond this are not read
    static constexpr int DeadlineMs = 30'000; ///< the whole answer, first byte to last

    struct Series
    {
        QMap<QString, QString> labels;
        QList<QPair<qint64, double>> points; ///< (epoch ms, value), NaN and Inf left out
    };

    explicit PrometheusClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~PrometheusClient() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QByteArray &token) { m_token = token; }
    /// How long one answer may take, first byte to last (default DeadlineMs).
    void setDeadlineMs(int ms) { m_deadlineMs = ms; }

    void queryRange(const QString &tag, const QString &expr, qint64 startMs, qint64 endMs,
                    qint64 stepMs);
    void cancel(const QString &tag);
    bool isPending(const QString &tag) const { return m_pending.contains(tag); }

    /// The step for @p spanMs drawn over @p pixels: at most two points per pixel, whole
    /// seconds, at least 15 s (the scrape interval).
    static qint64 stepFor(qint64 spanMs, int pixels);
    /// Reads a `query_range` answer (a matrix); nullopt and @p error otherwise.
    static std::optional<QList<Series>> parseMatrix(const QByteArray &json, QString *error);

Q_SIGNALS:
    void rangeReady(const QString &tag, const QList<dashboard::PrometheusClient::Series> &series);
    void rangeFailed(const QString &tag, const QString &error);

private:
    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QByteArray m_token;
    int m_deadlineMs = DeadlineMs;
    QHash<QString, QPointer<HttpFetch>> m_pending;
};

} // namespace dashboard

Q_DECLARE_METATYPE(dashboard::PrometheusClient::Series)
