// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <limits>

#include <QHash>
#include <QList>
#include <QPair>
#include <QString>

namespace enrichment {

/// At most one log line per key (a reason) per interval: what a flood from outside (the
/// event bus, say) may cost the log. The first occurrence is logged at once; the rest of
/// the interval is counted, and the count is said by the next line or by due().
class LogLimiter
{
public:
    explicit LogLimiter(qint64 intervalMs = 60'000) : m_intervalMs(intervalMs) {}

    /// True when a line for @p key may be written now; @p suppressed then receives how many
    /// were held back since the last line. False: counted, not to be written.
    bool allow(const QString &key, qint64 nowMs, quint64 *suppressed)
    {
        Entry &e = m_entries[key];
        if (nowMs - e.lastMs < m_intervalMs) {
            ++e.suppressed;
            return false;
        }
        *suppressed = e.suppressed;
        e.suppressed = 0;
        e.lastMs = nowMs;
        return true;
    }

    /// Keys with held-back occurrences whose interval is over, with their counts (reset):
    /// for one summary line each, so that a flood that stopped is still said.
    QList<QPair<QString, quint64>> due(qint64 nowMs)
    {
        QList<QPair<QString, quint64>> out;
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it->suppressed > 0 && nowMs - it->lastMs >= m_intervalMs) {
                out.append({it.key(), it->suppressed});
                it->suppressed = 0;
                it->lastMs = nowMs;
            }
        }
        return out;
    }

    qint64 intervalMs() const { return m_intervalMs; }

private:
    struct Entry
    {
        qint64 lastMs = std::numeric_limits<qint64>::min() / 2;
        quint64 suppressed = 0;
    };
    qint64 m_intervalMs;
    QHash<QString, Entry> m_entries;
};

} // namespace enrichment
