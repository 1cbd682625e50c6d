// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "PostgresQueueStore.h"

#include <algorithm>

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QUrl>
#include <QUrlQuery>
#include <QVariant>

#include "enrichment/Clock.h"
#include "StoreSupport.h"

Q_LOGGING_CATEGORY(lcPostgres, "enrichment.backend.postgres")

namespace enrichment {

namespace {

using store::textArray;

/// The schema's current version; migrate() brings any older database up to it.
constexpr int SchemaVersion = 7;
/// Rows per status in the counts table (and per second in the completions table): a
/// connection adds to the row of its slot, so workers rarely wait on each other.
constexpr int CountSlots = 8;
/// Completion buckets older than this are pruned by reconcile().
constexpr qint64 CompletionsKeptSeconds = 2 * 3600;

// Advisory-lock keys (arbitrary, fixed): schema migration and reconciliation.
constexpr qint64 MigrationLock = 0x656e72696368'01;
constexpr qint64 ReconcileLock = 0x656e72696368'02;

QString joined(const QStringList &list)
{
    const QString s = list.join(QLatin1Char(','));
    return s.isNull() ? QStringLiteral("") : s;
}

/// A time parameter in epoch milliseconds, as SQL.
const char *const At = "to_timestamp(?::double precision / 1000)";

QString sql(const char *text)
{
    QString s = QString::fromLatin1(text);
    s.replace(QStringLiteral("$AT"), QLatin1String(At));
    return s;
}

/// Version 3: what operators read and do: each track's first error (type and source) with
/// the index of the failures view and of id searches (byte order, COLLATE "C"), every
/// attempt, the audit log and the pipeline control.
QStringList schemaV3()
{
    return {
        // attempt_rows: at least the attempts the track has (an upper bound, so that the
        // per-track trim runs only for a track that may be past it).
        QStringLiteral("ALTER TABLE enrichment_status ADD COLUMN IF NOT EXISTS error_type text,"
                       " ADD COLUMN IF NOT EXISTS error_source text,"
                       " ADD COLUMN IF NOT EXISTS attempt_rows integer NOT NULL DEFAULT 0"),

        QStringLiteral("CREATE TABLE IF NOT EXISTS enrichment_attempts ("
                       " id bigserial PRIMARY KEY, track_id text NOT NULL, source text NOT NULL,"
                       " outcome text NOT NULL, error_type text, detail text,"
                       " latency_ms double precision NOT NULL DEFAULT 0, fields text, worker text,"
                       " at timestamptz NOT NULL)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS enrichment_attempts_track_idx"
                       " ON enrichment_attempts (track_id, id)"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS enrichment_attempts_at_idx"
                       " ON enrichment_attempts (at)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS enrichment_audit ("
                       " id bigserial PRIMARY KEY, at timestamptz NOT NULL, actor text NOT NULL,"
                       " action text NOT NULL, parameters text NOT NULL, result text NOT NULL,"
                       " worker text NOT NULL)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS enrichment_control ("
                       " id integer PRIMARY KEY CHECK (id = 1), state text NOT NULL)"),
        QStringLiteral("INSERT INTO enrichment_control (id, state) VALUES (1, '{}')"
                       " ON CONFLICT (id) DO NOTHING"),
    };
}

/// Version 4: a worker's heartbeat carries when it last finished a batch and what it
/// counted of its sources (`stats`), so that every backend shows the fleet's figures.
QStringList schemaV4()
{
    return {QStringLiteral("ALTER TABLE enrichment_workers"
                           " ADD COLUMN IF NOT EXISTS last_batch_at timestamptz,"
                           " ADD COLUMN IF NOT EXISTS stats jsonb NOT NULL DEFAULT '{}'")};
}

/// Version 5: the metadata each track ended up with, one row per field and the source that
/// gave it.
QStringList schemaV5()
{
    return {QStringLiteral("CREATE TABLE IF NOT EXISTS enrichment_metadata ("
                           " track_id text NOT NULL, field text NOT NULL, value text NOT NULL,"
                           " source text NOT NULL, at timestamptz NOT NULL,"
                           " PRIMARY KEY (track_id, field))")};
}

/// Version 7: each provider's next free send slot, shared by the fleet.
QStringList schemaV7()
{
    return {QStringLiteral("CREATE TABLE IF NOT EXISTS enrichment_pace ("
                           " source text PRIMARY KEY, next_at timestamptz NOT NULL)")};
}

/// Version 6: what a lookup needs of a track (artist, title, ISRC, duration), given when it
/// is queued; NULL for a track queued by id alone.
QStringList schemaV6()
{
    return {QStringLiteral("ALTER TABLE enrichment_status ADD COLUMN IF NOT EXISTS artist text,"
                           " ADD COLUMN IF NOT EXISTS title text,"
                           " ADD COLUMN IF NOT EXISTS isrc text,"
                           " ADD COLUMN IF NOT EXISTS duration_ms bigint")};
}

/// Version 2: a worker that stops cleanly says so (`stopped`), instead of looking lost, and
/// reports its breakers (`breakers`: {source: state}) for the fleet's views.
QStringList schemaV2()
{
    return {QStringLiteral("ALTER TABLE enrichment_workers"
                           " ADD COLUMN IF NOT EXISTS stopped boolean NOT NULL DEFAULT false,"
                           " ADD COLUMN IF NOT EXISTS breakers jsonb NOT NULL DEFAULT '{}'")};
}

QStringList schemaV1()
{
    return {
        // The seed's table, or ours; columns a seed-made table lacks are added below.
        QStringLiteral("CREATE TABLE IF NOT EXISTS enrichment_status ("
                       " track_id text PRIMARY KEY,"
                       " status text NOT NULL DEFAULT 'pending',"
                       " last_attempt timestamptz)"),
        QStringLiteral("ALTER TABLE enrichment_status"
                       " ADD COLUMN IF NOT EXISTS sources_enriched text NOT NULL DEFAULT '',"
                       " ADD COLUMN IF NOT EXISTS retry_count integer NOT NULL DEFAULT 0,"
                       " ADD COLUMN IF NOT EXISTS error_message text,"
                       " ADD COLUMN IF NOT EXISTS created_at timestamptz NOT NULL DEFAULT now(),"
                       " ADD COLUMN IF NOT EXISTS updated_at timestamptz NOT NULL DEFAULT now(),"
                       " ADD COLUMN IF NOT EXISTS available_at timestamptz NOT NULL DEFAULT now(),"
                       " ADD COLUMN IF NOT EXISTS lease_owner text,"
                       " ADD COLUMN IF NOT EXISTS lease_expires_at timestamptz"),
        // Claims walk pending rows by available_at; lease expiry walks in_progress rows.
        QStringLiteral("CREATE INDEX IF NOT EXISTS enrichment_status_claim_idx"
                       " ON enrichment_status (available_at) WHERE status = 'pending'"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS enrichment_status_lease_idx"
                       " ON enrichment_status (lease_expires_at) WHERE status = 'in_progress'"),
        QStringLiteral("CREATE INDEX IF NOT EXISTS enrichment_status_status_idx"
                       " ON enrichment_status (status, last_attempt)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS enrichment_status_counts ("
                       " status text NOT NULL, slot smallint NOT NULL,"
                       " n bigint NOT NULL DEFAULT 0, PRIMARY KEY (status, slot))"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS enrichment_completions ("
                       " second bigint NOT NULL, slot smallint NOT NULL,"
                       " n bigint NOT NULL DEFAULT 0, PRIMARY KEY (second, slot))"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS enrichment_workers ("
                       " worker_id text PRIMARY KEY, host text NOT NULL, pid bigint NOT NULL,"
                       " started_at timestamptz NOT NULL, last_seen timestamptz NOT NULL,"
                       " current_batch integer NOT NULL DEFAULT 0,"
                       " batches bigint NOT NULL DEFAULT 0,"
                       " tracks_per_minute double precision NOT NULL DEFAULT 0)"),
        QStringLiteral("CREATE TABLE IF NOT EXISTS enrichment_store_health ("
                       " worker_id text PRIMARY KEY, checked_at timestamptz NOT NULL)"),
        // Counts move in the same transaction as the rows, one statement at a time. Rows
        // are touched in status order so that two transactions never wait on each other
        // in a circle.
        QStringLiteral("CREATE OR REPLACE FUNCTION enrichment_counts_insert() RETURNS trigger"
                       " LANGUAGE plpgsql AS $f$ BEGIN"
                       " INSERT INTO enrichment_status_counts AS c (status, slot, n)"
                       "  SELECT status, pg_backend_pid() % 8, count(*) FROM enrichment_new"
                       "  GROUP BY status ORDER BY status"
                       "  ON CONFLICT (status, slot) DO UPDATE SET n = c.n + excluded.n;"
                       " RETURN NULL; END $f$"),
        QStringLiteral("CREATE OR REPLACE FUNCTION enrichment_counts_delete() RETURNS trigger"
                       " LANGUAGE plpgsql AS $f$ BEGIN"
                       " INSERT INTO enrichment_status_counts AS c (status, slot, n)"
                       "  SELECT status, pg_backend_pid() % 8, -count(*) FROM enrichment_old"
                       "  GROUP BY status ORDER BY status"
                       "  ON CONFLICT (status, slot) DO UPDATE SET n = c.n + excluded.n;"
                       " RETURN NULL; END $f$"),
        QStringLiteral(
            "CREATE OR REPLACE FUNCTION enrichment_counts_update() RETURNS trigger"
            " LANGUAGE plpgsql AS $f$ BEGIN"
            " INSERT INTO enrichment_status_counts AS c (status, slot, n)"
            "  SELECT status, pg_backend_pid() % 8, sum(d) FROM ("
            "   SELECT status, 1 AS d FROM enrichment_new"
            "   UNION ALL SELECT status, -1 FROM enrichment_old) x"
            "  GROUP BY status HAVING sum(d) <> 0 ORDER BY status"
            "  ON CONFLICT (status, slot) DO UPDATE SET n = c.n + excluded.n;"
            " INSERT INTO enrichment_completions AS c (second, slot, n)"
            "  SELECT floor(extract(epoch FROM nw.last_attempt))::bigint, pg_backend_pid() % 8,"
            "   count(*) FROM enrichment_new nw JOIN enrichment_old od USING (track_id)"
            "  WHERE nw.status IN ('completed', 'partial') AND od.status <> nw.status"
            "   AND nw.last_attempt IS NOT NULL"
            "  GROUP BY 1 ORDER BY 1"
            "  ON CONFLICT (second, slot) DO UPDATE SET n = c.n + excluded.n;"
            " RETURN NULL; END $f$"),
        QStringLiteral("CREATE OR REPLACE TRIGGER enrichment_counts_insert AFTER INSERT"
                       " ON enrichment_status REFERENCING NEW TABLE AS enrichment_new"
                       " FOR EACH STATEMENT EXECUTE FUNCTION enrichment_counts_insert()"),
        QStringLiteral("CREATE OR REPLACE TRIGGER enrichment_counts_delete AFTER DELETE"
                       " ON enrichment_status REFERENCING OLD TABLE AS enrichment_old"
                       " FOR EACH STATEMENT EXECUTE FUNCTION enrichment_counts_delete()"),
        QStringLiteral("CREATE OR REPLACE TRIGGER enrichment_counts_update AFTER UPDATE"
                       " ON enrichment_status REFERENCING OLD TABLE AS enrichment_old"
                       " NEW TABLE AS enrichment_new"
                       " FOR EACH STATEMENT EXECUTE FUNCTION enrichment_counts_update()"),
    };
}

/// A batch's results as the columns record()'s statement unnests: one entry per result,
/// per attempt (of results that asked a source) and per metadata field.
struct ResultColumns
{
    QStringList ids, kinds, sources, errors, at, errorTypes, errorSources, attemptRows;
    QStringList aTrack, aSource, aOutcome, aErrorType, aDetail, aLatency, aAt, aFields;
    QStringList mTrack, mField, mValue, mSource, mAt;

    static ResultColumns of(const QList<TrackResult> &results)
    {
        ResultColumns c;
        for (const TrackResult &r : results) {
            const bool deferred = r.deferUntilMs > 0;
            c.ids << r.trackId;
            c.kinds << (deferred ? QStringLiteral("defer")
                        : r.status == TrackStatus::Failed && r.permanent
                            ? QStringLiteral("permanent")
                            : toWire(r.status));
            c.sources << joined(r.sourcesEnriched);
            c.errors << r.errorMessage;
            c.at << QString::number(deferred ? r.deferUntilMs : r.retryAtMs);
            c.errorTypes << r.errorType;
            c.errorSources << r.errorSource;
            c.attemptRows << QString::number(r.attempts.size());
            for (const Attempt &at : r.attempts) {
                c.aTrack << r.trackId;
                c.aSource << at.source;
                c.aOutcome << at.outcome;
                c.aErrorType << at.errorType;
                c.aDetail << at.detail;
                c.aLatency << QString::number(at.latencyMs, 'g', 12);
                c.aAt << QString::number(at.atMs);
                c.aFields << joined(at.fields);
            }
            for (const MetadataValue &m : r.metadata) {
                c.mTrack << r.trackId;
                c.mField << m.field;
                c.mValue << m.value;
                c.mSource << m.source;
                c.mAt << QString::number(m.atMs);
            }
        }
        return c;
    }
};

/// `{1,2,3}`: a PostgreSQL numeric array literal, bound as one parameter and cast.
QString numberArray(const QStringList &numbers)
{
    return QStringLiteral("{%1}").arg(numbers.join(QLatin1Char(',')));
}

/// record()'s statement. A failed attempt goes back to pending from its `at` (0: after
/// the store's linear backoff) until maxRetries attempts failed; a permanent failure fails
/// now; a deferred track goes back from its `at` without using a retry. Kinds are track
/// statuses plus `defer` and `permanent`.
const char RecordResultsSql[] =
    "WITH v AS (SELECT unnest(?::text[]) AS track_id, unnest(?::text[]) AS kind,"
    "  unnest(?::text[]) AS sources, unnest(?::text[]) AS error,"
    "  unnest(?::bigint[]) AS at, unnest(?::text[]) AS error_type,"
    "  unnest(?::text[]) AS error_source, unnest(?::int[]) AS attempt_rows),"
    " upd AS (UPDATE enrichment_status s SET"
    " status = CASE v.kind WHEN 'defer' THEN 'pending' WHEN 'permanent' THEN 'failed'"
    "  WHEN 'failed' THEN CASE WHEN s.retry_count + 1 >= ? THEN 'failed' ELSE 'pending' END"
    "  ELSE v.kind END,"
    " retry_count = s.retry_count + (v.kind IN ('failed', 'permanent'))::int,"
    " sources_enriched = CASE v.kind WHEN 'defer' THEN s.sources_enriched ELSE v.sources END,"
    " error_message = NULLIF(v.error, ''),"
    " error_type = CASE v.kind WHEN 'defer' THEN s.error_type ELSE NULLIF(v.error_type, '')"
    "  END,"
    " error_source = CASE v.kind WHEN 'defer' THEN s.error_source"
    "  ELSE NULLIF(v.error_source, '') END,"
    " available_at = CASE v.kind"
    "  WHEN 'defer' THEN to_timestamp(v.at::double precision / 1000)"
    "  WHEN 'failed' THEN CASE WHEN v.at > 0 THEN to_timestamp(v.at::double precision / 1000)"
    "   ELSE $AT + make_interval(secs => ?::double precision / 1000 * (s.retry_count + 1)) END"
    "  ELSE s.available_at END,"
    " last_attempt = CASE WHEN v.kind IN ('completed', 'partial') THEN $AT"
    "  ELSE s.last_attempt END,"
    " attempt_rows = s.attempt_rows + v.attempt_rows,"
    " lease_owner = NULL, lease_expires_at = NULL, updated_at = $AT"
    " FROM v WHERE s.track_id = v.track_id AND s.status = 'in_progress'"
    "  AND s.lease_owner = ?"
    " RETURNING s.track_id, s.status, s.attempt_rows),"
    " ins AS (INSERT INTO enrichment_attempts (track_id, source, outcome, error_type,"
    "  detail, latency_ms, worker, at, fields)"
    "  SELECT a.track_id, a.source, a.outcome, NULLIF(a.error_type, ''),"
    "   NULLIF(a.detail, ''), a.latency_ms, ?,"
    "   to_timestamp(a.at::double precision / 1000), NULLIF(a.fields, '')"
    "  FROM (SELECT unnest(?::text[]) AS track_id, unnest(?::text[]) AS source,"
    "   unnest(?::text[]) AS outcome, unnest(?::text[]) AS error_type,"
    "   unnest(?::text[]) AS detail, unnest(?::double precision[]) AS latency_ms,"
    "   unnest(?::bigint[]) AS at, unnest(?::text[]) AS fields) a"
    "  WHERE a.track_id IN (SELECT track_id FROM upd)),"
    // What the attempt found, per field; a field found again replaces the old value.
    " meta AS (INSERT INTO enrichment_metadata (track_id, field, value, source, at)"
    "  SELECT m.track_id, m.field, m.value, m.source,"
    "   to_timestamp(m.at::double precision / 1000)"
    "  FROM (SELECT unnest(?::text[]) AS track_id, unnest(?::text[]) AS field,"
    "   unnest(?::text[]) AS value, unnest(?::text[]) AS source,"
    "   unnest(?::bigint[]) AS at) m"
    "  WHERE m.track_id IN (SELECT track_id FROM upd)"
    "  ON CONFLICT (track_id, field) DO UPDATE SET value = excluded.value,"
    "   source = excluded.source, at = excluded.at)"
    " SELECT track_id, status, attempt_rows FROM upd";

} // namespace

QString PostgresQueueStore::Target::displayName() const
{
    return QStringLiteral("%1@%2:%3/%4").arg(user, host).arg(port).arg(database);
}

bool PostgresQueueStore::parseUrl(const QString &text, Target *target, QString *error)
{
    const QUrl url(text, QUrl::StrictMode);
    if (!url.isValid() || (url.scheme() != QLatin1String("postgresql") &&
                           url.scheme() != QLatin1String("postgres"))) {
        *error = QStringLiteral("not a postgresql:// URL: %1")
                     .arg(url.toString(QUrl::RemovePassword).left(200));
        return false;
    }
    if (!url.password().isEmpty()) {
        *error = QStringLiteral(
            "the database URL holds a password, which anyone could read in the process list;"
            " give it in PGPASSWORD or --database-password-file instead");
        return false;
    }
    Target t;
    if (!url.host().isEmpty())
        t.host = url.host();
    t.port = url.port(5432);
    t.user = url.userName();
    t.database = url.path().mid(1);
    if (t.user.isEmpty() || t.database.isEmpty() || t.database.contains(QLatin1Char('/'))) {
        *error = QStringLiteral("the database URL must name a user and a database:"
                                " postgresql://USER@HOST:PORT/DATABASE");
        return false;
    }
    QStringList options;
    const QList<QPair<QString, QString>> items = QUrlQuery(url).queryItems(QUrl::FullyDecoded);
    for (const auto &[key, value] : items) {
        static const QStringList allowed = {
            QStringLiteral("sslmode"),         QStringLiteral("sslrootcert"),
            QStringLiteral("sslcert"),         QStringLiteral("sslkey"),
            QStringLiteral("connect_timeout"), QStringLiteral("application_name")};
        if (!allowed.contains(key) || value.contains(QLatin1Char(';'))) {
            *error = QStringLiteral("unsupported database URL option \"%1\" (allowed: %2)")
                         .arg(key.left(40), allowed.join(QStringLiteral(", ")));
            return false;
        }
        options << key + QLatin1Char('=') + value;
    }
    if (std::none_of(items.cbegin(), items.cend(),
                     [](const auto &i) { return i.first == QLatin1String("connect_timeout"); }))
        options << QStringLiteral("connect_timeout=5");
    t.connectOptions = options.join(QLatin1Char(';'));
    *target = t;
    return true;
}

PostgresQueueStore::PostgresQueueStore(const Clock &clock, const Config &config,
                                       const ServerStoreOptions &server, QObject *parent)
    : SqlQueueStore(clock, config, QStringLiteral("enrichment-pg"), lcPostgres(), parent),
      m_server(server)
{}

PostgresQueueStore::~PostgresQueueStore() = default;

bool PostgresQueueStore::open(const Target &target, QString *error)
{
    close();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL"))) {
        *error = QStringLiteral("Qt's PostgreSQL driver (QPSQL) is not installed"
                                " (Debian: libqt6sql6-psql)");
        return false;
    }
    m_target = target;
    {
        QSqlDatabase d = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
        d.setHostName(target.host);
        d.setPort(target.port);
        d.setUserName(target.user);
        d.setDatabaseName(target.database);
        if (!m_server.password.isEmpty())
            d.setPassword(m_server.password);
        d.setConnectOptions(target.connectOptions);
        const bool opened = d.open() && configureSession(d);
        if (!opened)
            m_lastError = d.lastError().text().simplified();
        d = QSqlDatabase(); // the handle must be gone before close() removes the connection
        if (!opened) {
            *error = m_lastError;
            close();
            return false;
        }
    }
    if (!migrate(error)) {
        close();
        return false;
    }
    readControl();
    reconcile();
    qCInfo(lcPostgres).noquote() << "queue in PostgreSQL" << target.displayName() << "as worker"
                                 << workerId();
    return true;
}

bool PostgresQueueStore::configureSession(QSqlDatabase &d)
{
    // The server's NOTICEs ("already exists, skipping") would go to stderr.
    return QSqlQuery(d).exec(QStringLiteral("SET client_min_messages TO warning"));
}

bool PostgresQueueStore::migrate(QString *error)
{
    QSqlQuery q(db());
    auto fail = [&](const QSqlQuery &failed) {
        m_lastError = failed.lastError().text().simplified();
        *error = QStringLiteral("schema migration failed: %1").arg(m_lastError);
        QSqlQuery(db()).exec(QStringLiteral("ROLLBACK"));
        return false;
    };
    // One worker migrates; the others wait for it, then find nothing to do.
    if (!q.exec(QStringLiteral("BEGIN")) ||
        !q.exec(QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(MigrationLock)))
        return fail(q);
    if (!q.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS enrichment_schema_version ("
                               " version integer NOT NULL,"
                               " applied_at timestamptz NOT NULL DEFAULT now())")) ||
        !q.exec(
            QStringLiteral("SELECT coalesce(max(version), 0) FROM enrichment_schema_version")) ||
        !q.next())
        return fail(q);
    const int version = q.value(0).toInt();
    q.finish();
    if (version > SchemaVersion) {
        QSqlQuery(db()).exec(QStringLiteral("ROLLBACK"));
        *error = QStringLiteral("the database's schema (version %1) is newer than this program"
                                " knows (%2); upgrade enrichment-backend")
                     .arg(version)
                     .arg(SchemaVersion);
        return false;
    }
    const QList<QStringList> steps = {
        schemaV1(), schemaV2(), schemaV3() + store::searchIndexes(store::Dialect::Postgres),
        schemaV4(), schemaV5(), schemaV6(),
        schemaV7()};
    static_assert(SchemaVersion == 7, "a schema step per version");
    for (int to = version + 1; to <= SchemaVersion; ++to) {
        for (const QString &statement : steps[to - 1])
            if (!q.exec(statement))
                return fail(q);
        q.prepare(QStringLiteral("INSERT INTO enrichment_schema_version (version) VALUES (?)"));
        q.addBindValue(to);
        if (!q.exec())
            return fail(q);
        if (to == 1)
            qCInfo(lcPostgres) << "queue schema created (version 1)";
        else
            qCInfo(lcPostgres) << "queue schema migrated to version" << to;
    }
    if (!q.exec(QStringLiteral("COMMIT")))
        return fail(q);
    return true;
}

bool PostgresQueueStore::connected() const
{
    if (!QSqlDatabase::contains(m_connectionName))
        return false;
    if (!m_broken && db().isOpen())
        return true;
    const qint64 now = m_clock.nowMs();
    if (m_lastReconnectMs >= 0 && now >= m_lastReconnectMs && now - m_lastReconnectMs < 1000)
        return false;
    m_lastReconnectMs = now;
    QSqlDatabase d = db();
    d.close();
    if (!d.open() || !configureSession(d)) {
        m_lastError = d.lastError().text().simplified();
        return false;
    }
    qCInfo(lcPostgres).noquote() << "reconnected to" << m_target.displayName();
    m_broken = false;
    m_countsValid = false;
    m_completedCache.clear();
    return true;
}

bool PostgresQueueStore::run(QSqlQuery &q, bool write) const
{
    if (q.exec()) {
        if (write)
            noteWrite(true);
        return true;
    }
    m_lastError = q.lastError().text().simplified();
    // A query that failed on a healthy connection is the query's fault; otherwise the
    // connection is reopened on the next call.
    QSqlQuery probe(db());
    if (!db().isOpen() || !probe.exec(QStringLiteral("SELECT 1"))) {
        if (!m_broken)
            qCWarning(lcPostgres).noquote()
                << "connection to" << m_target.displayName() << "lost:" << m_lastError;
        m_broken = true;
    } else {
        qCWarning(lcPostgres).noquote() << "query failed:" << m_lastError;
    }
    if (write)
        noteWrite(false);
    return false;
}

bool PostgresQueueStore::ping()
{
    if (!connected())
        return false;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT 1"));
    return run(q, false);
}

bool PostgresQueueStore::probeWrite(qint64 now)
{
    QSqlQuery q(db());
    q.prepare(sql("INSERT INTO enrichment_store_health (worker_id, checked_at)"
                  " VALUES (?, $AT) ON CONFLICT (worker_id)"
                  " DO UPDATE SET checked_at = excluded.checked_at"));
    q.addBindValue(workerId());
    q.addBindValue(now);
    return run(q, true);
}

bool PostgresQueueStore::insertTracks(const QList<TrackLookup> &unique, qint64 *added)
{
    const store::LookupColumns c = store::LookupColumns::of(unique);
    const qint64 now = m_clock.nowMs();
    const char *given = " FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[])"
                        "  AS u(id, artist, title, isrc, duration_ms)";
    // Tracks already queued first (the rows added below are not among them).
    QSqlQuery update(db());
    update.prepare(
        sql("UPDATE enrichment_status s SET artist = u.artist, title = u.title,"
            " isrc = nullif(u.isrc, ''), duration_ms = nullif(u.duration_ms, 0),"
            " updated_at = $AT") +
        QLatin1String(given) +
        QStringLiteral(" WHERE s.track_id = u.id AND u.artist <> ''"
                       "  AND (s.artist IS DISTINCT FROM u.artist OR s.title IS DISTINCT FROM"
                       "   u.title OR s.isrc IS DISTINCT FROM nullif(u.isrc, '')"
                       "   OR s.duration_ms IS DISTINCT FROM nullif(u.duration_ms, 0))"));
    update.addBindValue(now);
    QSqlQuery insert(db());
    insert.prepare(sql("INSERT INTO enrichment_status (track_id, status, sources_enriched,"
                       " retry_count, created_at, updated_at, available_at, artist, title, isrc,"
                       " duration_ms) SELECT u.id, 'pending', '', 0, $AT, $AT, $AT,"
                       " nullif(u.artist, ''), nullif(u.title, ''), nullif(u.isrc, ''),"
                       " nullif(u.duration_ms, 0)") +
                   QLatin1String(given) + QStringLiteral(" ON CONFLICT (track_id) DO NOTHING"));
    insert.addBindValue(now);
    insert.addBindValue(now);
    insert.addBindValue(now);
    for (QSqlQuery *q : {&update, &insert}) {
        for (const QString &column : {c.ids, c.artists, c.titles, c.isrcs, c.durations})
            q->addBindValue(column);
        if (!run(*q, true))
            return false;
    }
    *added = insert.numRowsAffected();
    return true;
}

int PostgresQueueStore::enqueue(const QList<TrackLookup> &tracks)
{
    QString error;
    if (tracks.isEmpty() || !begin(&error))
        return 0;
    qint64 added = 0;
    if (!insertTracks(store::uniqueTracks(tracks), &added)) {
        rollback(nullptr);
        error = m_lastError;
    } else {
        commit(&error);
    }
    if (!error.isEmpty()) {
        qCWarning(lcPostgres).noquote() << "enqueue failed:" << error;
        return 0;
    }
    if (added > 0) {
        move(std::nullopt, TrackStatus::Pending, added);
        Q_EMIT countsChanged();
    }
    return int(added);
}

int PostgresQueueStore::releaseExpiredLeases()
{
    if (!connected())
        return 0;
    QSqlQuery q(db());
    // Rows another worker is updating right now are left for the next pass.
    q.prepare(sql("WITH expired AS (SELECT track_id FROM enrichment_status"
                  "  WHERE status = 'in_progress' AND lease_expires_at < $AT"
                  "  FOR UPDATE SKIP LOCKED)"
                  " UPDATE enrichment_status s SET status = 'pending', lease_owner = NULL,"
                  "  lease_expires_at = NULL, updated_at = $AT, error_message = 'lease expired'"
                  " FROM expired WHERE s.track_id = expired.track_id"));
    const qint64 now = m_clock.nowMs();
    q.addBindValue(now);
    q.addBindValue(now);
    if (!run(q, true))
        return 0;
    const int n = q.numRowsAffected();
    if (n > 0) {
        qCInfo(lcPostgres) << n << "expired lease(s) returned to pending";
        move(TrackStatus::InProgress, TrackStatus::Pending, n);
        Q_EMIT countsChanged();
    }
    return n;
}

QList<ClaimedTrack> PostgresQueueStore::claim(int n)
{
    QList<ClaimedTrack> claimed;
    if (n <= 0 || !connected())
        return claimed;
    const qint64 now = m_clock.nowMs();
    // Expired leases are looked for at most once a second: a round trip saved per batch.
    if (m_lastExpiryMs < 0 || now - m_lastExpiryMs >= 1000 || now < m_lastExpiryMs) {
        m_lastExpiryMs = now;
        releaseExpiredLeases();
    }
    QSqlQuery q(db());
    QString statement =
        sql("WITH picked AS (SELECT track_id, available_at FROM enrichment_status"
            "  WHERE status = 'pending' AND available_at <= $AT"
            "  ORDER BY available_at LIMIT ? FOR UPDATE SKIP LOCKED)"
            " UPDATE enrichment_status s SET status = 'in_progress', lease_owner = ?,"
            "  lease_expires_at = $AT, last_attempt = $AT, updated_at = $AT"
            " FROM picked WHERE s.track_id = picked.track_id"
            " RETURNING s.track_id, s.retry_count, picked.available_at, s.artist, s.title,"
            "  s.isrc, s.duration_ms");
    if (!m_server.skipLocked)
        statement.replace(QStringLiteral(" SKIP LOCKED"), QString());
    q.prepare(statement);
    q.addBindValue(now);
    q.addBindValue(n);
    q.addBindValue(workerId());
    q.addBindValue(now + config().leaseMs);
    q.addBindValue(now);
    q.addBindValue(now);
    if (!run(q, true))
        return claimed;
    QList<QPair<QDateTime, ClaimedTrack>> rows;
    while (q.next())
        rows.append({q.value(2).toDateTime(),
                     {q.value(0).toString(), q.value(1).toInt(), q.value(3).toString(),
                      q.value(4).toString(), q.value(5).toString(), q.value(6).toLongLong()}});
    // RETURNING has no order: hand them out oldest first, as they were picked.
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto &a, const auto &b) { return a.first < b.first; });
    for (const auto &r : std::as_const(rows))
        claimed.append(r.second);
    if (!claimed.isEmpty()) {
        move(TrackStatus::Pending, TrackStatus::InProgress, claimed.size());
        Q_EMIT countsChanged();
    }
    return claimed;
}

