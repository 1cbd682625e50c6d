// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QtTest>

#include "CircuitBreaker.h"
#include "PipelineMetrics.h"
#include "Pipeline.h"
#include "StoreFixture.h"
#include "Replies.h"
#include "ScriptedSource.h"
#include "StoreSupport.h"
#include "ServiceInternals.h"
#include "enrichment/BackendService.h"
#include "enrichment/EnrichmentSource.h"
#include "enrichment/QueueStore.h"
#include "enrichment/WireFormat.h"
#include "InProcessBackend.h"

using namespace enrichment;

namespace {
QJsonObject json(const QByteArray &body)
{
    return QJsonDocument::fromJson(body).object();
}
} // namespace

/// The operator endpoints and actions (docs/PROTOCOL.md, "Operators") against a real
/// backend in this process, over real sockets, on SQLite and on PostgreSQL (a private
/// server this program starts). Counts are checked against the table (reconcile() finds
/// no drift) after every action.
class TestOperations : public QObject
{
    Q_OBJECT
private:
    /// A backend with the scripted sources, no timers: batches run when the test says.
    /// With @p spec, on that queue (another worker of it); else on a new one.
    std::unique_ptr<BackendService> start(const QString &name, BackendOptions o = {},
                                          const QString &spec = {})
    {
        o.runPipeline = false;
        o.historyIntervalMs = 0;
        o.tickIntervalMs = 0;
        o.retryBackoffMs = 0;
        o.breakerFailureThreshold = 1000;
        return testsupport::startBackend(o, spec.isEmpty() ? newSpec(name) : spec, nullptr,
                                         testsupport::scriptedSources());
    }

    /// Runs batches until nothing is pending (failed tracks retry at once: no backoff).
    static void drain(BackendService &s)
    {
        for (int i = 0; i < 1000 && s.queueCounts()[std::size_t(TrackStatus::Pending)] > 0; ++i)
            internals(s).pipeline().runBatchNow();
    }

    static void checkCounts(BackendService &s)
    {
        // reconcile() recounts the table with GROUP BY: true means the counts had drifted.
        QVERIFY2(!internals(s).store().reconcile(), "the counts drifted from the table");
    }

    QByteArray get(BackendService &s, const QString &pathAndQuery, int *status,
                   const QByteArray &token = {})
    {
        QNetworkRequest req(QUrl(s.url().toString() + pathAndQuery));
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token);
        return testsupport::finish(m_nam.get(req), status);
    }

    QByteArray post(BackendService &s, const QString &action, const QByteArray &body, int *status,
                    const QByteArray &token = {},
                    const QByteArray &contentType = "application/json",
                    const QByteArray &origin = {})
    {
        QNetworkRequest req(
            QUrl(s.url().toString() + QStringLiteral("/monitoring/enrichment/actions/") + action));
        if (!contentType.isEmpty())
            req.setRawHeader("Content-Type", contentType);
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token);
        if (!origin.isEmpty())
            req.setRawHeader("Origin", origin);
        return testsupport::finish(m_nam.post(req, body), status);
    }

    static void openRoom(BackendService &s, QWebSocket &room, const QByteArray &token = {})
    {
        QUrl ws = s.url();
        ws.setScheme(QStringLiteral("ws"));
        ws.setPath(QStringLiteral("/ws"));
        ws.setQuery(QStringLiteral("room_id=enrichment_monitor"));
        QNetworkRequest req(ws);
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token);
        room.open(req);
    }

    qint64 count(BackendService &s, TrackStatus st) { return s.queueCounts()[std::size_t(st)]; }

    static bool postgres() { return testsupport::StoreFixture::postgres(); }
    QString newSpec(const QString &name) { return m_stores.newSpec(name); }

    testsupport::StoreFixture m_stores;
    QNetworkAccessManager m_nam;

