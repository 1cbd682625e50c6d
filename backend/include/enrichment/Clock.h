// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <atomic>

#include <QtGlobal>

namespace enrichment {

/// Source of wall-clock time for everything in the backend that reasons about time
/// (breaker timeouts, leases, rate-limit windows, outages, sliding windows). Inject a
/// ManualClock in tests. Implementations are thread-safe.
class Clock
{
public:
    virtual ~Clock() = default;
    /// Milliseconds since the Unix epoch.
    virtual qint64 nowMs() const = 0;
};

/// The real clock (QDateTime::currentMSecsSinceEpoch).
class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
};

/// A clock that moves only when told to. Thread-safe.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'800'000'000'000) : m_now(startMs) {}
    qint64 nowMs() const override { return m_now.load(); }
    void setMs(qint64 ms) { m_now.store(ms); }
    void advanceMs(qint64 ms) { m_now.fetch_add(ms); }

private:
    std::atomic<qint64> m_now;
};

} // namespace enrichment