QList<bool> PostgresQueueStore::record(const QList<TrackResult> &results)
{
    QList<bool> done(results.size(), false);
    if (results.isEmpty() || !connected())
        return done;
    // One statement, so one transaction: every result of the batch, each only where this
    // worker still holds the lease, and the attempts and metadata of the results written.
    QSqlQuery q(db());
    q.prepare(sql(RecordResultsSql));
    const ResultColumns c = ResultColumns::of(results);
    const qint64 now = m_clock.nowMs();
    for (const QVariant &v : {QVariant(textArray(c.ids)),
                              QVariant(textArray(c.kinds)),
                              QVariant(textArray(c.sources)),
                              QVariant(textArray(c.errors)),
                              QVariant(numberArray(c.at)),
                              QVariant(textArray(c.errorTypes)),
                              QVariant(textArray(c.errorSources)),
                              QVariant(numberArray(c.attemptRows)),
                              QVariant(config().maxRetries),
                              QVariant(now),
                              QVariant(config().retryBackoffMs),
                              QVariant(now),
                              QVariant(now),
                              QVariant(workerId()),
                              QVariant(workerId()),
                              QVariant(textArray(c.aTrack)),
                              QVariant(textArray(c.aSource)),
                              QVariant(textArray(c.aOutcome)),
                              QVariant(textArray(c.aErrorType)),
                              QVariant(textArray(c.aDetail)),
                              QVariant(numberArray(c.aLatency)),
                              QVariant(numberArray(c.aAt)),
                              QVariant(textArray(c.aFields)),
                              QVariant(textArray(c.mTrack)),
                              QVariant(textArray(c.mField)),
                              QVariant(textArray(c.mValue)),
                              QVariant(textArray(c.mSource)),
                              QVariant(numberArray(c.mAt))})
        q.addBindValue(v);
    if (!run(q, true))
        return done;
    QSet<QString> written;
    QStringList overBound; // tracks that may hold more attempts than are kept
    qint64 finished = 0;
    while (q.next()) {
        written.insert(q.value(0).toString());
        if (q.value(2).toInt() > AttemptsKeptPerTrack)
            overBound << q.value(0).toString();
        const auto status = trackStatusFromWire(q.value(1).toString());
        move(TrackStatus::InProgress, status, 1);
        finished += status == TrackStatus::Completed || status == TrackStatus::Partial;
    }
    for (int i = 0; i < results.size(); ++i) {
        done[i] = written.contains(results.at(i).trackId);
        if (!done[i])
            qCWarning(lcPostgres).noquote() << "lease lost for track" << results.at(i).trackId;
    }
    if (finished > 0) // they finished now: inside every window
        for (auto it = m_completedCache.begin(); it != m_completedCache.end(); ++it)
            *it += finished;
    if (!written.isEmpty())
        Q_EMIT countsChanged();
    if (!overBound.isEmpty())
        trimAttempts(overBound);
    return done;
}

