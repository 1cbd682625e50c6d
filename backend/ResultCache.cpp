// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ResultCache.h"

#include "enrichment/Clock.h"
#include "PipelineMetrics.h"

namespace enrichment {

namespace {
QString key(const QString &source, const QString &trackId)
{
    return source + QLatin1Char('\n') + trackId;
}
} // namespace

ResultCache::ResultCache(const Clock &clock, PipelineMetrics *monitor, int capacity, qint64 ttlMs)
    : m_clock(clock), m_monitor(monitor), m_ttlMs(ttlMs), m_cache(capacity)
{}

std::optional<SourceResponse> ResultCache::lookup(const QString &source, const QString &trackId,
                                                  bool countMiss)
{
    const QString k = key(source, trackId);
    const Entry *e = m_cache.object(k);
    if (e && e->expiresAtMs <= m_clock.nowMs()) {
        m_cache.remove(k);
        e = nullptr;
    }
    if (m_monitor && (e || countMiss))
        m_monitor->recordCache(e ? CacheOperation::Hit : CacheOperation::Miss, true);
    if (!e)
        return std::nullopt;
    return e->response;
}

void ResultCache::recordMiss()
{
    if (m_monitor)
        m_monitor->recordCache(CacheOperation::Miss, true);
}

void ResultCache::store(const QString &source, const QString &trackId,
                        const SourceResponse &response)
{
    const bool ok =
        m_cache.insert(key(source, trackId), new Entry{response, m_clock.nowMs() + m_ttlMs});
    if (m_monitor)
        m_monitor->recordCache(CacheOperation::Set, ok);
}

} // namespace enrichment
