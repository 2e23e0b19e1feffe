#include "db/store/Store.h"

#include "db/runs/RunRepository.h"
#include "db/store/WorkspaceLocation.h"
#include "db/store/Migrator.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSqlError>
#include <QThread>

#include <atomic>

namespace loupe {
namespace {

constexpr int s_busyTimeoutMs = 5000;

QString nextConnectionName()
{
    static std::atomic<quint64> s_counter{0};
    return QStringLiteral("loupe-store-%1").arg(s_counter.fetch_add(1) + 1);
}

std::string quoted(const QString &text)
{
    return "'" + text.toStdString() + "'";
}

// A non-empty file must start with the SQLite header; anything else is not ours to open.
Status checkSqliteFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return Status::ok();
    if (info.isDir())
        return Status::invalidInput(quoted(path) + " is a directory, not a SQLite database");
    if (info.size() == 0)
        return Status::ok(); // SQLite treats an empty file as an empty database
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Status::ioError("cannot read " + quoted(path) + ": " + file.errorString().toStdString());
    static const QByteArray s_magic("SQLite format 3\0", 16);
    if (file.read(16) != s_magic)
        return Status::invalidInput(quoted(path) + " is not a SQLite database (wrong file header)");
    return Status::ok();
}

} // namespace

Store::Store(ConnectionSpec spec, QString connectionName)
    : m_spec(std::move(spec)), m_connectionName(std::move(connectionName)), m_thread(QThread::currentThread())
{
}

Store::~Store()
{
    Q_ASSERT_X(m_transactionDepth == 0, "Store", "a Transaction outlives its Store");
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

Result<std::unique_ptr<Store>> Store::open(const QString &pathOrUrl)
{
    auto spec = ConnectionSpec::parse(pathOrUrl);
    if (!spec.isOk())
        return spec.status();
    std::unique_ptr<Store> store(new Store(spec.takeValue(), nextConnectionName()));
    const Status opened = store->backend() == StoreBackend::Sqlite ? store->openSqlite() : store->openPostgres();
    if (!opened.isOk())
        return opened;
    auto version = Migrator::migrate(*store);
    if (!version.isOk())
        return version.status();
    store->m_schemaVersion = version.value();
    auto interrupted = RunRepository(*store).markInterrupted();
    if (interrupted.isOk())
        store->m_interruptedOnOpen = interrupted.takeValue();
    else
        store->m_interruptedCheck = interrupted.status();
    return store;
}

int Store::latestSchemaVersion(StoreBackend backend)
{
    return Migrator::latestVersion(backend);
}

Status Store::openSqlite()
{
    const QString path = m_spec.filePath;
    if (!m_spec.isInMemory()) {
        const Status header = checkSqliteFile(path);
        if (!header.isOk())
            return header;
        // Only the default workspace's folder is created; elsewhere the folder must exist.
        if (Status folder = WorkspaceLocation::checkFolder(path); !folder.isOk())
            return folder;
        const QString parent = QFileInfo(path).absolutePath();
        if (!QDir().mkpath(parent))
            return Status::ioError("cannot create directory " + quoted(parent) + " for workspace " + quoted(path));
        // A new workspace can hold personal data (check failures, dataset paths): only its owner may
        // read it. SQLite gives its -wal and -shm files the same mode.
        QFile created(path);
        if (!created.exists()
            && !created.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFileDevice::ReadOwner | QFileDevice::WriteOwner)
            && !created.exists()) // another process may have created it in between
            return Status::ioError("cannot create workspace " + quoted(path) + ": " + created.errorString().toStdString());
    }
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QSQLITE")))
        return Status::ioError("the Qt SQLite driver (QSQLITE) is not installed; cannot open " + quoted(path));
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
    m_db.setDatabaseName(path);
    m_db.setConnectOptions(QStringLiteral("QSQLITE_BUSY_TIMEOUT=%1").arg(s_busyTimeoutMs));
    if (!m_db.open())
        return Status::ioError("cannot open SQLite database " + quoted(path) + ": "
                               + m_db.lastError().text().toStdString());

    // The first statement that reads the file is where SQLite notices a foreign file format.
    QSqlQuery probe = query();
    if (!probe.exec(QStringLiteral("SELECT count(*) FROM sqlite_master"))) {
        return Status::invalidInput(quoted(path) + " is not a usable SQLite database: "
                                    + probe.lastError().text().toStdString());
    }
    probe.finish();
    for (const QString &pragma : {QStringLiteral("PRAGMA busy_timeout = %1").arg(s_busyTimeoutMs),
                                  QStringLiteral("PRAGMA foreign_keys = ON"),
                                  QStringLiteral("PRAGMA synchronous = NORMAL")}) {
        const Status status = exec(pragma);
        if (!status.isOk())
            return status;
    }
    QSqlQuery journal = query();
    if (!journal.exec(QStringLiteral("PRAGMA journal_mode = WAL")) || !journal.next())
        return sqlError(journal.lastError(), QStringLiteral("PRAGMA journal_mode = WAL"));
    const QString mode = journal.value(0).toString().toLower();
    const QString expected = m_spec.isInMemory() ? QStringLiteral("memory") : QStringLiteral("wal");
    if (mode != expected)
        return Status::ioError("cannot switch " + quoted(path) + " to WAL journal mode (got '"
                               + mode.toStdString() + "'; is the file system read-only or remote?)");
    return Status::ok();
}

