// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTest>
#include <QUrl>

#include "ChildProcess.h"
#include "Http.h"
#include "Ports.h"

namespace testsupport {

/// Debian's Prometheus for a test: its configuration and data in a folder of the test's,
/// on a free loopback port, stopped however the test ends (a ChildProcess).
class PrometheusServer
{
public:
    /// The `prometheus` binary, or empty when Debian's package is not installed.
    static QString binary() { return QStandardPaths::findExecutable(QStringLiteral("prometheus")); }

    /// Copies the rule file @p shipped into @p dir with every group evaluated each second
    /// and, with @p shortFor, every `for:` cut to one second, so that a test sees in
    /// seconds what the shipped rules say in minutes. The copy's path; empty with @p error.
    static QString fastRules(const QString &shipped, const QString &dir, bool shortFor,
                             QString *error)
    {
        QFile in(shipped);
        if (!in.open(QIODevice::ReadOnly)) {
            *error = shipped + QStringLiteral(": ") + in.errorString();
            return {};
        }
        QString rules = QString::fromUtf8(in.readAll());
        const QRegularExpression interval(QStringLiteral("interval: \\S+"));
        if (!rules.contains(interval)) {
            *error = shipped + QStringLiteral(" sets no evaluation interval");
            return {};
        }
        rules.replace(interval, QStringLiteral("interval: 1s"));
        if (shortFor)
            rules.replace(QRegularExpression(QStringLiteral("for: \\S+")),
                          QStringLiteral("for: 1s"));
        const QString path = QDir(dir).filePath(QStringLiteral("fast-rules.yml"));
        QFile out(path);
        if (!out.open(QIODevice::WriteOnly) || out.write(rules.toUtf8()) < 0) {
            *error = path + QStringLiteral(": ") + out.errorString();
            return {};
        }
        return path;
    }

    /// Writes @p config (prometheus.yml) into @p dir and starts Prometheus on it with its
    /// TSDB in @p dataDir (empty: `dir/tsdb`) and @p extraArguments; returns once it says
    /// it is ready (/-/ready), at most @p timeoutMs. False with @p error (its output).
    bool start(const QString &dir, const QByteArray &config, QString *error,
               const QString &dataDir = {}, const QStringList &extraArguments = {},
               int timeoutMs = 30'000)
    {
        const QString configPath = QDir(dir).filePath(QStringLiteral("prometheus.yml"));
        QFile file(configPath);
        if (!file.open(QIODevice::WriteOnly) || file.write(config) < 0) {
            *error = configPath + QStringLiteral(": ") + file.errorString();
            return false;
        }
        file.close();
        const quint16 port = restartablePort();
        m_url = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        child.process.setProcessChannelMode(QProcess::MergedChannels);
        child.process.start(
            binary(),
            QStringList{
                QStringLiteral("--config.file=") + configPath,
                QStringLiteral("--storage.tsdb.path=") +
                    (dataDir.isEmpty() ? QDir(dir).filePath(QStringLiteral("tsdb")) : dataDir),
                QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port)} +
                extraArguments);
        if (!child.process.waitForStarted()) {
            *error = QStringLiteral("prometheus did not start: ") + child.process.errorString();
            return false;
        }
        // Prometheus is another process: ask until it says it is ready or gives up.
        QElapsedTimer waited;
        waited.start();
        while (waited.elapsed() < timeoutMs) {
            if (httpGet(port, "/-/ready", {}, 1000).status == 200)
                return true;
            if (child.process.state() == QProcess::NotRunning)
                break;
            QTest::qWait(100);
        }
        *error = QStringLiteral("prometheus is not ready: ") +
                 QString::fromUtf8(child.process.readAll().right(2000));
        return false;
    }

    QUrl url() const { return m_url; }

    ChildProcess child;

private:
    QUrl m_url;
};

} // namespace testsupport
