// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "enrichment/BusEvents.h"

#include <cmath>

#include <QJsonArray>
#include <QJsonDocument>

#include "enrichment/Vocabulary.h"
#include "enrichment/WireFormat.h"

namespace enrichment::bus {

namespace k = wire::key;

namespace {

/// Bounds of the free-form members of `operator_action` (its parameters and result, as the
/// audit log keeps them: small objects of ids, counts and names).
constexpr int FreeFormDepth = 3;
constexpr int FreeFormMembers = 32;
constexpr int FreeFormString = 256;
constexpr int NameChars = 128; ///< a worker id, an actor, a source

/// The deepest nesting of objects and arrays in @p body, read as bytes (strings skipped),
/// stopping as soon as it passes @p limit: a 1,000-deep message costs no parse.
bool deeperThan(const QByteArray &body, int limit)
{
    int depth = 0;
    bool inString = false, escaped = false;
    for (const char c : body) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            if (++depth > limit)
                return true;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return false;
}

/// A printable name: 1 to @p maxChars characters, no controls.
bool isName(const QJsonValue &v, int maxChars = NameChars)
{
    if (!v.isString())
        return false;
    const QString s = v.toString();
    if (s.isEmpty() || s.size() > maxChars)
        return false;
    for (const QChar c : s)
        if (c.category() == QChar::Other_Control)
            return false;
    return true;
}

/// A whole number from @p min to @p max.
bool isCount(const QJsonValue &v, double min = 0, double max = 1e12)
{
    if (!v.isDouble())
        return false;
    const double d = v.toDouble();
    return std::isfinite(d) && d == std::floor(d) && d >= min && d <= max;
}

bool isFreeForm(const QJsonValue &v, int depth)
{
    switch (v.type()) {
    case QJsonValue::Null:
    case QJsonValue::Bool: return true;
    case QJsonValue::Double: return std::isfinite(v.toDouble());
    case QJsonValue::String: return v.toString().size() <= FreeFormString;
    case QJsonValue::Array: {
        const QJsonArray a = v.toArray();
        if (depth >= FreeFormDepth || a.size() > FreeFormMembers)
            return false;
        for (const QJsonValue &item : a)
            if (!isFreeForm(item, depth + 1))
                return false;
        return true;
    }
    case QJsonValue::Object: {
        const QJsonObject o = v.toObject();
        if (depth >= FreeFormDepth || o.size() > FreeFormMembers)
            return false;
        for (auto it = o.begin(); it != o.end(); ++it)
            if (it.key().size() > 64 || !isFreeForm(it.value(), depth + 1))
                return false;
        return true;
    }
    default: return false;
    }
}

/// One documented member of an event's data and how to check it.
struct Member
{
    QLatin1String key;
    bool (*valid)(const QJsonValue &);
};

bool count(const QJsonValue &v)
{
    return isCount(v);
}
bool batchNumber(const QJsonValue &v)
{
    return isCount(v, 0, 1e15);
}
bool source(const QJsonValue &v)
{
    return isName(v, 64);
}
bool breakerState(const QJsonValue &v)
{
    return v.isString() && breakerStateFromWire(v.toString()).has_value();
}
bool auditId(const QJsonValue &v)
{
    return isCount(v, 0, 9e15);
}
bool actionName(const QJsonValue &v)
{
    static const QStringList actions = {wire::action::Retry, wire::action::Breaker,
                                        wire::action::Pause, wire::action::Resume,
                                        wire::action::Enqueue};
    return v.isString() && actions.contains(v.toString());
}
bool name(const QJsonValue &v)
{
    return isName(v);
}
bool freeFormObject(const QJsonValue &v)
{
    return v.isObject() && isFreeForm(v, 0);
}

/// The data of each type workers publish: every member required, nothing else kept.
const QList<Member> *schemaOf(const QString &type)
{
    static const QList<Member> batchStart = {
        {k::BatchSize, count}, {k::BatchNumber, batchNumber}, {k::TotalTracks, count}};
    static const QList<Member> batchComplete = {
        {k::BatchSize, count}, {k::SuccessCount, count}, {k::BatchNumber, batchNumber}};
    static const QList<Member> breaker = {{k::Source, source},
                                          {k::PreviousState, breakerState},
                                          {k::State, breakerState},
                                          {k::FailureCount, count}};
    static const QList<Member> action = {{k::Id, auditId},
                                         {k::Action, actionName},
                                         {k::Actor, name},
                                         {k::Parameters, freeFormObject},
                                         {k::Result, freeFormObject}};
    if (type == wire::event::BatchStart)
        return &batchStart;
    if (type == wire::event::BatchComplete)
        return &batchComplete;
    if (type == wire::event::BreakerStateChange)
        return &breaker;
    if (type == wire::event::OperatorAction)
        return &action;
    return nullptr;
}

Checked refuse(DropReason reason, const QString &detail, const QString &type = {})
{
    Checked c;
    c.drop = reason;
    c.detail = detail;
    c.type = type.left(64);
    return c;
}

} // namespace

QLatin1String toWire(DropReason reason)
{
    switch (reason) {
    case DropReason::TooLarge: return QLatin1String("too_large");
    case DropReason::NotJson: return QLatin1String("not_json");
    case DropReason::TooDeep: return QLatin1String("too_deep");
    case DropReason::ServerOnly: return QLatin1String("server_only_type");
    case DropReason::UnknownType: return QLatin1String("unknown_type");
    case DropReason::Invalid: return QLatin1String("invalid");
    case DropReason::Sender: return QLatin1String("sender_not_allowed");
    }
    return QLatin1String("invalid");
}

QList<DropReason> allDropReasons()
{
    return {DropReason::TooLarge,   DropReason::NotJson,     DropReason::TooDeep,
            DropReason::ServerOnly, DropReason::UnknownType, DropReason::Invalid,
            DropReason::Sender};
}

Checked check(const QByteArray &body)
{
    if (body.size() > MaxMessageBytes)
        return refuse(DropReason::TooLarge,
                      QStringLiteral("%1 bytes (limit %2)").arg(body.size()).arg(MaxMessageBytes));
    if (deeperThan(body, MaxDepth))
        return refuse(DropReason::TooDeep,
                      QStringLiteral("nested deeper than %1 levels").arg(MaxDepth));
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject())
        return refuse(DropReason::NotJson, error.error != QJsonParseError::NoError
                                               ? error.errorString()
                                               : QStringLiteral("not an object"));
    const QJsonObject o = doc.object();
    const QJsonValue typeValue = o.value(k::Type);
    if (!typeValue.isString())
        return refuse(DropReason::Invalid, QStringLiteral("no string \"type\""));
    const QString type = typeValue.toString();
    static const QStringList serverOnly = {wire::event::Welcome, wire::event::Snapshot,
                                           wire::event::Pong, wire::event::Error,
                                           wire::event::Ping};
    if (serverOnly.contains(type))
        return refuse(DropReason::ServerOnly,
                      QStringLiteral("\"%1\" never crosses the bus").arg(type), type);
    const QList<Member> *schema = schemaOf(type);
    if (!schema)
        return refuse(DropReason::UnknownType,
                      QStringLiteral("no worker publishes \"%1\"").arg(type.left(64)), type);

