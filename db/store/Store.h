#pragma once
// Store: one open connection to a Loupe workspace database (SQLite file or PostgreSQL server),
// migrated to the schema version this build knows.
//
// Thread rule: a Store, and every repository or Transaction made from it, is used only on the
// thread that called Store::open (a Qt Sql connection belongs to its thread). A job that runs on
// another thread opens its own Store on the same location; SQLite (WAL mode, 5 s busy timeout)
// and PostgreSQL both serialise concurrent writers from many Stores and processes.
//
// Failures are values: open() and the helpers return Status/Result whose message names the
// location (file path or postgresql://user@host:port/db) and the SQL error. No dialogs, no throws.
//
// On SQLite every connection runs with journal_mode=WAL, foreign_keys=ON, synchronous=NORMAL
// (a committed transaction survives a killed process; a power cut may lose the last few
// commits but never corrupts the file) and busy_timeout=5000 ms.

#include "core/util/Status.h"
#include "db/store/ConnectionSpec.h"
#include "db/store/StoreBackend.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QVariant>

#include <memory>

class QSqlError;
class QThread;

namespace loupe {

class Store {
public:
    // Opens (creating if needed) the workspace at `pathOrUrl` (see ConnectionSpec for the forms)
    // and applies pending migrations, each in its own transaction.
    // A missing parent directory of a SQLite file is created.
    // ensures: on success schemaVersion() == latestSchemaVersion(backend()).
    // Fails (InvalidInput) when the location is malformed, the file is not a SQLite database, or
    // its schema version is newer than this build knows; (IoError) when the database refuses.
    static Result<std::unique_ptr<Store>> open(const QString &pathOrUrl);

    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    StoreBackend backend() const { return m_spec.backend; }
    const ConnectionSpec &connectionSpec() const { return m_spec; }
    // The location for messages (never contains a password).
    QString location() const { return m_spec.displayName(); }
    int schemaVersion() const { return m_schemaVersion; }
    // The highest migration number shipped for `backend`.
    static int latestSchemaVersion(StoreBackend backend);

    // --- for repositories (same thread only) ---
    // A forward-only query on this connection.
    QSqlQuery query() const;
    // Runs one statement that takes no values (DDL, PRAGMA, BEGIN ...).
    Status exec(const QString &sql);
    // Prepares `sql` on `query`; values are then bound with bindValue / addBindValue.
    Status prepare(QSqlQuery &query, const QString &sql) const;
    // Executes a prepared `query`.
    Status execPrepared(QSqlQuery &query) const;
    // prepare() + addBindValue() of each value in order + execPrepared(), for the usual statement.
    Status run(QSqlQuery &query, const QString &sql, const QVariantList &values) const;
    // An IoError naming the location, the failing statement and the driver's message.
    Status sqlError(const QSqlError &error, const QString &sql) const;
    // True while a Transaction made from this Store is open.
    bool inTransaction() const { return m_transactionDepth > 0; }

private:
    friend class Transaction;
    Store(ConnectionSpec spec, QString connectionName);
    Status openSqlite();
    Status openPostgres();
    void assertOwningThread() const;

    ConnectionSpec m_spec;
    QString m_connectionName;
    QSqlDatabase m_db;
    QThread *m_thread = nullptr;
    int m_schemaVersion = 0;
    int m_transactionDepth = 0;
};

} // namespace loupe
