// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrichment/BackendService.h"

#include <QDir>
#include <QLoggingCategory>
#include <QStandardPaths>

#include "CircuitBreaker.h"
#include "DocumentWriter.h"
#include "enrichment/WireFormat.h"
#include "ServicePrivate.h"
#include "ServiceSetup.h"
#include "HttpSource.h"
#include "SimulatedSource.h"
#include "SourcesConfig.h"
#include "Tls.h"
#include "TrackImport.h"

Q_LOGGING_CATEGORY(lcService, "enrichment.backend.service")

namespace enrichment {

BackendService::BackendService(const BackendOptions &options, const Clock *clock, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>())
{
    d->options = options;
    if (!clock) {
        d->ownClock = std::make_unique<SystemClock>();
        clock = d->ownClock.get();
    }
    d->clock = clock;
    d->server = std::make_unique<MonitoringServer>(*this, serverConfig(options, clock));
    d->publisher = std::make_unique<RoomPublisher>(
        *d->server, [this] { return snapshot(); }, options.pushSnapshots);
}

BackendService::~BackendService()
{
    stop();
    // Each part before what it refers to: the bus feeds the publisher, the publisher
    // speaks through the server, the server asks this provider (and so the runtime).
    d->fleet.reset();
    d->publisher.reset();
    d->server.reset();
    d->operations.reset();
    d->runtime.reset();
    d->pipeline.reset();
}

void BackendService::setSources(std::vector<std::unique_ptr<EnrichmentSource>> sources)
{
    d->pendingSources = std::move(sources);
}

void BackendService::setStore(std::unique_ptr<QueueStore> store)
{
    if (!d->runtime)
        d->store = std::move(store);
}

QString BackendService::defaultDatabasePath()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
    if (dir.isEmpty())
        dir = QDir::homePath();
    return dir + QStringLiteral("/enrichment-monitor/enrichment-queue.sqlite");
}

bool BackendService::openStore(QString *error)
{
    BackendOptions &o = d->options;
    if (!d->store) {
        d->store = openQueueStore(o.databasePath.isEmpty() ? defaultDatabasePath() : o.databasePath,
                                  *d->clock, storeConfig(o), error, serverStoreOptions(o));
        if (!d->store)
            return false;
    }
    if (o.relay) {
        if (!d->store->sharedByWorkers() || o.amqpUrl.isEmpty()) {
            *error = QStringLiteral("a relay needs the fleet's PostgreSQL queue (--database "
                                    "postgresql://...) and its broker (--amqp amqp://...)");
            return false;
        }
        d->pendingSources.clear(); // a relay asks no source
        o.runPipeline = false;
        o.demo.seedTracks = 0;
        o.demo.keepPending = 0;
    } else if (d->pendingSources.empty() && !o.sourcesConfigFile.isEmpty()) {
        if (!realSources(o.sourcesConfigFile, error))
            return false;
    } else if (d->pendingSources.empty()) {
        d->pendingSources = SimulatedSource::demoSources(*d->clock, o.demo.randomSeed,
                                                         o.demo.quotaScale, o.demo.outageScale);
    }
    return true;
}

bool BackendService::realSources(const QString &file, QString *error)
{
    SourcesConfig config;
    if (!readSourcesConfig(file, &config, error))
        return false;
    for (const QString &warning : std::as_const(config.warnings))
        qCWarning(lcService).noquote() << "sources-config:" << warning;
    for (const ProviderConfig &p : std::as_const(config.providers)) {
        std::unique_ptr<EnrichmentSource> source = makeHttpSource(p, *d->clock);
        if (!source) { // the file's reader knows no provider without a client
            d->pendingSources.clear();
            *error = QStringLiteral("%1: no client for %2").arg(file, p.name);
            return false;
        }
        // Every worker of the queue keeps the provider's pace together, through the store.
        if (auto *http = dynamic_cast<HttpSource *>(source.get()))
            http->setSharedPace([store = d->store.get(), name = p.name](qint64 intervalMs) {
                return store->reserveSendSlot(name, intervalMs);
            });
        d->pendingSources.push_back(std::move(source));
    }
    QStringList names;
    for (const auto &src : d->pendingSources)
        names << src->name();
    d->sourcesOff.clear();
    for (const QString &known : knownProviderNames())
        if (!names.contains(known))
            d->sourcesOff << known;
    qCInfo(lcService).noquote() << "real sources from" << file << ":"
                                << names.join(QStringLiteral(", ")) << "; off:"
                                << (d->sourcesOff.isEmpty()
                                        ? QStringLiteral("none")
                                        : d->sourcesOff.join(QStringLiteral(", ")));
    return true;
}

