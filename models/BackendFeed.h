// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>
#include <random>

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <QWebSocket>

#include "HttpFetch.h"
#include "Snapshot.h"

class QNetworkAccessManager;

namespace dashboard {

/// The dashboard's live connection to a backend that speaks docs/PROTOCOL.md:
/// - fetches `/monitoring/enrichment` on start, on refresh(), on the auto-refresh timer and
///   whenever the room announces `enrichment_batch_complete` or
///   `circuit_breaker_state_change` (requests never overlap; one that arrives during a
///   fetch is queued once) - unless the room pushes `enrichment_snapshot` itself, which
///   the feed then applies without a request;
/// - backfills from `/monitoring/enrichment/history` on start and after every reconnect
///   (a service without it is fine);
/// - holds the WebSocket room open with ping frames, and reconnects forever with capped
///   exponential backoff and jitter, reporting the state and the countdown.
/// The network comes from an injected QNetworkAccessManager; time and randomness are
/// injectable so tests can step them.
///
/// Nothing a backend sends is buffered without bound: a snapshot reply past
/// MaxSnapshotBytes, a history reply past MaxHistoryBytes and a room frame or message past
/// MaxRoomMessageBytes are refused as they arrive, with an error that says so. Error text
/// from the backend is reduced to plain text (enrichment::plainServerText()) before it is reported.
class BackendFeed final : public QObject
{
    Q_OBJECT
public:
    static constexpr qint64 MaxSnapshotBytes = 32 * 1024 * 1024;
    static constexpr qint64 MaxHistoryBytes = 64 * 1024 * 1024;
    /// A snapshot or history answer must be complete within this (a backend that drips
    /// a byte now and then is as late as one that says nothing).
    static constexpr int SnapshotDeadlineMs = 10'000;
    static constexpr int HistoryDeadlineMs = 30'000;
    static constexpr qint64 MaxRoomMessageBytes = 16 * 1024 * 1024;

    enum class ConnectionState { Disconnected, Connecting, Live, Reconnecting };
    Q_ENUM(ConnectionState)

    /// @p network is not owned and must outlive the feed.
    explicit BackendFeed(QNetworkAccessManager *network, QObject *parent = nullptr);
    ~BackendFeed() override;

    void setBaseUrl(const QUrl &url);
    QUrl baseUrl() const { return m_baseUrl; }
    /// Bearer token for `/monitoring/*` and `/ws`; empty for none.
    void setToken(const QByteArray &token) { m_token = token; }
    void setAutoRefresh(bool on);
    bool autoRefresh() const { return m_autoRefresh; }
    void setAutoRefreshInterval(int ms);
    int autoRefreshInterval() const { return m_refreshTimer.interval(); }
    /// Backoff: first delay, cap. Delays double per failed attempt, with 50-100 % jitter.
    void setBackoff(int initialMs, int maxMs);
    void setPingInterval(int ms);
    void setRandomSeed(quint32 seed) { m_rng.seed(seed); }
    void setHistoryMinutes(int minutes) { m_historyMinutes = minutes; }
    /// Data older than this is stale (default 90 s).
    void setStaleAfter(int ms) { m_staleAfterMs = ms; }
    void setClock(std::function<qint64()> nowMs) { m_now = std::move(nowMs); }

    void start();
    void stop();

