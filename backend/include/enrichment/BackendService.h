// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <vector>

#include <QHostAddress>
#include <QObject>
#include <QUrl>

#include "enrichment/Credential.h"
#include "enrichment/MonitoringProvider.h"
#include "enrichment/QueueStore.h"
#include "enrichment/Vocabulary.h"

namespace enrichment {

class Clock;
class EnrichmentSource;
class QueueStore;

/// The demo's knobs: the simulated sources a backend runs when it is given none
/// (setSources()), and the demo tracks it keeps queued. A relay and a backend with its own
/// sources leave the sources' knobs unused.
struct DemoOptions
{
    int seedTracks = 0;      ///< demo tracks enqueued at start
    int keepPending = 0;     ///< top the queue up to this many pending after each batch
    quint64 randomSeed = 42; ///< seeds the simulated sources
    double timeScale = 1.0;  ///< wall seconds per simulated latency second
    double quotaScale = 1.0; ///< times the simulated sources' quotas; 0: no rate limits
    /// Times the simulated sources' outage schedule (offset, duration, period); 0: none.
    double outageScale = 1.0;
};

/// How many workers the fleet should run (docs/SCALING.md, "The number"): the goal and
/// the bounds of `enrichment_workers_desired` and the snapshot's `autoscale`.
struct AutoscaleOptions
{
    qint64 targetDrainSeconds = 3600; ///< drain the backlog forecast within this
    int minWorkers = 0;
    int maxWorkers = 10;
};

/// Everything that configures a backend; the `enrichment-backend` options map onto it.
struct BackendOptions
{
    QHostAddress bind = QHostAddress::LocalHost;
    quint16 port = 8020; ///< 0 picks a free port
    /// A path, `sqlite:PATH` or `postgresql://USER@HOST:PORT/DB`; empty:
    /// defaultDatabasePath().
    QString databasePath;
    /// For a PostgreSQL store: empty takes PGPASSWORD from the environment.
    QString databasePassword;
    /// This worker's name in a shared store's lease owners and worker list; empty: HOST:PID.
    QString workerId;
    /// A track list (CSV: id,artist,title[,isrc][,duration_ms]) imported into the queue at
    /// start (docs/OPERATIONS.md, "Importing tracks"); a file that cannot be read fails
    /// start(), refused rows are logged with their line.
    QString importTracksFile;
    /// The real providers to enrich from (YAML, docs/OPERATIONS.md, "Real sources"); a
    /// provider not in the file is off. Empty: the simulated demo sources (unless the
    /// embedder gave its own with setSources()).
    QString sourcesConfigFile;
    /// How often a worker on a shared store says it is alive; three missed: `lost`.
    int heartbeatIntervalMs = 5'000;
    /// `amqp://USER@HOST:PORT/VHOST`: room events also go through the RabbitMQ fanout
    /// exchange `enrichment_events`, and what other backends send there reaches this room.
    QString amqpUrl;
    QString amqpPassword; ///< empty: ENRICHMENT_AMQP_PASSWORD, else the broker's default
    /// Broker user -> the worker ids it may publish events as (`*`: any); empty: anyone may
    /// speak as any worker (docs/SCALING.md, "One broker user per worker").
    QHash<QString, QStringList> amqpPublishers;
    /// This backend's durable queue on the exchange; empty: `enrichment_events.WORKER-ID`.
    QString amqpQueue;
    int amqpHeartbeatSeconds = 5; ///< a broker silent for two heartbeats is down
    /// The seed's websocket service: no pipeline and no sources; serves the room from
    /// RabbitMQ, the fleet's numbers and workers from the shared store, and /health. Needs
    /// a PostgreSQL `databasePath` and `amqpUrl`.
    bool relay = false;
    int batchSize = 10;
    /// One token that may read and act, named `token` in the audit log (embedders and
    /// the dashboard's own backend); empty: none.
    QByteArray token;
    /// Named tokens that may read (viewers) and also act (operators). No token at all:
    /// no authentication, and actions only on a loopback bind.
    QList<Credential> viewerTokens;
    QList<Credential> operatorTokens;
    int batchIntervalMs = 1000;
    qint64 leaseMs = 30'000;
    /// The first backoff of a track failing transiently, doubled per failed attempt up to
    /// 15 minutes, with jitter (docs/OPERATIONS.md, "Retries"); also the store's own
    /// linear backoff for results that name no retry time.
    qint64 retryBackoffMs = 15'000;
    /// Each source's retries at most this share of its first requests (retry budget).
    double retryBudget = 0.2;
    qint64 breakerTimeoutMs = 60'000;
    int breakerFailureThreshold = 5; ///< consecutive failures that open a breaker
    /// The longest open period (a reopen doubles it from breakerTimeoutMs up to this).
    qint64 breakerMaxTimeoutMs = 600'000;
    /// Failed probes in a row after which a breaker waits for an operator; 0: never.
    int breakerReopenLimit = 5;
    int historyIntervalMs = 5'000;
    int historyCapacity = 24 * 3600 / 5; ///< samples kept (24 h at 5 s)
    bool runPipeline = true;
    int reconcileIntervalMs = 300'000;
    /// Time-driven updates (breaker probes, processing-rate gauge) run on this tick;
    /// 0: only when tick() is called (tests with a manual clock).
    int tickIntervalMs = 1000;
    int pingIntervalMs = 30'000;
    qint64 maxClientBufferBytes = 4 * 1024 * 1024; ///< unsent bytes before a client is dropped
    bool pushSnapshots = true; ///< send `enrichment_snapshot` on the room after each event
    qint64 maxRequestBytes = 1024 * 1024; ///< larger HTTP requests get 413
    int idleTimeoutMs = 30'000;           ///< idle keep-alive connections are closed
    int requestTimeoutMs = 10'000;        ///< a request must arrive and be answered within
    int maxConnections = 512;             ///< open connections (HTTP and WebSocket)
    /// Browser origins allowed to open the WebSocket room ("*": any); clients that send no
    /// Origin (not browsers) are always allowed.
    QStringList allowedOrigins;
    /// PEM certificate chain and private key: serve HTTPS and WSS instead of HTTP and WS.
    QString tlsCertificateFile;
    QString tlsKeyFile;
    AutoscaleOptions autoscale;
    /// The simulated sources and demo queue (only these knobs are about the simulation).
    DemoOptions demo;
};

/// The embeddable backend: queue store, monitor, simulated sources, pipeline, history and
/// the HTTP/WebSocket server, wired together. Create it on the thread that should run it
/// (the dashboard uses a dedicated thread); every part lives on that thread.
class BackendService final : public QObject, public MonitoringProvider
{
    Q_OBJECT
public:
    /// @p clock may be null (the system clock); otherwise it must outlive the service.
    explicit BackendService(const BackendOptions &options, const Clock *clock = nullptr,
                            QObject *parent = nullptr);
    ~BackendService() override;

