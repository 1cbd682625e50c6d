// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <memory>

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QSignalSpy>
#include <QWebSocket>
#include <QtTest>

#include "AmqpBus.h"
#include "BackendProcess.h"
#include "Replies.h"
#include "Http.h"
#include "MonitorFeed.h"
#include "PostgresServer.h"
#include "RabbitMqServer.h"

using testsupport::BackendProcess;
using testsupport::httpGet;

namespace {

/// A client in a backend's room that keeps every event (snapshot pushes aside), filed by
/// type and worker as it arrives, so that waiting on it stays cheap however busy the room.
class RoomClient : public QObject
{
public:
    explicit RoomClient(quint16 port)
    {
        connect(&socket, &QWebSocket::textMessageReceived, this, [this](const QString &m) {
            const QJsonObject o = QJsonDocument::fromJson(m.toUtf8()).object();
            const QString type = o.value(QStringLiteral("type")).toString();
            if (type == QLatin1String("enrichment_snapshot"))
                return;
            texts << m;
            byKey[{type, o.value(QStringLiteral("worker")).toString()}] << o;
        });
        socket.open(
            QUrl(QStringLiteral("ws://127.0.0.1:%1/ws?room_id=enrichment_monitor").arg(port)));
    }
    /// Events of @p type from @p worker.
    QList<QJsonObject> events(const QString &type, const QString &worker) const
    {
        return byKey.value({type, worker});
    }
    /// "type/worker: n, ..." for failure messages.
    QString summary() const
    {
        QStringList parts;
        for (auto it = byKey.cbegin(); it != byKey.cend(); ++it)
            parts
                << QStringLiteral("%1/%2: %3").arg(it.key().first, it.key().second).arg(it->size());
        return parts.join(QStringLiteral(", "));
    }
    void clear()
    {
        texts.clear();
        byKey.clear();
    }
    QWebSocket socket;
    QStringList texts; ///< as they came, for byte-exact checks
    QHash<QPair<QString, QString>, QList<QJsonObject>> byKey;
};

} // namespace

/// Room events across processes through a real RabbitMQ node: workers publish to the
/// fanout exchange, every backend's room (a worker's or a relay's) hears every worker,
/// the seed's own Python publisher is understood, and a broker restart stalls nothing.
class TestEvents : public QObject
{
    Q_OBJECT
private:
    testsupport::PostgresServer m_pg;
    testsupport::RabbitMqServer m_mq;
    QString m_db;
    QString m_dbName;

    std::unique_ptr<BackendProcess> start(const QStringList &args)
    {
        auto p = std::make_unique<BackendProcess>();
        const QStringList common = {QStringLiteral("--port"),
                                    QStringLiteral("0"),
                                    QStringLiteral("--database"),
                                    m_db,
                                    QStringLiteral("--amqp"),
                                    m_mq.url(),
                                    QStringLiteral("--heartbeat-seconds"),
                                    QStringLiteral("1")};
        if (!p->start(QStringLiteral(BACKEND_BINARY), common + args))
            return nullptr;
        return p;
    }

    std::unique_ptr<BackendProcess> worker(const QString &id, const QStringList &extra = {})
    {
        return start(QStringList{QStringLiteral("--worker-id"), id, QStringLiteral("--quota-scale"),
                                 QStringLiteral("0"), QStringLiteral("--batch-size"),
                                 QStringLiteral("20"), QStringLiteral("--time-scale"),
                                 QStringLiteral("0.2"), QStringLiteral("--retry-backoff"),
                                 QStringLiteral("0")} +
                     extra);
    }

    qint64 completed()
    {
        return m_pg
            .scalar(m_dbName, QStringLiteral("SELECT COUNT(*) FROM enrichment_status"
                                             " WHERE status IN ('completed', 'partial')"))
            .toLongLong();
    }

private Q_SLOTS:
    void initTestCase()
    {
        if (!testsupport::PostgresServer::available() || !testsupport::RabbitMqServer::available())
            QFAIL("PostgreSQL 15 and RabbitMQ are not installed (scripts/dev.sh installs them)");
        QString error;
        QVERIFY2(m_pg.start(&error), qPrintable(error));
        QVERIFY2(m_mq.start(&error), qPrintable(error));
    }

