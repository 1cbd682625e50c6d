// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QtTest>

#include "enrichment/Clock.h"
#include "PipelineMetrics.h"

using namespace enrichment;

class TestMonitor : public QObject
{
    Q_OBJECT
private:
    static QString text(const PipelineMetrics &m) { return QString::fromStdString(m.serialize()); }
    static double sampleValue(const QString &exposition, const QString &series)
    {
        for (const QString &line : exposition.split(QLatin1Char('\n'))) {
            if (line.startsWith(series + QLatin1Char(' ')))
                return line.mid(series.size() + 1).toDouble();
        }
        return std::nan("");
    }

private Q_SLOTS:
    void allSeedMetricsHaveTheirTypes_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("type");
        QTest::newRow("requests") << "enrichment_requests_total"
                                  << "counter";
        QTest::newRow("duration") << "enrichment_duration_seconds"
                                  << "histogram";
        QTest::newRow("errors") << "enrichment_errors_total"
                                << "counter";
        QTest::newRow("cb state") << "circuit_breaker_state"
                                  << "gauge";
        QTest::newRow("cb failures") << "circuit_breaker_failures_total"
                                     << "counter";
        QTest::newRow("cb trips") << "circuit_breaker_trips_total"
                                  << "counter";
        QTest::newRow("queue depth") << "enrichment_queue_depth"
                                     << "gauge";
        QTest::newRow("rate") << "enrichment_queue_processing_rate"
                              << "gauge";
        QTest::newRow("rl remaining") << "enrichment_api_rate_limit_remaining"
                                      << "gauge";
        QTest::newRow("rl reset") << "enrichment_api_rate_limit_reset_timestamp"
                                  << "gauge";
        QTest::newRow("cache") << "enrichment_cache_operations_total"
                               << "counter";
        QTest::newRow("in progress") << "enrichment_tracks_in_progress"
                                     << "gauge";
        QTest::newRow("batch size") << "enrichment_batch_size"
                                    << "histogram";
        QTest::newRow("health") << "enrichment_source_health"
                                << "gauge";
        QTest::newRow("fields") << "enrichment_metadata_fields_populated_total"
                                << "counter";
        QTest::newRow("info") << "enrichment_service_info"
                              << "gauge";
    }
    void allSeedMetricsHaveTheirTypes()
    {
        QFETCH(QString, name);
        QFETCH(QString, type);
        ManualClock clock;
        PipelineMetrics m(defaultSourceNames(), clock, QStringLiteral("1.2.3"));
        QVERIFY2(text(m).contains(QStringLiteral("# TYPE %1 %2\n").arg(name, type)),
                 qPrintable(name));
    }

    void everyLabelSetExistsAtZero()
    {
        ManualClock clock;
        PipelineMetrics m(defaultSourceNames(), clock, QStringLiteral("1.2.3"));
        const QString t = text(m);
        for (const QString &src : defaultSourceNames()) {
            for (const char *st : {"success", "no_data", "error"})
                QCOMPARE(
                    sampleValue(
                        t, QStringLiteral("enrichment_requests_total{source=\"%1\",status=\"%2\"}")
                               .arg(src, QLatin1String(st))),
                    0.0);
            QCOMPARE(
                sampleValue(t, QStringLiteral("circuit_breaker_state{source=\"%1\"}").arg(src)),
                0.0);
            QCOMPARE(sampleValue(
                         t, QStringLiteral("circuit_breaker_trips_total{source=\"%1\"}").arg(src)),
                     0.0);
            QCOMPARE(
                sampleValue(t, QStringLiteral(
                                   "enrichment_errors_total{error_type=\"timeout\",source=\"%1\"}")
                                   .arg(src)),
                0.0);
            QCOMPARE(
                sampleValue(
                    t, QStringLiteral("enrichment_duration_seconds_count{source=\"%1\"}").arg(src)),
                0.0);
            QCOMPARE(
                sampleValue(t, QStringLiteral("enrichment_source_health{source=\"%1\"}").arg(src)),
                2.0);
        }
        for (const char *st : {"pending", "in_progress", "completed", "failed", "partial"})
            QCOMPARE(sampleValue(
                         t, QStringLiteral("enrichment_queue_depth{queue=\"local\",status=\"%1\"}")
                                .arg(QLatin1String(st))),
                     0.0);
        QCOMPARE(
            sampleValue(
                t, QStringLiteral(
                       "enrichment_cache_operations_total{operation=\"hit\",status=\"success\"}")),
            0.0);
        QCOMPARE(sampleValue(t, QStringLiteral(
                                    "enrichment_metadata_fields_populated_total{field=\"isrc\"}")),
                 0.0);
        QCOMPARE(
            sampleValue(t, QStringLiteral(
                               "enrichment_service_info{pipeline=\"waterfall\",sources=\"spotify,"
                               "musicbrainz,discogs,beatport,lastfm\",version=\"1.2.3\"}")),
            1.0);
    }

    void bucketsKeepTheSeedsAndAddFinerOnes()
    {
        ManualClock clock;
        PipelineMetrics m(defaultSourceNames(), clock, QStringLiteral("1"));
        const QString t = text(m);
        for (const char *le : {"0.005", "0.01", "0.025", "0.05", "0.1", "0.5", "1", "2", "5", "10",
                               "30", "60", "+Inf"})
            QVERIFY2(
                t.contains(QStringLiteral(
                               "enrichment_duration_seconds_bucket{source=\"spotify\",le=\"%1\"} 0")
                               .arg(QLatin1String(le))),
                le);
        for (const char *le : {"1", "5", "10", "20", "50", "100", "+Inf"})
            QVERIFY2(t.contains(QStringLiteral("enrichment_batch_size_bucket{le=\"%1\"} 0")
                                    .arg(QLatin1String(le))),
                     le);
    }

    void recordingUpdatesSeries()
    {
        ManualClock clock;
        PipelineMetrics m(defaultSourceNames(), clock, QStringLiteral("1"));
        const int discogs = m.sourceIndex(QStringLiteral("discogs"));
        QCOMPARE(discogs, 2);
        m.recordRequest(discogs, RequestStatus::Success, 0.04);
        m.recordRequest(discogs, RequestStatus::Success, 0.3);
        m.recordRequest(discogs, RequestStatus::Error, 2.0);
        m.recordError(discogs, ErrorType::RateLimited);
        m.setBreakerState(discogs, BreakerState::Open);
        m.recordBreakerTrip(discogs);
        m.setQueueDepth(TrackStatus::Pending, 1234);
        m.setProcessingRate(42.5);
        m.setRateLimit(discogs, 17, 240, 1'800'000'060.0);
        m.recordCache(CacheOperation::Miss, true);
        m.observeBatchSize(10);
        m.setSourceHealth(discogs, SourceHealth::Down);
        m.recordMetadataField(PipelineMetrics::fieldIndex(QStringLiteral("bpm")));
        const QString t = text(m);
        QCOMPARE(
            sampleValue(t, QStringLiteral(
                               "enrichment_requests_total{source=\"discogs\",status=\"success\"}")),
            2.0);
        QCOMPARE(
            sampleValue(t, QStringLiteral(
                               "enrichment_requests_total{source=\"discogs\",status=\"error\"}")),
            1.0);
        QCOMPARE(
            sampleValue(t, QStringLiteral("enrichment_duration_seconds_count{source=\"discogs\"}")),
            3.0);
        QCOMPARE(sampleValue(
                     t, QStringLiteral(
                            "enrichment_duration_seconds_bucket{source=\"discogs\",le=\"0.05\"}")),
                 1.0);
        QCOMPARE(sampleValue(
                     t, QStringLiteral(
                            "enrichment_duration_seconds_bucket{source=\"discogs\",le=\"0.5\"}")),
                 2.0);
        QCOMPARE(sampleValue(
                     t, QStringLiteral(
                            "enrichment_errors_total{error_type=\"http_429\",source=\"discogs\"}")),
                 1.0);
        QCOMPARE(sampleValue(t, QStringLiteral("circuit_breaker_state{source=\"discogs\"}")), 2.0);
        QCOMPARE(sampleValue(t, QStringLiteral("circuit_breaker_trips_total{source=\"discogs\"}")),
                 1.0);
        QCOMPARE(sampleValue(t, QStringLiteral(
                                    "enrichment_queue_depth{queue=\"local\",status=\"pending\"}")),
                 1234.0);
        QCOMPARE(
            sampleValue(t, QStringLiteral("enrichment_queue_processing_rate{queue=\"local\"}")),
            42.5);
        QCOMPARE(sampleValue(
                     t, QStringLiteral("enrichment_api_rate_limit_remaining{source=\"discogs\"}")),
                 17.0);
        QCOMPARE(
            sampleValue(
                t, QStringLiteral("enrichment_api_rate_limit_reset_timestamp{source=\"discogs\"}")),
            1'800'000'060.0);
        QCOMPARE(
            sampleValue(
                t, QStringLiteral(
                       "enrichment_cache_operations_total{operation=\"miss\",status=\"success\"}")),
            1.0);
        QCOMPARE(sampleValue(t, QStringLiteral("enrichment_batch_size_bucket{le=\"10\"}")), 1.0);
        QCOMPARE(sampleValue(t, QStringLiteral("enrichment_batch_size_bucket{le=\"5\"}")), 0.0);
        QCOMPARE(sampleValue(t, QStringLiteral("enrichment_source_health{source=\"discogs\"}")),
                 0.0);
        QCOMPARE(sampleValue(t, QStringLiteral(
                                    "enrichment_metadata_fields_populated_total{field=\"bpm\"}")),
                 1.0);
        // The other sources did not move.
        QCOMPARE(
            sampleValue(t, QStringLiteral(
                               "enrichment_requests_total{source=\"spotify\",status=\"success\"}")),
            0.0);
    }

    void windowedSuccessRatesAndQuantiles()
    {
        ManualClock clock;
        PipelineMetrics m(defaultSourceNames(), clock, QStringLiteral("1"));
        QCOMPARE(m.sourceWindow(0).successRate1h, -1.0);
        QCOMPARE(m.sourceWindow(0).p50, -1.0);
        // 90 fast successes at 100 ms, 10 slow errors at 1 s.
        for (int i = 0; i < 90; ++i)
            m.recordRequest(0, RequestStatus::Success, 0.1);
        for (int i = 0; i < 10; ++i)
            m.recordRequest(0, RequestStatus::Error, 1.0);
        SourceWindow w = m.sourceWindow(0);
        QCOMPARE(w.requests1h, 100);
        QCOMPARE(w.successRate1h, 0.9);
        QVERIFY2(w.p50 > 0.085 && w.p50 <= 0.1, qPrintable(QString::number(w.p50)));
        // Log-spaced buckets (ratio 1.15): within one bucket of the true value.
        QVERIFY2(w.p99 > 0.85 && w.p99 <= 1.15, qPrintable(QString::number(w.p99)));

        // Two hours later the hour window is empty, the day window still counts them,
        // and the latency window (5 minutes) is empty.
        clock.advanceMs(2 * 3600 * 1000);
        m.recordRequest(0, RequestStatus::NoData, 0.2);
        w = m.sourceWindow(0);
        QCOMPARE(w.requests1h, 1);
        QCOMPARE(w.successRate1h, 0.0);
        QCOMPARE(w.requests24h, 101);
        QCOMPARE(w.successRate24h, 90.0 / 101.0);
        // A day later everything has left the windows.
        clock.advanceMs(25 * 3600 * 1000);
        w = m.sourceWindow(0);
        QCOMPARE(w.requests24h, 0);
        QCOMPARE(w.successRate24h, -1.0);
    }

    void passesPromtool()
    {
        const QString promtool = QStandardPaths::findExecutable(QStringLiteral("promtool"));
        if (promtool.isEmpty())
            QSKIP("promtool not installed (Debian package prometheus)");
        ManualClock clock;
        PipelineMetrics m(defaultSourceNames(), clock, QStringLiteral("1"));
        m.recordRequest(1, RequestStatus::Success, 0.2);
        QProcess p;
        p.start(promtool, {QStringLiteral("check"), QStringLiteral("metrics")});
        QVERIFY(p.waitForStarted());
        p.write(QByteArray::fromStdString(m.serialize()));
        p.closeWriteChannel();
        QVERIFY(p.waitForFinished(30000));
        const QByteArray out = p.readAllStandardOutput() + p.readAllStandardError();
        QVERIFY2(p.exitCode() == 0, out.constData());
        QVERIFY2(out.trimmed().isEmpty(), out.constData());
    }
};

QTEST_GUILESS_MAIN(TestMonitor)
#include "tst_monitor.moc"