    ConnectionState state() const { return m_state; }
    /// Seconds until the next reconnect attempt while Reconnecting.
    int reconnectInSeconds() const;
    /// The delay chosen for the pending reconnect attempt (ms).
    int pendingReconnectDelayMs() const { return m_lastDelayMs; }
    int reconnectAttempts() const { return m_attempt; }
    QString lastError() const { return m_lastError; }
    bool hasData() const { return m_lastUpdateMs > 0; }
    /// Milliseconds since the last good snapshot; -1 before the first.
    qint64 dataAgeMs() const;
    bool isStale() const;
    /// True while the backend is known to be out of reach: the room it had open closed (or
    /// stopped answering pings), or the last fetch failed. Within a few seconds of the loss
    /// (the room's pings are 1 s apart); false again once the room is back and a fetch
    /// succeeded. A service without a room counts only its fetches.
    bool isConnectionLost() const { return m_lostSinceMs > 0; }
    /// When the connection was lost (epoch ms); 0 while it is not.
    qint64 lostSinceMs() const { return m_lostSinceMs; }
    int malformedMessages() const { return m_malformed; }
    bool isFetching() const { return m_snapshotFetch != nullptr; }
    /// Snapshot requests sent so far (pushed snapshots need none).
    int fetchCount() const { return m_fetches; }
    /// True once the room announced that it pushes `enrichment_snapshot` after each event.
    bool serverPushesSnapshots() const { return m_serverPushes; }
    /// What the room's welcome said this client may do: "viewer", "operator", or empty
    /// (the service did not say: a seed-only service, or no welcome yet).
    QString role() const { return m_role; }
    /// True once the welcome said the service has the operator endpoints.
    bool operatorEndpoints() const { return m_operatorEndpoints; }
    QByteArray token() const { return m_token; }
    QNetworkAccessManager *network() const { return m_network; }

public Q_SLOTS:
    /// Fetches a snapshot now (Refresh Now).
    void refresh();

Q_SIGNALS:
    void snapshotReceived(const dashboard::Snapshot &snapshot);
    void historyReceived(const QList<dashboard::HistoryPoint> &points);
    /// A history request ended, with points (after historyReceived) or without (the
    /// endpoint is optional: a seed-only service has none).
    void historySettled(bool received);
    void stateChanged(dashboard::BackendFeed::ConnectionState state);
    void reconnectCountdownChanged(int seconds);
    /// The last fetch failed (non-empty) or succeeded again (empty).
    void errorChanged(const QString &error);
    /// A room event: its data, plus `worker` (through RabbitMQ, the worker that sent it)
    /// and `timestamp` (the envelope's time) when the data has none of its own.
    void eventReceived(const QString &type, const QJsonObject &data);
    /// A welcome told (again) what this client may do: role() and operatorEndpoints().
    void roleChanged();
    /// isConnectionLost() changed.
    void connectionLostChanged(bool lost);

private:
    /// GETs @p path; the reply is aborted once its body passes @p maxBytes (then its
    /// "enrichment_oversized" property is true).
    HttpFetch *get(const QString &path, const QString &query, qint64 maxBytes, int deadlineMs);
    void fetchHistory();
    /// Applies a finished history reply; true when it carried points.
    bool applyHistoryReply(const HttpFetch &fetch);
    void openSocket();
    void scheduleReconnect();
    void setState(ConnectionState s);
    void setError(const QString &error);
    /// Recomputes isConnectionLost() and says when it changed.
    void updateLost();
    void onSnapshotFetched(HttpFetch *fetch);
    void onTextMessage(const QString &message);
    void onPingTick();
    static QString describe(const HttpFetch &fetch);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    QByteArray m_token;
    QWebSocket m_socket;
    QTimer m_refreshTimer;
    QTimer m_reconnectTimer;
    QTimer m_countdownTimer;
    QTimer m_pingTimer;
    QPointer<HttpFetch> m_snapshotFetch;
    QPointer<HttpFetch> m_historyFetch;
    bool m_refreshQueued = false;
    bool m_running = false;
    bool m_autoRefresh = true;
    ConnectionState m_state = ConnectionState::Disconnected;
    QString m_lastError;
    qint64 m_lastUpdateMs = 0;
    qint64 m_lastPongMs = 0;
    qint64 m_reconnectAtMs = 0;
    int m_initialBackoffMs = 1000;
    int m_maxBackoffMs = 30'000;
    int m_lastDelayMs = 0;
    int m_attempt = 0;
    int m_historyMinutes = 60;
    int m_staleAfterMs = 90'000;
    int m_malformed = 0;
    int m_fetches = 0;
    bool m_serverPushes = false;
    bool m_roomSeen = false; ///< the room was open once since start() / setBaseUrl()
    qint64 m_lostSinceMs = 0;
    QString m_role;
    bool m_operatorEndpoints = false;
    std::mt19937 m_rng{std::random_device{}()};
    std::function<qint64()> m_now;
};

} // namespace dashboard
