// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <optional>

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>

class QNetworkAccessManager;
class QNetworkReply;

namespace dashboard {

/// One HTTP request of the dashboard to a service (Prometheus, Alertmanager, ...), with
/// what every such request needs: a bearer token, a cap on the answer enforced while it
/// streams (the network layer buffers at most ReadChunkBytes ahead of us, so a service
/// that sends without end costs no more than the cap), an overall deadline (a service
/// that drips a byte now and then is as late as one that says nothing), certificate
/// problems kept, and every failure said with the service's name and address.
///
/// Deletes itself after finished().
class HttpFetch final : public QObject
{
    Q_OBJECT
public:
    struct Request
    {
        QString service; ///< for people: "Prometheus", "Alertmanager"
        QUrl url;
        QByteArray token;                   ///< empty: no Authorization header
        qint64 maxBytes = 16 << 20;         ///< a longer answer is cut off and fails
        int deadlineMs = 30'000;            ///< the whole exchange, first byte to last
        std::optional<QByteArray> postBody; ///< set: POST it as application/json
    };
    /// The network layer reads at most this much ahead of the fetch.
    static constexpr qint64 ReadChunkBytes = 256 * 1024;

    /// Sends @p request; the answer comes with finished().
    static HttpFetch *start(QNetworkAccessManager *network, const Request &request,
                            QObject *parent = nullptr);
    ~HttpFetch() override;

    /// Stops it; finished() is not emitted.
    void cancel();

    enum class Failure { None, Network, Tls, TooLarge, TooSlow };
    Failure failure() const { return m_failure; }
    /// The HTTP status (0: none came).
    int status() const { return m_status; }
    /// The answer (at most maxBytes).
    const QByteArray &body() const { return m_body; }
    /// Why it failed, for people, naming the service and its address; empty if it did not
    /// (an HTTP error status is not a failure of the fetch: see status()).
    QString errorText() const;
    /// "Prometheus at http://host:9090" (no user info).
    QString where() const;
    /// What was asked (the request's URL) and the cap its answer was held to.
    const QUrl &url() const { return m_request.url; }
    qint64 maxBytes() const { return m_request.maxBytes; }
    int deadlineMs() const { return m_request.deadlineMs; }
    /// The network layer's or the certificate check's own words (Network, Tls), plain.
    QString failureDetail() const;

Q_SIGNALS:
    void finished();

private:
    HttpFetch(const Request &request, QObject *parent);
    void fail(Failure failure);
    void readSome();
    void done();

    Request m_request;
    QPointer<QNetworkReply> m_reply;
    QTimer m_deadline;
    QByteArray m_body;
    int m_status = 0;
    Failure m_failure = Failure::None;
    QString m_networkError;
    QString m_tlsErrors;
    bool m_finished = false;
};

} // namespace dashboard
