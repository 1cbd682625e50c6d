// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <sys/stat.h>

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QWebSocket>
#include <QHostInfo>
#include <QtTest>

#include "enrichment/BackendService.h"
#include "enrichment/WireFormat.h"
#include "ServiceInternals.h"
#include "Auth.h"
#include "CircuitBreaker.h"
#include "enrichment/EnrichmentSource.h"
#include "enrichment/Clock.h"
#include "MonitoringServer.h"
#include "Pipeline.h"
#include "enrichment/QueueStore.h"
#include "InProcessBackend.h"
#include "LaterSource.h"

using namespace enrichment;

namespace {
/// An embedder's own source: answers every track with one field, no quota.
class HouseCatalogue final : public EnrichmentSource
{
public:
    explicit HouseCatalogue(QString name) : m_name(std::move(name)) {}
    QString name() const override { return m_name; }
    SourceResponse fetch(const TrackLookup &track) override
    {
        const QString &trackId = track.id;
        ++calls;
        SourceResponse r;
        r.status = RequestStatus::Success;
        r.latencySeconds = 0.01;
        r.fields.insert(QStringLiteral("label"), QStringLiteral("house of ") + trackId);
        return r;
    }
    RateLimitState rateLimit() override { return {}; }
    int calls = 0;

private:
    QString m_name;
};
struct Reply
{
    int status = 0;
    QByteArray body;
    QByteArray contentType;
    QByteArray allow;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};
} // namespace

/// Integration tests: the real server in-process on 127.0.0.1 port 0, spoken to over real
/// sockets with QNetworkAccessManager, QWebSocket and raw TCP.
class TestServer : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QNetworkAccessManager m_nam;
    int m_dbCounter = 0;

    std::unique_ptr<BackendService> startService(BackendOptions o = {})
    {
        return testsupport::startInProcessBackend(
            o, m_dir.filePath(QStringLiteral("%1.sqlite").arg(++m_dbCounter)));
    }

    Reply request(const QUrl &url, const QByteArray &verb = "GET", const QByteArray &token = {})
    {
        QNetworkRequest req(url);
        if (!token.isEmpty())
            req.setRawHeader("Authorization", "Bearer " + token);
        QNetworkReply *reply = m_nam.sendCustomRequest(req, verb);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(10000);
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.contentType = reply->rawHeader("Content-Type");
        r.allow = reply->rawHeader("Allow");
        reply->deleteLater();
        return r;
    }

    static QUrl at(const BackendService &s, const QString &pathAndQuery)
    {
        return QUrl(s.url().toString() + pathAndQuery);
    }

    static QUrl wsUrl(const BackendService &s, const QString &query)
    {
        QUrl u = s.url();
        u.setScheme(QStringLiteral("ws"));
        u.setPath(QStringLiteral("/ws"));
        u.setQuery(query);
        return u;
    }

    /// Collects the JSON messages a WebSocket receives.
    struct WsClient
    {
        QWebSocket socket;
        QList<QJsonObject> messages;
        WsClient()
        {
            QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                             [this](const QString &m) {
                                 messages << QJsonDocument::fromJson(m.toUtf8()).object();
                             });
        }
        QStringList types() const
        {
            QStringList t;
            for (const QJsonObject &m : messages)
                t << m.value(QStringLiteral("type")).toString();
            return t;
        }
        QJsonObject first(const QString &type) const
        {
            for (const QJsonObject &m : messages)
                if (m.value(QStringLiteral("type")).toString() == type)
                    return m;
            return {};
        }
    };