void PostgresQueueStore::trimAttempts(const QStringList &trackIds)
{
    // At most AttemptsKeptPerTrack attempts per track, the newest; only the tracks whose
    // count (an upper bound) passed it, which is rare: a track reaches it only through
    // operators' retries. Afterwards each holds at most that many.
    QSqlQuery trim(db());
    trim.prepare(QStringLiteral(
        "WITH d AS (DELETE FROM enrichment_attempts a USING (SELECT id FROM (SELECT id,"
        " row_number() OVER (PARTITION BY track_id ORDER BY id DESC) AS n"
        " FROM enrichment_attempts WHERE track_id = ANY(?::text[])) x WHERE n > ?) old"
        " WHERE a.id = old.id RETURNING 1)"
        " UPDATE enrichment_status SET attempt_rows = ? WHERE track_id = ANY(?::text[])"));
    trim.addBindValue(textArray(trackIds));
    trim.addBindValue(AttemptsKeptPerTrack);
    trim.addBindValue(AttemptsKeptPerTrack);
    trim.addBindValue(textArray(trackIds));
    run(trim, true);
}

void PostgresQueueStore::move(std::optional<TrackStatus> from, std::optional<TrackStatus> to,
                              qint64 n) const
{
    // This worker's own changes, known without asking; the rest of the fleet's arrive
    // with refresh().
    if (!m_countsValid)
        return;
    if (from)
        m_counts[std::size_t(*from)] -= n;
    if (to)
        m_counts[std::size_t(*to)] += n;
}

