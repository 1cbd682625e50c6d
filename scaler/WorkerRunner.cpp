// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "WorkerRunner.h"

#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QTimer>

Q_LOGGING_CATEGORY(lcRunner, "enrichment.scaler.runner")

namespace enrichment {

ProcessRunner::ProcessRunner(QStringList command, int firstPort, int stopGraceMs, QObject *parent)
    : WorkerRunner(parent), m_command(std::move(command)), m_firstPort(firstPort),
      m_stopGraceMs(stopGraceMs)
{
}

ProcessRunner::~ProcessRunner()
{
    stopAll();
}

QList<int> ProcessRunner::running()
{
    QList<int> out;
    for (const auto &[n, instance] : m_instances)
        if (!instance.stopping)
            out << n;
    return out;
}

int ProcessRunner::stopping() const
{
    return int(std::count_if(m_instances.cbegin(), m_instances.cend(),
                             [](const auto &i) { return i.second.stopping; }));
}

qint64 ProcessRunner::processId(int n) const
{
    const auto it = m_instances.find(n);
    return it == m_instances.end() ? 0 : it->second.process->processId();
}

bool ProcessRunner::start(int n, QString *error)
{
    if (m_command.isEmpty()) {
        *error = QStringLiteral("no worker command");
        return false;
    }
    if (m_instances.count(n)) {
        *error = QStringLiteral("worker %1 is still running").arg(n);
        return false;
    }
    QStringList args;
    for (QString a : m_command)
        args << a.replace(QLatin1String("{n}"), QString::number(n))
                    .replace(QLatin1String("{port}"), QString::number(m_firstPort + n - 1));
    const QString program = args.takeFirst();
    auto *p = new QProcess(this);
    p->setProcessChannelMode(QProcess::ForwardedChannels);
    p->setProgram(program);
    p->setArguments(args);
    connect(p, &QProcess::finished, this, [this, n, p](int code, QProcess::ExitStatus) {
        const auto it = m_instances.find(n);
        if (it == m_instances.end() || it->second.process != p)
            return;
        const bool asked = it->second.stopping;
        m_instances.erase(it);
        p->deleteLater();
        if (asked) {
            qCInfo(lcRunner) << "worker" << n << "stopped, exit code" << code;
        } else {
            qCWarning(lcRunner) << "worker" << n << "exited by itself, exit code" << code;
            Q_EMIT exitedUnasked(n, code);
        }
    });
    p->start();
    if (!p->waitForStarted(10'000)) {
        *error = QStringLiteral("cannot start %1: %2").arg(program, p->errorString());
        delete p;
        return false;
    }
    m_instances[n] = Instance{p, false};
    qCInfo(lcRunner) << "worker" << n << "started, pid" << p->processId();
    return true;
}

void ProcessRunner::stop(int n)
{
    const auto it = m_instances.find(n);
    if (it == m_instances.end() || it->second.stopping)
        return;
    it->second.stopping = true;
    QProcess *p = it->second.process;
    p->terminate(); // SIGTERM: the worker records or releases its batch and says it stopped
    QTimer::singleShot(m_stopGraceMs, p, [p, n] {
        if (p->state() != QProcess::NotRunning) {
            qCWarning(lcRunner) << "worker" << n << "did not stop within its grace: killed";
            p->kill();
        }
    });
}

void ProcessRunner::stopAll()
{
    std::vector<QProcess *> processes;
    for (auto &[n, instance] : m_instances) {
        instance.stopping = true;
        instance.process->terminate();
        processes.push_back(instance.process);
    }
    for (QProcess *p : processes) {
        if (!p->waitForFinished(m_stopGraceMs)) {
            p->kill();
            p->waitForFinished(5'000);
        }
    }
    m_instances.clear();
    for (QProcess *p : processes) {
        p->disconnect(this);
        delete p;
    }
}

SystemdRunner::SystemdRunner(QString systemctl, QString unitTemplate, QObject *parent)
    : WorkerRunner(parent), m_systemctl(std::move(systemctl)),
      m_unitTemplate(std::move(unitTemplate))
{
}

QString SystemdRunner::unit(int n) const
{
    return QString(m_unitTemplate).replace(QLatin1String("%i"), QString::number(n));
}

bool SystemdRunner::systemctl(const QStringList &arguments, QByteArray *output, QString *error)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::SeparateChannels);
    p.start(m_systemctl, arguments);
    if (!p.waitForFinished(15'000) || p.exitStatus() != QProcess::NormalExit ||
        p.exitCode() != 0) {
        *error = QStringLiteral("%1 %2: %3")
                     .arg(m_systemctl, arguments.join(QLatin1Char(' ')),
                          p.error() == QProcess::UnknownError
                              ? QString::fromLocal8Bit(p.readAllStandardError()).trimmed()
                              : p.errorString());
        if (p.state() != QProcess::NotRunning) {
            p.kill();
            p.waitForFinished(1000);
        }
        return false;
    }
    if (output)
        *output = p.readAllStandardOutput();
    return true;
}

QList<int> SystemdRunner::running()
{
    QByteArray out;
    QString error;
    const QString pattern = unit(0).replace(QLatin1String("@0."), QLatin1String("@*."));
    if (!systemctl({QStringLiteral("list-units"), QStringLiteral("--plain"),
                    QStringLiteral("--no-legend"), QStringLiteral("--state=active,activating"),
                    pattern},
                   &out, &error)) {
        qCWarning(lcRunner).noquote() << error;
        return {};
    }
    // One unit per line, its name first: enrichment-backend@3.service loaded active running ...
    const QString prefix = unit(0).section(QLatin1String("@0"), 0, 0) + QLatin1Char('@');
    const QString suffix = unit(0).section(QLatin1String("@0"), 1);
    QList<int> numbers;
    for (const QByteArray &line : out.split('\n')) {
        const QString name = QString::fromLocal8Bit(line).trimmed().section(QLatin1Char(' '), 0, 0);
        if (!name.startsWith(prefix) || !name.endsWith(suffix))
            continue;
        bool ok = false;
        const int n = name.mid(prefix.size(), name.size() - prefix.size() - suffix.size()).toInt(&ok);
        if (ok && n > 0 && !numbers.contains(n))
            numbers << n;
    }
    std::sort(numbers.begin(), numbers.end());
    return numbers;
}

bool SystemdRunner::start(int n, QString *error)
{
    return systemctl({QStringLiteral("start"), QStringLiteral("--no-block"), unit(n)}, nullptr,
                     error);
}

void SystemdRunner::stop(int n)
{
    QString error;
    if (!systemctl({QStringLiteral("stop"), QStringLiteral("--no-block"), unit(n)}, nullptr,
                   &error))
        qCWarning(lcRunner).noquote() << error;
}

} // namespace enrichment