    void init()
    {
        static int n = 0;
        m_dbName = QStringLiteral("events_%1").arg(++n);
        QString error;
        QVERIFY2(m_pg.createDatabase(m_dbName, &m_db, &error), qPrintable(error));
    }

    void brokerUrlsAreReadStrictly()
    {
        enrichment::AmqpBus::Target t;
        QString error;
        QVERIFY(enrichment::AmqpBus::parseUrl(QStringLiteral("amqp://svc@mq.example:5673/musicdb"),
                                              &t, &error));
        QCOMPARE(t.user, QStringLiteral("svc"));
        QCOMPARE(t.port, 5673);
        QCOMPARE(t.vhost, QStringLiteral("musicdb"));
        QCOMPARE(t.displayName(), QStringLiteral("svc@mq.example:5673/musicdb"));
        QVERIFY(enrichment::AmqpBus::parseUrl(QStringLiteral("amqp://mq"), &t, &error));
        QCOMPARE(t.vhost, QStringLiteral("/"));
        QCOMPARE(t.user, QStringLiteral("guest"));
        // A password on the command line would be readable in `ps`: refused, and not echoed.
        QVERIFY(!enrichment::AmqpBus::parseUrl(QStringLiteral("amqp://u:hunter2@mq/"), &t, &error));
        QVERIFY2(error.contains(QStringLiteral("ENRICHMENT_AMQP_PASSWORD")), qPrintable(error));
        QVERIFY(!error.contains(QStringLiteral("hunter2")));
        QVERIFY(!enrichment::AmqpBus::parseUrl(QStringLiteral("http://mq/"), &t, &error));
        // The backend refuses a relay without the fleet's database and broker.
        QProcess p;
        p.start(QStringLiteral(BACKEND_BINARY), {QStringLiteral("--relay")});
        QVERIFY(p.waitForFinished(10'000));
        QCOMPARE(p.exitCode(), 2);
        QVERIFY(p.readAllStandardError().contains("--relay needs --amqp"));
    }

    void everyRoomHearsEveryWorkerOnce()
    {
        auto a =
            worker(QStringLiteral("a"), {QStringLiteral("--seed-tracks"), QStringLiteral("5000")});
        auto b = worker(QStringLiteral("b"));
        auto relay = start({QStringLiteral("--relay")});
        QVERIFY(a && b && relay);
        RoomClient inA(a->port()), inRelay(relay->port());
        // The dashboard's own feed, watching worker A.
        QNetworkAccessManager nam;
        dashboard::MonitorFeed feed(&nam);
        feed.setBaseUrl(a->url);
        QSignalSpy events(&feed, &dashboard::MonitorFeed::eventReceived);
        feed.start();

        // B's batches reach A's room and A's dashboard, through the broker.
        auto fromB = [&] {
            for (const QList<QVariant> &e : std::as_const(events))
                if (e.at(0).toString() == QLatin1String("enrichment_batch_complete") &&
                    e.at(1).toJsonObject().value(QStringLiteral("worker")).toString() ==
                        QLatin1String("b"))
                    return true;
            return false;
        };
        QTRY_VERIFY2_WITH_TIMEOUT(
            !inA.events(QStringLiteral("enrichment_batch_complete"), QStringLiteral("b")).isEmpty(),
            qPrintable(inA.summary()), 20'000);
        QTRY_VERIFY_WITH_TIMEOUT(fromB(), 10'000);
        // The relay's room hears both workers.
        QTRY_VERIFY2_WITH_TIMEOUT(
            !inRelay.events(QStringLiteral("enrichment_batch_complete"), QStringLiteral("a"))
                    .isEmpty() &&
                !inRelay.events(QStringLiteral("enrichment_batch_complete"), QStringLiteral("b"))
                     .isEmpty(),
            qPrintable(inRelay.summary()), 20'000);
        // A's own events reach its room once, not again on their way back from the broker.
        QTRY_VERIFY2_WITH_TIMEOUT(
            inA.events(QStringLiteral("enrichment_batch_start"), QStringLiteral("a")).size() >= 3,
            qPrintable(inA.summary()), 20'000);
        const QList<QJsonObject> own =
            inA.events(QStringLiteral("enrichment_batch_start"), QStringLiteral("a"));
        QSet<int> numbers;
        for (const QJsonObject &e : own)
            numbers.insert(e[QStringLiteral("data")][QStringLiteral("batch_number")].toInt());
        QCOMPARE(numbers.size(), own.size());
        // The relay's snapshot is the fleet's: its queue numbers and the two workers.
        const QJsonObject snap =
            QJsonDocument::fromJson(httpGet(relay->port(), "/monitoring/enrichment").body).object();
        QCOMPARE(snap[QStringLiteral("workers")].toArray().size(), 2);
        QVERIFY(snap[QStringLiteral("queue")][QStringLiteral("pending")].toInt() > 0);
        // It asks no source; its breakers are the live workers' (worst per source).
        QTRY_VERIFY_WITH_TIMEOUT(
            QJsonDocument::fromJson(httpGet(relay->port(), "/monitoring/enrichment").body)
                    .object()[QStringLiteral("circuit_breakers")][QStringLiteral("spotify")]
                             [QStringLiteral("workers")]
                    .toObject()
                    .keys() == QStringList({QStringLiteral("a"), QStringLiteral("b")}),
            10'000);
        // It asks no source, yet shows the fleet's calls: summed from the workers'
        // heartbeats (tests/backend/tst_fleet checks the sums exactly).
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                const QJsonObject s =
                    QJsonDocument::fromJson(httpGet(relay->port(), "/monitoring/enrichment").body)
                        .object();
                const QJsonObject spotify =
                    s[QStringLiteral("sources")][QStringLiteral("spotify")].toObject();
                const QJsonObject requests = spotify[QStringLiteral("requests")].toObject();
                return s[QStringLiteral("sources")].toObject().size() == 5 &&
                       requests[QStringLiteral("success")].toInt() +
                               requests[QStringLiteral("no_data")].toInt() +
                               requests[QStringLiteral("error")].toInt() >
                           0 &&
                       spotify[QStringLiteral("latency_seconds")].isObject() &&
                       s[QStringLiteral("field_coverage")][QStringLiteral("tracks_enriched")]
                               .toInt() > 0;
            }(),
            10'000);
        const QByteArray metrics = httpGet(a->port(), "/metrics").body;
        QVERIFY(metrics.contains("enrichment_event_broker_up 1"));
        // A's events went to the exchange: the counter is there and has moved.
        QVERIFY(metrics.contains("\nenrichment_events_published_total "));
        QVERIFY(!metrics.contains("\nenrichment_events_published_total 0\n"));
    }

    void anOperatorsActionReachesEveryRoomOfTheFleet()
    {
        auto a =
            worker(QStringLiteral("a"), {QStringLiteral("--seed-tracks"), QStringLiteral("50")});
        auto relay = start(
            {QStringLiteral("--relay"), QStringLiteral("--worker-id"), QStringLiteral("relay")});
        QVERIFY(a && relay);
        RoomClient inA(a->port());
        QTRY_VERIFY(inA.socket.state() == QAbstractSocket::ConnectedState);
        // Paused through the relay (the seed's websocket service, where dashboards look).
        QNetworkAccessManager nam;
        QNetworkRequest req(
            QUrl(relay->url.toString() + QStringLiteral("/monitoring/enrichment/actions/pause")));
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        int status = 0;
        testsupport::finish(nam.post(req, QByteArrayLiteral("{}")), &status);
        QCOMPARE(status, 200);
        // Worker A's room heard it through RabbitMQ, from the relay, once.
        QTRY_VERIFY2_WITH_TIMEOUT(
            !inA.events(QStringLiteral("operator_action"), QStringLiteral("relay")).isEmpty(),
            qPrintable(inA.summary()), 10'000);
        const QJsonObject data =
            inA.events(QStringLiteral("operator_action"), QStringLiteral("relay"))
                .constFirst()
                .value(QStringLiteral("data"))
                .toObject();
        QCOMPARE(data.value(QStringLiteral("action")).toString(), QStringLiteral("pause"));
        QCOMPARE(data.value(QStringLiteral("actor")).toString(), QStringLiteral("local"));
        // And worker A stopped claiming: its snapshot says paused within its tick.
        QTRY_VERIFY_WITH_TIMEOUT(
            QJsonDocument::fromJson(httpGet(a->port(), "/monitoring/enrichment").body)
                .object()[QStringLiteral("pipeline")][QStringLiteral("paused")]
                .toBool(),
            5'000);
        QCOMPARE(inA.events(QStringLiteral("operator_action"), QStringLiteral("relay")).size(), 1);
    }

    void theSeedsPythonPublisherReachesTheRelaysRoom()
    {
        auto relay = start({QStringLiteral("--relay")});
        QVERIFY(relay);
        RoomClient room(relay->port());
        QTRY_VERIFY(room.socket.state() == QAbstractSocket::ConnectedState);
        QTRY_VERIFY(!room.texts.isEmpty()); // the welcome: the room is ours now
        // And a dashboard watching the relay.
        QNetworkAccessManager nam;
        dashboard::MonitorFeed feed(&nam);
        feed.setBaseUrl(relay->url);
        QSignalSpy events(&feed, &dashboard::MonitorFeed::eventReceived);
        feed.start();
        QTRY_COMPARE_WITH_TIMEOUT(feed.state(), dashboard::MonitorFeed::ConnectionState::Live,
                                  10'000);
        QProcess python;
        python.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        python.start(QStringLiteral("/usr/bin/python3"),
                     {QStringLiteral(SEED_PUBLISHER),
                      QStringLiteral("amqp://guest:guest@127.0.0.1:%1/").arg(m_mq.port()),
                      QStringLiteral("4242")});
        QVERIFY(python.waitForFinished(30'000));
        QCOMPARE(python.exitCode(), 0);
        const QString sent = QString::fromUtf8(python.readAllStandardOutput()).trimmed();
        QVERIFY(sent.contains(QStringLiteral("4242")));
        // The room gets the seed's message exactly as it was published.
        QTRY_VERIFY_WITH_TIMEOUT(room.texts.contains(sent), 10'000);
        // The dashboard reads it as the event it is.
        auto seen = [&] {
            for (const QList<QVariant> &e : std::as_const(events))
                if (e.at(0).toString() == QLatin1String("enrichment_batch_start") &&
                    e.at(1).toJsonObject().value(QStringLiteral("batch_number")).toInt() == 4242)
                    return true;
            return false;
        };
        QTRY_VERIFY_WITH_TIMEOUT(seen(), 10'000);
    }

    void aBrokerRestartStallsNothing()
    {
        auto a =
            worker(QStringLiteral("a"), {QStringLiteral("--seed-tracks"), QStringLiteral("20000")});
        auto relay = start({QStringLiteral("--relay")});
        QVERIFY(a && relay);
        RoomClient inRelay(relay->port());
        QTRY_VERIFY_WITH_TIMEOUT(
            !inRelay.events(QStringLiteral("enrichment_batch_complete"), QStringLiteral("a"))
                 .isEmpty(),
            20'000);
        m_mq.kill();
        // The worker says so and keeps working; the relay, which exists to carry events,
        // is unavailable.
        QTRY_VERIFY_WITH_TIMEOUT(httpGet(a->port(), "/health").body.contains("\"degraded\""),
                                 10'000);
        QCOMPARE(httpGet(a->port(), "/health").status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(httpGet(relay->port(), "/health").status, 503, 10'000);
        const qint64 before = completed();
        QTRY_VERIFY_WITH_TIMEOUT(completed() > before + 40, 20'000);
        QString error;
        QVERIFY2(m_mq.start(&error), qPrintable(error));
        // Both reconnect, and events flow again.
        inRelay.clear();
        QTRY_VERIFY_WITH_TIMEOUT(
            !inRelay.events(QStringLiteral("enrichment_batch_complete"), QStringLiteral("a"))
                 .isEmpty(),
            30'000);
        QTRY_COMPARE_WITH_TIMEOUT(httpGet(relay->port(), "/health").status, 200, 10'000);
        QVERIFY(httpGet(a->port(), "/health").body.contains("\"ok\""));
    }
};

QTEST_GUILESS_MAIN(TestEvents)
#include "tst_events.moc"