bool PostgresQueueStore::readCounts() const
{
    if (!connected())
        return false;
    QSqlQuery q(db());
    q.prepare(QStringLiteral(
        "SELECT status, sum(n)::bigint FROM enrichment_status_counts GROUP BY status"));
    if (!run(q, false))
        return false;
    std::array<qint64, TrackStatusCount> fresh{};
    while (q.next())
        if (const auto s = trackStatusFromWire(q.value(0).toString()))
            fresh[std::size_t(*s)] = q.value(1).toLongLong();
    m_counts = fresh;
    m_countsValid = true;
    return true;
}

std::array<qint64, TrackStatusCount> PostgresQueueStore::counts() const
{
    if (!m_countsValid)
        readCounts();
    return m_counts;
}

void PostgresQueueStore::refresh()
{
    const std::array<qint64, TrackStatusCount> before = m_counts;
    if (!readCounts())
        return;
    readControl();
    const QList<int> windows = m_completedCache.keys();
    for (int w : windows)
        m_completedCache.insert(w, readCompleted(w));
    if (m_counts != before)
        Q_EMIT countsChanged();
}

bool PostgresQueueStore::reconcile()
{
    if (!connected())
        return false;
    QSqlQuery q(db());
    auto rollback = [&] {
        m_lastError = q.lastError().text().simplified();
        QSqlQuery(db()).exec(QStringLiteral("ROLLBACK"));
        return false;
    };
    if (!q.exec(QStringLiteral("BEGIN")))
        return rollback();
    // One worker at a time; the others skip this round.
    if (!q.exec(QStringLiteral("SELECT pg_try_advisory_xact_lock(%1)").arg(ReconcileLock)) ||
        !q.next())
        return rollback();
    if (!q.value(0).toBool()) {
        QSqlQuery(db()).exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    // Writers wait at their counts update while the table is recounted, so the recount
    // and the counts agree when this commits.
    if (!q.exec(QStringLiteral("LOCK TABLE enrichment_status_counts IN EXCLUSIVE MODE")) ||
        !q.exec(QStringLiteral("SELECT t.status, coalesce(t.n, 0), coalesce(c.n, 0) FROM"
                               " (SELECT status, count(*) AS n FROM enrichment_status"
                               "  GROUP BY status) t FULL JOIN"
                               " (SELECT status, sum(n)::bigint AS n"
                               "  FROM enrichment_status_counts GROUP BY status) c"
                               " USING (status)")))
        return rollback();
    bool drift = false;
    while (q.next())
        drift = drift || q.value(1).toLongLong() != q.value(2).toLongLong();
    q.finish();
    if (drift && (!q.exec(QStringLiteral("DELETE FROM enrichment_status_counts")) ||
                  !q.exec(QStringLiteral("INSERT INTO enrichment_status_counts (status, slot, n)"
                                         " SELECT status, 0, count(*) FROM enrichment_status"
                                         " GROUP BY status"))))
        return rollback();
    QSqlQuery old(db());
    old.prepare(QStringLiteral("DELETE FROM enrichment_completions WHERE second < ?"));
    old.addBindValue(m_clock.nowMs() / 1000 - CompletionsKeptSeconds);
    if (!old.exec()) {
        m_lastError = old.lastError().text().simplified();
        QSqlQuery(db()).exec(QStringLiteral("ROLLBACK"));
        return false;
    }
    if (!q.exec(QStringLiteral("COMMIT")))
        return rollback();
    prune(); // one worker at a time, like the recount
    if (drift) {
        qCWarning(lcPostgres) << "queue counts had drifted from the table; reconciled";
        m_countsValid = false;
        Q_EMIT countsChanged();
    }
    return drift;
}

qint64 PostgresQueueStore::completedInLast(int seconds) const
{
    seconds = std::clamp(seconds, 1, 3600);
    if (auto it = m_completedCache.constFind(seconds); it != m_completedCache.cend())
        return *it;
    const qint64 n = readCompleted(seconds);
    m_completedCache.insert(seconds, n);
    return n;
}

std::optional<qint64> PostgresQueueStore::oldestPendingMs()
{
    if (!connected())
        return std::nullopt;
    QSqlQuery q(db());
    // The partial claim index (available_at WHERE status = 'pending') answers it.
    if (!q.exec(QStringLiteral("SELECT (extract(epoch FROM min(available_at)) * 1000)::bigint"
                               " FROM enrichment_status WHERE status = 'pending'")) ||
        !q.next() || q.value(0).isNull())
        return std::nullopt;
    return q.value(0).toLongLong();
}

qint64 PostgresQueueStore::readCompleted(int seconds) const
{
    if (!connected())
        return 0;
    QSqlQuery q(db());
    q.prepare(QStringLiteral(
        "SELECT coalesce(sum(n), 0)::bigint FROM enrichment_completions WHERE second > ?"));
    q.addBindValue(m_clock.nowMs() / 1000 - seconds);
    if (!run(q, false) || !q.next())
        return 0;
    return q.value(0).toLongLong();
}

void PostgresQueueStore::heartbeat(const WorkerInfo &self)
{
    if (!connected())
        return;
    QSqlQuery q(db());
    q.prepare(sql("INSERT INTO enrichment_workers (worker_id, host, pid, started_at, last_seen,"
                  " current_batch, batches, tracks_per_minute, stopped, breakers, last_batch_at,"
                  " stats)"
                  " VALUES (?, ?, ?, $AT, $AT, ?, ?, ?, ?, ?::jsonb, $AT, ?::jsonb)"
                  " ON CONFLICT (worker_id) DO UPDATE SET host = excluded.host,"
                  " pid = excluded.pid, started_at = excluded.started_at,"
                  " last_seen = excluded.last_seen, current_batch = excluded.current_batch,"
                  " batches = excluded.batches, tracks_per_minute = excluded.tracks_per_minute,"
                  " stopped = excluded.stopped, breakers = excluded.breakers,"
                  " last_batch_at = excluded.last_batch_at, stats = excluded.stats"));
    q.addBindValue(self.id);
    q.addBindValue(self.host);
    q.addBindValue(self.pid);
    q.addBindValue(self.startedMs);
    q.addBindValue(self.lastSeenMs);
    q.addBindValue(self.currentBatch);
    q.addBindValue(self.batches);
    q.addBindValue(self.tracksPerMinute);
    q.addBindValue(self.stopped);
    QJsonObject breakers;
    for (auto it = self.breakers.cbegin(); it != self.breakers.cend(); ++it)
        breakers.insert(it.key(), toWire(it.value()));
    q.addBindValue(QString::fromUtf8(QJsonDocument(breakers).toJson(QJsonDocument::Compact)));
    q.addBindValue(self.lastBatchMs);
    q.addBindValue(QString::fromUtf8(QJsonDocument(self.stats).toJson(QJsonDocument::Compact)));
    run(q, true);
}

QList<WorkerInfo> PostgresQueueStore::workers()
{
    QList<WorkerInfo> out;
    if (!connected())
        return out;
    QSqlQuery q(db());
    q.prepare(QStringLiteral(
        "SELECT worker_id, host, pid, (extract(epoch FROM started_at) * 1000)::bigint,"
        " (extract(epoch FROM last_seen) * 1000)::bigint, current_batch, batches,"
        " tracks_per_minute, stopped, breakers::text,"
        " coalesce((extract(epoch FROM last_batch_at) * 1000)::bigint, 0), stats::text"
        " FROM enrichment_workers"
        " ORDER BY worker_id LIMIT 256"));
    if (!run(q, false))
        return out;
    while (q.next()) {
        WorkerInfo w;
        w.id = q.value(0).toString();
        w.host = q.value(1).toString();
        w.pid = q.value(2).toLongLong();
        w.startedMs = q.value(3).toLongLong();
        w.lastSeenMs = q.value(4).toLongLong();
        w.currentBatch = q.value(5).toInt();
        w.batches = q.value(6).toLongLong();
        w.tracksPerMinute = q.value(7).toDouble();
        w.stopped = q.value(8).toBool();
        const QJsonObject breakers = QJsonDocument::fromJson(q.value(9).toByteArray()).object();
        for (auto it = breakers.begin(); it != breakers.end(); ++it)
            if (const auto state = breakerStateFromWire(it.value().toString()))
                w.breakers.insert(it.key().left(64), *state);
        w.lastBatchMs = q.value(10).toLongLong();
        w.stats = QJsonDocument::fromJson(q.value(11).toByteArray()).object();
        out.append(w);
    }
    return out;
}

} // namespace enrichment