    Checked c;
    c.type = type;
    const QJsonValue timestamp = o.value(k::Timestamp);
    if (!timestamp.isString() || timestamp.toString().size() > 64 ||
        !wire::parseTime(timestamp.toString()).isValid())
        return refuse(DropReason::Invalid, QStringLiteral("no valid \"timestamp\""), type);
    if (o.contains(k::Worker)) {
        if (!isName(o.value(k::Worker)))
            return refuse(DropReason::Invalid, QStringLiteral("\"worker\" is not a name"), type);
        c.worker = o.value(k::Worker).toString();
    }
    const QJsonValue dataValue = o.value(k::Data);
    if (!dataValue.isObject())
        return refuse(DropReason::Invalid, QStringLiteral("no \"data\" object"), type);
    const QJsonObject data = dataValue.toObject();
    QJsonObject kept;
    for (const Member &m : *schema) {
        const QJsonValue v = data.value(m.key);
        if (!m.valid(v))
            return refuse(
                DropReason::Invalid,
                QStringLiteral("data.%1 is missing or of the wrong type or range").arg(m.key),
                type);
        kept.insert(m.key, v);
    }
    c.envelope = QJsonObject{{k::Type, type}, {k::Data, kept}, {k::Timestamp, timestamp}};
    if (!c.worker.isEmpty())
        c.envelope.insert(k::Worker, c.worker);
    return c;
}

} // namespace enrichment::bus
