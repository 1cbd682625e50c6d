// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OperatorClient.h"

#include "enrichment/TrackLookup.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QUrlQuery>

#include "HttpFetch.h"
#include "enrichment/ServerText.h"
#include "enrichment/WireFormat.h"

namespace dashboard {

namespace wire = enrichment::wire;
namespace k = wire::key;
using enrichment::MaxPageSize;

namespace {
QString text(const QJsonObject &o, QLatin1String key, int maxChars = 300)
{
    return enrichment::plainServerText(o.value(key).toString(), maxChars);
}

QStringList textList(const QJsonValue &v, int maxItems = 64)
{
    QStringList out;
    for (const QJsonValue &item : v.toArray()) {
        if (out.size() >= maxItems)
            break;
        if (item.isString())
            out << enrichment::plainServerText(item.toString(), 256);
    }
    return out;
}

QDateTime time(const QJsonObject &o, QLatin1String key)
{
    return enrichment::wire::parseTime(o.value(key).toString().left(64));
}
} // namespace

OperatorClient::OperatorClient(QNetworkAccessManager *network, QObject *parent)
    : QObject(parent), m_network(network)
{}

OperatorClient::~OperatorClient()
{
    // Replies still in flight were connected with this client as context: they no longer
    // call back. Reads are aborted; actions already sent run to their end on the server.
    for (QPointer<HttpFetch> *slot : {&m_failures, &m_search, &m_track, &m_audit})
        if (*slot)
            (*slot)->cancel();
}

void OperatorClient::setBaseUrl(const QUrl &url)
{
    m_baseUrl = enrichment::serviceBaseUrl(url);
}

bool OperatorClient::busy() const
{
    return m_failures || m_search || m_track || m_audit || m_actionsInFlight > 0;
}

HttpFetch *OperatorClient::send(const QString &path, const QByteArray &query,
                                const QByteArray *postBody, Handler handler)
{
    QUrl url = m_baseUrl;
    // @p path is percent-encoded already (a track id may hold '/', '?', '%').
    url.setPath(m_baseUrl.path(QUrl::FullyEncoded) + path, QUrl::TolerantMode);
    if (!query.isEmpty())
        url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    HttpFetch::Request request;
    request.service = tr("The backend");
    request.url = url;
    request.token = m_token;
    request.maxBytes = MaxReplyBytes;
    request.deadlineMs = 15'000;
    if (postBody)
        request.postBody = *postBody;
    // Not a child: an action already sent runs to its end even if this client goes; the
    // callback has this client as its context and is not called then.
    HttpFetch *fetch = HttpFetch::start(m_network, request);
    connect(fetch, &HttpFetch::finished, this, [this, fetch, path, handler = std::move(handler)] {
        const int status = fetch->status();
        const QJsonObject body = QJsonDocument::fromJson(fetch->body()).object();
        QString error;
        if (fetch->failure() != HttpFetch::Failure::None) {
            error = fetch->errorText();
        } else if (status != 200) {
            const QString message = body.value(k::Error).toObject().value(k::Message).toString();
            error = message.isEmpty() ? tr("HTTP %1").arg(status)
                                      : tr("HTTP %1: %2").arg(status).arg(message);
        }
        if (status == 404 && path.startsWith(QString(wire::path::Snapshot) + QLatin1Char('/')) &&
            body.value(k::Error).toObject().value(k::Code).toString() != wire::code::UnknownTrack &&
            !m_saidUnsupported) {
            m_saidUnsupported = true;
            Q_EMIT unsupported();
        }
        handler(status, body, enrichment::plainServerText(error));
    });
    return fetch;
}

void OperatorClient::replace(QPointer<HttpFetch> &slot, HttpFetch *fetch)
{
    if (slot)
        slot->cancel();
    slot = fetch;
}

void OperatorClient::fetchFailures()
{
    replace(m_failures, send(enrichment::wire::path::Failures.toString(), {}, nullptr,
                             [this](int status, const QJsonObject &body, const QString &error) {
                                 if (status != 200) {
                                     Q_EMIT requestFailed(Request::Failures, tr("Failures"), error);
                                     return;
                                 }
                                 Q_EMIT failuresReceived(parseFailures(body));
                             }));
}

void OperatorClient::searchTracks(const TrackQuery &query, const QString &after)
{
    QUrlQuery q;
    if (query.status)
        q.addQueryItem(wire::key::Status, queueStatusKey(*query.status));
    if (!query.errorType.isEmpty())
        q.addQueryItem(wire::key::ErrorType, query.errorType);
    if (!query.errorSource.isEmpty())
        q.addQueryItem(wire::key::Source, query.errorSource);
    if (!query.idPrefix.isEmpty())
        q.addQueryItem(wire::key::Query,
                       QString::fromLatin1(QUrl::toPercentEncoding(query.idPrefix)));
    q.addQueryItem(wire::key::Limit, QString::number(std::clamp(query.limit, 1, MaxPageSize)));
    if (!after.isEmpty())
        q.addQueryItem(wire::key::After, QString::fromLatin1(QUrl::toPercentEncoding(after)));
    const bool append = !after.isEmpty();
    replace(m_search,
            send(enrichment::wire::path::Tracks.toString(), q.query(QUrl::FullyEncoded).toLatin1(),
                 nullptr,
                 [this, append](int status, const QJsonObject &body, const QString &error) {
                     if (status != 200) {
                         Q_EMIT requestFailed(Request::Tracks, tr("Tracks"), error);
                         return;
                     }
                     QList<TrackInfo> rows;
                     for (const QJsonValue &v : body.value(k::Tracks).toArray()) {
                         if (rows.size() >= MaxRows)
                             break;
                         if (auto t = parseTrack(v.toObject()))
                             rows << *t;
                     }
                     Q_EMIT tracksReceived(rows, text(body, k::Next, 256), append);
                 }));
}

void OperatorClient::fetchTrack(const QString &trackId)
{
    const QString path = enrichment::wire::path::Tracks.toString() + QLatin1Char('/') +
                         QString::fromLatin1(QUrl::toPercentEncoding(trackId));
    replace(m_track, send(path, {}, nullptr,
                          [this](int status, const QJsonObject &body, const QString &error) {
                              std::optional<TrackDetail> d;
                              if (status == 200)
                                  d = parseDetail(body);
                              if (!d) {
                                  Q_EMIT requestFailed(Request::Track, tr("Track"),
                                                       error.isEmpty() ? tr("not a track") : error);
                                  return;
                              }
                              Q_EMIT trackReceived(*d);
                          }));
}

void OperatorClient::fetchAudit(int limit)
{
    replace(m_audit, send(enrichment::wire::path::Audit.toString(),
                          "limit=" + QByteArray::number(std::clamp(limit, 1, 1000)), nullptr,
                          [this](int status, const QJsonObject &body, const QString &error) {
                              if (status != 200) {
                                  Q_EMIT requestFailed(Request::Audit, tr("Audit log"), error);
                                  return;
                              }
                              Q_EMIT auditReceived(parseAudit(body));
                          }));
}

void OperatorClient::act(const QString &action, const QJsonObject &body)
{
    const QByteArray json = QJsonDocument(body).toJson(QJsonDocument::Compact);
    ++m_actionsInFlight;
    send(enrichment::wire::path::Actions.toString() + QLatin1Char('/') + action, {}, &json,
         [this, action, body](int status, const QJsonObject &answer, const QString &error) {
             --m_actionsInFlight;
             Q_EMIT actionFinished(action, body, status == 200, answer, error);
         });
}

std::optional<TrackInfo> OperatorClient::parseTrack(const QJsonObject &o)
{
    TrackInfo t;
    t.trackId = text(o, k::TrackId, 256);
    if (t.trackId.isEmpty())
        return std::nullopt;
    t.status = enrichment::trackStatusFromWire(o.value(k::Status).toString());
    t.retryCount = std::max(0, o.value(k::RetryCount).toInt());
    t.sourcesEnriched = textList(o.value(k::SourcesEnriched));
    t.errorMessage = text(o, k::ErrorMessage, 1000);
    t.errorType = text(o, k::ErrorType, 64);
    t.errorSource = text(o, k::Source, 64);
    t.lastAttempt = time(o, k::LastAttempt);
    t.nextAttempt = time(o, k::NextAttemptAt);
    t.created = time(o, k::Created);
    t.updated = time(o, k::Updated);
    t.leaseOwner = text(o, k::LeaseOwner, 128);
    t.artist = text(o, k::Artist, enrichment::TrackTextMaxChars);
    t.title = text(o, k::Title, enrichment::TrackTextMaxChars);
    t.isrc = text(o, k::Isrc, 12);
    const double duration = o.value(k::DurationMs).toDouble();
    if (duration > 0 && duration <= double(enrichment::TrackDurationMaxMs))
        t.durationMs = qint64(duration);
    return t;
}

std::optional<TrackDetail> OperatorClient::parseDetail(const QJsonObject &o)
{
    const auto track = parseTrack(o);
    if (!track)
        return std::nullopt;
    TrackDetail d;
    d.track = *track;
    d.fields = textList(o.value(k::Fields));
    const QJsonObject metadata = o.value(k::Metadata).toObject();
    for (auto it = metadata.constBegin(); it != metadata.constEnd(); ++it) {
        if (d.metadata.size() >= enrichment::MetadataFieldsMax)
            break;
        const QJsonObject m = it.value().toObject();
        MetadataInfo info;
        info.field = enrichment::plainServerText(it.key(), 64);
        info.value = text(m, k::Value, enrichment::MetadataValueMaxChars);
        info.source = text(m, k::Source, 64);
        info.at = time(m, k::At);
        if (!info.field.isEmpty())
            d.metadata << info;
    }
    for (const QJsonValue &v : o.value(k::Attempts).toArray()) {
        if (d.attempts.size() >= MaxRows)
            break;
        const QJsonObject a = v.toObject();
        AttemptInfo at;
        at.source = text(a, k::Source, 64);
        at.outcome = text(a, k::Outcome, 32);
        at.errorType = text(a, k::ErrorType, 64);
        at.detail = text(a, k::Detail, 300);
        at.latencyMs = std::max(0.0, a.value(k::LatencyMs).toDouble());
        at.fields = textList(a.value(k::Fields));
        at.worker = text(a, k::Worker, 128);
        at.at = time(a, k::At);
        if (!at.source.isEmpty())
            d.attempts << at;
    }
    return d;
}

QList<FailureGroupInfo> OperatorClient::parseFailures(const QJsonObject &o)
{
    QList<FailureGroupInfo> groups;
    for (const QJsonValue &v : o.value(k::Groups).toArray()) {
        if (groups.size() >= MaxRows)
            break;
        const QJsonObject g = v.toObject();
        FailureGroupInfo info;
        info.status = enrichment::trackStatusFromWire(g.value(k::Status).toString());
        info.errorType = text(g, k::ErrorType, 64);
        info.errorSource = text(g, k::Source, 64);
        info.count = std::max<qint64>(0, g.value(k::Count).toInteger());
        info.examples = textList(g.value(k::Examples), 5);
        if (info.status && info.count > 0)
            groups << info;
    }
    return groups;
}

QList<AuditEntryInfo> OperatorClient::parseAudit(const QJsonObject &o)
{
    QList<AuditEntryInfo> entries;
    for (const QJsonValue &v : o.value(k::Entries).toArray()) {
        if (entries.size() >= MaxRows)
            break;
        const QJsonObject e = v.toObject();
        AuditEntryInfo info;
        info.id = e.value(k::Id).toInteger();
        info.at = time(e, k::At);
        info.actor = text(e, k::Actor, 64);
        info.action = text(e, k::Action, 32);
        info.parameters = e.value(k::Parameters).toObject();
        info.result = e.value(k::Result).toObject();
        info.worker = text(e, k::Worker, 128);
        if (!info.action.isEmpty())
            entries << info;
    }
    return entries;
}

} // namespace dashboard