namespace enrichment {

namespace {
/// A timestamptz column as epoch milliseconds.
QString ms(const char *column)
{
    return QStringLiteral("coalesce((extract(epoch FROM %1) * 1000)::bigint, 0)")
        .arg(QLatin1String(column));
}

QString trackColumns()
{
    return QStringLiteral("track_id, status, retry_count, sources_enriched, error_message,"
                          " error_type, error_source, %1, %2, %3, %4, lease_owner, artist,"
                          " title, isrc, coalesce(duration_ms, 0)")
        .arg(ms("last_attempt"), ms("created_at"), ms("updated_at"), ms("available_at"));
}

} // namespace

bool PostgresQueueStore::begin(QString *error)
{
    if (!connected()) {
        *error = m_lastError.isEmpty() ? QStringLiteral("database is not connected") : m_lastError;
        return false;
    }
    QSqlQuery q(db());
    if (!q.exec(QStringLiteral("BEGIN"))) {
        m_lastError = q.lastError().text().simplified();
        m_broken = !db().isOpen();
        noteWrite(false);
        *error = m_lastError;
        return false;
    }
    return true;
}

bool PostgresQueueStore::rollback(QString *error) const
{
    if (error)
        *error = m_lastError;
    QSqlQuery(db()).exec(QStringLiteral("ROLLBACK"));
    return false;
}

qint64 PostgresQueueStore::reserveSendSlot(const QString &key, qint64 intervalMs)
{
    if (!connected())
        return -1;
    // The database's clock, not the workers': their clocks may differ, the delay may not.
    QSqlQuery q(db());
    q.prepare(QStringLiteral(
        "WITH t AS (SELECT clock_timestamp() AS now,"
        "  make_interval(secs => ?::double precision / 1000) AS step)"
        " INSERT INTO enrichment_pace AS p (source, next_at)"
        " SELECT ?, t.now + t.step FROM t"
        " ON CONFLICT (source) DO UPDATE SET next_at = GREATEST(p.next_at, excluded.next_at"
        "  - make_interval(secs => ?::double precision / 1000))"
        "  + make_interval(secs => ?::double precision / 1000)"
        " RETURNING (extract(epoch FROM p.next_at - clock_timestamp()) * 1000)::bigint"));
    q.addBindValue(intervalMs);
    q.addBindValue(key);
    q.addBindValue(intervalMs);
    q.addBindValue(intervalMs);
    if (!run(q, true) || !q.next())
        return -1;
    return std::max<qint64>(0, q.value(0).toLongLong() - intervalMs);
}

bool PostgresQueueStore::appendAudit(AuditEntry *audit, QString *error)
{
    return begin(error) && commitWithAudit(audit, error);
}

bool PostgresQueueStore::commitWithAudit(AuditEntry *audit, QString *error)
{
    audit->atMs = m_clock.nowMs();
    audit->worker = workerId();
    QSqlQuery q(db());
    q.prepare(sql("INSERT INTO enrichment_audit (at, actor, action, parameters, result, worker)"
                  " VALUES ($AT, ?, ?, ?, ?, ?) RETURNING id"));
    q.addBindValue(audit->atMs);
    q.addBindValue(audit->actor);
    q.addBindValue(audit->action);
    q.addBindValue(store::jsonText(audit->parameters));
    q.addBindValue(store::jsonText(audit->result));
    q.addBindValue(audit->worker);
    if (!run(q, true) || !q.next())
        return rollback(error);
    audit->id = q.value(0).toLongLong();
    q.finish();
    return commit(error);
}

bool PostgresQueueStore::commit(QString *error)
{
    QSqlQuery commit(db());
    if (!commit.exec(QStringLiteral("COMMIT"))) {
        m_lastError = commit.lastError().text().simplified();
        noteWrite(false);
        return rollback(error);
    }
    noteWrite(true);
    return true;
}

TrackPage PostgresQueueStore::tracks(const TrackFilter &filter, int limit, const QString &after)
{
    TrackPage page;
    page.ok = false;
    if (!connected())
        return page;
    limit = std::clamp(limit, 1, MaxPageSize);
    const store::Where where = store::trackWhere(filter, after, store::Dialect::Postgres);
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(store::trackPageSql(where, trackColumns(), store::Dialect::Postgres));
    for (const QVariant &v : where.values)
        q.addBindValue(v);
    q.addBindValue(limit + 1);
    if (!run(q, false))
        return page;
    page.ok = true;
    while (q.next() && page.rows.size() < limit)
        page.rows << store::readTrackRow(q);
    if (q.isValid())
        page.next = page.rows.constLast().trackId;
    return page;
}

bool PostgresQueueStore::track(const QString &trackId, TrackRow *row, QList<Attempt> *attempts,
                               int maxAttempts)
{
    if (!connected())
        return false;
    QSqlQuery q(db());
    q.prepare(
        QStringLiteral("SELECT %1 FROM enrichment_status WHERE track_id = ?").arg(trackColumns()));
    q.addBindValue(trackId);
    if (!run(q, false) || !q.next())
        return false;
    *row = store::readTrackRow(q);
    q.finish();
    attempts->clear();
    QSqlQuery a(db());
    a.setForwardOnly(true);
    a.prepare(QStringLiteral("SELECT source, outcome, error_type, detail, latency_ms, worker, %1,"
                             " fields"
                             " FROM enrichment_attempts WHERE track_id = ?"
                             " ORDER BY id DESC LIMIT ?")
                  .arg(ms("at")));
    a.addBindValue(trackId);
    a.addBindValue(std::max(0, maxAttempts));
    if (run(a, false)) {
        while (a.next()) {
            attempts->append(store::readAttempt(a, trackId));
        }
    }
    a.finish();
    QSqlQuery m(db());
    m.setForwardOnly(true);
    m.prepare(QStringLiteral("SELECT field, value, source, %1 FROM enrichment_metadata"
                             " WHERE track_id = ? ORDER BY field COLLATE \"C\" LIMIT ?")
                  .arg(ms("at")));
    m.addBindValue(trackId);
    m.addBindValue(MetadataFieldsMax);
    if (run(m, false))
        while (m.next())
            row->metadata.append(store::readMetadata(m));
    return true;
}

QList<FailureGroup> PostgresQueueStore::failures(int examples)
{
    QList<FailureGroup> groups;
    if (!connected())
        return groups;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    // The examples come from the same index as the groups: the first ids of each group.
    q.prepare(QStringLiteral(
        "SELECT g.status, g.error_type, g.error_source, g.n, e.ids FROM"
        " (SELECT status, coalesce(error_type, '') AS error_type,"
        "   coalesce(error_source, '') AS error_source, count(*) AS n"
        "  FROM enrichment_status WHERE status IN ('failed', 'partial')"
        "  GROUP BY 1, 2, 3 ORDER BY 4 DESC, 1, 2, 3 LIMIT 200) g"
        " CROSS JOIN LATERAL (SELECT array_to_string(array_agg(track_id), chr(31)) AS ids FROM"
        "  (SELECT track_id FROM enrichment_status s WHERE s.status = g.status"
        "    AND coalesce(s.error_type, '') = g.error_type"
        "    AND coalesce(s.error_source, '') = g.error_source"
        "   ORDER BY track_id COLLATE \"C\" LIMIT ?) x) e"
        " ORDER BY g.n DESC, 1, 2, 3"));
    q.addBindValue(std::max(0, examples));
    if (!run(q, false))
        return groups;
    while (q.next()) {
        FailureGroup g = store::readFailureGroup(q);
        g.examples = q.value(4).toString().split(QChar(31), Qt::SkipEmptyParts);
        groups << g;
    }
    return groups;
}

QList<AuditEntry> PostgresQueueStore::audit(int limit)
{
    QList<AuditEntry> out;
    if (!connected())
        return out;
    QSqlQuery q(db());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT id, %1, actor, action, parameters, result, worker"
                             " FROM enrichment_audit ORDER BY id DESC LIMIT ?")
                  .arg(ms("at")));
    q.addBindValue(std::max(0, limit));
    if (!run(q, false))
        return out;
    while (q.next()) {
        out << store::readAuditEntry(q);
    }
    return out;
}

