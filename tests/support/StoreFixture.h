// SPDX-FileCopyrightText: 2026 Enrichment Monitor authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include "PostgresServer.h"

namespace testsupport {

/// A suite that runs every case twice, on SQLite and on PostgreSQL (a private server it
/// starts in a temporary folder): the global data rows, a new empty queue per case, and
/// a look at a queue's tables through a connection of the test's own.
///
///     void initTestCase_data() { StoreFixture::addRows(); }
///     void initTestCase() { QVERIFY2(m_stores.start(&error), ...); }
///     ... openQueueStore(m_stores.newSpec("case"), ...)
class StoreFixture
{
public:
    /// Adds the rows "sqlite" and "postgresql" (from initTestCase_data()).
    static void addRows()
    {
        QTest::addColumn<QString>("kind");
        QTest::newRow("sqlite") << QStringLiteral("sqlite");
        QTest::newRow("postgresql") << QStringLiteral("postgresql");
    }

    /// Whether the case runs on PostgreSQL now.
    static bool postgres()
    {
        QFETCH_GLOBAL(QString, kind);
        return kind == QLatin1String("postgresql");
    }

    /// Starts the PostgreSQL server; false with the reason (not installed, failed).
    bool start(QString *error)
    {
        if (!PostgresServer::available()) {
            *error = QStringLiteral("PostgreSQL 15 is not installed (scripts/dev.sh installs it)");
            return false;
        }
        return m_pg.start(error);
    }

    /// A new, empty queue for case @p name: `sqlite:PATH` in the temporary folder, or the
    /// `postgresql://` URL of a new database.
    QString newSpec(const QString &name)
    {
        if (!postgres())
            return QStringLiteral("sqlite:") + m_dir.filePath(name + QStringLiteral(".sqlite"));
        const QString db = QStringLiteral("q_%1_%2").arg(name).arg(++m_databases);
        QString url, error;
        if (!m_pg.createDatabase(db, &url, &error))
            qFatal("%s", qPrintable(error));
        m_pgNames.insert(url, db);
        return url;
    }

    /// The PostgreSQL database behind @p spec (empty for SQLite).
    QString databaseOf(const QString &spec) const { return m_pgNames.value(spec); }

    /// Runs @p sql on the queue at @p spec; the first column of its first row, or an
    /// invalid QVariant.
    QVariant scalar(const QString &spec, const QString &sql)
    {
        if (m_pgNames.contains(spec))
            return m_pg.scalar(m_pgNames.value(spec), sql);
        const QString name = QStringLiteral("store-fixture-check");
        QVariant out;
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), name);
            db.setDatabaseName(spec.mid(7));
            if (db.open()) {
                QSqlQuery q(db);
                if (q.exec(sql) && q.next())
                    out = q.value(0);
            }
        }
        QSqlDatabase::removeDatabase(name);
        return out;
    }

    PostgresServer &postgresServer() { return m_pg; }
    /// The temporary folder SQLite files go to.
    QString filePath(const QString &name) const { return m_dir.filePath(name); }

private:
    QTemporaryDir m_dir;
    PostgresServer m_pg;
    QHash<QString, QString> m_pgNames; ///< postgresql:// URL -> database name
    int m_databases = 0;
};

} // namespace testsupport