private Q_SLOTS:
    void initTestCase_data() { testsupport::StoreFixture::addRows(); }

    void initTestCase()
    {
        QString error;
        QVERIFY2(m_stores.start(&error), qPrintable(error));
    }

    void everyAttemptIsRecordedAndShownWithItsTrack()
    {
        auto s = start(QStringLiteral("attempts"));
        s->enqueue({QStringLiteral("ok-1"), QStringLiteral("rl-1"), QStringLiteral("pa-1")});
        drain(*s);
        int status = 0;
        QJsonObject t =
            json(get(*s, QStringLiteral("/monitoring/enrichment/tracks/rl-1"), &status));
        QCOMPARE(status, 200);
        QCOMPARE(t.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(t.value(QLatin1String("retry_count")).toInt(), 3);
        QCOMPARE(t.value(QLatin1String("error_type")).toString(), QStringLiteral("http_429"));
        QCOMPARE(t.value(QLatin1String("source")).toString(), QStringLiteral("spotify"));
        const QJsonArray attempts = t.value(QLatin1String("attempts")).toArray();
        QCOMPARE(attempts.size(), 9); // three tries of three sources
        const QJsonObject newest = attempts.at(0).toObject();
        QCOMPARE(newest.value(QLatin1String("source")).toString(),
                 QStringLiteral("discogs")); // newest first
        QCOMPARE(newest.value(QLatin1String("outcome")).toString(), QStringLiteral("no_data"));
        const QJsonObject spotify = attempts.at(2).toObject();
        QCOMPARE(spotify.value(QLatin1String("source")).toString(), QStringLiteral("spotify"));
        QCOMPARE(spotify.value(QLatin1String("outcome")).toString(), QStringLiteral("error"));
        QCOMPARE(spotify.value(QLatin1String("error_type")).toString(), QStringLiteral("http_429"));
        QCOMPARE(spotify.value(QLatin1String("detail")).toString(),
                 QStringLiteral("HTTP 429 Too Many Requests"));
        QCOMPARE(spotify.value(QLatin1String("worker")).toString(),
                 internals(*s).store().workerId());
        QVERIFY(spotify.value(QLatin1String("latency_ms")).toDouble() > 0);
        QVERIFY(wire::parseTime(spotify.value(QLatin1String("at")).toString()).isValid());

        t = json(get(*s, QStringLiteral("/monitoring/enrichment/tracks/ok-1"), &status));
        QCOMPARE(t.value(QLatin1String("status")).toString(), QStringLiteral("completed"));
        QCOMPARE(t.value(QLatin1String("fields")).toArray(),
                 QJsonArray::fromStringList({QStringLiteral("bpm"), QStringLiteral("isrc")}));
        QVERIFY(t.value(QLatin1String("error_type")).isNull());
        // The metadata it ended up with: each field from the waterfall's first source that
        // had it (musicbrainz and discogs both find bpm; musicbrainz comes first).
        QJsonObject metadata = t.value(QLatin1String("metadata")).toObject();
        QCOMPARE(metadata.keys(), QStringList({QStringLiteral("bpm"), QStringLiteral("isrc")}));
        QJsonObject isrc = metadata.value(QLatin1String("isrc")).toObject();
        QCOMPARE(isrc.value(QLatin1String("value")).toString(), QStringLiteral("spotify:ok-1"));
        QCOMPARE(isrc.value(QLatin1String("source")).toString(), QStringLiteral("spotify"));
        QVERIFY(wire::parseTime(isrc.value(QLatin1String("at")).toString()).isValid());
        const QJsonObject bpm = metadata.value(QLatin1String("bpm")).toObject();
        QCOMPARE(bpm.value(QLatin1String("value")).toString(), QStringLiteral("musicbrainz:ok-1"));
        QCOMPARE(bpm.value(QLatin1String("source")).toString(), QStringLiteral("musicbrainz"));
        t = json(get(*s, QStringLiteral("/monitoring/enrichment/tracks/pa-1"), &status));
        QCOMPARE(t.value(QLatin1String("status")).toString(), QStringLiteral("partial"));
        metadata = t.value(QLatin1String("metadata")).toObject();
        QCOMPARE(metadata.keys(), QStringList({QStringLiteral("isrc")}));
        // A failed track found nothing: an empty object, not a missing key.
        t = json(get(*s, QStringLiteral("/monitoring/enrichment/tracks/rl-1"), &status));
        QVERIFY(t.value(QLatin1String("metadata")).isObject());
        QVERIFY(t.value(QLatin1String("metadata")).toObject().isEmpty());

        get(*s, QStringLiteral("/monitoring/enrichment/tracks/nobody"), &status);
        QCOMPARE(status, 404);
        // An id with characters a path must escape is found as it was enqueued.
        s->enqueue({QStringLiteral("ok/with space?&")});
        t = json(get(*s, QStringLiteral("/monitoring/enrichment/tracks/ok%2Fwith%20space%3F%26"),
                     &status));
        QCOMPARE(status, 200);
        QCOMPARE(t.value(QLatin1String("track_id")).toString(), QStringLiteral("ok/with space?&"));
        // A pending track says when it is tried next; a finished one has no next attempt.
        QVERIFY(wire::parseTime(t.value(QLatin1String("next_attempt_at")).toString()).isValid());
        QCOMPARE(t.value(QLatin1String("next_attempt_at")), t.value(QLatin1String("available_at")));
        t = json(get(*s, QStringLiteral("/monitoring/enrichment/tracks/ok-1"), &status));
        QVERIFY(t.value(QLatin1String("next_attempt_at")).isNull());
    }

    /// The plan of @p sql with @p values on the queue @p spec names, one line per step.
    QStringList plan(const QString &spec, QString sql, const QVariantList &values)
    {
        QStringList lines;
        const QString name = QStringLiteral("plan");
        {
            QSqlDatabase db;
            if (spec.startsWith(QLatin1String("sqlite:"))) {
                db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
                db.setDatabaseName(spec.mid(7));
            } else {
                db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), name);
                db.setHostName(QStringLiteral("127.0.0.1"));
                db.setPort(m_stores.postgresServer().port());
                db.setUserName(QStringLiteral("enrichment"));
                db.setDatabaseName(QUrl(spec).path().mid(1));
            }
            if (!db.open())
                return {db.lastError().text()};
            QSqlQuery q(db);
            if (spec.startsWith(QLatin1String("sqlite:"))) {
                q.prepare(QStringLiteral("EXPLAIN QUERY PLAN ") + sql);
                for (const QVariant &v : values)
                    q.addBindValue(v);
                q.exec();
                while (q.next())
                    lines << q.value(3).toString();
            } else {
                // An empty table is cheapest to scan: forbid what the planner could fall
                // back to, so that the plan shows whether an index serves the query.
                q.exec(QStringLiteral("SET enable_seqscan = off"));
                q.exec(QStringLiteral("SET enable_sort = off"));
                for (const QVariant &v : values) { // EXPLAIN cannot be prepared
                    const QString literal =
                        v.typeId() == QMetaType::QString
                            ? QLatin1Char('\'') +
                                  v.toString().replace(QLatin1Char('\''), QStringLiteral("''")) +
                                  QLatin1Char('\'')
                            : v.toString();
                    sql.replace(sql.indexOf(QLatin1Char('?')), 1, literal);
                }
                q.exec(QStringLiteral("EXPLAIN ") + sql);
                while (q.next())
                    lines << q.value(0).toString();
            }
        }
        QSqlDatabase::removeDatabase(name);
        return lines;
    }

    void everySearchWalksAnIndexInIdOrder_data()
    {
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("errorType");
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("prefix");
        QTest::addColumn<QString>("after");
        const QString f = QStringLiteral("failed"), t = QStringLiteral("http_429"),
                      s = QStringLiteral("spotify"), p = QStringLiteral("demo-"),
                      a = QStringLiteral("demo-5");
        QTest::newRow("all") << QString() << QString() << QString() << QString() << a;
        QTest::newRow("status") << f << QString() << QString() << QString() << a;
        QTest::newRow("status type") << f << t << QString() << QString() << a;
        QTest::newRow("status type source") << f << t << s << QString() << a;
        QTest::newRow("status source") << f << QString() << s << QString() << a;
        QTest::newRow("type") << QString() << t << QString() << QString() << a;
        QTest::newRow("type source") << QString() << t << s << QString() << a;
        QTest::newRow("source") << QString() << QString() << s << QString() << a;
        QTest::newRow("prefix") << QString() << QString() << QString() << p << QString();
        QTest::newRow("prefix status") << f << QString() << QString() << p << a;
        QTest::newRow("prefix type source") << QString() << t << s << p << QString();
    }
    void everySearchWalksAnIndexInIdOrder()
    {
        QFETCH(QString, status);
        QFETCH(QString, errorType);
        QFETCH(QString, source);
        QFETCH(QString, prefix);
        QFETCH(QString, after);
        auto s = start(QStringLiteral("plans"));
        const QString spec = s->options().databasePath;
        TrackFilter filter;
        if (!status.isEmpty())
            filter.status = trackStatusFromWire(status);
        filter.errorType = errorType;
        filter.errorSource = source;
        filter.idPrefix = prefix;
        const store::Dialect dialect =
            postgres() ? store::Dialect::Postgres : store::Dialect::Sqlite;
        const store::Where where = store::trackWhere(filter, after, dialect);
        const QStringList steps =
            plan(spec, store::trackPageSql(where, QStringLiteral("track_id"), dialect),
                 where.values + QVariantList{101});
        const QString text = steps.join(QStringLiteral(" | "));
        QVERIFY2(!steps.isEmpty(), "no plan");
        if (postgres()) {
            QVERIFY2(!text.contains(QLatin1String("Seq Scan")) &&
                         !text.contains(QLatin1String("Sort")),
                     qPrintable(text));
            QVERIFY2(text.contains(QLatin1String("Index")), qPrintable(text));
            // Which of the fitting indexes it picks depends on statistics an empty table
            // does not have; SQLite's choice does not, and is checked below.
        } else {
            // Every filter is a condition of the index searched.
            for (const auto &[value, column] :
                 {std::pair{status, "status=?"}, std::pair{errorType, "error_type=?"},
                  std::pair{source, "error_source=?"}})
                QVERIFY2(value.isEmpty() || text.contains(QLatin1String(column)), qPrintable(text));
            QVERIFY2(!text.contains(QLatin1String("SCAN enrichment_status")) &&
                         !text.contains(QLatin1String("TEMP B-TREE")),
                     qPrintable(text));
            QVERIFY2(text.contains(QLatin1String("SEARCH enrichment_status")) ||
                         text.contains(QLatin1String("USING INDEX")) ||
                         text.contains(QLatin1String("USING COVERING INDEX")),
                     qPrintable(text));
        }
    }

    void attemptsAreBoundedPerTrack()
    {
        auto s = start(QStringLiteral("bounded"));
        s->enqueue({QStringLiteral("rl-b")});
        // Retried by operators until far more attempts than the bound were made.
        int status = 0;
        for (int round = 0; round < 7; ++round) {
            drain(*s);
            post(*s, QStringLiteral("retry"), R"({"track_ids": ["rl-b"]})", &status);
            QCOMPARE(status, 200);
        }
        drain(*s);
        const QJsonObject t =
            json(get(*s, QStringLiteral("/monitoring/enrichment/tracks/rl-b"), &status));
        QCOMPARE(t.value(QLatin1String("attempts")).toArray().size(), AttemptsKeptPerTrack);
    }

    void searchPagesByKeysetWithFilters()
    {
        auto s = start(QStringLiteral("search"));
        QStringList ids;
        for (int i = 0; i < 25; ++i)
            ids << QStringLiteral("ok-page-%1").arg(i, 2, 10, QLatin1Char('0'));
        ids << QStringLiteral("rl-x") << QStringLiteral("rl-y") << QStringLiteral("to-z");
        s->enqueue(ids);
        int status = 0;
        QStringList seen;
        QString after;
        int pages = 0;
        do {
            const QJsonObject page =
                json(get(*s,
                         QStringLiteral("/monitoring/enrichment/tracks?q=ok-page-&limit=10") +
                             (after.isEmpty() ? QString() : QStringLiteral("&after=") + after),
                         &status));
            QCOMPARE(status, 200);
            for (const QJsonValue &row : page.value(QLatin1String("tracks")).toArray())
                seen << row.toObject().value(QLatin1String("track_id")).toString();
            after = page.value(QLatin1String("next")).toString();
            ++pages;
        } while (!after.isEmpty() && pages < 10);
        QCOMPARE(pages, 3);
        QCOMPARE(seen, ids.mid(0, 25)); // every one once, in id order

        drain(*s);
        QJsonObject page = json(get(
            *s, QStringLiteral("/monitoring/enrichment/tracks?status=failed&error_type=http_429"),
            &status));
        QCOMPARE(page.value(QLatin1String("tracks")).toArray().size(), 2);
        QVERIFY(page.value(QLatin1String("next")).isNull());
        page = json(
            get(*s, QStringLiteral("/monitoring/enrichment/tracks?source=musicbrainz"), &status));
        QCOMPARE(page.value(QLatin1String("tracks")).toArray().size(), 1);
        QCOMPARE(page.value(QLatin1String("tracks"))
                     .toArray()
                     .at(0)
                     .toObject()
                     .value(QLatin1String("track_id"))
                     .toString(),
                 QStringLiteral("to-z"));

        for (const char *bad : {"?limit=0", "?limit=501", "?limit=ten", "?status=lost",
                                "?source=napster", "?error_type=HTTP%20429", "?colour=red"}) {
            const QJsonObject e = json(get(
                *s, QStringLiteral("/monitoring/enrichment/tracks") + QLatin1String(bad), &status));
            QVERIFY2(status == 400, bad);
            QCOMPARE(
                e.value(QLatin1String("error")).toObject().value(QLatin1String("code")).toString(),
                QStringLiteral("bad_parameter"));
        }
        for (const char *bad : {"?limit=0", "?limit=1001", "?limit=many", "?since=yesterday"}) {
            get(*s, QStringLiteral("/monitoring/enrichment/audit") + QLatin1String(bad), &status);
            QVERIFY2(status == 400, bad);
        }
    }

    void failuresAreGroupedByErrorTypeAndSource()
    {
        auto s = start(QStringLiteral("failures"));
        s->enqueue({QStringLiteral("rl-1"), QStringLiteral("rl-2"), QStringLiteral("rl-3"),
                    QStringLiteral("rl-4"), QStringLiteral("to-1"), QStringLiteral("pa-1"),
                    QStringLiteral("ok-1")});
        drain(*s);
        int status = 0;
        const QJsonObject f =
            json(get(*s, QStringLiteral("/monitoring/enrichment/failures"), &status));
        QCOMPARE(status, 200);
        const QJsonArray groups = f.value(QLatin1String("groups")).toArray();
        QCOMPARE(groups.size(), 3);
        const QJsonObject first = groups.at(0).toObject(); // largest first
        QCOMPARE(first.value(QLatin1String("status")).toString(), QStringLiteral("failed"));
        QCOMPARE(first.value(QLatin1String("error_type")).toString(), QStringLiteral("http_429"));
        QCOMPARE(first.value(QLatin1String("source")).toString(), QStringLiteral("spotify"));
        QCOMPARE(first.value(QLatin1String("count")).toInt(), 4);
        QCOMPARE(first.value(QLatin1String("examples")).toArray(),
                 QJsonArray::fromStringList(
                     {QStringLiteral("rl-1"), QStringLiteral("rl-2"), QStringLiteral("rl-3")}));
        qint64 total = 0;
        for (const QJsonValue &g : groups)
            total += g.toObject().value(QLatin1String("count")).toInteger();
        QCOMPARE(total, count(*s, TrackStatus::Failed) + count(*s, TrackStatus::Partial));
    }

    void retryByFilterMovesExactCountsOnceAndIsAudited()
    {
        auto s = start(QStringLiteral("retry"));
        s->enqueue({QStringLiteral("rl-1"), QStringLiteral("rl-2"), QStringLiteral("to-1"),
                    QStringLiteral("pa-1"), QStringLiteral("ok-1")});
        drain(*s);
        QCOMPARE(count(*s, TrackStatus::Failed), 3);
        QCOMPARE(count(*s, TrackStatus::Partial), 1);
        QWebSocket room;
        QSignalSpy heard(&room, &QWebSocket::textMessageReceived);
        openRoom(*s, room);
        QTRY_VERIFY(heard.count() >= 1); // the welcome

        int status = 0;
        QJsonObject r = json(post(
            *s, QStringLiteral("retry"),
            R"({"status": "failed", "error_type": "http_429", "source": "spotify"})", &status));
        QCOMPARE(status, 200);
        QCOMPARE(r.value(QLatin1String("retried")).toInt(), 2);
        QCOMPARE(count(*s, TrackStatus::Failed), 1);
        QCOMPARE(count(*s, TrackStatus::Pending), 2);
        checkCounts(*s);
        // The retried tracks have their retries back.
        const QJsonObject t =
            json(get(*s, QStringLiteral("/monitoring/enrichment/tracks/rl-1"), &status));
        QCOMPARE(t.value(QLatin1String("status")).toString(), QStringLiteral("pending"));
        QCOMPARE(t.value(QLatin1String("retry_count")).toInt(), 0);
        // Again: nothing left to change.
        r = json(post(*s, QStringLiteral("retry"),
                      R"({"status": "failed", "error_type": "http_429", "source": "spotify"})",
                      &status));
        QCOMPARE(r.value(QLatin1String("retried")).toInt(), 0);
        // Every failure and partial at once; then by id.
        r = json(post(*s, QStringLiteral("retry"), "{}", &status));
        QCOMPARE(r.value(QLatin1String("retried")).toInt(), 2);
        QCOMPARE(
            r.value(QLatin1String("by_status")).toObject().value(QLatin1String("partial")).toInt(),
            1);
        checkCounts(*s);
        drain(*s);
        r = json(post(*s, QStringLiteral("retry"),
                      R"({"track_ids": ["to-1", "ok-1", "n1", "n2", "n3", "n4", "n5"]})", &status));
        QCOMPARE(r.value(QLatin1String("retried")).toInt(),
                 1); // completed and unknown ids are left alone
        checkCounts(*s);

        QCOMPARE(internals(*s).monitor().operatorActions(QStringLiteral("retry")), 4);
        QVERIFY(s->metrics().contains("enrichment_operator_actions_total{action=\"retry\"} 4"));
        const QJsonArray audit =
            json(get(*s, QStringLiteral("/monitoring/enrichment/audit?limit=10"), &status))
                .value(QLatin1String("entries"))
                .toArray();
        QCOMPARE(audit.size(), 4);
        // Named ids are kept as how many and the first five, not all of them.
        const QJsonObject byIds =
            audit.at(0).toObject().value(QLatin1String("parameters")).toObject();
        QCOMPARE(byIds.value(QLatin1String("count")).toInt(), 7);
        QCOMPARE(byIds.value(QLatin1String("track_ids")).toArray().size(), 5);
        const QJsonObject firstRetry = audit.at(3).toObject(); // newest first
        QCOMPARE(firstRetry.value(QLatin1String("action")).toString(), QStringLiteral("retry"));
        QCOMPARE(firstRetry.value(QLatin1String("actor")).toString(), QStringLiteral("local"));
        QCOMPARE(firstRetry.value(QLatin1String("parameters"))
                     .toObject()
                     .value(QLatin1String("error_type"))
                     .toString(),
                 QStringLiteral("http_429"));
        QCOMPARE(firstRetry.value(QLatin1String("result"))
                     .toObject()
                     .value(QLatin1String("retried"))
                     .toInt(),
                 2);

        // The room heard every action.
        QTRY_VERIFY(
            std::count_if(heard.cbegin(), heard.cend(), [](const QList<QVariant> &m) {
                return json(m.at(0).toString().toUtf8()).value(QLatin1String("type")).toString() ==
                       QLatin1String("operator_action");
            }) == 4);
    }

    void pausedPipelineClaimsNothingAndPausedSourceIsSkipped()
    {
        auto s = start(QStringLiteral("pause"));
        s->enqueue({QStringLiteral("ok-1"), QStringLiteral("ok-2")});
        int status = 0;
        QJsonObject r = json(post(*s, QStringLiteral("pause"), "", &status));
        QCOMPARE(status, 200);
        QCOMPARE(r.value(QLatin1String("changed")).toBool(), true);
        QCOMPARE(s->snapshot()
                     .value(QLatin1String("pipeline"))
                     .toObject()
                     .value(QLatin1String("paused"))
                     .toBool(),
                 true);
        QCOMPARE(internals(*s).pipeline().runBatchNow().size, 0);
        QCOMPARE(count(*s, TrackStatus::Pending), 2);
        r = json(post(*s, QStringLiteral("pause"), "{}", &status)); // idempotent
        QCOMPARE(r.value(QLatin1String("changed")).toBool(), false);
        r = json(post(*s, QStringLiteral("resume"), "{}", &status));
        QCOMPARE(r.value(QLatin1String("paused")).toBool(), false);

        r = json(post(*s, QStringLiteral("pause"), R"({"source": "spotify"})", &status));
        QCOMPARE(r.value(QLatin1String("paused_sources")).toArray(),
                 QJsonArray::fromStringList({QStringLiteral("spotify")}));
        QCOMPARE(s->snapshot()
                     .value(QLatin1String("pipeline"))
                     .toObject()
                     .value(QLatin1String("paused_sources"))
                     .toArray(),
                 QJsonArray::fromStringList({QStringLiteral("spotify")}));
        drain(*s);
        QCOMPARE(count(*s, TrackStatus::Completed), 2); // musicbrainz and discogs found them
        const QJsonObject t =
            json(get(*s, QStringLiteral("/monitoring/enrichment/tracks/ok-1"), &status));
        const QJsonObject skipped = t.value(QLatin1String("attempts")).toArray().last().toObject();
        QCOMPARE(skipped.value(QLatin1String("source")).toString(), QStringLiteral("spotify"));
        QCOMPARE(skipped.value(QLatin1String("outcome")).toString(), QStringLiteral("skipped"));
        QCOMPARE(skipped.value(QLatin1String("error_type")).toString(),
                 QStringLiteral("source_paused"));
        r = json(post(*s, QStringLiteral("resume"), R"({"source": "spotify"})", &status));
        QCOMPARE(r.value(QLatin1String("paused_sources")).toArray(), QJsonArray());
        checkCounts(*s);
    }

    void breakerCanBeProbedAndClosed()
    {
        BackendOptions o;
        o.breakerTimeoutMs = 3'600'000; // it would not probe by itself within the test
        auto s = start(QStringLiteral("breaker"), o);
        CircuitBreaker *b = internals(*s).pipeline().breaker(2);
        for (int i = 0; i < 1000 && b->currentState() != BreakerState::Open; ++i)
            b->recordFailure();
        QCOMPARE(b->currentState(), BreakerState::Open);
        int status = 0;
        post(*s, QStringLiteral("breaker"), R"({"source": "discogs", "action": "probe"})", &status);
        QCOMPARE(status, 200);
        QCOMPARE(b->currentState(), BreakerState::HalfOpen);
        post(*s, QStringLiteral("breaker"), R"({"source": "discogs", "action": "close"})", &status);
        QCOMPARE(b->currentState(), BreakerState::Closed);
        QCOMPARE(b->failureCount(), 0);
        const QJsonObject snap = s->snapshot();
        QCOMPARE(snap.value(QLatin1String("circuit_breakers"))
                     .toObject()
                     .value(QLatin1String("discogs"))
                     .toObject()
                     .value(QLatin1String("state")),
                 QJsonValue(QStringLiteral("closed")));
    }

    void aBreakerThatKeepsReopeningWaitsForAnOperator()
    {
        BackendOptions o;
        o.breakerTimeoutMs = 3'600'000; // no probe by itself within the test
        o.breakerReopenLimit = 2;
        auto s = start(QStringLiteral("attention"), o);
        CircuitBreaker *b = internals(*s).pipeline().breaker(1);
        for (int i = 0; i < 1000 && b->currentState() != BreakerState::Open; ++i)
            b->recordFailure();
        auto breakerJson = [&s] {
            return s->snapshot()
                .value(QLatin1String("circuit_breakers"))
                .toObject()
                .value(QLatin1String("musicbrainz"))
                .toObject();
        };
        QCOMPARE(breakerJson().value(QLatin1String("needs_attention")), QJsonValue(false));
        QCOMPARE(breakerJson().value(QLatin1String("reopen_limit")).toInt(), 2);
        for (int probe = 1; probe <= 2; ++probe) {
            QVERIFY(b->probeNow()); // a probe that fails: reopened
            b->recordFailure();
            QCOMPARE(breakerJson().value(QLatin1String("reopens")).toInt(), probe);
        }
        const QJsonObject waiting = breakerJson();
        QCOMPARE(waiting.value(QLatin1String("state")).toString(), QStringLiteral("open"));
        QCOMPARE(waiting.value(QLatin1String("needs_attention")), QJsonValue(true));
        QVERIFY(waiting.value(QLatin1String("next_probe_in_seconds")).isNull()); // none comes
        // The audit log says so, in the pipeline's name.
        int status = 0;
        const QJsonArray audit =
            json(get(*s, QStringLiteral("/monitoring/enrichment/audit?limit=5"), &status))
                .value(QLatin1String("entries"))
                .toArray();
        QCOMPARE(status, 200);
        QCOMPARE(audit.size(), 1);
        const QJsonObject entry = audit.at(0).toObject();
        QCOMPARE(entry.value(QLatin1String("actor")).toString(), QStringLiteral("pipeline"));
        QCOMPARE(entry.value(QLatin1String("action")).toString(), QStringLiteral("breaker"));
        QCOMPARE(entry.value(QLatin1String("parameters"))
                     .toObject()
                     .value(QLatin1String("source"))
                     .toString(),
                 QStringLiteral("musicbrainz"));
        const QJsonObject result = entry.value(QLatin1String("result")).toObject();
        QCOMPARE(result.value(QLatin1String("needs_attention")), QJsonValue(true));
        QCOMPARE(result.value(QLatin1String("reopens")).toInt(), 2);
        QCOMPARE(internals(*s).monitor().operatorActions(QStringLiteral("breaker")), 0);
        // An operator closes it: it is back to normal.
        post(*s, QStringLiteral("breaker"), R"({"source": "musicbrainz", "action": "close"})",
             &status);
        QCOMPARE(status, 200);
        QCOMPARE(breakerJson().value(QLatin1String("needs_attention")), QJsonValue(false));
        QCOMPARE(breakerJson().value(QLatin1String("reopens")).toInt(), 0);
    }

    void theFleetFollowsWhatAnotherBackendWasTold()
    {
        if (!postgres())
            QSKIP("one SQLite queue has one backend");
        BackendOptions o;
        o.breakerTimeoutMs = 3'600'000;
        o.workerId = QStringLiteral("worker-a");
        auto a = start(QStringLiteral("fleet"), o);
        o.workerId = QStringLiteral("worker-b");
        auto b = start({}, o, a->options().databasePath);
        a->enqueue({QStringLiteral("ok-1"), QStringLiteral("ok-2")});
        int status = 0;
        // Paused through A: B, a worker of the same queue, claims nothing after its tick.
        post(*a, QStringLiteral("pause"), "{}", &status);
        QCOMPARE(status, 200);
        b->tick();
        QVERIFY(b->snapshot()
                    .value(QLatin1String("pipeline"))
                    .toObject()
                    .value(QLatin1String("paused"))
                    .toBool());
        QCOMPARE(internals(*b).pipeline().runBatchNow().size, 0);
        post(*a, QStringLiteral("resume"), "{}", &status);
        b->tick();
        QCOMPARE(internals(*b).pipeline().runBatchNow().size, 2);
        // A breaker command through A is carried out by B on its own breaker, once.
        CircuitBreaker *bBreaker = internals(*b).pipeline().breaker(1);
        for (int i = 0; i < 1000 && bBreaker->currentState() != BreakerState::Open; ++i)
            bBreaker->recordFailure();
        post(*a, QStringLiteral("breaker"), R"({"source": "musicbrainz", "action": "close"})",
             &status);
        QCOMPARE(status, 200);
        QCOMPARE(bBreaker->currentState(), BreakerState::Open); // until B's tick reads it
        b->tick();
        QCOMPARE(bBreaker->currentState(), BreakerState::Closed);
        for (int i = 0; i < 1000 && bBreaker->currentState() != BreakerState::Open; ++i)
            bBreaker->recordFailure();
        b->tick(); // the same command is not carried out twice
        QCOMPARE(bBreaker->currentState(), BreakerState::Open);
        // Both audit logs are the fleet's one log.
        const QJsonArray entries =
            json(get(*b, QStringLiteral("/monitoring/enrichment/audit"), &status))
                .value(QLatin1String("entries"))
                .toArray();
        QCOMPARE(entries.size(), 3);
        QCOMPARE(entries.at(0).toObject().value(QLatin1String("worker")).toString(),
                 QStringLiteral("worker-a"));
    }

    void enqueueIsValidatedAndCapped()
    {
        auto s = start(QStringLiteral("enqueue"));
        int status = 0;
        QJsonObject r = json(post(*s, QStringLiteral("enqueue"),
                                  R"({"track_ids": ["ok-1", "ok-2", "ok-1"]})", &status));
        QCOMPARE(status, 200);
        QCOMPARE(r.value(QLatin1String("added")).toInt(), 2);
        r = json(
            post(*s, QStringLiteral("enqueue"), R"({"track_ids": ["ok-2", "ok-3"]})", &status));
        QCOMPARE(r.value(QLatin1String("added")).toInt(), 1);
        QCOMPARE(r.value(QLatin1String("already_queued")).toInt(), 1);
        QCOMPARE(count(*s, TrackStatus::Pending), 3);
        checkCounts(*s);
    }

    // An enqueue with `tracks` keeps what a lookup needs: the sources are asked with it,
    // the track's row shows it, and a bad track refuses the whole request.
    void enqueuedTracksCarryTheirLookupData()
    {
        auto s = start(QStringLiteral("lookup"));
        int status = 0;
        QJsonObject r = json(post(*s, QStringLiteral("enqueue"),
                                  R"({"track_ids": ["ok-plain"], "tracks": [{"id": "ok-1",)"
                                  R"( "artist": "Four Tet", "title": "Baby",)"
                                  R"( "isrc": "gb-cel-20-00001", "duration_ms": 312000}]})",
                                  &status));
        QCOMPARE(status, 200);
        QCOMPARE(r.value(QLatin1String("added")).toInt(), 2);
        drain(*s);
        auto *spotify =
            dynamic_cast<testsupport::ScriptedSource *>(internals(*s).pipeline().source(0));
        QVERIFY(spotify);
        QCOMPARE(spotify->asked.value(QStringLiteral("ok-1")),
                 (enrichment::TrackLookup{QStringLiteral("ok-1"), QStringLiteral("Four Tet"),
                                          QStringLiteral("Baby"), QStringLiteral("GBCEL2000001"),
                                          312000}));
        QVERIFY(!spotify->asked.value(QStringLiteral("ok-plain")).hasLookupData());
        const QJsonObject t =
            json(get(*s, QStringLiteral("/monitoring/enrichment/tracks/ok-1"), &status));
        QCOMPARE(status, 200);
        QCOMPARE(t.value(QLatin1String("artist")).toString(), QStringLiteral("Four Tet"));
        QCOMPARE(t.value(QLatin1String("title")).toString(), QStringLiteral("Baby"));
        QCOMPARE(t.value(QLatin1String("isrc")).toString(), QStringLiteral("GBCEL2000001"));
        QCOMPARE(t.value(QLatin1String("duration_ms")).toInteger(), 312000);
        const QJsonObject plain =
            json(get(*s, QStringLiteral("/monitoring/enrichment/tracks/ok-plain"), &status));
        QVERIFY(plain.value(QLatin1String("artist")).isNull());
        QVERIFY(plain.value(QLatin1String("duration_ms")).isNull());

        r = json(post(*s, QStringLiteral("enqueue"),
                      R"({"tracks": [{"id": "ok-9", "artist": "A", "title": "T"},)"
                      R"( {"id": "ok-10", "artist": "A"}]})",
                      &status));
        QCOMPARE(status, 400);
        const QString message =
            r.value(QLatin1String("error")).toObject().value(QLatin1String("message")).toString();
        QVERIFY2(message.contains(QLatin1String("tracks[1]")), qPrintable(message));
        QCOMPARE(count(*s, TrackStatus::Pending), 0); // nothing of a refused request
        checkCounts(*s);
    }

    // Ids from across Unicode (the top of the planes, replacement characters, emoji, CJK,
    // characters a path must escape) page strictly forward with limit=1, open by path and
    // are found by prefix; a cursor that cannot be an id is a 400, never an empty page.
    void oddIdsPageOpenAndSearch()
    {
        auto s = start(QStringLiteral("oddids"));
        const QStringList ids = {
            QStringLiteral("a"),
            QStringLiteral("a\U0010FFFD"),
            QStringLiteral("a\U0010FFFDz"),
            QStringLiteral("a\uFFFD"),
            QStringLiteral("a\uFFFC"),
            QStringLiteral("a\U0001F3B5"),
            QStringLiteral("a\u00e9/?#%&+ "),
            QStringLiteral("a\u4e2d\u6587"),
            QStringLiteral("a\uFDCF"),
            QStringLiteral("a\uFDF0"),
        };
        int status = 0;
        QJsonArray body;
        for (const QString &id : ids)
            body.append(id);
        QJsonObject r = json(post(*s, QStringLiteral("enqueue"),
                                  QJsonDocument(QJsonObject{{QStringLiteral("track_ids"), body}})
                                      .toJson(QJsonDocument::Compact),
                                  &status));
        QCOMPARE(status, 200);
        QCOMPARE(r.value(QLatin1String("added")).toInt(), int(ids.size()));

        QStringList seen;
        QString after;
        for (int page = 0; page <= ids.size(); ++page) {
            QUrlQuery q;
            q.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
            if (!after.isEmpty())
                q.addQueryItem(QStringLiteral("after"),
                               QString::fromLatin1(QUrl::toPercentEncoding(after)));
            r = json(get(
                *s, QStringLiteral("/monitoring/enrichment/tracks?") + q.query(QUrl::FullyEncoded),
                &status));
            QCOMPARE(status, 200);
            const QJsonArray rows = r.value(QLatin1String("tracks")).toArray();
            QCOMPARE(rows.size(), 1);
            const QString id = rows.at(0).toObject().value(QLatin1String("track_id")).toString();
            QVERIFY2(!seen.contains(id), qPrintable(id)); // strictly forward
            seen << id;
            if (r.value(QLatin1String("next")).isNull())
                break;
            after = r.value(QLatin1String("next")).toString();
            QCOMPARE(after, id);
        }
        QCOMPARE(seen.size(), ids.size());
        for (const QString &id : ids) {
            r = json(get(*s,
                         QStringLiteral("/monitoring/enrichment/tracks/") +
                             QString::fromLatin1(QUrl::toPercentEncoding(id)),
                         &status));
            QCOMPARE(status, 200);
            QCOMPARE(r.value(QLatin1String("track_id")).toString(), id);
        }
        // A prefix finds the ids with the top of the planes after it.
        r = json(
            get(*s,
                QStringLiteral("/monitoring/enrichment/tracks?q=") +
                    QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("a\U0010FFFD"))),
                &status));
        QCOMPARE(status, 200);
        QCOMPARE(r.value(QLatin1String("tracks")).toArray().size(), 2);

        for (const char *bad :
             {"after=%00", "after=a%EF%BF%BE", "after=%ED%A0%80", "q=%EF%BF%BF", "q=a%01"}) {
            const QJsonObject e =
                json(get(*s, QStringLiteral("/monitoring/enrichment/tracks?") + QLatin1String(bad),
                         &status));
            QVERIFY2(status == 400, bad);
            QCOMPARE(e.value(QLatin1String("error")).toObject().value(QLatin1String("code")),
                     QJsonValue(QStringLiteral("bad_parameter")));
        }
        get(*s, QStringLiteral("/monitoring/enrichment/tracks/a%EF%BF%BE"), &status);
        QCOMPARE(status, 400);
        // The module's own enqueue() refuses them too.
        QCOMPARE(s->enqueue({QStringLiteral("b\uFFFF"), QStringLiteral("b\uFDD0"),
                             QString(QChar(0xD800)) + QStringLiteral("b"), QStringLiteral("b-ok")}),
                 1);
        // A store that cannot answer is a 503, never an empty page.
        if (!postgres()) { // (PostgreSQL's store reconnects on the next call)
            internals(*s).store().close();
            const QJsonObject e =
                json(get(*s, QStringLiteral("/monitoring/enrichment/tracks?limit=5"), &status));
            QCOMPARE(status, 503);
            QCOMPARE(e.value(QLatin1String("error")).toObject().value(QLatin1String("code")),
                     QJsonValue(QStringLiteral("store_unavailable")));
        }
    }

    void badBodiesChangeNothing_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("not json") << "retry" << QByteArray("status=failed");
        QTest::newRow("array") << "retry" << QByteArray(R"(["rl-1"])");
        QTest::newRow("ids not array") << "retry" << QByteArray(R"({"track_ids": "rl-1"})");
        QTest::newRow("id not string") << "retry" << QByteArray(R"({"track_ids": [1]})");
        QTest::newRow("ids and filter")
            << "retry" << QByteArray(R"({"track_ids": ["rl-1"], "status": "failed"})");
        QTest::newRow("retry completed") << "retry" << QByteArray(R"({"status": "completed"})");
        QTest::newRow("unknown member") << "retry" << QByteArray(R"({"everything": true})");
        QTest::newRow("unknown source") << "retry" << QByteArray(R"({"source": "napster"})");
        QTest::newRow("breaker action")
            << "breaker" << QByteArray(R"({"source": "discogs", "action": "open"})");
        QTest::newRow("breaker source")
            << "breaker" << QByteArray(R"({"source": 5, "action": "close"})");
        QTest::newRow("pause source") << "pause" << QByteArray(R"({"source": "napster"})");
        QTest::newRow("enqueue empty") << "enqueue" << QByteArray(R"({"track_ids": []})");
        QTest::newRow("enqueue control char")
            << "enqueue" << QByteArray("{\"track_ids\": [\"a\\u0001b\"]}");
        // Noncharacters and unpaired surrogates, as JSON escapes and as raw UTF-8.
        for (const char *escaped : {"\\ufffe", "\\uffff", "\\ufdd0", "\\ud83f\\udfff",
                                    "\\udbff\\udfff", "\\ud800", "\\udc00x", "\\u0085"})
            QTest::newRow(qPrintable(QStringLiteral("enqueue %1").arg(QLatin1String(escaped))))
                << "enqueue" << QByteArray("{\"track_ids\": [\"a") + escaped + "\"]}";
        QTest::newRow("enqueue raw U+10FFFF")
            << "enqueue" << QByteArray("{\"track_ids\": [\"a\xf4\x8f\xbf\xbf\"]}");
        QTest::newRow("retry noncharacter")
            << "retry" << QByteArray("{\"track_ids\": [\"rl-1\\uffff\"]}");
        QByteArray many = R"({"track_ids": [)";
        for (int i = 0; i <= MaxActionTrackIds; ++i)
            many += (i ? ",\"t" : "\"t") + QByteArray::number(i) + "\"";
        QTest::newRow("too many ids") << "enqueue" << QByteArray(many + "]}");
        QTest::newRow("over the size cap")
            << "enqueue"
            << QByteArray(R"({"track_ids": [")" + QByteArray(600 * 1024, 'a') + R"("]})");
    }
    void badBodiesChangeNothing()
    {
        if (postgres())
            QSKIP("the checks happen before the store is asked; SQLite covers them");
        QFETCH(QString, action);
        QFETCH(QByteArray, body);
        auto s = start(QStringLiteral("bad"));
        s->enqueue({QStringLiteral("rl-1")});
        drain(*s);
        const auto before = s->queueCounts();
        int status = 0;
        const QJsonObject e = json(post(*s, action, body, &status));
        QCOMPARE(status, 400);
        QVERIFY(!e.value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("message"))
                     .toString()
                     .isEmpty());
        QCOMPARE(s->queueCounts(), before);
        QVERIFY(json(get(*s, QStringLiteral("/monitoring/enrichment/audit"), &status))
                    .value(QLatin1String("entries"))
                    .toArray()
                    .isEmpty());
        QVERIFY(!s->snapshot()
                     .value(QLatin1String("pipeline"))
                     .toObject()
                     .value(QLatin1String("paused"))
                     .toBool());
    }

    void rolesDecideWhoMayReadAndAct()
    {
        if (postgres())
            QSKIP("roles do not depend on the store");
        BackendOptions o;
        o.viewerTokens = {{QStringLiteral("vera"), "viewer-secret"}};
        o.operatorTokens = {{QStringLiteral("otto"), "operator-secret"}};
        o.allowedOrigins = {QStringLiteral("https://ops.example")};
        auto s = start(QStringLiteral("roles"), o);
        s->enqueue({QStringLiteral("rl-1")});
        drain(*s);
        int status = 0;
        get(*s, QStringLiteral("/monitoring/enrichment/failures"), &status);
        QCOMPARE(status, 401);
        get(*s, QStringLiteral("/monitoring/enrichment/failures"), &status, "viewer-secret");
        QCOMPARE(status, 200);
        post(*s, QStringLiteral("retry"), "{}", &status);
        QCOMPARE(status, 401);
        post(*s, QStringLiteral("retry"), "{}", &status, "viewer-secret");
        QCOMPARE(status, 403);
        post(*s, QStringLiteral("retry"), "{}", &status, "operator-secret", "text/plain");
        QCOMPARE(status, 415);
        post(*s, QStringLiteral("retry"), "{}", &status, "operator-secret",
             "application/x-www-form-urlencoded");
        QCOMPARE(status, 415);
        post(*s, QStringLiteral("retry"), "{}", &status, "operator-secret", "application/json",
             "https://evil.example");
        QCOMPARE(status, 403);
        QCOMPARE(count(*s, TrackStatus::Failed), 1); // none of those changed anything
        post(*s, QStringLiteral("retry"), "{}", &status, "operator-secret",
             "application/json; charset=utf-8", "https://ops.example");
        QCOMPARE(status, 200);
        QCOMPARE(count(*s, TrackStatus::Failed), 0);
        const QJsonObject entry =
            json(get(*s, QStringLiteral("/monitoring/enrichment/audit"), &status, "viewer-secret"))
                .value(QLatin1String("entries"))
                .toArray()
                .at(0)
                .toObject();
        QCOMPARE(entry.value(QLatin1String("actor")).toString(), QStringLiteral("otto"));
        QVERIFY(!QJsonDocument(entry).toJson().contains("operator-secret"));
        get(*s, QStringLiteral("/monitoring/enrichment/actions/retry"), &status, "operator-secret");
        QCOMPARE(status, 405);
        post(*s, QStringLiteral("explode"), "{}", &status, "operator-secret");
        QCOMPARE(status, 404);

        // The client learns its role from /health and from the room's welcome.
        QCOMPARE(json(get(*s, QStringLiteral("/health"), &status, "viewer-secret"))
                     .value(QLatin1String("role"))
                     .toString(),
                 QStringLiteral("viewer"));
        QCOMPARE(json(get(*s, QStringLiteral("/health"), &status, "operator-secret"))
                     .value(QLatin1String("role"))
                     .toString(),
                 QStringLiteral("operator"));
        QCOMPARE(json(get(*s, QStringLiteral("/health"), &status))
                     .value(QLatin1String("role"))
                     .toString(),
                 QStringLiteral("none"));
        QWebSocket room;
        QSignalSpy heard(&room, &QWebSocket::textMessageReceived);
        openRoom(*s, room, "viewer-secret");
        QTRY_VERIFY(heard.count() >= 1);
        const QJsonObject welcome = json(heard.at(0).at(0).toString().toUtf8());
        QCOMPARE(welcome.value(QLatin1String("type")).toString(), QStringLiteral("welcome"));
        QCOMPARE(
            welcome.value(QLatin1String("data")).toObject().value(QLatin1String("role")).toString(),
            QStringLiteral("viewer"));
    }

    void withoutTokensOnlyLoopbackMayAct()
    {
        if (postgres())
            QSKIP("roles do not depend on the store");
        BackendOptions o;
        o.bind = QHostAddress::AnyIPv4;
        auto s = start(QStringLiteral("open"), o);
        int status = 0;
        const QJsonObject e = json(post(*s, QStringLiteral("pause"), "{}", &status));
        QCOMPARE(status, 403);
        QVERIFY(e.value(QLatin1String("error"))
                    .toObject()
                    .value(QLatin1String("message"))
                    .toString()
                    .contains(QStringLiteral("operator-token-file")));
        QCOMPARE(json(get(*s, QStringLiteral("/health"), &status))
                     .value(QLatin1String("role"))
                     .toString(),
                 QStringLiteral("viewer"));
        QVERIFY(!s->snapshot()
                     .value(QLatin1String("pipeline"))
                     .toObject()
                     .value(QLatin1String("paused"))
                     .toBool());
    }
};

QTEST_MAIN(TestOperations)
#include "tst_operations.moc"