private Q_SLOTS:
    void snapshotHasTheSeedShape()
    {
        BackendOptions o;
        o.demo.seedTracks = 30;
        auto s = startService(o);
        const Reply r = request(at(*s, QStringLiteral("/monitoring/enrichment")));
        QCOMPARE(r.status, 200);
        QVERIFY(r.contentType.startsWith("application/json"));
        const QJsonObject j = r.json();
        QCOMPARE(j.value(QStringLiteral("schema_version")).toInt(), 1);
        QVERIFY(QDateTime::fromString(j.value(QStringLiteral("timestamp")).toString(),
                                      Qt::ISODateWithMs)
                    .isValid());
        const QJsonObject queue = j.value(QStringLiteral("queue")).toObject();
        QCOMPARE(queue.value(QStringLiteral("pending")).toInt(-1), 30);
        for (const char *k : {"in_progress", "completed", "failed", "partial"})
            QCOMPARE(queue.value(QLatin1String(k)).toInt(-1), 0);
        const QJsonObject rate = j.value(QStringLiteral("processing_rate")).toObject();
        QVERIFY(rate.value(QStringLiteral("completed_last_hour")).isDouble());
        QVERIFY(rate.value(QStringLiteral("per_minute")).isDouble());
        const QJsonObject cbs = j.value(QStringLiteral("circuit_breakers")).toObject();
        const QJsonObject health = j.value(QStringLiteral("source_health")).toObject();
        for (const QString &src : defaultSourceNames()) {
            const QJsonObject cb = cbs.value(src).toObject();
            QCOMPARE(cb.value(QStringLiteral("state")).toString(), QStringLiteral("closed"));
            QCOMPARE(cb.value(QStringLiteral("failure_count")).toInt(-1), 0);
            QVERIFY(cb.value(QStringLiteral("last_failure_time")).isNull());
            QCOMPARE(health.value(src).toString(), QStringLiteral("healthy"));
        }
        const QJsonObject metrics = j.value(QStringLiteral("metrics")).toObject();
        QVERIFY(metrics.value(QStringLiteral("timestamp")).isDouble());
        QVERIFY(metrics.value(QStringLiteral("queue_processing_rate")).isDouble());
        QVERIFY(metrics.value(QStringLiteral("tracks_in_progress")).isDouble());
        // Extensions: no data yet is null, not an invented zero.
        const QJsonObject spotify = j.value(QStringLiteral("sources"))
                                        .toObject()
                                        .value(QStringLiteral("spotify"))
                                        .toObject();
        QVERIFY(spotify.value(QStringLiteral("success_rate_1h")).isNull());
        QVERIFY(spotify.value(QStringLiteral("latency_seconds")).isNull());
        QCOMPARE(spotify.value(QStringLiteral("rate_limit"))
                     .toObject()
                     .value(QStringLiteral("limit"))
                     .toInt(),
                 180);
        QVERIFY(j.value(QStringLiteral("cache"))
                    .toObject()
                    .value(QStringLiteral("hit_ratio"))
                    .isNull());
    }

    void snapshotFollowsThePipeline()
    {
        BackendOptions o;
        o.demo.seedTracks = 30;
        auto s = startService(o);
        int done = 0;
        for (int i = 0; i < 3; ++i)
            done += internals(*s).pipeline().runBatchNow().successCount();
        // Open one breaker by hand to see it reported.
        for (int i = 0; i < 5; ++i)
            internals(*s).pipeline().breaker(3)->recordFailure();
        const QJsonObject j = request(at(*s, QStringLiteral("/monitoring/enrichment"))).json();
        const QJsonObject queue = j.value(QStringLiteral("queue")).toObject();
        QCOMPARE(queue.value(QStringLiteral("completed")).toInt() +
                     queue.value(QStringLiteral("partial")).toInt(),
                 done);
        QCOMPARE(j.value(QStringLiteral("processing_rate"))
                     .toObject()
                     .value(QStringLiteral("completed_last_hour"))
                     .toInt(),
                 done);
        qint64 total = 0;
        for (const QString &k : queue.keys())
            total += queue.value(k).toInt();
        QCOMPARE(total, 30);
        const QJsonObject beatport = j.value(QStringLiteral("circuit_breakers"))
                                         .toObject()
                                         .value(QStringLiteral("beatport"))
                                         .toObject();
        QCOMPARE(beatport.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
        QVERIFY(beatport.value(QStringLiteral("failure_count")).toInt() >= 5);
        QVERIFY(beatport.value(QStringLiteral("last_failure_time")).toDouble() > 1e9);
        QVERIFY(beatport.value(QStringLiteral("next_probe_in_seconds")).toDouble() > 0);
        QCOMPARE(j.value(QStringLiteral("source_health"))
                     .toObject()
                     .value(QStringLiteral("beatport"))
                     .toString(),
                 QStringLiteral("down"));
        const QJsonObject spotify = j.value(QStringLiteral("sources"))
                                        .toObject()
                                        .value(QStringLiteral("spotify"))
                                        .toObject();
        QVERIFY(spotify.value(QStringLiteral("success_rate_1h")).toDouble() > 0);
        QVERIFY(spotify.value(QStringLiteral("latency_seconds"))
                    .toObject()
                    .value(QStringLiteral("p95"))
                    .toDouble() > 0);
    }

    void metricsEndpoint()
    {
        auto s = startService();
        internals(*s).pipeline().breaker(0)->recordFailure();
        const Reply r = request(at(*s, QStringLiteral("/metrics")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.contentType, QByteArray("text/plain; version=0.0.4; charset=utf-8"));
        QVERIFY(r.body.contains("circuit_breaker_failures_total{source=\"spotify\"} 1"));
        // The queue gauges name their queue: here the SQLite file, on this host.
        const QByteArray queue = "queue=\"sqlite://" + QHostInfo::localHostName().toUtf8() + "/";
        QVERIFY2(r.body.contains(QByteArray("enrichment_queue_depth{" + queue)),
                 r.body.constData());
        QVERIFY(r.body.contains(".sqlite\",status=\"pending\"} 0"));
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty())
            QSKIP("promtool not installed (Debian package prometheus)");
        QProcess p;
        p.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY(p.waitForStarted());
        p.write(r.body);
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30000));
        const QByteArray out = p.readAllStandardOutput() + p.readAllStandardError();
        QVERIFY2(p.exitCode() == 0 && out.trimmed().isEmpty(), out.constData());
    }

    void healthReportsTheDatabase()
    {
        auto s = startService();
        Reply r = request(at(*s, QStringLiteral("/health")));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(), QStringLiteral("ok"));
        QCOMPARE(r.json()
                     .value(QStringLiteral("database"))
                     .toObject()
                     .value(QStringLiteral("reachable"))
                     .toBool(),
                 true);
        QVERIFY(r.json().value(QStringLiteral("uptime_seconds")).isDouble());
        internals(*s).store().close();
        r = request(at(*s, QStringLiteral("/health")));
        QCOMPARE(r.status, 503);
        QCOMPARE(r.json().value(QStringLiteral("status")).toString(),
                 QStringLiteral("unavailable"));
        // The rest keeps serving.
        QCOMPARE(request(at(*s, QStringLiteral("/metrics"))).status, 200);
    }

    void historyBackfill()
    {
        auto s = startService();
        s->sampleHistory();
        s->sampleHistory();
        const Reply r = request(at(*s, QStringLiteral("/monitoring/enrichment/history?minutes=5")));
        QCOMPARE(r.status, 200);
        const QJsonObject j = r.json();
        QCOMPARE(j.value(QStringLiteral("minutes")).toInt(), 5);
        const QJsonArray samples = j.value(QStringLiteral("samples")).toArray();
        QCOMPARE(samples.size(), 3); // one at start, two by hand
        const QJsonObject first = samples.at(0).toObject();
        QVERIFY(
            first.value(QStringLiteral("queue")).toObject().contains(QStringLiteral("pending")));
        QVERIFY(
            first.value(QStringLiteral("sources")).toObject().contains(QStringLiteral("discogs")));
        QCOMPARE(request(at(*s, QStringLiteral("/monitoring/enrichment/history"))).status, 200);
    }

    void historyRejectsBadMinutes_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("zero") << "minutes=0";
        QTest::newRow("negative") << "minutes=-5";
        QTest::newRow("text") << "minutes=abc";
        QTest::newRow("too many") << "minutes=100000";
        QTest::newRow("empty") << "minutes=";
        QTest::newRow("huge") << "minutes=99999999999999999999";
    }
    void historyRejectsBadMinutes()
    {
        QFETCH(QString, query);
        auto s = startService();
        const Reply r = request(at(*s, QStringLiteral("/monitoring/enrichment/history?") + query));
        QCOMPARE(r.status, 400);
        QCOMPARE(r.json()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("bad_parameter"));
    }

    void unknownPathsAndMethods()
    {
        auto s = startService();
        Reply r = request(at(*s, QStringLiteral("/nope")));
        QCOMPARE(r.status, 404);
        QCOMPARE(r.json()
                     .value(QStringLiteral("error"))
                     .toObject()
                     .value(QStringLiteral("code"))
                     .toString(),
                 QStringLiteral("not_found"));
        r = request(at(*s, QStringLiteral("/metrics")), "POST");
        QCOMPARE(r.status, 405);
        QCOMPARE(r.allow, QByteArray("GET"));
        r = request(at(*s, QStringLiteral("/monitoring/enrichment")), "DELETE");
        QCOMPARE(r.status, 405);
        r = request(at(*s, QStringLiteral("/ws")));
        QCOMPARE(r.status, 400); // not an upgrade
        QCOMPARE(request(at(*s, QStringLiteral("/health"))).status, 200);
    }

    void garbageAndOversizedRequestsDoNotStopTheServer()
    {
        BackendOptions o;
        o.idleTimeoutMs = 1000;
        auto s = startService(o);
        const QList<QByteArray> payloads = {
            QByteArray("THIS IS NOT HTTP\r\n\r\n"),
            QByteArray("\x00\x01\x02\xff\xfe garbage", 14),
            QByteArray("GET /metrics HTTP/1.1\r\nHost: x\r\nX-Big: ") +
                QByteArray(2 * 1024 * 1024, 'a') + "\r\n\r\n",
        };
        for (const QByteArray &payload : payloads) {
            QTcpSocket sock;
            sock.connectToHost(QHostAddress::LocalHost, s->port());
            QVERIFY(sock.waitForConnected(5000));
            sock.write(payload);
            // The server answers with an error or closes the connection; either way it
            // must not hang, and must keep serving others.
            QTRY_VERIFY_WITH_TIMEOUT(sock.state() == QAbstractSocket::UnconnectedState ||
                                         sock.bytesAvailable() > 0,
                                     10000);
            if (sock.bytesAvailable() > 0)
                QVERIFY(!sock.readAll().startsWith("HTTP/1.1 200"));
            QCOMPARE(request(at(*s, QStringLiteral("/health"))).status, 200);
        }
    }

    void oversizedBodyGets413()
    {
        auto s = startService();
        QTcpSocket sock;
        sock.connectToHost(QHostAddress::LocalHost, s->port());
        QVERIFY(sock.waitForConnected(5000));
        const QByteArray body(3 * 1024 * 1024, 'z');
        sock.write("POST /metrics HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                   QByteArray::number(body.size()) + "\r\n\r\n");
        sock.write(body);
        QByteArray answer;
        QTRY_VERIFY_WITH_TIMEOUT((answer += sock.readAll()).contains("\r\n\r\n"), 10000);
        QVERIFY2(answer.startsWith("HTTP/1.1 413"), answer.left(100).constData());
        QCOMPARE(request(at(*s, QStringLiteral("/health"))).status, 200);
    }

    // A token file is read only if it is a regular file of at most 64 KiB, and reading it
    // never blocks: a missing file, a directory, an oversized file, a device that never
    // ends and a FIFO with no writer are each refused at once with the reason.
    void tokenFilesAreReadWithoutEverBlocking()
    {
        QTemporaryDir dir;
        const QString good = dir.filePath(QStringLiteral("good"));
        QFile f(good);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("s3cret-token\n");
        f.close();
        QByteArray token;
        QString error;
        QVERIFY2(readTokenFile(good, &token, &error), qPrintable(error));
        QCOMPARE(token, QByteArray("s3cret-token"));

        const QString big = dir.filePath(QStringLiteral("big"));
        QFile b(big);
        QVERIFY(b.open(QIODevice::WriteOnly));
        b.write(QByteArray(MaxTokenFileBytes + 10, 'a'));
        b.close();
        const QString fifo = dir.filePath(QStringLiteral("fifo"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        const struct
        {
            QString path;
            const char *reason;
        } bad[] = {{dir.filePath(QStringLiteral("missing")), "cannot read"},
                   {dir.path(), "not a regular file"},
                   {big, "larger than"},
                   {QStringLiteral("/dev/zero"), "not a regular file"},
                   {fifo, "not a regular file"}};
        // (A read that blocked would hang here: the FIFO has no writer, /dev/zero no end.)
        for (const auto &b : bad) {
            error.clear();
            QVERIFY2(!readTokenFile(b.path, &token, &error), qPrintable(b.path));
            QVERIFY2(error.contains(QLatin1String(b.reason)) && error.contains(b.path),
                     qPrintable(error));
        }
    }

    void tokenGuardsMonitoringAndWebSocket()
    {
        BackendOptions o;
        o.token = "s3cret-token";
        auto s = startService(o);
        QCOMPARE(request(at(*s, QStringLiteral("/monitoring/enrichment"))).status, 401);
        QCOMPARE(request(at(*s, QStringLiteral("/monitoring/enrichment")), "GET", "wrong").status,
                 401);
        QCOMPARE(request(at(*s, QStringLiteral("/monitoring/enrichment/history")), "GET").status,
                 401);
        QCOMPARE(
            request(at(*s, QStringLiteral("/monitoring/enrichment")), "GET", "s3cret-token").status,
            200);
        QCOMPARE(request(at(*s, QStringLiteral("/monitoring/enrichment/history?minutes=1")), "GET",
                         "s3cret-token")
                     .status,
                 200);
        // Scrapers and probes stay open.
        QCOMPARE(request(at(*s, QStringLiteral("/metrics"))).status, 200);
        QCOMPARE(request(at(*s, QStringLiteral("/health"))).status, 200);

        WsClient anonymous;
        QSignalSpy anonError(&anonymous.socket,
                             qOverload<QAbstractSocket::SocketError>(&QWebSocket::error));
        anonymous.socket.open(wsUrl(*s, QStringLiteral("room_id=enrichment_monitor")));
        QVERIFY(anonError.wait(5000));
        QCOMPARE(s->roomClientCount(), 0);

        WsClient authed;
        QNetworkRequest req(wsUrl(*s, QStringLiteral("room_id=enrichment_monitor")));
        req.setRawHeader("Authorization", "Bearer s3cret-token");
        authed.socket.open(req);
        QTRY_COMPARE_WITH_TIMEOUT(authed.types().value(0), QStringLiteral("welcome"), 5000);
        QCOMPARE(s->roomClientCount(), 1);
    }

    void webSocketRoomCarriesTheSeedEvents()
    {
        BackendOptions o;
        o.demo.seedTracks = 10;
        auto s = startService(o);
        WsClient c;
        c.socket.open(wsUrl(*s, QStringLiteral("room_id=enrichment_monitor")));
        QTRY_COMPARE_WITH_TIMEOUT(c.types().value(0), QStringLiteral("welcome"), 5000);
        QCOMPARE(c.messages.at(0)
                     .value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("room_id"))
                     .toString(),
                 QStringLiteral("enrichment_monitor"));

        const Pipeline::BatchResult r = internals(*s).pipeline().runBatchNow();
        QTRY_VERIFY_WITH_TIMEOUT(c.types().contains(QStringLiteral("enrichment_batch_complete")),
                                 5000);
        const QJsonObject start = c.first(QStringLiteral("enrichment_batch_start"));
        QCOMPARE(start.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("batch_size"))
                     .toInt(),
                 10);
        QCOMPARE(start.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("batch_number"))
                     .toInt(),
                 1);
        QCOMPARE(start.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("total_tracks"))
                     .toInt(),
                 10);
        const QJsonObject complete = c.first(QStringLiteral("enrichment_batch_complete"));
        QCOMPARE(complete.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("batch_size"))
                     .toInt(),
                 10);
        QCOMPARE(complete.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("success_count"))
                     .toInt(),
                 r.successCount());
        QCOMPARE(complete.value(QStringLiteral("data"))
                     .toObject()
                     .value(QStringLiteral("batch_number"))
                     .toInt(),
                 1);
        QVERIFY(QDateTime::fromString(complete.value(QStringLiteral("timestamp")).toString(),
                                      Qt::ISODateWithMs)
                    .isValid());

        // A snapshot follows the events, pushed once to the room.
        QVERIFY(c.first(QStringLiteral("welcome"))
                    .value(QStringLiteral("data"))
                    .toObject()
                    .value(QStringLiteral("snapshot_push"))
                    .toBool());
        QTRY_VERIFY_WITH_TIMEOUT(c.types().contains(QStringLiteral("enrichment_snapshot")), 5000);
        const QJsonObject pushed =
            c.first(QStringLiteral("enrichment_snapshot")).value(QStringLiteral("data")).toObject();
        QCOMPARE(pushed.value(QStringLiteral("schema_version")).toInt(), 1);
        const QJsonObject pushedQueue = pushed.value(QStringLiteral("queue")).toObject();
        QCOMPARE(pushedQueue.value(QStringLiteral("completed")).toInt() +
                     pushedQueue.value(QStringLiteral("partial")).toInt(),
                 r.successCount());
        QCOMPARE(pushedQueue.value(QStringLiteral("in_progress")).toInt(), 0);

        for (int i = 0; i < 5; ++i)
            internals(*s).pipeline().breaker(1)->recordFailure();
        QTRY_VERIFY_WITH_TIMEOUT(c.types().contains(QStringLiteral("circuit_breaker_state_change")),
                                 5000);
        const QJsonObject change = c.first(QStringLiteral("circuit_breaker_state_change"))
                                       .value(QStringLiteral("data"))
                                       .toObject();
        QCOMPARE(change.value(QStringLiteral("source")).toString(), QStringLiteral("musicbrainz"));
        QCOMPARE(change.value(QStringLiteral("previous_state")).toString(),
                 QStringLiteral("closed"));
        QCOMPARE(change.value(QStringLiteral("state")).toString(), QStringLiteral("open"));
        QVERIFY(change.value(QStringLiteral("failure_count")).toInt() >= 5);
    }

    void unknownRoomIsClosedWithPolicyViolation_data()
    {
        QTest::addColumn<QString>("query");
        QTest::newRow("unknown") << "room_id=lobby";
        QTest::newRow("missing") << "";
    }
    void unknownRoomIsClosedWithPolicyViolation()
    {
        QFETCH(QString, query);
        auto s = startService();
        QWebSocket ws;
        QSignalSpy closed(&ws, &QWebSocket::disconnected);
        ws.open(wsUrl(*s, query));
        QVERIFY(closed.wait(5000));
        QCOMPARE(ws.closeCode(), QWebSocketProtocol::CloseCodePolicyViolated);
        QVERIFY(!ws.closeReason().isEmpty());
        QCOMPARE(s->roomClientCount(), 0);
    }

    void malformedMessagesGetAnErrorAndTheConnectionStays()
    {
        auto s = startService();
        WsClient c;
        c.socket.open(wsUrl(*s, QStringLiteral("room_id=enrichment_monitor")));
        QTRY_COMPARE_WITH_TIMEOUT(c.messages.size(), 1, 5000);
        c.socket.sendTextMessage(QStringLiteral("{not json"));
        QTRY_COMPARE_WITH_TIMEOUT(c.messages.size(), 2, 5000);
        QCOMPARE(c.messages.at(1).value(QStringLiteral("type")).toString(),
                 QStringLiteral("error"));
        c.socket.sendTextMessage(QStringLiteral("[1,2,3]"));
        c.socket.sendTextMessage(QStringLiteral("{\"type\":\"launch_missiles\"}"));
        c.socket.sendBinaryMessage(QByteArray("\x01\x02", 2));
        QTRY_COMPARE_WITH_TIMEOUT(c.messages.size(), 5, 5000);
        QCOMPARE(c.types().mid(2), QStringList({QStringLiteral("error"), QStringLiteral("error"),
                                                QStringLiteral("error")}));
        c.socket.sendTextMessage(QStringLiteral("{\"type\":\"ping\"}"));
        QTRY_COMPARE_WITH_TIMEOUT(c.messages.size(), 6, 5000);
        QCOMPARE(c.messages.at(5).value(QStringLiteral("type")).toString(), QStringLiteral("pong"));
        QCOMPARE(s->roomClientCount(), 1);
    }

    void slowConsumerIsDroppedOthersKeepReceiving()
    {
        BackendOptions o;
        o.maxClientBufferBytes = 256 * 1024;
        auto s = startService(o);
        WsClient good;
        good.socket.open(wsUrl(*s, QStringLiteral("room_id=enrichment_monitor")));
        QTRY_COMPARE_WITH_TIMEOUT(good.messages.size(), 1, 5000);

        // A client that completes the handshake and then never reads.
        QTcpSocket slow;
        slow.setReadBufferSize(1024);
        slow.connectToHost(QHostAddress::LocalHost, s->port());
        QVERIFY(slow.waitForConnected(5000));
        slow.write(
            "GET /ws?room_id=enrichment_monitor HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Upgrade: websocket\r\nConnection: Upgrade\r\n"
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        QTRY_COMPARE_WITH_TIMEOUT(s->roomClientCount(), 2, 5000);

        const QString blob(64 * 1024, QLatin1Char('x'));
        // 400 x 64 KiB = 25 MiB, far past what the kernel buffers for a reader that stopped.
        // Each broadcast waits until the good client (on this thread) has read it, so a
        // slow machine (a sanitizer build) cannot make the good client look slow too.
        int sent = 0;
        for (; sent < 400; ++sent) {
            internals(*s).server().broadcast(QStringLiteral("bulk"),
                                             QJsonObject{{QStringLiteral("blob"), blob}});
            QVERIFY2(QTest::qWaitFor([&] { return good.messages.size() >= sent + 2; }, 10000),
                     qPrintable(QStringLiteral("good client has %1 messages after %2 broadcasts")
                                    .arg(good.messages.size())
                                    .arg(sent + 1)));
        }
        QTRY_VERIFY_WITH_TIMEOUT(s->roomClientCount() < 2, 10000);
        QVERIFY2(good.socket.state() == QAbstractSocket::ConnectedState,
                 qPrintable(QStringLiteral("good client closed: %1 %2")
                                .arg(good.socket.closeCode())
                                .arg(good.socket.closeReason())));
        QCOMPARE(s->roomClientCount(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(good.messages.size(), 1 + sent, 20000);
        QCOMPARE(good.socket.state(), QAbstractSocket::ConnectedState);
    }

    void readsChangeNoStateAndSendNoEvent()
    {
        // A frozen clock past an open breaker's timeout: only the tick may move it.
        ManualClock clock;
        BackendOptions o;
        o.port = 0;
        o.runPipeline = false;
        o.historyIntervalMs = 0;
        o.tickIntervalMs = 0;
        o.databasePath = m_dir.filePath(QStringLiteral("pure.sqlite"));
        BackendService s(o, &clock);
        QString error;
        QVERIFY2(s.start(&error), qPrintable(error));
        for (int i = 0; i < 5; ++i)
            internals(s).pipeline().breaker(0)->recordFailure();
        QCOMPARE(internals(s).pipeline().breaker(0)->currentState(), BreakerState::Open);
        clock.advanceMs(3'600'000);

        WsClient c;
        c.socket.open(wsUrl(s, QStringLiteral("room_id=enrichment_monitor")));
        QTRY_COMPARE_WITH_TIMEOUT(c.types().value(0), QStringLiteral("welcome"), 5000);
        const QByteArray before = request(at(s, QStringLiteral("/metrics"))).body;
        for (int i = 0; i < 10; ++i) {
            const QJsonObject snap =
                request(at(s, QStringLiteral("/monitoring/enrichment"))).json();
            QCOMPARE(snap.value(QStringLiteral("circuit_breakers"))
                         .toObject()
                         .value(QStringLiteral("spotify"))
                         .toObject()
                         .value(QStringLiteral("state"))
                         .toString(),
                     QStringLiteral("open"));
            QCOMPARE(
                request(at(s, QStringLiteral("/monitoring/enrichment/history?minutes=5"))).status,
                200);
            QCOMPARE(request(at(s, QStringLiteral("/metrics"))).body, before);
            QCOMPARE(request(at(s, QStringLiteral("/health"))).status, 200);
        }
        QCOMPARE(internals(s).pipeline().breaker(0)->currentState(), BreakerState::Open);
        // The room heard nothing: a ping's answer is the next (and only) message.
        c.socket.sendTextMessage(QStringLiteral("{\"type\":\"ping\"}"));
        QTRY_COMPARE_WITH_TIMEOUT(c.messages.size(), 2, 5000);
        QCOMPARE(c.types(), QStringList({QStringLiteral("welcome"), QStringLiteral("pong")}));

        // The tick moves it, and the room hears of it.
        s.tick();
        QCOMPARE(internals(s).pipeline().breaker(0)->currentState(), BreakerState::HalfOpen);
        QTRY_VERIFY_WITH_TIMEOUT(c.types().contains(QStringLiteral("circuit_breaker_state_change")),
                                 5000);
        // Every room message (welcome, pong, event) carries the backend's clock's time, not
        // the machine's: the frozen clock is an hour ahead of its start.
        const QString stamp = wire::formatTime(clock.nowMs());
        for (const QJsonObject &m : std::as_const(c.messages))
            QCOMPARE(m.value(QStringLiteral("timestamp")).toString(), stamp);
    }

    // The queue's latency (the oldest pending track's wait) and what flows in, in the
    // snapshot and in /metrics, as the tick reads them.
    void queueLatencyAndEnqueueRate()
    {
        ManualClock clock;
        BackendOptions o = testsupport::testBackendOptions();
        o.tickIntervalMs = 0;
        auto service =
            testsupport::startBackend(o, m_dir.filePath(QStringLiteral("flow.sqlite")), &clock);
        BackendService &s = *service;
        auto rate = [this, &s] {
            return request(at(s, QStringLiteral("/monitoring/enrichment")))
                .json()
                .value(QStringLiteral("processing_rate"))
                .toObject();
        };
        s.tick();
        QVERIFY(rate().value(QStringLiteral("oldest_pending_seconds")).isNull()); // none pending
        QVERIFY(rate().value(QStringLiteral("enqueued_per_minute")).isNull());    // measuring
        QCOMPARE(s.enqueue({QStringLiteral("a"), QStringLiteral("b")}), 2);
        clock.advanceMs(30'000);
        s.enqueue({QStringLiteral("c")});
        clock.advanceMs(30'000);
        s.tick(); // one minute after the first sample: 3 tracks came in
        QCOMPARE(rate().value(QStringLiteral("oldest_pending_seconds")).toDouble(), 60.0);
        QCOMPARE(rate().value(QStringLiteral("enqueued_per_minute")).toDouble(), 3.0);
        const QByteArray metrics = request(at(s, QStringLiteral("/metrics"))).body;
        QVERIFY2(metrics.contains("enrichment_queue_oldest_pending_seconds{queue=") &&
                     metrics.contains("} 60\n"),
                 metrics.constData());
        QVERIFY(metrics.contains("enrichment_queue_enqueue_rate{queue="));
    }

    void embedderSuppliesItsSourcesAndStore()
    {
        SystemClock storeClock;
        BackendOptions o;
        o.port = 0;
        o.runPipeline = false;
        o.historyIntervalMs = 0;
        BackendService s(o);
        std::vector<std::unique_ptr<EnrichmentSource>> sources;
        sources.push_back(std::make_unique<HouseCatalogue>(QStringLiteral("house_a")));
        sources.push_back(std::make_unique<HouseCatalogue>(QStringLiteral("house_b")));
        s.setSources(std::move(sources));
        QString error;
        std::unique_ptr<QueueStore> store =
            openQueueStore(QStringLiteral(":memory:"), storeClock, {}, &error);
        QVERIFY2(store, qPrintable(error));
        s.setStore(std::move(store));
        QVERIFY2(s.start(&error), qPrintable(error));
        QCOMPARE(s.enqueue({QStringLiteral("t1"), QStringLiteral("t2"), QStringLiteral("t3")}), 3);
        const Pipeline::BatchResult r = internals(s).pipeline().runBatchNow();
        QCOMPARE(r.completed, 3); // two sources answered each track
        const QJsonObject snap = request(at(s, QStringLiteral("/monitoring/enrichment"))).json();
        QCOMPARE(snap.value(QStringLiteral("circuit_breakers")).toObject().keys(),
                 QStringList({QStringLiteral("house_a"), QStringLiteral("house_b")}));
        QCOMPARE(snap.value(QStringLiteral("queue"))
                     .toObject()
                     .value(QStringLiteral("completed"))
                     .toInt(),
                 3);
        QCOMPARE(s.queueCounts()[std::size_t(TrackStatus::Completed)], 3);
        QCOMPARE(s.queueCounts()[std::size_t(TrackStatus::Pending)], 0);
        QVERIFY(request(at(s, QStringLiteral("/metrics")))
                    .body.contains(
                        "enrichment_requests_total{source=\"house_a\",status=\"success\"} 3"));
    }

    // While the sources' answers are outstanding, the backend keeps serving: the snapshot
    // shows the batch in flight and /health answers; the batch is recorded once they came.
    void theBackendServesWhileSourcesAnswerLater()
    {
        BackendOptions o;
        o.port = 0;
        o.historyIntervalMs = 0;
        o.batchIntervalMs = 10;
        auto answers = std::make_shared<testsupport::LaterAnswers>();
        std::vector<std::unique_ptr<EnrichmentSource>> sources;
        sources.push_back(
            std::make_unique<testsupport::LaterSource>(QStringLiteral("slow_a"), answers));
        sources.push_back(
            std::make_unique<testsupport::LaterSource>(QStringLiteral("slow_b"), answers));
        auto s = testsupport::startBackend(o, m_dir.filePath(QStringLiteral("later.sqlite")),
                                           nullptr, std::move(sources));
        s->enqueue({QStringLiteral("t1"), QStringLiteral("t2")});
        QTRY_COMPARE(answers->waiting.size(), 2);
        QCOMPARE(request(at(*s, QStringLiteral("/health"))).status, 200);
        const QJsonObject snap = request(at(*s, QStringLiteral("/monitoring/enrichment"))).json();
        QCOMPARE(snap.value(QStringLiteral("queue"))
                     .toObject()
                     .value(QStringLiteral("in_progress"))
                     .toInt(),
                 2);
        QCOMPARE(answers->waiting.size(), 2); // nobody answered meanwhile
        answers->release(2);                  // slow_a answers; slow_b is asked next
        QTRY_COMPARE(answers->waiting.size(), 2);
        answers->release(2);
        QTRY_COMPARE(s->queueCounts()[std::size_t(TrackStatus::Completed)], 2);
    }
};

QTEST_GUILESS_MAIN(TestServer)
#include "tst_server.moc"
