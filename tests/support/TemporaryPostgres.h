#pragma once
// A throw-away PostgreSQL cluster for tests: initdb + pg_ctl in a temporary directory, trust
// authentication for the 'loupe' superuser, listening on 127.0.0.1 only, no fsync. Header-only
// so any test layer can use it.
//
//   TemporaryPostgres pg;
//   if (const QString why = pg.unavailableReason(); !why.isEmpty()) LOUPE_REQUIRE_RESOURCE(why);
//   QVERIFY2(pg.start(), qPrintable(pg.lastOutput()));
//   pg.createDatabase("x"); Store::open(pg.url("x"));
//
// Server binaries: $LOUPE_PG_BIN or /usr/lib/postgresql/15/bin (Debian postgresql-15). As root,
// the server runs as 'postgres' (or 'nobody') through setpriv, since it refuses to run as root.
// The destructor stops the cluster (immediate mode).

#include "db/store/Store.h"
#include "tests/support/RequiredResource.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QSqlDatabase>
#include <QStandardPaths>
#include <QTemporaryDir>

#include <memory>

#include <pwd.h>
#include <unistd.h>

namespace loupe::test {

class TemporaryPostgres {
public:
    TemporaryPostgres()
        : m_binDir(qEnvironmentVariable("LOUPE_PG_BIN", QStringLiteral("/usr/lib/postgresql/15/bin")))
    {
    }
    ~TemporaryPostgres() { stop(); }
    TemporaryPostgres(const TemporaryPostgres &) = delete;
    TemporaryPostgres &operator=(const TemporaryPostgres &) = delete;

    // Empty when a cluster can be started here; otherwise why not (for LOUPE_REQUIRE_RESOURCE: a skip on
    // a developer's machine, a failure under CI=true).
    QString unavailableReason()
    {
        if (!QFileInfo(QDir(m_binDir).filePath(QStringLiteral("initdb"))).isExecutable()
            || !QFileInfo(QDir(m_binDir).filePath(QStringLiteral("pg_ctl"))).isExecutable())
            return QStringLiteral("PostgreSQL server binaries (initdb, pg_ctl) not found; install postgresql-15 or "
                                  "set LOUPE_PG_BIN");
        if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
            return QStringLiteral("Qt PostgreSQL driver QPSQL not installed (libqt6sql6-psql)");
        if (geteuid() == 0) {
            for (const char *candidate : {"postgres", "nobody"}) {
                if (getpwnam(candidate)) {
                    m_runAs = QString::fromLatin1(candidate);
                    break;
                }
            }
            if (m_runAs.isEmpty() || QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
                return QStringLiteral("running as root without an unprivileged user and setpriv for the server");
        }
        return {};
    }

    // initdb + pg_ctl start on a free loopback port. requires: unavailableReason() is empty.
    bool start()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        if (!m_dir->isValid())
            return fail(QStringLiteral("cannot create a temporary directory"));
        if (!m_runAs.isEmpty()) {
            const passwd *user = getpwnam(m_runAs.toLocal8Bit().constData());
            if (::chown(QFile::encodeName(m_dir->path()).constData(), user->pw_uid, user->pw_gid) != 0)
                return fail(QStringLiteral("cannot hand the temporary directory to ") + m_runAs);
        }
        m_dataDir = m_dir->filePath(QStringLiteral("data"));
        if (!runTool(QStringLiteral("initdb"),
                     {QStringLiteral("-D"), m_dataDir, QStringLiteral("-A"), QStringLiteral("trust"),
                      QStringLiteral("-U"), QStringLiteral("loupe"), QStringLiteral("-E"), QStringLiteral("UTF8"),
                      QStringLiteral("--locale=C"), QStringLiteral("--no-sync")}))
            return false;
        // A loopback port derived from the pid; retry a few in case one is taken.
        for (int attempt = 0; attempt < 5 && !m_started; ++attempt) {
            m_port = 20000 + int((QCoreApplication::applicationPid() * 7 + attempt * 1009) % 20000);
            const QString options = QStringLiteral("-c listen_addresses=127.0.0.1 -p %1 -c unix_socket_directories='' "
                                                   "-c fsync=off -c full_page_writes=off -c max_connections=100")
                                        .arg(m_port);
            m_started = runTool(QStringLiteral("pg_ctl"),
                                {QStringLiteral("-D"), m_dataDir, QStringLiteral("-l"),
                                 m_dir->filePath(QStringLiteral("server.log")), QStringLiteral("-w"),
                                 QStringLiteral("-t"), QStringLiteral("60"), QStringLiteral("-o"), options,
                                 QStringLiteral("start")});
        }
        return m_started;
    }

    void stop()
    {
        if (!m_started)
            return;
        m_started = false;
        if (!runTool(QStringLiteral("pg_ctl"), {QStringLiteral("-D"), m_dataDir, QStringLiteral("-m"),
                                                QStringLiteral("immediate"), QStringLiteral("-w"), QStringLiteral("stop")}))
            qWarning("pg_ctl stop failed: %s", qPrintable(m_output));
    }

    QString url(const QString &database) const
    {
        return QStringLiteral("postgresql://loupe@127.0.0.1:%1/%2").arg(m_port).arg(database);
    }

    Status createDatabase(const QString &name) const
    {
        auto admin = Store::open(url(QStringLiteral("postgres")));
        if (!admin.isOk())
            return admin.status();
        return admin.value()->exec(QStringLiteral("CREATE DATABASE ") + name);
    }

    // The output of the last failing server tool.
    const QString &lastOutput() const { return m_output; }

private:
    bool fail(const QString &message)
    {
        m_output = message;
        return false;
    }

    // Runs a server binary (as the unprivileged user when we are root).
    bool runTool(const QString &tool, const QStringList &arguments)
    {
        QProcess process;
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.setWorkingDirectory(m_dir->path());
        const QString program = QDir(m_binDir).filePath(tool);
        if (m_runAs.isEmpty()) {
            process.start(program, arguments);
        } else {
            const passwd *user = getpwnam(m_runAs.toLocal8Bit().constData());
            process.start(QStringLiteral("setpriv"),
                          QStringList{QStringLiteral("--reuid=%1").arg(user->pw_uid),
                                      QStringLiteral("--regid=%1").arg(user->pw_gid), QStringLiteral("--clear-groups"),
                                      program}
                              + arguments);
        }
        const bool finished = process.waitForFinished(120000);
        m_output = QString::fromLocal8Bit(process.readAll());
        return finished && process.exitStatus() == QProcess::NormalExit && process.exitCode() == 0;
    }

    QString m_binDir;
    QString m_runAs; // empty when not root
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_dataDir;
    QString m_output;
    int m_port = 0;
    bool m_started = false;
};

} // namespace loupe::test