Status Store::openPostgres()
{
    const std::string where = m_spec.displayName().toStdString();
    if (!QSqlDatabase::isDriverAvailable(QStringLiteral("QPSQL")))
        return Status::ioError("the Qt PostgreSQL driver (QPSQL, Debian package libqt6sql6-psql) is not "
                               "installed; cannot open " + where);
    m_db = QSqlDatabase::addDatabase(QStringLiteral("QPSQL"), m_connectionName);
    m_db.setHostName(m_spec.host);
    m_db.setPort(m_spec.port);
    m_db.setUserName(m_spec.user);
    m_db.setPassword(m_spec.password);
    m_db.setDatabaseName(m_spec.database);
    m_db.setConnectOptions(m_spec.connectOptions);
    if (!m_db.open())
        return Status::ioError("cannot connect to " + where + ": " + m_db.lastError().text().toStdString());
    // Silence NOTICEs (e.g. from CREATE TABLE IF NOT EXISTS); timestamps are stored as UTC text.
    return exec(QStringLiteral("SET client_min_messages = WARNING"));
}

void Store::assertOwningThread() const
{
    Q_ASSERT_X(QThread::currentThread() == m_thread, "Store",
               "a Store is used only on the thread that opened it; open another Store per thread");
}

QSqlQuery Store::query() const
{
    assertOwningThread();
    QSqlQuery query(m_db);
    query.setForwardOnly(true);
    return query;
}

Status Store::exec(const QString &sql, const QVariantList &values) const
{
    QSqlQuery statement = query();
    if (!values.isEmpty())
        return run(statement, sql, values);
    if (!statement.exec(sql))
        return sqlError(statement.lastError(), sql);
    return Status::ok();
}

Status Store::prepare(QSqlQuery &query, const QString &sql) const
{
    assertOwningThread();
    if (!query.prepare(sql))
        return sqlError(query.lastError(), sql);
    return Status::ok();
}

Status Store::execPrepared(QSqlQuery &query, const QVariantList &values) const
{
    assertOwningThread();
    for (const QVariant &value : values)
        query.addBindValue(value);
    if (!query.exec())
        return sqlError(query.lastError(), query.lastQuery());
    return Status::ok();
}

Status Store::run(QSqlQuery &query, const QString &sql, const QVariantList &values) const
{
    if (Status prepared = prepare(query, sql); !prepared.isOk())
        return prepared;
    return execPrepared(query, values);
}

Result<int> Store::change(const QString &sql, const QVariantList &values) const
{
    QSqlQuery statement = query();
    if (Status status = run(statement, sql, values); !status.isOk())
        return status;
    return statement.numRowsAffected();
}

Status Store::changeOne(const QString &sql, const QVariantList &values, const std::string &missing) const
{
    auto changed = change(sql, values);
    if (!changed.isOk())
        return changed.status();
    if (changed.value() != 1)
        return Status::invalidInput(missing + " in " + location().toStdString());
    return Status::ok();
}

Result<qint64> Store::insertReturningId(const QString &sql, const QVariantList &values, const std::string &what) const
{
    QSqlQuery statement = query();
    if (Status status = run(statement, sql, values); !status.isOk())
        return status;
    if (!statement.next())
        return Status::ioError(what + " returned no id in " + location().toStdString());
    const qint64 id = statement.value(0).toLongLong();
    statement.finish();
    return id;
}

Status Store::forEachRow(const QString &sql, const QVariantList &values,
                         const std::function<void(const QSqlQuery &)> &onRow) const
{
    QSqlQuery rows = query();
    if (Status status = run(rows, sql, values); !status.isOk())
        return status;
    while (rows.next())
        onRow(rows);
    return Status::ok();
}

Status Store::sqlError(const QSqlError &error, const QString &sql) const
{
    QString statement = sql.simplified();
    if (statement.size() > 200)
        statement = statement.left(200) + QStringLiteral("...");
    return Status::ioError("SQL error in " + quoted(location()) + ": " + error.text().toStdString()
                           + " [statement: " + statement.toStdString() + "]");
}

} // namespace loupe
