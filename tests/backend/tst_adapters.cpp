// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QtTest>

#include "enrichment/Clock.h"
#include "BackendProcess.h"
#include "Http.h"
#include "FakeProvider.h"
#include "HttpSource.h"
#include "SourcesConfig.h"
#include "SqliteQueueStore.h"

using namespace enrichment;

/// The provider adapters against local fake providers over real sockets (the public APIs
/// cannot be reached here), and the `--sources-config` file that configures them.
class TestAdapters : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    SystemClock m_clock;

    /// The backend binary on a new queue @p database (in the test's folder), enriching the
    /// tracks of @p tracksCsv from the providers @p config names.
    bool startOnSources(testsupport::BackendProcess &b, const QString &database,
                        const QString &config, const QString &tracksCsv)
    {
        return b.start(QStringLiteral(BACKEND_BINARY),
                       {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--database"),
                        m_dir.filePath(database), QStringLiteral("--sources-config"), config,
                        QStringLiteral("--import-tracks"), tracksCsv,
                        QStringLiteral("--batch-interval-ms"), QStringLiteral("100")});
    }
    /// `GET /monitoring/enrichment/tracks/ID` of @p b.
    static QJsonObject trackOn(const testsupport::BackendProcess &b, const QByteArray &id)
    {
        return QJsonDocument::fromJson(
                   testsupport::httpGet(b.port(), "/monitoring/enrichment/tracks/" + id).body)
            .object();
    }

    QString write(const QString &name, const QByteArray &content,
                  QFileDevice::Permissions permissions = QFileDevice::ReadOwner |
                                                         QFileDevice::WriteOwner)
    {
        const QString path = m_dir.filePath(name);
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
            qFatal("cannot write %s", qPrintable(path));
        f.write(content);
        f.close();
        f.setPermissions(permissions);
        return path;
    }

    /// @p name's settings at @p url, answers cut at 256 KB, 2 s to answer.
    static ProviderConfig provider(const QString &name, const QUrl &url)
    {
        ProviderConfig c;
        c.name = name;
        c.baseUrl = url;
        c.timeoutMs = 2000;
        c.maxResponseBytes = 256 * 1024;
        return c;
    }

    static ProviderConfig musicBrainz(const testsupport::FakeMusicBrainz &fake)
    {
        ProviderConfig c = provider(QStringLiteral("musicbrainz"), fake.url());
        c.userAgent = QStringLiteral("EnrichmentMonitorTest/1.0 (ops@example.com)");
        c.timeoutMs = 1000;
        return c;
    }

    /// The track every fake provider knows.
    static TrackLookup oneMoreTime()
    {
        return {QStringLiteral("t"),
                QStringLiteral("Daft Punk"),
                QStringLiteral("One More Time"),
                {},
                0};
    }

    /// Asks @p source for @p track and waits for its answer.
    static SourceResponse ask(EnrichmentSource &source, const TrackLookup &track)
    {
        std::optional<SourceResponse> answer;
        source.fetchAsync(track, [&](const SourceResponse &r) { answer = r; });
        if (!QTest::qWaitFor([&] { return answer.has_value(); }, 20'000))
            qFatal("no answer");
        return *answer;
    }

private Q_SLOTS:
    void sourcesConfigIsReadStrictly()
    {
        const QString token = write(QStringLiteral("discogs.token"), "s3cret-discogs\n");
        const QString open = write(QStringLiteral("lastfm.key"), "k3y\n",
                                   QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                       QFileDevice::ReadGroup | QFileDevice::ReadOther);
        const QByteArray yaml =
            "sources:\n"
            "  musicbrainz: {base_url: https://musicbrainz.org,"
            " user_agent: \"SongNodes/1.0 (ops@example.com)\"}\n"
            "  discogs:\n"
            "    base_url: https://api.discogs.com\n"
            "    token_file: " +
            token.toUtf8() +
            "\n"
            "    timeout_seconds: 5\n"
            "  lastfm: {base_url: https://ws.audioscrobbler.com, api_key_file: " +
            open.toUtf8() + "}\n";
        SourcesConfig config;
        QString error;
        QVERIFY2(parseSourcesConfig(yaml, QStringLiteral("s.yaml"), &config, &error),
                 qPrintable(error));
        QCOMPARE(config.providers.size(), 3);
        QCOMPARE(config.provider(QStringLiteral("discogs"))->token, QByteArray("s3cret-discogs"));
        QCOMPARE(config.provider(QStringLiteral("discogs"))->timeoutMs, 5000);
        QCOMPARE(config.provider(QStringLiteral("musicbrainz"))->userAgent,
                 QStringLiteral("SongNodes/1.0 (ops@example.com)"));
        QVERIFY(!config.provider(QStringLiteral("spotify"))); // not in the file: off
        // A credential others can read is named (never its content).
        QCOMPARE(config.warnings.size(), 1);
        QVERIFY(config.warnings.at(0).contains(open));
        QVERIFY(!config.warnings.at(0).contains(QLatin1String("k3y")));

        const QList<std::pair<QByteArray, const char *>> bad = {
            {"sources:\n  napster: {base_url: https://x}\n", "unknown source"},
            {"sources:\n  musicbrainz: {base_url: https://x}\n", "user_agent is required"},
            {"sources:\n  musicbrainz: {base_url: ftp://x, user_agent: a}\n", "http(s)"},
            {"sources:\n  musicbrainz: {base_url: https://x, user_agent: a, colour: red}\n",
             "unknown setting"},
            {"sources:\n  discogs: {base_url: https://x, token_file: /nonexistent/t}\n",
             "token_file"},
            {"sources:\n  musicbrainz: {base_url: https://x, user_agent: a, timeout_seconds: 0}\n",
             "timeout_seconds"},
            {"sources: [a, b]\n", "sources"},
            {"sources: {}\n", "no source"},
            {"sources:\n  musicbrainz: {base_url: [\n", "YAML"},
        };
        for (const auto &[text, why] : bad) {
            QVERIFY2(!parseSourcesConfig(text, QStringLiteral("s.yaml"), &config, &error),
                     text.constData());
            QVERIFY2(error.contains(QLatin1String(why)) &&
                         error.startsWith(QLatin1String("s.yaml")),
                     qPrintable(error));
        }
    }

    // The example the project ships reads as it says.
    void theShippedExampleIsValid()
    {
        SourcesConfig config;
        QString error;
        QVERIFY2(readSourcesConfig(QStringLiteral(EXAMPLE_SOURCES), &config, &error),
                 qPrintable(error));
        QCOMPARE(config.providers.size(), 1);
        QCOMPARE(config.providers.at(0).name, QStringLiteral("musicbrainz"));
        QVERIFY(!config.providers.at(0).userAgent.isEmpty());
    }

    // MusicBrainz: by ISRC when the track has one, else by artist and title; the fields it
    // yields; no data for an unknown track or one with nothing to look up by.
    void musicBrainzFindsRecordings()
    {
        testsupport::FakeMusicBrainz fake;
        QVERIFY(fake.listen());
        MusicBrainzSource source(musicBrainz(fake), m_clock);
        SourceResponse r = ask(source, {QStringLiteral("t1"),
                                        QStringLiteral("Daft Punk"),
                                        QStringLiteral("One More Time"),
                                        {},
                                        0});
        QCOMPARE(r.status, RequestStatus::Success);
        QCOMPARE(r.fields.value(QStringLiteral("musicbrainz_id")),
                 QStringLiteral("b1a9c0e9-d987-4042-ae91-78d6a3267d69"));
        QCOMPARE(r.fields.value(QStringLiteral("isrc")), QStringLiteral("GBDUW0000053"));
        QCOMPARE(r.fields.value(QStringLiteral("release_date")), QStringLiteral("2000-11-13"));
        QCOMPARE(r.fields.value(QStringLiteral("tags")), QStringLiteral("house, french house"));
        QCOMPARE(r.detail, QStringLiteral("HTTP 200 OK"));
        const testsupport::FakeProvider::Request &search = fake.requests.last();
        QCOMPARE(search.url.path(), QStringLiteral("/ws/2/recording"));
        QCOMPARE(QUrlQuery(search.url).queryItemValue(QStringLiteral("fmt")),
                 QStringLiteral("json"));
        QCOMPARE(search.headers.value("user-agent"),
                 QByteArray("EnrichmentMonitorTest/1.0 (ops@example.com)"));

        r = ask(source, {QStringLiteral("t2"), QStringLiteral("x"), QStringLiteral("y"),
                         QStringLiteral("NOABC0100001"), 0});
        QCOMPARE(r.status, RequestStatus::Success);
        QCOMPARE(fake.requests.last().url.path(), QStringLiteral("/ws/2/isrc/NOABC0100001"));
        QCOMPARE(r.fields.value(QStringLiteral("musicbrainz_id")),
                 QStringLiteral("8f0d8a5e-1b6c-4f3e-9d1a-4d6c1b2a3e4f"));

        r = ask(source,
                {QStringLiteral("t3"), QStringLiteral("Nobody"), QStringLiteral("Known"), {}, 0});
        QCOMPARE(r.status, RequestStatus::NoData);
        r = ask(source, {QStringLiteral("t4"), {}, {}, {}, 0});
        QCOMPARE(r.status, RequestStatus::NoData);
        QVERIFY(r.detail.contains(QLatin1String("nothing to look up")) ||
                r.detail.contains(QLatin1String("no artist")));
        QCOMPARE(fake.rateLimited, 0); // paced: never faster than once a second
    }

    // Asked for many tracks at once, the adapter paces them: one request a second, none
    // refused; the quota it reports counts what waits.
    void musicBrainzIsAskedOnceASecond()
    {
        testsupport::FakeMusicBrainz fake;
        QVERIFY(fake.listen());
        MusicBrainzSource source(musicBrainz(fake), m_clock);
        int answered = 0;
        for (int i = 0; i < 4; ++i)
            source.fetchAsync({QStringLiteral("t%1").arg(i),
                               QStringLiteral("Daft Punk"),
                               QStringLiteral("One More Time"),
                               {},
                               0},
                              [&](const SourceResponse &r) {
                                  QCOMPARE(r.status, RequestStatus::Success);
                                  ++answered;
                              });
        QVERIFY(source.rateLimit().remaining <= 60 - 4);
        QTRY_COMPARE_WITH_TIMEOUT(answered, 4, 15'000);
        QCOMPARE(fake.rateLimited, 0);
        QCOMPARE(fake.requests.size(), 4);
        // Never two within the provider's tolerance, and once a second on average.
        for (int i = 1; i < fake.requests.size(); ++i)
            QVERIFY(fake.requests[i].atMs - fake.requests[i - 1].atMs >= 800);
        QVERIFY(fake.requests.last().atMs - fake.requests.first().atMs >= 2900);
    }

    // Two workers' clients share MusicBrainz's one request a second through their queue
    // (two stores on one SQLite file, as two processes would be): together they never ask
    // faster than one client may, so MusicBrainz refuses none.
    void workersShareOneQuotaThroughTheStore()
    {
        testsupport::FakeMusicBrainz fake;
        QVERIFY(fake.listen());
        const QString queue = m_dir.filePath(QStringLiteral("shared-pace.sqlite"));
        SqliteQueueStore storeA(m_clock, QueueStore::Config{});
        SqliteQueueStore storeB(m_clock, QueueStore::Config{});
        QVERIFY(storeA.open(queue));
        QVERIFY(storeB.open(queue));
        MusicBrainzSource a(musicBrainz(fake), m_clock);
        MusicBrainzSource b(musicBrainz(fake), m_clock);
        QCOMPARE(a.sharedIntervalMs(), 1020); // one a second, 2 % slower for timer jitter
        a.setSharedPace([&storeA](qint64 ms) {
            return storeA.reserveSendSlot(QStringLiteral("musicbrainz"), ms);
        });
        b.setSharedPace([&storeB](qint64 ms) {
            return storeB.reserveSendSlot(QStringLiteral("musicbrainz"), ms);
        });
        int answered = 0;
        auto count = [&](const SourceResponse &r) {
            QCOMPARE(r.status, RequestStatus::Success);
            ++answered;
        };
        for (int i = 0; i < 3; ++i) {
            a.fetchAsync(oneMoreTime(), count);
            b.fetchAsync(oneMoreTime(), count);
        }
        QTRY_COMPARE_WITH_TIMEOUT(answered, 6, 20'000);
        QCOMPARE(fake.rateLimited, 0);
        QCOMPARE(fake.requests.size(), 6);
        QCOMPARE(a.requestsSent() + b.requestsSent(), 6);
        QVERIFY(a.requestsSent() >= 2 && b.requestsSent() >= 2); // both got their turns
        for (int i = 1; i < fake.requests.size(); ++i)
            QVERIFY2(
                fake.requests[i].atMs - fake.requests[i - 1].atMs >= 800,
                qPrintable(QString::number(fake.requests[i].atMs - fake.requests[i - 1].atMs)));
        // Without the shared pace the same two clients are refused (each keeps only its own).
        MusicBrainzSource c(musicBrainz(fake), m_clock);
        MusicBrainzSource d(musicBrainz(fake), m_clock);
        const int refusedBefore = fake.rateLimited;
        std::optional<SourceResponse> first, second;
        QTest::qWait(1100); // past the last shared request
        c.fetchAsync(oneMoreTime(), [&](const SourceResponse &r) { first = r; });
        d.fetchAsync(oneMoreTime(), [&](const SourceResponse &r) { second = r; });
        QTRY_VERIFY_WITH_TIMEOUT(first && second, 10'000);
        QCOMPARE(fake.rateLimited, refusedBefore + 1);
    }

    // What goes wrong is classified: a 503 is MusicBrainz's rate signal (and stops asking
    // for a while), a slow answer a timeout, a broken body a parse error, a huge one is cut.
    void musicBrainzFailuresAreClassified()
    {
        testsupport::FakeMusicBrainz fake;
        QVERIFY(fake.listen());
        const TrackLookup track = oneMoreTime();
        {
            MusicBrainzSource source(musicBrainz(fake), m_clock);
            fake.mode = testsupport::FakeMusicBrainz::Mode::Slow;
            SourceResponse r = ask(source, track);
            QCOMPARE(r.status, RequestStatus::Error);
            QCOMPARE(r.error, ErrorType::Timeout);
            fake.mode = testsupport::FakeMusicBrainz::Mode::Malformed;
            r = ask(source, track);
            QCOMPARE(r.error, ErrorType::ParseError);
            fake.mode = testsupport::FakeMusicBrainz::Mode::Oversized;
            r = ask(source, track);
            QCOMPARE(r.error, ErrorType::ParseError);
            QVERIFY2(r.detail.contains(QLatin1String("larger than")), qPrintable(r.detail));
            fake.mode = testsupport::FakeMusicBrainz::Mode::Unavailable;
            r = ask(source, track);
            QCOMPARE(r.error, ErrorType::ServerError);
            QCOMPARE(r.detail, QStringLiteral("HTTP 502 Bad Gateway"));
            QCOMPARE(fake.rateLimited, 0);
        }
        // Another client (a second worker without a shared quota) makes it answer 503.
        testsupport::FakeMusicBrainz shared;
        QVERIFY(shared.listen());
        MusicBrainzSource a(musicBrainz(shared), m_clock);
        MusicBrainzSource b(musicBrainz(shared), m_clock);
        std::optional<SourceResponse> first, second;
        a.fetchAsync(track, [&](const SourceResponse &r) { first = r; });
        b.fetchAsync(track, [&](const SourceResponse &r) { second = r; });
        QTRY_VERIFY(first && second);
        const SourceResponse &refused = first->status == RequestStatus::Error ? *first : *second;
        QCOMPARE(refused.status, RequestStatus::Error);
        QCOMPARE(refused.error, ErrorType::RateLimited);
        QCOMPARE(shared.rateLimited, 1);
        EnrichmentSource &slowed =
            first->status == RequestStatus::Error ? static_cast<EnrichmentSource &>(a) : b;
        QCOMPARE(slowed.rateLimit().remaining, 0); // it waits a window before asking again
    }

    // Discogs: its token in the Authorization header, its own rate headers followed (a
    // spent quota is reported as spent before the 429), a refused token said so.
    void discogsSendsItsTokenAndFollowsItsHeaders()
    {
        testsupport::FakeDiscogs fake;
        fake.limit = 2;
        QVERIFY(fake.listen());
        ProviderConfig c = provider(QStringLiteral("discogs"), fake.url());
        c.token = fake.token;
        DiscogsSource source(c, m_clock);
        const TrackLookup known = oneMoreTime();
        SourceResponse r = ask(source, known);
        QCOMPARE(r.status, RequestStatus::Success);
        QCOMPARE(r.fields.value(QStringLiteral("discogs_id")), QStringLiteral("29834"));
        QCOMPARE(r.fields.value(QStringLiteral("genre")), QStringLiteral("Electronic"));
        QCOMPARE(r.fields.value(QStringLiteral("label")), QStringLiteral("Virgin"));
        QCOMPARE(r.fields.value(QStringLiteral("release_date")), QStringLiteral("2001"));
        QCOMPARE(fake.requests.last().headers.value("authorization"),
                 QByteArray("Discogs token=good-discogs-token"));
        QVERIFY(!fake.requests.last().headers.value("user-agent").isEmpty());
        QCOMPARE(source.rateLimit().remaining, 1); // as its header said
        r = ask(source, {QStringLiteral("u"), QStringLiteral("No"), QStringLiteral("One"), {}, 0});
        QCOMPARE(r.status, RequestStatus::NoData);
        QCOMPARE(source.rateLimit().remaining, 0); // spent: the pipeline will skip it
        r = ask(source, known); // asked anyway (a second worker, say): Discogs says 429
        QCOMPARE(r.status, RequestStatus::Error);
        QCOMPARE(r.error, ErrorType::RateLimited);

        // An id that is no whole number we can hold (a fraction, past 2^53) is no id.
        fake.limit = 100;
        for (const QJsonValue &odd : {QJsonValue(1e300), QJsonValue(1.5), QJsonValue(-7)}) {
            fake.releaseId = odd;
            DiscogsSource fresh(c, m_clock);
            QCOMPARE(ask(fresh, known).status, RequestStatus::NoData);
        }
        c.token = "wrong";
        DiscogsSource refused(c, m_clock);
        fake.limit = 100;
        r = ask(refused, known);
        QCOMPARE(r.status, RequestStatus::Error);
        QCOMPARE(r.error, ErrorType::ConnectionError);
        QVERIFY2(r.detail.contains(QLatin1String("credentials")), qPrintable(r.detail));
        QVERIFY(!r.detail.contains(QLatin1String("wrong"))); // the secret is never shown
    }

    // Last.fm: errors in the body of a 200: 6 is no data, 10 a refused key, 29 its rate
    // limit.
    void lastFmReadsErrorsFromA200Body()
    {
        testsupport::FakeLastFm fake;
        QVERIFY(fake.listen());
        ProviderConfig c = provider(QStringLiteral("lastfm"), fake.url());
        c.apiKey = fake.apiKey.toUtf8();
        LastFmSource source(c, m_clock);
        const TrackLookup known = oneMoreTime();
        SourceResponse r = ask(source, known);
        QCOMPARE(r.status, RequestStatus::Success);
        QCOMPARE(r.fields.value(QStringLiteral("tags")), QStringLiteral("house, electronic"));
        QCOMPARE(r.fields.value(QStringLiteral("musicbrainz_id")),
                 QStringLiteral("b1a9c0e9-d987-4042-ae91-78d6a3267d69"));
        QCOMPARE(QUrlQuery(fake.requests.last().url).queryItemValue(QStringLiteral("method")),
                 QStringLiteral("track.getInfo"));
        r = ask(source, {QStringLiteral("u"), QStringLiteral("No"), QStringLiteral("One"), {}, 0});
        QCOMPARE(r.status, RequestStatus::NoData);
        QVERIFY2(r.detail.contains(QLatin1String("error 6")), qPrintable(r.detail));

        // Two clients at once past its limit: the one refused says rate_limited.
        fake.perSecond = 1;
        LastFmSource other(c, m_clock);
        std::optional<SourceResponse> first, second;
        source.fetchAsync(known, [&](const SourceResponse &x) { first = x; });
        other.fetchAsync(known, [&](const SourceResponse &x) { second = x; });
        QTRY_VERIFY(first && second);
        const bool firstRefused = first->status == RequestStatus::Error;
        const SourceResponse &refused = firstRefused ? *first : *second;
        QCOMPARE(refused.status, RequestStatus::Error);
        QCOMPARE(refused.error, ErrorType::RateLimited);
        QVERIFY2(refused.detail.contains(QLatin1String("error 29")), qPrintable(refused.detail));

        c.apiKey = "wrong";
        LastFmSource badKey(c, m_clock);
        fake.perSecond = 100;
        r = ask(badKey, known);
        QCOMPARE(r.status, RequestStatus::Error);
        QCOMPARE(r.error, ErrorType::ConnectionError);
    }

    // Spotify: a client-credentials token before the first search and again before it
    // runs out (never an expired one sent); a token refused early is dropped and renewed;
    // wrong credentials fail every waiting track with the reason; 429 and Retry-After.
    void spotifyRenewsItsTokenBeforeItExpires()
    {
        testsupport::FakeSpotify fake;
        fake.expiresInSeconds = 3600;
        QVERIFY(fake.listen());
        ManualClock clock;
        ProviderConfig c = provider(QStringLiteral("spotify"), fake.url());
        c.authUrl = QUrl(fake.url().toString() + QStringLiteral("/api/token"));
        c.clientId = fake.clientId;
        c.clientSecret = fake.clientSecret;
        SpotifySource source(c, clock);
        const TrackLookup known = oneMoreTime();
        SourceResponse r = ask(source, known);
        QCOMPARE(r.status, RequestStatus::Success);
        QCOMPARE(r.fields.value(QStringLiteral("spotify_id")),
                 QStringLiteral("0DiWol3AO6WpXZgp0goxAV"));
        QCOMPARE(r.fields.value(QStringLiteral("isrc")), QStringLiteral("GBDUW0000053"));
        QCOMPARE(fake.tokensIssued, 1);
        r = ask(source, {QStringLiteral("i"), {}, {}, QStringLiteral("GBDUW0000053"), 0});
        QCOMPARE(r.status, RequestStatus::Success);
        QCOMPARE(fake.tokensIssued, 1); // still good: reused

        // Its hour nearly over: a new token before the next search; the old one is not
        // sent again after the provider ended it.
        clock.advanceMs(3600'000 - 30'000);
        fake.expireTokens();
        r = ask(source, known);
        QCOMPARE(r.status, RequestStatus::Success);
        QCOMPARE(fake.tokensIssued, 2);
        QCOMPARE(fake.refused, 0);

        // Ended early (revoked): that search fails, the next gets a new token.
        fake.expireTokens();
        r = ask(source, known);
        QCOMPARE(r.error, ErrorType::ConnectionError);
        QCOMPARE(fake.refused, 1);
        r = ask(source, known);
        QCOMPARE(r.status, RequestStatus::Success);
        QCOMPARE(fake.tokensIssued, 3);

        // 429 with Retry-After: rate limited, and the quota says to wait.
        fake.tooManyRequests = 1;
        r = ask(source, known);
        QCOMPARE(r.error, ErrorType::RateLimited);
        QCOMPARE(source.rateLimit().remaining, 0);
        QVERIFY(source.rateLimit().resetAtMs >= clock.nowMs() + 1000);

        // Wrong credentials: no token, every waiting track told why.
        c.clientSecret = "wrong";
        SpotifySource refused(c, clock);
        std::optional<SourceResponse> a, b;
        refused.fetchAsync(known, [&](const SourceResponse &x) { a = x; });
        refused.fetchAsync(known, [&](const SourceResponse &x) { b = x; });
        QTRY_VERIFY(a && b);
        QCOMPARE(a->error, ErrorType::ConnectionError);
        QVERIFY2(b->detail.contains(QLatin1String("client credentials")), qPrintable(b->detail));
        QVERIFY(!b->detail.contains(QLatin1String("wrong")));
    }

    // Beatport: by ISRC or by a search, with its Bearer token; the source of tempo and key.
    void beatportFindsTempoAndKey()
    {
        testsupport::FakeBeatport fake;
        QVERIFY(fake.listen());
        ProviderConfig c = provider(QStringLiteral("beatport"),
                                    QUrl(fake.url().toString() + QStringLiteral("/v4")));
        c.token = fake.token;
        std::unique_ptr<EnrichmentSource> source = makeHttpSource(c, m_clock);
        QVERIFY(source);
        QCOMPARE(source->name(), QStringLiteral("beatport"));
        SourceResponse r = ask(*source, {QStringLiteral("t"),
                                         QStringLiteral("Daft Punk"),
                                         QStringLiteral("One More Time"),
                                         {},
                                         0});
        QCOMPARE(r.status, RequestStatus::Success);
        QCOMPARE(fake.requests.last().url.path(), QStringLiteral("/v4/catalog/search/"));
        QCOMPARE(r.fields.value(QStringLiteral("bpm")), QStringLiteral("123"));
        QCOMPARE(r.fields.value(QStringLiteral("key")), QStringLiteral("D Major"));
        QCOMPARE(r.fields.value(QStringLiteral("genre")), QStringLiteral("House"));
        QCOMPARE(r.fields.value(QStringLiteral("label")), QStringLiteral("Virgin"));
        QCOMPARE(r.fields.value(QStringLiteral("beatport_id")), QStringLiteral("1234567"));
        r = ask(*source, {QStringLiteral("i"), {}, {}, QStringLiteral("GBDUW0000053"), 0});
        QCOMPARE(r.status, RequestStatus::Success);
        QCOMPARE(fake.requests.last().url.path(), QStringLiteral("/v4/catalog/tracks/"));
        QCOMPARE(fake.requests.last().headers.value("authorization"),
                 QByteArray("Bearer good-beatport-token"));
        r = ask(*source, {QStringLiteral("n"), {}, {}, QStringLiteral("USAAA0000001"), 0});
        QCOMPARE(r.status, RequestStatus::NoData);
        c.token = "stale";
        auto refused = makeHttpSource(c, m_clock);
        r = ask(*refused, {QStringLiteral("i"), {}, {}, QStringLiteral("GBDUW0000053"), 0});
        QCOMPARE(r.error, ErrorType::ConnectionError);
        c.name = QStringLiteral("napster");
        QVERIFY(!makeHttpSource(c, m_clock));
    }

    // A redirect is not followed (the credentials stay with the configured host).
    void redirectsAreRefused()
    {
        class Mover final : public testsupport::FakeProvider
        {
        protected:
            Reply answer(const Request &) override
            {
                Reply r;
                r.status = 301;
                r.reason = "Moved Permanently";
                r.headers.append(std::pair<QByteArray, QByteArray>(
                    "Location", "http://elsewhere.example/ws/2/recording"));
                return r;
            }
        } mover;
        QVERIFY(mover.listen());
        ProviderConfig c = provider(QStringLiteral("musicbrainz"), mover.url());
        c.userAgent = QStringLiteral("test");
        MusicBrainzSource source(c, m_clock);
        const SourceResponse r =
            ask(source, {QStringLiteral("t"), QStringLiteral("a"), QStringLiteral("b"), {}, 0});
        QCOMPARE(r.status, RequestStatus::Error);
        QCOMPARE(r.error, ErrorType::ConnectionError);
        QVERIFY2(r.detail.contains(QLatin1String("redirect")), qPrintable(r.detail));
        QCOMPARE(mover.requests.size(), 1);
    }

    // The backend enriches from the providers its --sources-config names (here the fake
    // MusicBrainz): imported tracks come back with MusicBrainz's fields; the others are off.
    // The demo: enrichment-fake-providers serves all five fakes, and the shipped
    // deploy/sources/fake-providers.yaml (its credentials read next to it) points a backend
    // at them; the shipped track list is enriched as each fake knows it.
    void theShippedDemoRunsAgainstTheFakeProvidersProgram()
    {
        QProcess fakes;
        fakes.start(QStringLiteral(FAKE_PROVIDERS_BINARY),
                    {QStringLiteral("--port-base"), QStringLiteral("0")});
        QVERIFY(fakes.waitForStarted());
        auto stopFakes = qScopeGuard([&fakes] {
            fakes.kill();
            fakes.waitForFinished();
        });
        QHash<QString, QString> urls;
        QTRY_VERIFY_WITH_TIMEOUT(([&] {
                                     while (fakes.canReadLine()) {
                                         const QList<QByteArray> parts =
                                             fakes.readLine().trimmed().split(' ');
                                         urls.insert(QString::fromUtf8(parts.value(0)),
                                                     QString::fromUtf8(parts.value(1)));
                                     }
                                     return urls.size() == 5;
                                 }()),
                                 10'000);
        // The shipped file, with the ports the program got instead of its defaults.
        QFile shipped(QStringLiteral(DEPLOY_SOURCES "/fake-providers.yaml"));
        QVERIFY(shipped.open(QIODevice::ReadOnly));
        QString yaml = QString::fromUtf8(shipped.readAll());
        const QStringList order = {QStringLiteral("musicbrainz"), QStringLiteral("discogs"),
                                   QStringLiteral("lastfm"), QStringLiteral("spotify"),
                                   QStringLiteral("beatport")};
        for (int i = 0; i < order.size(); ++i)
            yaml.replace(QStringLiteral("http://127.0.0.1:%1").arg(18801 + i),
                         urls.value(order.at(i)));
        QDir().mkpath(m_dir.filePath(QStringLiteral("fake-credentials")));
        for (const QString &f :
             QDir(QStringLiteral(DEPLOY_SOURCES "/fake-credentials")).entryList(QDir::Files))
            QVERIFY(QFile::copy(QStringLiteral(DEPLOY_SOURCES "/fake-credentials/") + f,
                                m_dir.filePath(QStringLiteral("fake-credentials/") + f)));
        const QString config = write(QStringLiteral("fake-providers.yaml"), yaml.toUtf8());
        testsupport::BackendProcess b;
        QVERIFY(startOnSources(b, QStringLiteral("demo.sqlite"), config,
                               QStringLiteral(DEPLOY_SOURCES "/fake-tracks.csv")));
        auto track = [&b](const QByteArray &id) {
            return trackOn(b, id);
        };
        // Known to every fake: completed, from all five.
        QTRY_COMPARE_WITH_TIMEOUT(track("demo-1").value(QLatin1String("status")).toString(),
                                  QStringLiteral("completed"), 30'000);
        QCOMPARE(track("demo-1").value(QLatin1String("sources_enriched")).toArray().size(), 5);
        // Known to none: every provider answered "not found", so it is not retried.
        QTRY_COMPARE_WITH_TIMEOUT(track("demo-3").value(QLatin1String("status")).toString(),
                                  QStringLiteral("failed"), 30'000);
        QCOMPARE(track("demo-3").value(QLatin1String("retry_count")).toInt(), 1);
        QVERIFY(track("demo-3")
                    .value(QLatin1String("error_message"))
                    .toString()
                    .startsWith(QLatin1String("not retried:")));
        const QJsonObject snapshot =
            QJsonDocument::fromJson(testsupport::httpGet(b.port(), "/monitoring/enrichment").body)
                .object();
        QCOMPARE(snapshot.value(QLatin1String("circuit_breakers")).toObject().size(), 5);
        QVERIFY(!snapshot.contains(QLatin1String("sources_off")));
    }

    void theBackendEnrichesFromConfiguredProviders()
    {
        testsupport::FakeMusicBrainz fake;
        QVERIFY(fake.listen());
        const QString config =
            write(QStringLiteral("sources.yaml"),
                  "sources:\n  musicbrainz: {base_url: \"" + fake.url().toString().toUtf8() +
                      "\", user_agent: \"EnrichmentMonitorTest/1.0 (ops@example.com)\"}\n");
        const QString tracks = write(QStringLiteral("tracks.csv"), "id,artist,title\n"
                                                                   "mb-1,Daft Punk,One More Time\n"
                                                                   "mb-2,Nobody Known,Nothing\n");
        testsupport::BackendProcess b;
        QVERIFY(startOnSources(b, QStringLiteral("e2e.sqlite"), config, tracks));
        auto track = [&b](const QByteArray &id) {
            return trackOn(b, id);
        };
        QTRY_COMPARE_WITH_TIMEOUT(track("mb-1").value(QLatin1String("status")).toString(),
                                  QStringLiteral("partial"), 20'000); // one source of one
        const QJsonObject found = track("mb-1");
        QCOMPARE(found.value(QLatin1String("metadata"))
                     .toObject()
                     .value(QLatin1String("musicbrainz_id"))
                     .toObject()
                     .value(QLatin1String("value"))
                     .toString(),
                 QStringLiteral("b1a9c0e9-d987-4042-ae91-78d6a3267d69"));
        QTRY_VERIFY_WITH_TIMEOUT(track("mb-2").value(QLatin1String("retry_count")).toInt() >= 1 ||
                                     track("mb-2").value(QLatin1String("status")).toString() ==
                                         QLatin1String("failed"),
                                 20'000);
        const QJsonObject snapshot =
            QJsonDocument::fromJson(testsupport::httpGet(b.port(), "/monitoring/enrichment").body)
                .object();
        QCOMPARE(snapshot.value(QLatin1String("circuit_breakers")).toObject().keys(),
                 QStringList{QStringLiteral("musicbrainz")});
        QCOMPARE(
            snapshot.value(QLatin1String("sources_off")).toArray(),
            QJsonArray::fromStringList({QStringLiteral("spotify"), QStringLiteral("discogs"),
                                        QStringLiteral("beatport"), QStringLiteral("lastfm")}));
        QCOMPARE(fake.rateLimited, 0);
        // A file that cannot be used stops the start, saying why.
        const QString broken =
            write(QStringLiteral("broken.yaml"),
                  "sources:\n  beatport: {base_url: https://api.beatport.com/v4, token_file: " +
                      m_dir.filePath(QStringLiteral("missing.token")).toUtf8() + "}\n");
        QProcess p;
        p.start(QStringLiteral(BACKEND_BINARY),
                {QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--database"),
                 m_dir.filePath(QStringLiteral("e2e-bad.sqlite")),
                 QStringLiteral("--sources-config"), broken});
        QVERIFY(p.waitForFinished(15'000));
        QCOMPARE(p.exitCode(), 1);
        QVERIFY(p.readAllStandardError().contains("beatport.token_file"));
    }
};

QTEST_GUILESS_MAIN(TestAdapters)
#include "tst_adapters.moc"