    /// Embedders: the sources of the waterfall, in call order, instead of the simulated
    /// ones. Call before start(); the service takes them.
    void setSources(std::vector<std::unique_ptr<EnrichmentSource>> sources);
    /// Embedders: an open queue store instead of the one `databasePath` names. Call before
    /// start(); the service takes it.
    void setStore(std::unique_ptr<QueueStore> store);

    /// Opens the queue store (`databasePath`: a path, `sqlite:PATH`), builds the pipeline,
    /// seeds demo tracks, starts the server and the pipeline. The documents, enqueue() and
    /// queueCounts() are available once it returned true.
    bool start(QString *error);
    void stop();

    quint16 port() const;
    /// http(s)://ADDR:PORT to connect to (a wildcard bind address becomes 127.0.0.1).
    QUrl url() const;
    /// http(s)://ADDR:PORT as bound (what `enrichment-backend` prints).
    QUrl listenUrl() const;

    /// Adds tracks to the queue (the module's enqueue API). Returns how many were new; ids
    /// outside the track-id alphabet (isValidTrackId()) are refused, with a warning.
    int enqueue(const QStringList &trackIds);
    /// Adds tracks with what a lookup needs of each (artist, title, ISRC, duration); a
    /// track already queued takes the lookup data given. Tracks that checkTrackLookup()
    /// refuses are left out, with a warning. Returns how many were new.
    int enqueue(const QList<TrackLookup> &tracks);
    /// Adds @p n generated demo tracks.
    int enqueueDemoTracks(int n);
    /// Records a history sample now (also runs on a timer).
    void sampleHistory();
    /// Brings time-derived gauges (processing rate, queue depth, rate limits) up to date.
    void refreshGauges();
    /// The time-driven step: breakers whose timeout passed move to half_open, gauges are
    /// refreshed. Runs every `tickIntervalMs`. Reads (snapshot(), history(), metrics(),
    /// health()) never change state; they show what the last tick and events left.
    void tick();

    QJsonObject snapshot() override;
    QJsonObject history(int minutes) override;
    QByteArray metrics() override;
    QJsonObject health(bool *healthy) override;
    ApiReply tracks(const QUrlQuery &query) override;
    ApiReply track(const QString &trackId) override;
    ApiReply failures() override;
    ApiReply audit(const QUrlQuery &query) override;
    ApiReply act(const QString &action, const QByteArray &body, const QString &actor) override;

    /// Tracks per status in the queue, indexed by TrackStatus (the store's numbers).
    std::array<qint64, TrackStatusCount> queueCounts() const;
    /// Clients connected to the WebSocket room now.
    int roomClientCount() const;
    const BackendOptions &options() const;

    /// The default SQLite file: `enrichment-queue.sqlite` in the per-user data folder.
    static QString defaultDatabasePath();

Q_SIGNALS:
    void batchStarted(int batchSize, int batchNumber, qint64 totalTracks);
    void batchCompleted(int batchSize, int successCount, int batchNumber);

private:
    friend class ServiceInternals; // the library's own tests reach the parts through it
    struct Private;
    bool openStore(QString *error);
    /// The sources @p file configures (sourcesConfigFile), as the pipeline's to be.
    bool realSources(const QString &file, QString *error);
    void buildPipeline();
    /// The names a `source` parameter may take: the pipeline's, or (a relay) the defaults.
    QStringList sourceNames() const;

    std::unique_ptr<Private> d;
};

} // namespace enrichment
