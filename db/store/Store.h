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

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

class QSqlError;
class QThread;

namespace loupe {

struct RunRecord;

class Store {
public:
    // Opens (creating if needed) the workspace at `pathOrUrl` (see ConnectionSpec for the forms)
    // and applies pending migrations, each in its own transaction. Then it marks the runs that killed
    // or crashed processes left 'running' as 'interrupted' (RunRepository::markInterrupted): every
    // opener (GUI, CLI, jobs, workers) passes here. That step never fails the open; its outcome is
    // interruptedOnOpen() / interruptedCheck().
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
    // The runs this open marked 'interrupted' (usually none), and why the check failed if it did.
    const std::vector<RunRecord> &interruptedOnOpen() const { return m_interruptedOnOpen; }
    const Status &interruptedCheck() const { return m_interruptedCheck; }
    // The highest migration number shipped for `backend`.
    static int latestSchemaVersion(StoreBackend backend);

    // --- for repositories (same thread only) ---
    // Every helper below fails with sqlError(), which names the location and the statement; `values`
    // are bound in order to the statement's `?` placeholders (a null QVariant stores NULL).
    // A forward-only query on this connection.
    QSqlQuery query() const;
    // Runs one statement that returns no rows: without values as it is (DDL, PRAGMA, BEGIN ...), with
    // values prepared and bound.
    Status exec(const QString &sql, const QVariantList &values = {}) const;
    // Prepares `sql` on `query`, to be executed (once or many times) by execPrepared.
    Status prepare(QSqlQuery &query, const QString &sql) const;
    // Binds `values` to a prepared `query` and executes it.
    Status execPrepared(QSqlQuery &query, const QVariantList &values = {}) const;
    // prepare() + execPrepared(), for the usual statement; `query` then holds its result.
    Status run(QSqlQuery &query, const QString &sql, const QVariantList &values) const;
    // A statement that writes (INSERT, UPDATE, DELETE).
    // ensures: the number of rows it changed.
    Result<int> change(const QString &sql, const QVariantList &values) const;
    // A statement that must change exactly one row.
    // ensures: InvalidInput "<missing> in <location>" when it changed none (or several).
    Status changeOne(const QString &sql, const QVariantList &values, const std::string &missing) const;
    // An INSERT ... RETURNING id.
    // ensures: the new row's id; IoError naming `what` and the location when no id came back.
    Result<qint64> insertReturningId(const QString &sql, const QVariantList &values, const std::string &what) const;
    // A query: calls onRow(query) on each row of the result, in order.
    Status forEachRow(const QString &sql, const QVariantList &values,
                      const std::function<void(const QSqlQuery &)> &onRow) const;
    // A query: every row, each read by readRow(const QSqlQuery &).
    template <typename ReadRow>
    auto selectAll(const QString &sql, const QVariantList &values, ReadRow readRow) const
        -> Result<std::vector<std::invoke_result_t<ReadRow &, const QSqlQuery &>>>;
    // A query: its first row read by readRow(const QSqlQuery &), nullopt when it has none.
    template <typename ReadRow>
    auto selectFirst(const QString &sql, const QVariantList &values, ReadRow readRow) const
        -> Result<std::optional<std::invoke_result_t<ReadRow &, const QSqlQuery &>>>;
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
    std::vector<RunRecord> m_interruptedOnOpen;
    Status m_interruptedCheck;
};

template <typename ReadRow>
auto Store::selectAll(const QString &sql, const QVariantList &values, ReadRow readRow) const
    -> Result<std::vector<std::invoke_result_t<ReadRow &, const QSqlQuery &>>>
{
    std::vector<std::invoke_result_t<ReadRow &, const QSqlQuery &>> rows;
    if (Status status = forEachRow(sql, values, [&](const QSqlQuery &row) { rows.push_back(readRow(row)); });
        !status.isOk())
        return status;
    return rows;
}

template <typename ReadRow>
auto Store::selectFirst(const QString &sql, const QVariantList &values, ReadRow readRow) const
    -> Result<std::optional<std::invoke_result_t<ReadRow &, const QSqlQuery &>>>
{
    using Row = std::invoke_result_t<ReadRow &, const QSqlQuery &>;
    QSqlQuery result = query();
    if (Status status = run(result, sql, values); !status.isOk())
        return status;
    if (!result.next())
        return std::optional<Row>();
    return std::optional<Row>(readRow(std::as_const(result)));
}

} // namespace loupe