qint64 PostgresQueueStore::retry(const TrackFilter &filter, AuditEntry *audit, QString *error)
{
    if (!begin(error))
        return -1;
    const store::Where where = store::trackWhere(filter, {}, store::Dialect::Postgres);
    QSqlQuery q(db());
    q.prepare(sql("WITH t AS (SELECT track_id, status FROM enrichment_status WHERE %1"
                  "  AND status IN ('failed', 'partial') FOR UPDATE),"
                  " u AS (UPDATE enrichment_status s SET status = 'pending', retry_count = 0,"
                  "  available_at = $AT, updated_at = $AT, lease_owner = NULL,"
                  "  lease_expires_at = NULL FROM t WHERE s.track_id = t.track_id"
                  "  RETURNING t.status)"
                  " SELECT status, count(*) FROM u GROUP BY status")
                  .arg(where.sql));
    for (const QVariant &v : where.values)
        q.addBindValue(v);
    const qint64 now = m_clock.nowMs();
    q.addBindValue(now);
    q.addBindValue(now);
    if (!run(q, true)) {
        rollback(error);
        return -1;
    }
    qint64 failed = 0, partial = 0;
    while (q.next()) {
        const auto s = trackStatusFromWire(q.value(0).toString());
        (s == TrackStatus::Failed ? failed : partial) += q.value(1).toLongLong();
    }
    q.finish();
    audit->result = store::retryResult(failed, partial);
    if (!commitWithAudit(audit, error))
        return -1;
    move(TrackStatus::Failed, TrackStatus::Pending, failed);
    move(TrackStatus::Partial, TrackStatus::Pending, partial);
    if (failed + partial > 0)
        Q_EMIT countsChanged();
    return failed + partial;
}

