// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <deque>
#include <limits>
#include <optional>
#include <utility>

#include <QtGlobal>

namespace enrichment {

/// When the scaler follows the backend's number and when it waits (docs/SCALING.md,
/// "The systemd and process scaler"): up at once, then not again before `upCooldownMs`
/// (new workers need that long to be counted and measured); down only to the most the
/// number asked for over the last `downCooldownMs`, and not within `downCooldownMs` of
/// the last change (hysteresis: a dip does not stop workers that the next minute needs).
/// No number (the backend out of reach, or silent): hold what runs. Pure: time is given.
class ScalePolicy
{
public:
    struct Config
    {
        qint64 upCooldownMs = 30'000;
        qint64 downCooldownMs = 300'000;
        int minWorkers = 0;
        int maxWorkers = 20;
    };
    explicit ScalePolicy(const Config &config) : m_config(config) {}

    /// The workers to run at @p nowMs, with @p running running and @p desired asked for.
    int next(qint64 nowMs, int running, std::optional<qint64> desired);
    const Config &config() const { return m_config; }

private:
    Config m_config;
    std::deque<std::pair<qint64, int>> m_asked; ///< (time, number) of the down window
    qint64 m_lastUpMs = std::numeric_limits<qint64>::min() / 2;
    qint64 m_lastChangeMs = 0;
    bool m_started = false;
};

} // namespace enrichment
