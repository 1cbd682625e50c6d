// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <signal.h>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>

#include "Ports.h"
#include <QThread>

namespace testsupport {

/// A private RabbitMQ 3.10 node (Debian's `rabbitmq-server`) for one test program: its
/// node name, data, logs, configuration, Erlang distribution port and `epmd` port are all
/// in a temporary folder or on free loopback ports, so it disturbs no other broker. The
/// default `guest` user may connect (from loopback). Stopped, with its `epmd`, when this
/// goes out of scope, also when the test fails.
class RabbitMqServer
{
public:
    static QString program() { return QStringLiteral("/usr/lib/rabbitmq/bin/rabbitmq-server"); }
    static bool available() { return QFile::exists(program()); }

    RabbitMqServer() = default;
    RabbitMqServer(const RabbitMqServer &) = delete;
    RabbitMqServer &operator=(const RabbitMqServer &) = delete;
    ~RabbitMqServer() { stop(); }

    /// Starts the node and waits (at most 60 s) until it accepts AMQP connections.
    bool start(QString *error)
    {
        if (!m_port) {
            m_port = restartablePort();
            m_distPort = restartablePort();
            m_epmdPort = restartablePort();
            QFile conf(m_dir.filePath(QStringLiteral("rabbitmq.conf")));
            QFile plugins(m_dir.filePath(QStringLiteral("enabled_plugins")));
            if (!conf.open(QIODevice::WriteOnly) || !plugins.open(QIODevice::WriteOnly)) {
                *error = QStringLiteral("cannot write the broker's configuration");
                return false;
            }
            conf.write(
                QStringLiteral("listeners.tcp.default = 127.0.0.1:%1\n").arg(m_port).toUtf8());
            plugins.write("[].\n");
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("RABBITMQ_NODENAME"),
                   QStringLiteral("enrichment-test@localhost"));
        env.insert(QStringLiteral("RABBITMQ_MNESIA_BASE"),
                   m_dir.filePath(QStringLiteral("mnesia")));
        env.insert(QStringLiteral("RABBITMQ_LOG_BASE"), m_dir.filePath(QStringLiteral("log")));
        env.insert(QStringLiteral("RABBITMQ_CONFIG_FILE"),
                   m_dir.filePath(QStringLiteral("rabbitmq")));
        env.insert(QStringLiteral("RABBITMQ_ENABLED_PLUGINS_FILE"),
                   m_dir.filePath(QStringLiteral("enabled_plugins")));
        env.insert(QStringLiteral("RABBITMQ_DIST_PORT"), QString::number(m_distPort));
        env.insert(QStringLiteral("ERL_EPMD_PORT"), QString::number(m_epmdPort));
        // The script then execs the Erlang VM itself instead of waiting on it as a child:
        // the process we kill is the broker.
        env.insert(QStringLiteral("RABBITMQ_ALLOW_INPUT"), QStringLiteral("1"));
        m_process.setProcessEnvironment(env);
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.setStandardOutputFile(m_dir.filePath(QStringLiteral("server.out")),
                                        QIODevice::Append);
        m_process.start(program(), {});
        if (!m_process.waitForStarted(10'000)) {
            *error = QStringLiteral("cannot start %1").arg(program());
            return false;
        }
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 60'000 && m_process.state() == QProcess::Running) {
            QTcpSocket probe;
            probe.connectToHost(QHostAddress::LocalHost, m_port);
            if (probe.waitForConnected(500))
                return true;
            QThread::msleep(100); // a child process boots: there is no signal to wait on
        }
        QFile log(m_dir.filePath(QStringLiteral("server.out")));
        log.open(QIODevice::ReadOnly);
        *error = QStringLiteral("the broker did not come up: %1")
                     .arg(QString::fromLocal8Bit(log.readAll().right(2000)));
        return false;
    }

    /// Kills the node at once, as a crash would (its data stays for start()).
    void kill()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10'000);
        }
    }

    void stop()
    {
        kill();
        if (m_epmdPort) {
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("ERL_EPMD_PORT"), QString::number(m_epmdPort));
            QProcess epmd;
            epmd.setProcessEnvironment(env);
            epmd.start(QStringLiteral("epmd"), {QStringLiteral("-kill")});
            epmd.waitForFinished(5000);
        }
    }

    /// Runs `rabbitmqctl ARGS` against this node (about a second: it boots Erlang); false
    /// with its output in @p error when it fails. @p output receives what it printed.
    bool ctl(const QStringList &args, QString *error, QString *output = nullptr)
    {
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_dir.path());
        env.insert(QStringLiteral("RABBITMQ_NODENAME"),
                   QStringLiteral("enrichment-test@localhost"));
        env.insert(QStringLiteral("ERL_EPMD_PORT"), QString::number(m_epmdPort));
        QProcess ctl;
        ctl.setProcessEnvironment(env);
        ctl.setProcessChannelMode(QProcess::MergedChannels);
        ctl.start(QStringLiteral("/usr/lib/rabbitmq/bin/rabbitmqctl"),
                  QStringList{QStringLiteral("-n"), QStringLiteral("enrichment-test@localhost")} +
                      args);
        if (!ctl.waitForFinished(60'000) || ctl.exitCode() != 0) {
            *error = QString::fromLocal8Bit(ctl.readAll()).right(1000);
            return false;
        }
        if (output)
            *output = QString::fromLocal8Bit(ctl.readAll());
        return true;
    }
    /// How many messages the broker holds in the queue @p name; -1 while it does not list
    /// that queue as running (not declared, or not recovered yet after a restart).
    qint64 queueDepth(const QString &name)
    {
        QString error;
        QString out;
        if (!ctl({QStringLiteral("list_queues"), QStringLiteral("-q"), QStringLiteral("name"),
                  QStringLiteral("messages"), QStringLiteral("state")},
                 &error, &out))
            return -1;
        for (const QString &line : out.split(u'\n')) {
            const QStringList cells = line.split(u'\t');
            if (cells.size() >= 3 && cells[0] == name && cells[2].trimmed() == u"running")
                return cells[1].toLongLong();
        }
        return -1;
    }
    /// A broker user with every permission on the default vhost.
    bool addUser(const QString &user, const QString &password, QString *error)
    {
        return ctl({QStringLiteral("add_user"), user, password}, error) &&
               ctl({QStringLiteral("set_permissions"), QStringLiteral("-p"), QStringLiteral("/"),
                    user, QStringLiteral(".*"), QStringLiteral(".*"), QStringLiteral(".*")},
                   error);
    }
    /// Freezes (SIGSTOP) or thaws (SIGCONT) the node: a broker that hangs without closing
    /// a connection.
    void freeze(bool frozen)
    {
        if (m_process.state() == QProcess::Running)
            ::kill(pid_t(m_process.processId()), frozen ? SIGSTOP : SIGCONT);
    }

    quint16 port() const { return m_port; }
    QString url() const { return QStringLiteral("amqp://guest@127.0.0.1:%1/").arg(m_port); }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    quint16 m_distPort = 0;
    quint16 m_epmdPort = 0;
};

} // namespace testsupport