qint64 PostgresQueueStore::enqueue(const QList<TrackLookup> &tracks, AuditEntry *audit,
                                   QString *error)
{
    if (!begin(error))
        return -1;
    const QList<TrackLookup> unique = store::uniqueTracks(tracks);
    qint64 added = 0;
    if (!insertTracks(unique, &added)) {
        rollback(error);
        return -1;
    }
    audit->result = store::enqueueResult(added, unique.size());
    if (!commitWithAudit(audit, error))
        return -1;
    if (added > 0) {
        move(std::nullopt, TrackStatus::Pending, added);
        Q_EMIT countsChanged();
    }
    return added;
}

bool PostgresQueueStore::changeControl(const std::function<QJsonObject(PipelineControl &)> &change,
                                       AuditEntry *audit, QString *error)
{
    if (!begin(error))
        return false;
    // The row lock serialises operators working on different backends of the fleet.
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT state FROM enrichment_control WHERE id = 1 FOR UPDATE"));
    if (!run(q, true))
        return rollback(error);
    PipelineControl next =
        q.next() ? store::controlFromJson(q.value(0).toString().toUtf8()) : PipelineControl{};
    q.finish();
    audit->result = store::compact(change(next));
    QSqlQuery w(db());
    w.prepare(QStringLiteral("INSERT INTO enrichment_control (id, state) VALUES (1, ?)"
                             " ON CONFLICT (id) DO UPDATE SET state = excluded.state"));
    w.addBindValue(QString::fromUtf8(store::controlToJson(next)));
    if (!run(w, true))
        return rollback(error);
    if (!commitWithAudit(audit, error))
        return false;
    m_control = next;
    return true;
}

void PostgresQueueStore::readControl()
{
    if (!connected())
        return;
    QSqlQuery q(db());
    q.prepare(QStringLiteral("SELECT state FROM enrichment_control WHERE id = 1"));
    if (run(q, false) && q.next())
        m_control = store::controlFromJson(q.value(0).toString().toUtf8());
}

void PostgresQueueStore::prune()
{
    if (!connected())
        return;
    const qint64 now = m_clock.nowMs();
    QSqlQuery q(db());
    q.prepare(sql("DELETE FROM enrichment_attempts WHERE at < $AT"));
    q.addBindValue(now - AttemptsKeptMs);
    run(q, true);
    q.prepare(sql("DELETE FROM enrichment_audit WHERE at < $AT"));
    q.addBindValue(now - AuditKeptMs);
    run(q, true);
}

} // namespace enrichment
