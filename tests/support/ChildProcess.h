// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QProcess>

namespace testsupport {

/// A server process a test starts (Prometheus, Alertmanager, the backend binary): stopped
/// with SIGTERM, then SIGKILL after 5 s, however the test ends.
struct ChildProcess
{
    QProcess process;
    ChildProcess() = default;
    ChildProcess(const ChildProcess &) = delete;
    ChildProcess &operator=(const ChildProcess &) = delete;
    ~ChildProcess()
    {
        if (process.state() != QProcess::NotRunning) {
            process.terminate();
            if (!process.waitForFinished(5000))
                process.kill();
            process.waitForFinished(5000);
        }
    }
};

} // namespace testsupport
