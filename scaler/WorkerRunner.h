// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <map>
#include <memory>

#include <QList>
#include <QObject>
#include <QStringList>

class QProcess;

namespace enrichment {

/// What starts and stops the workers the scaler asks for: numbered instances 1, 2, ...
/// started lowest free number first and stopped highest first, so that instance names
/// (and ports, worker ids) are reused the same way every time.
class WorkerRunner : public QObject
{
    Q_OBJECT
public:
    using QObject::QObject;
    /// The instances running or starting (not those being stopped), ascending.
    virtual QList<int> running() = 0;
    /// Starts instance @p n; false with a reason when it cannot be started.
    virtual bool start(int n, QString *error) = 0;
    /// Asks instance @p n to stop (SIGTERM: it records or releases its batch).
    virtual void stop(int n) = 0;
    /// Instances asked to stop that have not exited yet.
    virtual int stopping() const { return 0; }

Q_SIGNALS:
    /// Instance @p n exited without being asked to (a crash): it no longer runs.
    void exitedUnasked(int n, int exitCode);
};

/// Process mode: the scaler spawns the workers itself (the tests, `scripts/dev.sh fleet`,
/// a host without systemd). Each is @p command with `{n}` replaced by its number and
/// `{port}` by `firstPort + n - 1`; its output goes to the scaler's. A stop sends SIGTERM
/// and, after @p stopGraceMs, SIGKILL.
class ProcessRunner final : public WorkerRunner
{
    Q_OBJECT
public:
    ProcessRunner(QStringList command, int firstPort, int stopGraceMs,
                  QObject *parent = nullptr);
    ~ProcessRunner() override;

    QList<int> running() override;
    bool start(int n, QString *error) override;
    void stop(int n) override;
    int stopping() const override;
    /// Stops every instance and waits for them (up to the grace, then kills): the scaler's
    /// own shutdown.
    void stopAll();
    /// The process id of instance @p n (0: not running).
    qint64 processId(int n) const;

private:
    struct Instance
    {
        QProcess *process = nullptr;
        bool stopping = false;
    };
    QStringList m_command;
    int m_firstPort;
    int m_stopGraceMs;
    std::map<int, Instance> m_instances;
};

/// systemd mode: `systemctl start|stop` of `enrichment-backend@N.service` (the unit
/// template given), and `systemctl list-units` for what runs. Asks without waiting for
/// the unit (`--no-block`): systemd's own stop timeout (TimeoutStopSec) bounds a stop.
class SystemdRunner final : public WorkerRunner
{
    Q_OBJECT
public:
    /// @p unitTemplate has `%i` where the instance number goes.
    SystemdRunner(QString systemctl, QString unitTemplate, QObject *parent = nullptr);

    QList<int> running() override;
    bool start(int n, QString *error) override;
    void stop(int n) override;

private:
    bool systemctl(const QStringList &arguments, QByteArray *output, QString *error);
    QString unit(int n) const;

    QString m_systemctl;
    QString m_unitTemplate;
};

} // namespace enrichment
