// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <unistd.h>

#include <QFile>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTcpServer>
#include <QTemporaryDir>

#include "Ports.h"

namespace testsupport {

/// A private PostgreSQL 15 cluster (Debian's `postgresql-15`) for one test program: made
/// with `initdb` in a temporary folder, served by `pg_ctl` on a free loopback port with
/// trust authentication for the superuser `enrichment`, and stopped (immediately, then the
/// folder removed) when this goes out of scope, also when the test fails. PostgreSQL
/// refuses to run as root, so as root it runs as the `postgres` user.
class PostgresServer
{
public:
    static QString binDir() { return QStringLiteral("/usr/lib/postgresql/15/bin"); }
    static bool available() { return QFile::exists(binDir() + QStringLiteral("/initdb")); }

    PostgresServer() = default;
    PostgresServer(const PostgresServer &) = delete;
    PostgresServer &operator=(const PostgresServer &) = delete;
    ~PostgresServer() { stop(); }

    /// Creates and starts the cluster. On failure false, with the tools' output in @p error.
    bool start(QString *error)
    {
        if (!m_dir.isValid()) {
            *error = QStringLiteral("no temporary folder");
            return false;
        }
        if (::geteuid() == 0 &&
            !run({QStringLiteral("chown"), QStringLiteral("postgres:"), m_dir.path()}, error,
                 false))
            return false;
        if (!run({binDir() + QStringLiteral("/initdb"), QStringLiteral("-D"), dataDir(),
                  QStringLiteral("-U"), QStringLiteral("enrichment"),
                  QStringLiteral("--auth=trust"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                  QStringLiteral("--no-sync")},
                 error))
            return false;
        m_port = restartablePort(); // stopServer() and startServer() keep it
        return startServer(error);
    }

    /// Starts the server again after stopServer() (same port, same data).
    bool startServer(QString *error)
    {
        return run({binDir() + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), dataDir(),
                    QStringLiteral("-l"), m_dir.filePath(QStringLiteral("server.log")),
                    QStringLiteral("-w"), QStringLiteral("-t"), QStringLiteral("30"),
                    QStringLiteral("-o"),
                    QStringLiteral("-p %1 -k %2 -c listen_addresses=127.0.0.1 -c fsync=off"
                                   " -c synchronous_commit=off -c full_page_writes=off"
                                   " -c max_connections=200")
                        .arg(m_port)
                        .arg(m_dir.path()),
                    QStringLiteral("start")},
                   error);
    }

    /// Stops the server at once (as a crash would), keeping the data.
    void stopServer()
    {
        QString ignored;
        run({binDir() + QStringLiteral("/pg_ctl"), QStringLiteral("-D"), dataDir(),
             QStringLiteral("-m"), QStringLiteral("immediate"), QStringLiteral("stop")},
            &ignored);
    }

    void stop()
    {
        if (m_port)
            stopServer();
        m_port = 0;
    }

    quint16 port() const { return m_port; }

    /// A new, empty database; its `postgresql://` URL in @p url.
    bool createDatabase(const QString &name, QString *url, QString *error)
    {
        const QString connection = QStringLiteral("pg-admin-%1").arg(name);
        bool ok = false;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(QStringLiteral("127.0.0.1"));
            db.setPort(m_port);
            db.setUserName(QStringLiteral("enrichment"));
            db.setDatabaseName(QStringLiteral("postgres"));
            if (db.open()) {
                QSqlQuery q(db);
                ok = q.exec(QStringLiteral("CREATE DATABASE \"%1\"").arg(name));
                if (!ok)
                    *error = q.lastError().text();
            } else {
                *error = db.lastError().text();
            }
        }
        QSqlDatabase::removeDatabase(connection);
        *url = QStringLiteral("postgresql://enrichment@127.0.0.1:%1/%2").arg(m_port).arg(name);
        return ok;
    }

    /// Runs @p sql on database @p name with a connection of its own; the first column of
    /// the first row, or an invalid QVariant.
    QVariant scalar(const QString &name, const QString &sql)
    {
        const QString connection = QStringLiteral("pg-check-%1").arg(name);
        QVariant out;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), connection);
            db.setHostName(QStringLiteral("127.0.0.1"));
            db.setPort(m_port);
            db.setUserName(QStringLiteral("enrichment"));
            db.setDatabaseName(name);
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(sql) && q.next())
                    out = q.value(0);
            }
        }
        QSqlDatabase::removeDatabase(connection);
        return out;
    }

private:
    QString dataDir() const { return m_dir.filePath(QStringLiteral("data")); }

    /// Runs a tool (as `postgres` when root, unless @p asPostgres is false).
    bool run(QStringList command, QString *error, bool asPostgres = true)
    {
        if (asPostgres && ::geteuid() == 0)
            command = QStringList{QStringLiteral("runuser"), QStringLiteral("-u"),
                                  QStringLiteral("postgres"), QStringLiteral("--")} +
                      command;
        QProcess p;
        p.setProcessChannelMode(QProcess::MergedChannels);
        p.start(command.first(), command.mid(1));
        if (!p.waitForFinished(60'000) || p.exitStatus() != QProcess::NormalExit ||
            p.exitCode() != 0) {
            *error = QStringLiteral("%1 failed: %2")
                         .arg(command.join(QLatin1Char(' ')),
                              QString::fromLocal8Bit(p.readAll()).right(2000));
            return false;
        }
        return true;
    }

    QTemporaryDir m_dir;
    quint16 m_port = 0;
};

} // namespace testsupport
