// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ScalePolicy.h"

#include <algorithm>

namespace enrichment {

int ScalePolicy::next(qint64 nowMs, int running, std::optional<qint64> desired)
{
    if (!desired)
        return running;
    if (!m_started) {
        // What ran before the scaler started counts as a change now: the down window must
        // fill before anything is stopped.
        m_started = true;
        m_lastChangeMs = nowMs;
    }
    const int asked = int(std::clamp<qint64>(*desired, m_config.minWorkers,
                                             std::max(m_config.minWorkers, m_config.maxWorkers)));
    m_asked.emplace_back(nowMs, asked);
    while (!m_asked.empty() && m_asked.front().first < nowMs - m_config.downCooldownMs)
        m_asked.pop_front();
    if (asked > running) {
        if (nowMs - m_lastUpMs < m_config.upCooldownMs)
            return running;
        m_lastUpMs = m_lastChangeMs = nowMs;
        return asked;
    }
    if (asked < running) {
        if (nowMs - m_lastChangeMs < m_config.downCooldownMs)
            return running;
        int most = asked;
        for (const auto &a : m_asked)
            most = std::max(most, a.second);
        if (most >= running)
            return running;
        m_lastChangeMs = nowMs;
        return most;
    }
    return running;
}

} // namespace enrichment