void BackendService::buildPipeline()
{
    const BackendOptions &o = d->options;
    QStringList names;
    for (const auto &src : d->pendingSources)
        names << src->name();
    d->monitor = std::make_unique<PipelineMetrics>(
        names, *d->clock, QStringLiteral(ENRICHMENT_VERSION), d->store->name());
    CircuitBreaker::Config bc;
    bc.timeoutMs = o.breakerTimeoutMs;
    bc.failureThreshold = std::max(1, o.breakerFailureThreshold);
    bc.maxTimeoutMs = o.breakerMaxTimeoutMs;
    bc.reopenLimit = std::max(0, o.breakerReopenLimit);
    Pipeline::Config pc;
    pc.batchSize = o.batchSize;
    pc.timeScale = o.demo.timeScale;
    pc.batchIntervalMs = o.batchIntervalMs;
    pc.retry.baseMs = o.retryBackoffMs;
    pc.retryBudget.ratio = o.retryBudget;
    d->pipeline = std::make_unique<Pipeline>(*d->store, *d->monitor, *d->clock,
                                             std::move(d->pendingSources), bc, pc);
    d->pendingSources.clear();
    d->runtime =
        std::make_unique<ServiceRuntime>(o, *d->clock, *d->store, *d->monitor, *d->pipeline);
    d->runtime->setSourcesOff(d->sourcesOff);

    RoomPublisher *publisher = d->publisher.get();
    connect(d->pipeline.get(), &Pipeline::batchStarted, this,
            [this, publisher](int size, int number, qint64 total) {
                publisher->batchStarted(size, number, total);
                Q_EMIT batchStarted(size, number, total);
            });
    connect(d->pipeline.get(), &Pipeline::batchCompleted, this,
            [this, publisher](int size, int success, int number) {
                d->runtime->batchFinished(success);
                Q_EMIT batchCompleted(size, success, number); // embedders first, then clients
                publisher->batchCompleted(size, success, number);
                d->runtime->topUp();
            });
    connect(d->pipeline.get(), &Pipeline::breakerStateChanged, publisher,
            &RoomPublisher::breakerChanged);

    OperatorEndpoints::Hooks hooks;
    hooks.sources = [this] {
        return sourceNames();
    };
    hooks.controlChanged = [this, publisher] {
        d->runtime->applyControl();
        publisher->controlChanged();
    };
    hooks.announce = [publisher](const QJsonObject &event) {
        publisher->operatorAction(event);
    };
    d->operations = std::make_unique<OperatorEndpoints>(*d->store, *d->monitor, std::move(hooks));
    // A breaker that stopped probing by itself is an audit row and an event in the room.
    connect(d->pipeline.get(), &Pipeline::breakerAttentionChanged, this,
            [this](const QString &source, bool needsAttention, int reopens) {
                if (!needsAttention)
                    return; // an operator's close or probe: their own audit row says it
                d->operations->recordOwn(QString(wire::action::Breaker),
                                         QJsonObject{{wire::key::Source, source}},
                                         QJsonObject{{wire::key::State, toWire(BreakerState::Open)},
                                                     {wire::key::NeedsAttention, true},
                                                     {wire::key::Reopens, reopens}});
            });
    d->fleet = std::make_unique<FleetLink>(o, *d->clock, *d->store, *d->monitor, *d->pipeline,
                                           *d->runtime, *d->server, *publisher);
    connect(d->runtime.get(), &ServiceRuntime::ticked, d->fleet.get(), &FleetLink::refresh);
    // After the fleet's refresh: the number follows the workers just read.
    connect(d->runtime.get(), &ServiceRuntime::ticked, this,
            [this] { d->runtime->updateAutoscale(d->fleet->workers(), d->options.relay); });
}

bool BackendService::start(QString *error)
{
    if (d->runtime)
        return true; // already started
    if (!openStore(error))
        return false;
    if (!d->options.importTracksFile.isEmpty()) {
        TrackImportResult imported;
        if (!importTrackFile(*d->store, d->options.importTracksFile, &imported, error))
            return false;
    }
    buildPipeline();
    d->runtime->start();
    const BackendOptions &o = d->options;
    if (!o.tlsCertificateFile.isEmpty() || !o.tlsKeyFile.isEmpty()) {
        QSslConfiguration tls;
        if (o.tlsCertificateFile.isEmpty() || o.tlsKeyFile.isEmpty()) {
            *error = QStringLiteral("TLS needs both a certificate and a private key");
            return false;
        }
        if (!loadServerTls(o.tlsCertificateFile, o.tlsKeyFile, &tls, error))
            return false;
        d->server->setTls(tls);
    }
    if (!d->server->listen(error))
        return false;
    warnAboutExposure(o, d->server->usesTls());
    if (!d->fleet->start(error))
        return false;
    if (o.runPipeline)
        d->pipeline->start();
    return true;
}

