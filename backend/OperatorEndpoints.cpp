// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "OperatorEndpoints.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QSet>
#include <QUrlQuery>

#include "PipelineMetrics.h"
#include "enrichment/QueueStore.h"
#include "enrichment/ActionRequests.h"
#include "enrichment/WireFormat.h"

Q_LOGGING_CATEGORY(lcOperations, "enrichment.backend.operations")

namespace enrichment {

namespace k = wire::key;

ApiReply apiError(int status, const QString &code, const QString &message)
{
    return {status, QJsonObject{{k::Error, QJsonObject{{k::Code, code}, {k::Message, message}}}}};
}

namespace {

ApiReply badParameter(const QString &message)
{
    return apiError(400, wire::code::BadParameter, message);
}

ApiReply badBody(const QString &message)
{
    return apiError(400, wire::code::BadBody, message);
}

/// A track id: 1 to 256 characters, none of them a control character.
/// A short printable token (an error type): 1 to 64 of a-z 0-9 _.
bool validWord(const QString &s)
{
    if (s.isEmpty() || s.size() > 64)
        return false;
    return std::all_of(s.cbegin(), s.cend(), [](QChar c) {
        return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
               (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_');
    });
}

QJsonValue timeOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(wire::formatTime(ms)) : QJsonValue(QJsonValue::Null);
}

QJsonValue textOrNull(const QString &s)
{
    return s.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(s);
}

QJsonObject rowJson(const TrackRow &r)
{
    return QJsonObject{{k::TrackId, r.trackId},
                       {k::Status, toWire(r.status)},
                       {k::RetryCount, r.retryCount},
                       {k::SourcesEnriched, QJsonArray::fromStringList(r.sourcesEnriched)},
                       {k::ErrorMessage, textOrNull(r.errorMessage)},
                       {k::ErrorType, textOrNull(r.errorType)},
                       {k::Source, textOrNull(r.errorSource)},
                       {k::LastAttempt, timeOrNull(r.lastAttemptMs)},
                       {k::Created, timeOrNull(r.createdMs)},
                       {k::Updated, timeOrNull(r.updatedMs)},
                       {k::AvailableAt, timeOrNull(r.availableAtMs)},
                       // A pending track is claimed again from then (a retry's backoff, a
                       // rate limit's reset, a breaker's probe); other tracks have none.
                       {k::NextAttemptAt, r.status == TrackStatus::Pending
                                              ? timeOrNull(r.availableAtMs)
                                              : QJsonValue(QJsonValue::Null)},
                       {k::LeaseOwner, textOrNull(r.leaseOwner)},
                       {k::Artist, textOrNull(r.artist)},
                       {k::Title, textOrNull(r.title)},
                       {k::Isrc, textOrNull(r.isrc)},
                       {k::DurationMs, r.durationMs > 0 ? QJsonValue(r.durationMs)
                                                        : QJsonValue(QJsonValue::Null)}};
}

QJsonObject parseObject(const QByteArray &json)
{
    return QJsonDocument::fromJson(json).object();
}

/// Reads `track_ids` from @p body (wire::readTrackIds()): a 400 when they are not valid.
std::optional<ApiReply> readIds(const QJsonObject &body, QStringList *ids)
{
    QString error;
    const std::optional<QStringList> read = wire::readTrackIds(body, &error);
    if (!read)
        return badBody(error);
    *ids = *read;
    return std::nullopt;
}

/// What the audit log (and the room) keeps of a list of ids: how many and the first five,
/// not 10,000 of them in every entry.
QByteArray idsParameters(const QStringList &ids)
{
    return QJsonDocument(QJsonObject{{k::TrackIds, QJsonArray::fromStringList(ids.mid(0, 5))},
                                     {k::Count, ids.size()}})
        .toJson(QJsonDocument::Compact);
}

/// Refuses members of @p body other than @p allowed.
std::optional<ApiReply> onlyKeys(const QJsonObject &body, const QStringList &allowed)
{
    for (auto it = body.begin(); it != body.end(); ++it)
        if (!allowed.contains(it.key()))
            return badBody(QStringLiteral("unknown member \"%1\" (allowed: %2)")
                               .arg(it.key().left(64), allowed.isEmpty()
                                                           ? QStringLiteral("none")
                                                           : allowed.join(QStringLiteral(", "))));
    return std::nullopt;
}

} // namespace

OperatorEndpoints::OperatorEndpoints(QueueStore &store, PipelineMetrics &monitor, Hooks hooks)
    : m_store(store), m_monitor(monitor), m_hooks(std::move(hooks))
{}

ApiReply OperatorEndpoints::tracks(const QUrlQuery &query)
{
    static const QStringList known = {k::Status, k::ErrorType, k::Source,
                                      k::Query,  k::Limit,     k::After};
    for (const auto &item : query.queryItems())
        if (!known.contains(item.first))
            return badParameter(QStringLiteral("unknown parameter \"%1\" (known: %2)")
                                    .arg(item.first.left(64), known.join(QStringLiteral(", "))));
    // Decoded as sent (QUrl's decoding would turn a noncharacter into U+FFFD and hide it);
    // a value that is not UTF-8 reads as a lone surrogate, which no check lets through.
    auto value = [&](const QString &key) {
        return wire::percentDecodedUtf8(query.queryItemValue(key, QUrl::FullyEncoded))
            .value_or(QString(QChar(0xD800)));
    };
    TrackFilter f;
    if (query.hasQueryItem(k::Status)) {
        f.status = trackStatusFromWire(value(k::Status));
        if (!f.status)
            return badParameter(QStringLiteral("status must be one of pending, in_progress, "
                                               "completed, failed, partial"));
    }
    if (query.hasQueryItem(k::ErrorType)) {
        f.errorType = value(k::ErrorType);
        if (!validWord(f.errorType))
            return badParameter(QStringLiteral("error_type must be 1 to 64 of a-z, 0-9 and _"));
    }
    if (query.hasQueryItem(k::Source)) {
        f.errorSource = value(k::Source);
        if (!m_hooks.sources().contains(f.errorSource))
            return badParameter(
                QStringLiteral("unknown source \"%1\" (known: %2)")
                    .arg(f.errorSource.left(64), m_hooks.sources().join(QStringLiteral(", "))));
    }
    if (query.hasQueryItem(k::Query)) {
        f.idPrefix = value(k::Query);
        if (!isTrackIdText(f.idPrefix))
            return badParameter(QStringLiteral("q is not the start of a track id: ") +
                                trackIdRule());
    }
    int limit = 50;
    if (query.hasQueryItem(k::Limit)) {
        bool ok = false;
        limit = value(k::Limit).toInt(&ok);
        if (!ok || limit < 1 || limit > MaxPageSize)
            return badParameter(
                QStringLiteral("limit must be an integer from 1 to %1").arg(MaxPageSize));
    }
    // A cursor is a track id: one outside the alphabet cannot be one (a NUL, say, that a
    // database would choke on).
    const QString after = value(k::After);
    if (!isTrackIdText(after))
        return badParameter(QStringLiteral("after is not a track id: ") + trackIdRule());
    const TrackPage page = m_store.tracks(f, limit, after);
    if (!page.ok) // never an empty page for a store that failed to answer
        return apiError(503, wire::code::StoreUnavailable, m_store.lastError());
    QJsonArray rows;
    for (const TrackRow &r : page.rows)
        rows.append(rowJson(r));
    return {200, QJsonObject{{k::Tracks, rows},
                             {k::Next, page.next.isEmpty() ? QJsonValue(QJsonValue::Null)
                                                           : QJsonValue(page.next)}}};
}

ApiReply OperatorEndpoints::track(const QString &trackId)
{
    if (!isValidTrackId(trackId))
        return badParameter(QStringLiteral("not a track id: ") + trackIdRule());
    TrackRow row;
    QList<Attempt> attempts;
    if (!m_store.track(trackId, &row, &attempts, AttemptsShown)) {
        if (!m_store.ping())
            return apiError(503, wire::code::StoreUnavailable, m_store.lastError());
        return apiError(404, wire::code::UnknownTrack,
                        QStringLiteral("no track with id %1").arg(trackId.left(256)));
    }
    QJsonObject o = rowJson(row);
    QJsonArray list;
    QStringList fields;
    for (const Attempt &a : std::as_const(attempts)) {
        list.append(QJsonObject{{k::Source, a.source},
                                {k::Outcome, a.outcome},
                                {k::ErrorType, textOrNull(a.errorType)},
                                {k::Detail, textOrNull(a.detail)},
                                {k::LatencyMs, std::round(a.latencyMs * 10.0) / 10.0},
                                {k::Fields, QJsonArray::fromStringList(a.fields)},
                                {k::Worker, textOrNull(a.worker)},
                                {k::At, wire::formatTime(a.atMs)}});
        for (const QString &f : a.fields)
            if (!fields.contains(f))
                fields << f;
    }
    fields.sort();
    o.insert(k::Fields, QJsonArray::fromStringList(fields));
    QJsonObject metadata;
    for (const MetadataValue &m : std::as_const(row.metadata))
        metadata.insert(m.field, QJsonObject{{k::Value, m.value},
                                             {k::Source, m.source},
                                             {k::At, wire::formatTime(m.atMs)}});
    o.insert(k::Metadata, metadata);
    o.insert(k::Attempts, list);
    return {200, o};
}

ApiReply OperatorEndpoints::failures()
{
    if (m_failuresAge.isValid() && m_failuresAge.elapsed() < FailuresCacheMs)
        return m_failures;
    const QList<FailureGroup> groups = m_store.failures(ExamplesPerGroup);
    if (groups.isEmpty() && !m_store.ping())
        return apiError(503, wire::code::StoreUnavailable, m_store.lastError());
    QJsonArray list;
    for (const FailureGroup &g : groups)
        list.append(QJsonObject{{k::Status, toWire(g.status)},
                                {k::ErrorType, g.errorType},
                                {k::Source, textOrNull(g.errorSource)},
                                {k::Count, g.count},
                                {k::Examples, QJsonArray::fromStringList(g.examples)}});
    m_failures = {200, QJsonObject{{k::Groups, list},
                                   {k::Queue, QJsonObject{{toWire(TrackStatus::Failed),
                                                           m_store.count(TrackStatus::Failed)},
                                                          {toWire(TrackStatus::Partial),
                                                           m_store.count(TrackStatus::Partial)}}}}};
    m_failuresAge.start();
    return m_failures;
}

ApiReply OperatorEndpoints::audit(const QUrlQuery &query)
{
    int limit = 100;
    for (const auto &item : query.queryItems())
        if (item.first != k::Limit)
            return badParameter(
                QStringLiteral("unknown parameter \"%1\" (known: limit)").arg(item.first.left(64)));
    if (query.hasQueryItem(k::Limit)) {
        bool ok = false;
        limit = query.queryItemValue(k::Limit).toInt(&ok);
        if (!ok || limit < 1 || limit > MaxAuditEntries)
            return badParameter(
                QStringLiteral("limit must be an integer from 1 to %1").arg(MaxAuditEntries));
    }
    QJsonArray list;
    for (const AuditEntry &e : m_store.audit(limit))
        list.append(QJsonObject{{k::Id, e.id},
                                {k::At, wire::formatTime(e.atMs)},
                                {k::Actor, e.actor},
                                {k::Action, e.action},
                                {k::Parameters, parseObject(e.parameters)},
                                {k::Result, parseObject(e.result)},
                                {k::Worker, e.worker}});
    return {200, QJsonObject{{k::Entries, list}}};
}

ApiReply OperatorEndpoints::act(const QString &action, const QByteArray &body, const QString &actor)
{
    static const QStringList actions = {wire::action::Retry, wire::action::Breaker,
                                        wire::action::Pause, wire::action::Resume,
                                        wire::action::Enqueue};
    if (!actions.contains(action))
        return apiError(404, wire::code::NotFound,
                        QStringLiteral("no such action: %1 (actions: %2)")
                            .arg(action.left(64), actions.join(QStringLiteral(", "))));
    if (body.size() > MaxBodyBytes)
        return badBody(QStringLiteral("the body is larger than %1 bytes").arg(MaxBodyBytes));
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(
        body.trimmed().isEmpty() ? QByteArrayLiteral("{}") : body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return badBody(QStringLiteral("the body must be a JSON object: %1")
                           .arg(parseError.error != QJsonParseError::NoError
                                    ? parseError.errorString()
                                    : QStringLiteral("got another JSON value")));
    const QJsonObject o = doc.object();
    if (action == wire::action::Retry)
        return retry(o, actor);
    if (action == wire::action::Breaker)
        return breaker(o, actor);
    if (action == wire::action::Enqueue)
        return enqueue(o, actor);
    return pause(o, actor, action == wire::action::Pause);
}

ApiReply OperatorEndpoints::retry(const QJsonObject &body, const QString &actor)
{
    if (auto bad = onlyKeys(body, {k::TrackIds, k::Status, k::ErrorType, k::Source}))
        return *bad;
    TrackFilter f;
    if (body.contains(k::TrackIds)) {
        if (body.size() > 1)
            return badBody(QStringLiteral("give track_ids or a filter (status, error_type, "
                                          "source), not both"));
        if (auto bad = readIds(body, &f.ids))
            return *bad;
    } else {
        if (body.contains(k::Status)) {
            const QString s = body.value(k::Status).toString();
            if (s != toWire(TrackStatus::Failed) && s != toWire(TrackStatus::Partial))
                return badBody(QStringLiteral("status must be \"failed\" or \"partial\""));
            f.status = trackStatusFromWire(s);
        }
        if (body.contains(k::ErrorType)) {
            f.errorType = body.value(k::ErrorType).toString();
            if (!validWord(f.errorType))
                return badBody(QStringLiteral("error_type must be a string of 1 to 64 of a-z, "
                                              "0-9 and _"));
        }
        if (body.contains(k::Source)) {
            f.errorSource = body.value(k::Source).toString();
            if (!m_hooks.sources().contains(f.errorSource))
                return badBody(QStringLiteral("unknown source \"%1\"").arg(f.errorSource.left(64)));
        }
    }
    AuditEntry audit;
    audit.actor = actor;
    audit.action = wire::action::Retry;
    audit.parameters =
        f.ids.isEmpty() ? QJsonDocument(body).toJson(QJsonDocument::Compact) : idsParameters(f.ids);
    QString error;
    if (m_store.retry(f, &audit, &error) < 0)
        return apiError(503, wire::code::StoreUnavailable, error);
    return done(audit);
}

ApiReply OperatorEndpoints::enqueue(const QJsonObject &body, const QString &actor)
{
    if (auto bad = onlyKeys(body, {k::TrackIds, k::Tracks}))
        return *bad;
    QString error;
    const std::optional<QList<TrackLookup>> tracks = wire::readEnqueue(body, &error);
    if (!tracks)
        return badBody(error);
    QStringList ids;
    ids.reserve(tracks->size());
    for (const TrackLookup &t : *tracks)
        ids << t.id;
    AuditEntry audit;
    audit.actor = actor;
    audit.action = wire::action::Enqueue;
    audit.parameters = idsParameters(ids);
    if (m_store.enqueue(*tracks, &audit, &error) < 0)
        return apiError(503, wire::code::StoreUnavailable, error);
    return done(audit);
}

ApiReply OperatorEndpoints::breaker(const QJsonObject &body, const QString &actor)
{
    if (auto bad = onlyKeys(body, {k::Source, k::Action}))
        return *bad;
    const QString source = body.value(k::Source).toString();
    if (!m_hooks.sources().contains(source))
        return badBody(QStringLiteral("source must be one of %1")
                           .arg(m_hooks.sources().join(QStringLiteral(", "))));
    const QString what = body.value(k::Action).toString();
    if (what != wire::action::Close && what != wire::action::Probe)
        return badBody(QStringLiteral("action must be \"close\" or \"probe\""));
    return changeControl(wire::action::Breaker, body, actor, [&](PipelineControl &c) {
        qint64 sequence = 0;
        for (const auto &cmd : std::as_const(c.breakerCommands))
            sequence = std::max(sequence, cmd.sequence);
        c.breakerCommands.insert(source, {sequence + 1, what});
        return QJsonObject{{k::Source, source}, {k::Action, what}, {k::Sequence, sequence + 1}};
    });
}

ApiReply OperatorEndpoints::pause(const QJsonObject &body, const QString &actor, bool pause)
{
    if (auto bad = onlyKeys(body, {k::Source}))
        return *bad;
    const bool one = body.contains(k::Source);
    const QString source = body.value(k::Source).toString();
    if (one && !m_hooks.sources().contains(source))
        return badBody(QStringLiteral("source must be one of %1")
                           .arg(m_hooks.sources().join(QStringLiteral(", "))));
    return changeControl(
        pause ? wire::action::Pause : wire::action::Resume, body, actor, [&](PipelineControl &c) {
            bool changed = false;
            if (!one) {
                changed = c.paused != pause;
                c.paused = pause;
            } else if (pause && !c.pausedSources.contains(source)) {
                c.pausedSources << source;
                c.pausedSources.sort();
                changed = true;
            } else if (!pause) {
                changed = c.pausedSources.removeAll(source) > 0;
            }
            return QJsonObject{{k::Changed, changed},
                               {k::Paused, c.paused},
                               {k::PausedSources, QJsonArray::fromStringList(c.pausedSources)}};
        });
}

ApiReply
OperatorEndpoints::changeControl(const QString &action, const QJsonObject &body,
                                 const QString &actor,
                                 const std::function<QJsonObject(PipelineControl &)> &change)
{
    AuditEntry audit;
    audit.actor = actor;
    audit.action = action;
    audit.parameters = QJsonDocument(body).toJson(QJsonDocument::Compact);
    QString error;
    if (!m_store.changeControl(change, &audit, &error))
        return apiError(503, wire::code::StoreUnavailable, error);
    if (m_hooks.controlChanged)
        m_hooks.controlChanged();
    return done(audit);
}

bool OperatorEndpoints::recordOwn(const QString &action, const QJsonObject &parameters,
                                  const QJsonObject &result)
{
    AuditEntry audit;
    audit.actor = QString(wire::role::PipelineActor);
    audit.action = action;
    audit.parameters = QJsonDocument(parameters).toJson(QJsonDocument::Compact);
    audit.result = QJsonDocument(result).toJson(QJsonDocument::Compact);
    QString error;
    if (!m_store.appendAudit(&audit, &error)) {
        qCWarning(lcOperations).noquote()
            << "could not write the audit row of" << action << ":" << error;
        return false;
    }
    qCInfo(lcOperations).noquote()
        << "pipeline" << action << QString::fromUtf8(audit.parameters).left(200) << "->"
        << QString::fromUtf8(audit.result);
    if (m_hooks.announce)
        m_hooks.announce(QJsonObject{{k::Id, audit.id},
                                     {k::Action, audit.action},
                                     {k::Actor, audit.actor},
                                     {k::Parameters, parameters},
                                     {k::Result, result}});
    return true;
}

ApiReply OperatorEndpoints::done(const AuditEntry &audit)
{
    m_failuresAge.invalidate(); // what the action changed shows in the next answer
    m_monitor.recordOperatorAction(audit.action);
    const QJsonObject result = parseObject(audit.result);
    qCInfo(lcOperations).noquote()
        << "operator" << audit.actor << audit.action
        << QString::fromUtf8(audit.parameters).left(200) << "->" << QString::fromUtf8(audit.result);
    const QJsonObject event{{k::Id, audit.id},
                            {k::Action, audit.action},
                            {k::Actor, audit.actor},
                            {k::Parameters, parseObject(audit.parameters)},
                            {k::Result, result}};
    if (m_hooks.announce)
        m_hooks.announce(event);
    QJsonObject answer = result;
    answer.insert(k::Action, audit.action);
    answer.insert(k::AuditId, audit.id);
    return {200, answer};
}

} // namespace enrichment
