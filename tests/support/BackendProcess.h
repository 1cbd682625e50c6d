// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QElapsedTimer>
#include <QProcess>
#include <QUrl>

namespace testsupport {

/// A real `enrichment-backend` child process, killed when this goes out of scope.
struct BackendProcess
{
    QProcess process;
    QUrl url; ///< from the `listening on URL` line it prints once bound
    /// Set before start(): its stderr is kept in errors() instead of going to the test's.
    bool captureStderr = false;

    BackendProcess() = default;
    BackendProcess(const BackendProcess &) = delete;
    BackendProcess &operator=(const BackendProcess &) = delete;
    ~BackendProcess()
    {
        if (process.state() != QProcess::NotRunning) {
            process.kill();
            process.waitForFinished(5000);
        }
    }

    qint64 pid() const { return process.processId(); }
    /// What it wrote to stderr so far (with captureStderr).
    QString errors()
    {
        m_errors += process.readAllStandardError();
        return QString::fromUtf8(m_errors);
    }
    quint16 port() const { return quint16(url.port()); }

    /// Starts @p program with @p args and waits (at most 15 s) for its `listening on URL`
    /// line. Its stderr goes to the test's stderr. False if it never said where it listens.
    bool start(const QString &program, const QStringList &args)
    {
        process.setProgram(program);
        process.setArguments(args);
        process.setProcessChannelMode(captureStderr ? QProcess::SeparateChannels
                                                    : QProcess::ForwardedErrorChannel);
        process.start();
        if (!process.waitForStarted(10'000))
            return false;
        QByteArray out;
        QElapsedTimer t;
        t.start();
        while (!out.contains('\n') && t.elapsed() < 15'000 &&
               process.state() == QProcess::Running) {
            process.waitForReadyRead(500);
            out += process.readAllStandardOutput();
        }
        static constexpr char Prefix[] = "listening on ";
        const QByteArray line = out.left(out.indexOf('\n')).trimmed();
        if (!line.startsWith(Prefix))
            return false;
        url = QUrl(QString::fromUtf8(line.mid(qsizetype(sizeof(Prefix) - 1))));
        return url.isValid() && url.port() > 0;
    }

private:
    QByteArray m_errors;
};

} // namespace testsupport