void BackendService::stop()
{
    if (d->pipeline)
        d->pipeline->stop();
    if (d->runtime)
        d->runtime->stop();
    if (d->fleet)
        d->fleet->stop();
}

quint16 BackendService::port() const
{
    return d->server->port();
}

QUrl BackendService::url() const
{
    QUrl u = listenUrl();
    const QHostAddress a = d->options.bind;
    if (a == QHostAddress::Any || a == QHostAddress::AnyIPv4)
        u.setHost(QStringLiteral("127.0.0.1"));
    return u;
}

QUrl BackendService::listenUrl() const
{
    QUrl u;
    u.setScheme(d->options.tlsCertificateFile.isEmpty() ? QStringLiteral("http")
                                                        : QStringLiteral("https"));
    u.setHost(d->options.bind.toString());
    u.setPort(port());
    return u;
}

const BackendOptions &BackendService::options() const
{
    return d->options;
}

int BackendService::enqueue(const QStringList &trackIds)
{
    QStringList valid;
    valid.reserve(trackIds.size());
    qsizetype refused = 0;
    for (const QString &id : trackIds) {
        if (isValidTrackId(id))
            valid << id;
        else
            ++refused;
    }
    if (refused > 0)
        qCWarning(lcService).noquote()
            << "enqueue: refused" << refused << "track id(s):" << trackIdRule();
    return d->store->enqueue(valid);
}

int BackendService::enqueue(const QList<TrackLookup> &tracks)
{
    QList<TrackLookup> valid;
    valid.reserve(tracks.size());
    qsizetype refused = 0;
    for (TrackLookup t : tracks) {
        // A plain id is fine; lookup data, once given, must be whole.
        const QString problem = t.hasLookupData()      ? checkTrackLookup(&t)
                                : isValidTrackId(t.id) ? QString()
                                                       : trackIdRule();
        if (problem.isEmpty()) {
            valid << t;
        } else if (++refused <= 5) {
            qCWarning(lcService).noquote()
                << "enqueue: refused track" << t.id.left(64) << "-" << problem;
        }
    }
    if (refused > 5)
        qCWarning(lcService) << "enqueue: refused" << refused << "tracks in all";
    return d->store->enqueue(valid);
}

int BackendService::enqueueDemoTracks(int n)
{
    return d->runtime ? d->runtime->enqueueDemoTracks(n) : 0;
}

void BackendService::sampleHistory()
{
    if (d->runtime)
        d->runtime->sampleHistory();
}

void BackendService::refreshGauges()
{
    if (d->runtime)
        d->runtime->refreshGauges();
}

void BackendService::tick()
{
    if (d->runtime)
        d->runtime->tick();
}

QJsonObject BackendService::snapshot()
{
    return writeSnapshot(d->runtime->snapshotState(d->fleet->workers(), d->options.relay));
}

QJsonObject BackendService::history(int minutes)
{
    return d->runtime->history(minutes);
}

QByteArray BackendService::metrics()
{
    const std::string text = d->monitor->serialize();
    return QByteArray(text.data(), qsizetype(text.size()));
}

QJsonObject BackendService::health(bool *healthy)
{
    HealthState st;
    st.reachable = d->store->ping();
    st.writable = st.reachable && d->store->writable(&st.error);
    if (!st.reachable)
        st.error = d->store->lastError();
    st.version = QStringLiteral(ENRICHMENT_VERSION);
    st.uptimeSeconds = d->runtime->uptimeSeconds();
    st.nowMs = d->clock->nowMs();
    st.broker = d->fleet->broker();
    st.brokerRequired = st.broker && d->options.relay;
    *healthy = st.healthy();
    return writeHealth(st);
}

QStringList BackendService::sourceNames() const
{
    QStringList names;
    for (int i = 0; d->pipeline && i < d->pipeline->sourceCount(); ++i)
        names << d->pipeline->source(i)->name();
    return names.isEmpty() ? defaultSourceNames() : names;
}

ApiReply BackendService::tracks(const QUrlQuery &query)
{
    return d->operations->tracks(query);
}

ApiReply BackendService::track(const QString &trackId)
{
    return d->operations->track(trackId);
}

ApiReply BackendService::failures()
{
    return d->operations->failures();
}

ApiReply BackendService::audit(const QUrlQuery &query)
{
    return d->operations->audit(query);
}

ApiReply BackendService::act(const QString &action, const QByteArray &body, const QString &actor)
{
    return d->operations->act(action, body, actor);
}

std::array<qint64, TrackStatusCount> BackendService::queueCounts() const
{
    return d->runtime ? d->store->counts() : std::array<qint64, TrackStatusCount>{};
}

int BackendService::roomClientCount() const
{
    return d->server->clientCount();
}

} // namespace enrichment
