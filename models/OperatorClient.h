// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <optional>

#include <QDateTime>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>

#include "Snapshot.h"

class QNetworkAccessManager;

namespace dashboard {

class HttpFetch;

/// One track as the operator endpoints list it (docs/PROTOCOL.md, "Operators").
struct TrackInfo
{
    QString trackId;
    std::optional<QueueStatus> status;
    int retryCount = 0;
    QStringList sourcesEnriched;
    QString errorMessage;
    QString errorType;
    QString errorSource;
    QDateTime lastAttempt;
    /// When a pending track is tried again (invalid: not pending).
    QDateTime nextAttempt;
    QDateTime created;
    QDateTime updated;
    QString leaseOwner;
    /// What a lookup needs, as the track was queued with it (empty: by id alone).
    QString artist;
    QString title;
    QString isrc;
    qint64 durationMs = 0;
};

/// One source call of a track.
struct AttemptInfo
{
    QString source;
    QString outcome; ///< success, no_data, error, skipped
    QString errorType;
    QString detail;
    double latencyMs = 0;
    QStringList fields;
    QString worker;
    QDateTime at;
};

/// One metadata field a track ended up with, and the source that gave it.
struct MetadataInfo
{
    QString field;
    QString value;
    QString source;
    QDateTime at;
};

/// One track with its attempts (newest first), the fields its sources found and the
/// metadata it ended up with (by field name).
struct TrackDetail
{
    TrackInfo track;
    QStringList fields;
    QList<MetadataInfo> metadata;
    QList<AttemptInfo> attempts;
};

/// Failed or partial tracks with one error type and source.
struct FailureGroupInfo
{
    std::optional<QueueStatus> status;
    QString errorType;
    QString errorSource;
    qint64 count = 0;
    QStringList examples;
};

/// One operator action as the audit log keeps it.
struct AuditEntryInfo
{
    qint64 id = 0;
    QDateTime at;
    QString actor;
    QString action;
    QJsonObject parameters;
    QJsonObject result;
    QString worker;
};

/// What a track search asks for; empty members do not filter.
struct TrackQuery
{
    std::optional<QueueStatus> status;
    QString errorType;
    QString errorSource;
    QString idPrefix;
    int limit = 100;
};

/// The dashboard's side of the operator endpoints: searches tracks, reads one track, the
/// failures and acts (retry, breaker, pause, resume, enqueue), over the same network and
/// token as the feed. Every answer is size-capped and parsed tolerantly; server text is
/// made plain. A service without the endpoints (the seed's shape) answers 404: the
/// client then says unsupported() once, and the dashboard hides what it cannot do.
///
/// Requests of one kind never overlap: a new search replaces the one in flight, and so
/// on; actions queue (each one is answered).
class OperatorClient final : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 MaxReplyBytes = 8 * 1024 * 1024;
    static constexpr int MaxRows = 1000;
    /// The kinds of read, so each view shows only the failures of what it asked.
    enum class Request { Failures, Tracks, Track, Audit };
    Q_ENUM(Request)

    /// @p network is not owned and must outlive the client.
    explicit OperatorClient(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~OperatorClient() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    void setToken(const QByteArray &token) { m_token = token; }

    void fetchFailures();
    /// One page; @p after is the previous page's `next` (empty: the first page).
    void searchTracks(const TrackQuery &query, const QString &after = {});
    void fetchTrack(const QString &trackId);
    /// The newest @p limit entries of the audit log.
    void fetchAudit(int limit = 200);
    /// POSTs action @p action with @p body (a JSON object).
    void act(const QString &action, const QJsonObject &body);
    bool busy() const;
    bool auditInFlight() const { return !m_audit.isNull(); }

    static std::optional<TrackInfo> parseTrack(const QJsonObject &o);
    static std::optional<TrackDetail> parseDetail(const QJsonObject &o);
    static QList<FailureGroupInfo> parseFailures(const QJsonObject &o);
    static QList<AuditEntryInfo> parseAudit(const QJsonObject &o);

Q_SIGNALS:
    void failuresReceived(const QList<dashboard::FailureGroupInfo> &groups);
    /// A page: @p append when it continues the previous one (it had an `after`).
    void tracksReceived(const QList<dashboard::TrackInfo> &rows, const QString &next, bool append);
    void trackReceived(const dashboard::TrackDetail &detail);
    void auditReceived(const QList<dashboard::AuditEntryInfo> &entries);
    /// An action sent with @p body was answered: @p result is the server's answer when
    /// @p ok, else @p error says why (plain text).
    void actionFinished(const QString &action, const QJsonObject &body, bool ok,
                        const QJsonObject &result, const QString &error);
    /// A read of kind @p request failed: @p what names it, @p error says why (plain text,
    /// for the view that asked).
    void requestFailed(dashboard::OperatorClient::Request request, const QString &what,
                       const QString &error);
    /// The service has no operator endpoints (it answered 404 to one of them).
    void unsupported();

private:
    using Handler = std::function<void(int status, const QJsonObject &body, const QString &error)>;
    HttpFetch *send(const QString &path, const QByteArray &query, const QByteArray *postBody,
                    Handler handler);
    void replace(QPointer<HttpFetch> &slot, HttpFetch *fetch);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QByteArray m_token;
    QPointer<HttpFetch> m_failures;
    QPointer<HttpFetch> m_search;
    QPointer<HttpFetch> m_track;
    QPointer<HttpFetch> m_audit;
    int m_actionsInFlight = 0;
    bool m_saidUnsupported = false;
};

} // namespace dashboard
