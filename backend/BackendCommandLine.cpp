// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "BackendCommandLine.h"

#include <algorithm>
#include <optional>

#include <QCommandLineParser>
#include <QUrl>

#include "Auth.h"
#include "enrichment/CommandLine.h"

namespace enrichment {

namespace {
using cli::intOption;
using cli::OptionSpec;

// The options beyond --help and --version, in the order the help lists them (a %1 in a
// help text is the default database path).
const OptionSpec BackendOptionTable[] = {
    {"bind", "Address to listen on (default 127.0.0.1).", "ADDR"},
    {"port", "Port to listen on (default 8020; 0 picks a free port).", "N"},
    {"database",
     "Queue store: a SQLite file path or sqlite:PATH (default %1), or "
     "postgresql://USER@HOST:PORT/DB shared by several workers.",
     "PATH|URL"},
    {"database-password-file",
     "File holding the PostgreSQL password (else PGPASSWORD is used; a "
     "password in the URL is refused).",
     "PATH"},
    {"amqp",
     "RabbitMQ broker for the room's events: amqp://USER@HOST:PORT/VHOST. "
     "Events go to the fanout exchange enrichment_events and every "
     "backend's room hears every worker's events.",
     "URL"},
    {"amqp-password-file", "File holding the broker password (else ENRICHMENT_AMQP_PASSWORD).",
     "PATH"},
    {"amqp-publishers",
     "Who may publish events as which worker: USER=WORKER[,USER=WORKER...] "
     "(broker users; WORKER * for any). Events whose broker-checked "
     "user_id is not listed for their worker are dropped. Unset: anyone "
     "on the exchange may speak as any worker.",
     "LIST"},
    {"amqp-queue",
     "This backend's durable queue on the exchange (default "
     "enrichment_events.WORKER-ID): events published while it restarts wait "
     "there (up to 10 minutes, 100,000 events).",
     "NAME"},
    {"amqp-heartbeat",
     "AMQP heartbeat in seconds (default 5; 0: none): a broker silent for "
     "two of them is down and reconnected.",
     "SECONDS"},
    {"relay", "Run as the fleet's websocket service: no pipeline; serves the room "
              "from --amqp and the fleet's numbers from the PostgreSQL --database."},
    {"worker-id", "This worker's name in a shared queue (default HOST:PID).", "ID"},
    {"seed-tracks", "Enqueue N demo tracks as pending at start.", "N"},
    {"sources-config",
     "Enrich from the real providers this YAML file configures (base URLs, "
     "user agent, credential files); providers not in it are off. Without it "
     "the simulated demo sources run.",
     "FILE"},
    {"import-tracks",
     "Import a track list into the queue at start: CSV with the header "
     "id,artist,title[,isrc][,duration_ms]. Bad rows are reported with "
     "their line and skipped; tracks already queued take the data given.",
     "FILE"},
    {"batch-size", "Tracks per batch (default 10).", "N"},
    {"token-file",
     "File of viewer tokens (NAME:TOKEN per line) that may read "
     "/monitoring/* and /ws.",
     "PATH"},
    {"operator-token-file",
     "File of operator tokens (NAME:TOKEN per line) that may also act "
     "(retry, pause, resume, enqueue, breakers).",
     "PATH"},
    {"lease-seconds",
     "Lease on claimed tracks; a dead worker's tracks return to pending after "
     "it (default 30).",
     "S"},
    {"retry-backoff",
     "Backoff in seconds after a track's first transient failure (default "
     "15); doubled per failed attempt up to 15 minutes, with jitter.",
     "S"},
    {"retry-budget",
     "Retries each source may make, in percent of its first requests "
     "(default 20; 0: retries only from a small reserve).",
     "PERCENT"},
    {"heartbeat-seconds",
     "How often a worker on a shared queue reports itself; after three "
     "missed reports it is shown as lost (default 5).",
     "S"},
    {"breaker-timeout",
     "Seconds an open circuit breaker waits before a half-open probe (default "
     "60); each failed probe in a row doubles it, with jitter.",
     "S"},
    {"breaker-max-timeout", "The longest a breaker stays open before it probes (default 600).",
     "S"},
    {"breaker-reopen-limit",
     "Failed probes in a row after which a breaker stays open until an "
     "operator closes it or has it probe (default 5; 0: never).",
     "N"},
    {"batch-interval-ms", "Pause between batches in milliseconds (default 1000).", "MS"},
    {"time-scale",
     "Wall seconds per simulated second of source latency (default 1; 0 runs flat out).", "F"},
    {"outage-scale",
     "Multiplies the simulated sources' outage schedule (default 1: discogs "
     "fails 30 s after the start for 45 s, every 5 min; 0 turns outages "
     "off).",
     "F"},
    {"quota-scale",
     "Multiplies the simulated sources' rate-limit quotas (default 1; 0 "
     "turns them off, for load tests).",
     "F"},
    {"random-seed", "Seed of the simulated sources (default 42).", "N"},
    {"history-interval", "Seconds between history samples (default 5).", "S"},
    {"allow-origin",
     "Browser origin (e.g. https://ops.example.com) allowed to open the "
     "WebSocket room; repeatable; \"*\" allows any. Browsers from other "
     "origins are refused; clients that send no Origin are not browsers and "
     "are always allowed.",
     "ORIGIN"},
    {"max-connections",
     "Open HTTP and WebSocket connections allowed at once (default 512); "
     "more get 503.",
     "N"},
    {"tls-cert", "PEM certificate chain: serve HTTPS and WSS (with --tls-key).", "FILE"},
    {"tls-key", "PEM private key (RSA or EC, unencrypted) for --tls-cert.", "FILE"},
    {"request-timeout", "Seconds a request may take to arrive in full (default 10).", "S"},
    {"target-drain",
     "Autoscaling: drain the backlog forecast within this time (default 1h; "
     "seconds, or with s, m or h). Sets enrichment_workers_desired.",
     "TIME"},
    {"min-workers", "Autoscaling: the fewest workers to ask for (default 0).", "N"},
    {"max-workers", "Autoscaling: the most workers to ask for (default 10).", "N"},
};

/// A duration: seconds, or a number with s, m or h.
std::optional<qint64> durationSeconds(const QString &text)
{
    static const struct
    {
        QChar unit;
        qint64 seconds;
    } units[] = {{QLatin1Char('s'), 1}, {QLatin1Char('m'), 60}, {QLatin1Char('h'), 3600}};
    QString number = text.trimmed();
    qint64 scale = 1;
    for (const auto &u : units)
        if (number.endsWith(u.unit)) {
            number.chop(1);
            scale = u.seconds;
        }
    bool ok = false;
    const qint64 n = number.toLongLong(&ok);
    if (!ok || n <= 0 || n > 7 * 86'400 / scale)
        return std::nullopt;
    return n * scale;
}

/// The autoscaler's goal and bounds.
bool readAutoscale(const QCommandLineParser &p, BackendOptions *o, QString *error)
{
    if (p.isSet(QStringLiteral("target-drain"))) {
        const auto s = durationSeconds(p.value(QStringLiteral("target-drain")));
        if (!s || *s < 60) {
            *error = QStringLiteral("--target-drain must be a time from 60s to 7 days, such as "
                                    "3600, 90m or 1h; got \"%1\"")
                         .arg(p.value(QStringLiteral("target-drain")).left(40));
            return false;
        }
        o->autoscale.targetDrainSeconds = *s;
    }
    if (!intOption(p, QStringLiteral("min-workers"), 0, 10'000, &o->autoscale.minWorkers, error) ||
        !intOption(p, QStringLiteral("max-workers"), 1, 10'000, &o->autoscale.maxWorkers, error))
        return false;
    if (o->autoscale.minWorkers > o->autoscale.maxWorkers) {
        *error = QStringLiteral("--min-workers (%1) is more than --max-workers (%2)")
                     .arg(o->autoscale.minWorkers)
                     .arg(o->autoscale.maxWorkers);
        return false;
    }
    return true;
}

/// Where and how it serves, and the pipeline's numbers.
bool readServing(const QCommandLineParser &p, BackendOptions *o, QString *error)
{
    if (p.isSet(QStringLiteral("bind"))) {
        QHostAddress a;
        if (!a.setAddress(p.value(QStringLiteral("bind")))) {
            *error = QStringLiteral("--bind needs an IP address, got \"%1\"")
                         .arg(p.value(QStringLiteral("bind")).left(64));
            return false;
        }
        o->bind = a;
    }
    int port = o->port;
    int lease = int(o->leaseMs / 1000);
    int breaker = int(o->breakerTimeoutMs / 1000);
    int breakerMax = int(o->breakerMaxTimeoutMs / 1000);
    int history = o->historyIntervalMs / 1000;
    int requestTimeout = o->requestTimeoutMs / 1000;
    int retryBackoff = int(o->retryBackoffMs / 1000);
    int retryBudget = qRound(o->retryBudget * 100);
    int heartbeat = o->heartbeatIntervalMs / 1000;
    if (!intOption(p, QStringLiteral("port"), 0, 65535, &port, error) ||
        !intOption(p, QStringLiteral("seed-tracks"), 0, 10'000'000, &o->demo.seedTracks, error) ||
        !intOption(p, QStringLiteral("batch-size"), 1, 1000, &o->batchSize, error) ||
        !intOption(p, QStringLiteral("lease-seconds"), 1, 3600, &lease, error) ||
        !intOption(p, QStringLiteral("breaker-timeout"), 1, 3600, &breaker, error) ||
        !intOption(p, QStringLiteral("breaker-max-timeout"), 1, 86'400, &breakerMax, error) ||
        !intOption(p, QStringLiteral("breaker-reopen-limit"), 0, 1000, &o->breakerReopenLimit,
                   error) ||
        !intOption(p, QStringLiteral("batch-interval-ms"), 0, 600'000, &o->batchIntervalMs,
                   error) ||
        !intOption(p, QStringLiteral("history-interval"), 1, 3600, &history, error) ||
        !intOption(p, QStringLiteral("max-connections"), 1, 100'000, &o->maxConnections, error) ||
        !intOption(p, QStringLiteral("request-timeout"), 1, 600, &requestTimeout, error) ||
        !intOption(p, QStringLiteral("retry-backoff"), 0, 86'400, &retryBackoff, error) ||
        !intOption(p, QStringLiteral("retry-budget"), 0, 100, &retryBudget, error) ||
        !intOption(p, QStringLiteral("heartbeat-seconds"), 1, 3600, &heartbeat, error))
        return false;
    o->requestTimeoutMs = requestTimeout * 1000;
    o->retryBackoffMs = qint64(retryBackoff) * 1000;
    o->retryBudget = retryBudget / 100.0;
    o->heartbeatIntervalMs = heartbeat * 1000;
    for (const QString &origin : p.values(QStringLiteral("allow-origin"))) {
        const QUrl u(origin);
        if (origin != QLatin1String("*") &&
            (!u.isValid() || u.host().isEmpty() || !u.path().isEmpty() ||
             (u.scheme() != QLatin1String("http") && u.scheme() != QLatin1String("https")))) {
            *error = QStringLiteral("--allow-origin needs an origin such as "
                                    "https://host[:port] (no path) or \"*\", got \"%1\"")
                         .arg(origin.left(100));
            return false;
        }
        o->allowedOrigins << origin;
    }
    o->port = quint16(port);
    o->leaseMs = qint64(lease) * 1000;
    o->breakerTimeoutMs = qint64(breaker) * 1000;
    o->breakerMaxTimeoutMs = qint64(std::max(breaker, breakerMax)) * 1000;
    o->historyIntervalMs = history * 1000;
    o->historyCapacity = 24 * 3600 / history;
    const struct
    {
        const char *name;
        double max;
        double *target;
    } scales[] = {{"time-scale", 100, &o->demo.timeScale},
                  {"quota-scale", 1000, &o->demo.quotaScale},
                  {"outage-scale", 1000, &o->demo.outageScale}};
    for (const auto &scale : scales) {
        const QString name = QString::fromLatin1(scale.name);
        if (!p.isSet(name))
            continue;
        bool ok = false;
        const double f = p.value(name).toDouble(&ok);
        if (!ok || f < 0 || f > scale.max) {
            *error = QStringLiteral("--%1 must be a number from 0 to %2").arg(name).arg(scale.max);
            return false;
        }
        *scale.target = f;
    }
    if (p.isSet(QStringLiteral("random-seed"))) {
        bool ok = false;
        o->demo.randomSeed = p.value(QStringLiteral("random-seed")).toULongLong(&ok);
        if (!ok) {
            *error = QStringLiteral("--random-seed must be a non-negative integer");
            return false;
        }
    }
    o->tlsCertificateFile = p.value(QStringLiteral("tls-cert"));
    o->tlsKeyFile = p.value(QStringLiteral("tls-key"));
    if (o->tlsCertificateFile.isEmpty() != o->tlsKeyFile.isEmpty()) {
        *error = QStringLiteral("--tls-cert and --tls-key go together");
        return false;
    }
    if (p.isSet(QStringLiteral("database")))
        o->databasePath = p.value(QStringLiteral("database"));
    o->importTracksFile = p.value(QStringLiteral("import-tracks"));
    o->sourcesConfigFile = p.value(QStringLiteral("sources-config"));
    return true;
}

/// The shared store's and the broker's settings and secrets, the relay and the worker id.
bool readFleet(const QCommandLineParser &p, BackendOptions *o, QString *error)
{
    // Secrets come from files (read whole, one line), never from the command line.
    auto secretFile = [&](const QString &option, QString *secret) {
        if (!p.isSet(option))
            return true;
        QByteArray bytes;
        QString why;
        if (!readTokenFile(p.value(option), &bytes, &why)) {
            *error = QStringLiteral("--%1: %2").arg(option, why);
            return false;
        }
        *secret = QString::fromLatin1(bytes);
        return true;
    };
    o->amqpUrl = p.value(QStringLiteral("amqp"));
    if (!secretFile(QStringLiteral("database-password-file"), &o->databasePassword) ||
        !secretFile(QStringLiteral("amqp-password-file"), &o->amqpPassword))
        return false;
    if (p.isSet(QStringLiteral("amqp-publishers"))) {
        const QStringList pairs =
            p.value(QStringLiteral("amqp-publishers")).split(QLatin1Char(','), Qt::SkipEmptyParts);
        for (const QString &pair : pairs) {
            const qsizetype eq = pair.indexOf(QLatin1Char('='));
            const QString user = pair.left(eq).trimmed(), worker = pair.mid(eq + 1).trimmed();
            if (eq <= 0 || user.isEmpty() || worker.isEmpty() || user.size() > 128 ||
                worker.size() > 128) {
                *error = QStringLiteral("--amqp-publishers: \"%1\" is not USER=WORKER")
                             .arg(pair.left(100));
                return false;
            }
            o->amqpPublishers[user] << worker;
        }
        if (o->amqpPublishers.isEmpty()) {
            *error = QStringLiteral("--amqp-publishers: no USER=WORKER given");
            return false;
        }
    }
    if (p.isSet(QStringLiteral("amqp-queue"))) {
        o->amqpQueue = p.value(QStringLiteral("amqp-queue"));
        const bool printable = std::all_of(o->amqpQueue.cbegin(), o->amqpQueue.cend(), [](QChar c) {
            return c.unicode() > 0x20 && c.unicode() < 0x7f;
        });
        if (o->amqpQueue.isEmpty() || o->amqpQueue.size() > 200 || !printable ||
            o->amqpQueue.startsWith(QLatin1String("amq."))) {
            *error = QStringLiteral("--amqp-queue must be 1 to 200 printable ASCII characters,"
                                    " not starting with amq.");
            return false;
        }
    }
    if (p.isSet(QStringLiteral("amqp-heartbeat"))) {
        bool ok = false;
        o->amqpHeartbeatSeconds = p.value(QStringLiteral("amqp-heartbeat")).toInt(&ok);
        if (!ok || o->amqpHeartbeatSeconds < 0 || o->amqpHeartbeatSeconds > 600) {
            *error = QStringLiteral("--amqp-heartbeat must be 0 to 600 seconds");
            return false;
        }
    }
    o->relay = p.isSet(QStringLiteral("relay"));
    if (o->relay &&
        (o->amqpUrl.isEmpty() || !o->databasePath.startsWith(QLatin1String("postgres")))) {
        *error = QStringLiteral("--relay needs --amqp amqp://... and --database postgresql://...");
        return false;
    }
    if (p.isSet(QStringLiteral("worker-id"))) {
        const QString id = p.value(QStringLiteral("worker-id"));
        const bool printable = std::all_of(id.cbegin(), id.cend(), [](QChar c) {
            return c.unicode() > 0x20 && c.unicode() < 0x7f;
        });
        if (id.isEmpty() || id.size() > 128 || !printable) {
            *error = QStringLiteral("--worker-id must be 1 to 128 printable ASCII characters"
                                    " without spaces");
            return false;
        }
        o->workerId = id;
    }
    return true;
}

/// Viewer and operator tokens: from files (or the environment), never shared between roles.
bool readTokens(const QCommandLineParser &p, BackendOptions *o, QString *error)
{
    // Viewer tokens from --token-file (else the environment), operator tokens from
    // --operator-token-file; the two must not share a token.
    QString tokenError;
    if (p.isSet(QStringLiteral("token-file"))) {
        if (!readCredentialFile(p.value(QStringLiteral("token-file")), &o->viewerTokens,
                                &tokenError)) {
            *error = tokenError;
            return false;
        }
    } else if (const QByteArray env = qgetenv(TokenEnvironmentVariable).trimmed(); !env.isEmpty()) {
        o->viewerTokens = {Credential{QString::fromLatin1(TokenEnvironmentVariable), env}};
    }
    if (p.isSet(QStringLiteral("operator-token-file")) &&
        !readCredentialFile(p.value(QStringLiteral("operator-token-file")), &o->operatorTokens,
                            &tokenError)) {
        *error = tokenError;
        return false;
    }
    for (const Credential &op : std::as_const(o->operatorTokens))
        for (const Credential &viewer : std::as_const(o->viewerTokens))
            if (constantTimeEquals(op.token, viewer.token)) {
                *error = QStringLiteral("operator token \"%1\" is also a viewer token (\"%2\"); "
                                        "give each role its own tokens")
                             .arg(op.name, viewer.name);
                return false;
            }
    return true;
}

} // namespace

bool parseBackendCommandLine(const QStringList &arguments, BackendOptions *o, QString *error,
                             bool *exitNow, QString *output)
{
    QCommandLineParser p;
    p.setApplicationDescription(QStringLiteral(
        "Enrichment backend: runs the enrichment pipeline over the queue and serves /metrics,\n"
        "/monitoring/enrichment, /monitoring/enrichment/history, /health and /ws.\n"
        "A viewer token may also come from the ENRICHMENT_MONITOR_TOKEN environment variable."));
    cli::addOptions(p, BackendOptionTable, [](const QString &help) {
        return help.contains(QLatin1String("%1")) ? help.arg(BackendService::defaultDatabasePath())
                                                  : help;
    });
    cli::StandardTexts texts;
    texts.help = QStringLiteral("Show this help.");
    texts.version = QStringLiteral("Show the version.");
    texts.versionLine = QStringLiteral("enrichment-backend " ENRICHMENT_VERSION "\n");
    texts.unexpectedArgument = QStringLiteral("unexpected argument: %1");
    if (!cli::parseStandard(p, arguments, texts, error, exitNow, output))
        return false;
    if (*exitNow)
        return true;
    return readServing(p, o, error) && readFleet(p, o, error) && readAutoscale(p, o, error) &&
           readTokens(p, o, error);
}

} // namespace enrichment
