#include "db/store/Migrator.h"

#include "db/store/SqlScript.h"
#include "db/store/Store.h"
#include "db/store/Transaction.h"

#include <QDir>
#include <QFile>
#include <QSqlQuery>

#include <map>
#include <mutex>

// Q_INIT_RESOURCE must be used outside a namespace; the resource lives in the static loupe_db.
static void loupeInitMigrationResources()
{
    Q_INIT_RESOURCE(migrations);
}

namespace loupe {
namespace {

// Arbitrary constant identifying "Loupe schema migration" among PostgreSQL advisory locks.
constexpr qint64 s_migrationLockKey = 0x4c6f757065303031LL;

std::vector<Migrator::Migration> loadMigrations(StoreBackend backend)
{
    const QDir dir(QStringLiteral(":/loupe/migrations/") + storeBackendName(backend));
    std::vector<Migrator::Migration> result;
    const QStringList names = dir.entryList({QStringLiteral("*.sql")}, QDir::Files, QDir::Name);
    for (const QString &name : names) {
        QFile file(dir.filePath(name));
        const bool opened = file.open(QIODevice::ReadOnly);
        Q_ASSERT_X(opened, "Migrator", "embedded migration unreadable");
        Migrator::Migration migration;
        migration.version = name.section(QLatin1Char('_'), 0, 0).toInt();
        migration.fileName = name;
        migration.sql = QString::fromUtf8(file.readAll());
        result.push_back(std::move(migration));
    }
    for (std::size_t i = 0; i < result.size(); ++i)
        Q_ASSERT_X(result[i].version == int(i) + 1, "Migrator", "migration files must be numbered 1..N without gaps");
    return result;
}

Result<int> readIntQuery(Store &store, const QString &sql, int valueIfNoRow)
{
    auto value = store.selectFirst(sql, {}, [](const QSqlQuery &row) { return row.value(0).toInt(); });
    if (!value.isOk())
        return value.status();
    return value.value().value_or(valueIfNoRow);
}

Status writeVersion(Store &store, int version)
{
    if (store.backend() == StoreBackend::Sqlite)
        return store.exec(QStringLiteral("PRAGMA user_version = %1").arg(version));
    return store.exec(QStringLiteral("INSERT INTO schema_version (id, version) VALUES (1, ?) "
                                     "ON CONFLICT (id) DO UPDATE SET version = excluded.version"),
                      {version});
}

Status newerVersionError(Store &store, int stored)
{
    return Status::invalidInput("workspace " + store.location().toStdString() + " has schema version "
                                + std::to_string(stored) + " but this Loupe knows versions up to "
                                + std::to_string(Migrator::latestVersion(store.backend()))
                                + "; open it with a newer Loupe (the file was not changed)");
}

enum class ForeignKeys { Off, On };

// SQLite changes a table's constraints by rebuilding it (0003_run_owner.sql): dropping the old table
// must not fire the ON DELETE actions of the tables that refer to it, so pending SQLite migrations
// run with foreign keys off. The pragma does nothing inside a transaction, hence around them, and it
// is read back: a rebuild with foreign keys on would delete every run's metrics.
Status setSqliteForeignKeys(Store &store, ForeignKeys state)
{
    const bool on = state == ForeignKeys::On;
    if (Status status = store.exec(QStringLiteral("PRAGMA foreign_keys = %1").arg(on ? 1 : 0)); !status.isOk())
        return status;
    auto value = readIntQuery(store, QStringLiteral("PRAGMA foreign_keys"), -1);
    if (!value.isOk())
        return value.status();
    if (value.value() != (on ? 1 : 0))
        return Status::ioError("cannot switch foreign keys " + std::string(on ? "on" : "off") + " in "
                               + store.location().toStdString());
    return Status::ok();
}

// With foreign keys off nothing else checks them: a migration must leave no dangling reference.
Status checkSqliteForeignKeys(Store &store, const Migrator::Migration &migration)
{
    auto dangling = store.selectFirst(QStringLiteral("PRAGMA foreign_key_check"), {},
                                      [](const QSqlQuery &row) { return row.value(0).toString(); });
    if (!dangling.isOk())
        return dangling.status();
    if (dangling.value())
        return Status::ioError("migration " + migration.fileName.toStdString() + " failed: rows of "
                               + dangling.value()->toStdString() + " refer to rows that do not exist");
    return Status::ok();
}

// Applies the migration after `stored` inside an open transaction. Returns the new version.
Status applyOne(Store &store, const Migrator::Migration &migration)
{
    for (const QString &statement : SqlScript::split(migration.sql)) {
        const Status status = store.exec(statement);
        if (!status.isOk())
            return Status::ioError("migration " + migration.fileName.toStdString() + " failed: " + status.message());
    }
    if (store.backend() == StoreBackend::Sqlite) {
        if (Status checked = checkSqliteForeignKeys(store, migration); !checked.isOk())
            return checked;
    }
    return writeVersion(store, migration.version);
}

// One step: lock, re-read the version, apply the next migration if still pending, commit.
Result<int> migrateOneStep(Store &store)
{
    auto tx = Transaction::begin(store);
    if (!tx.isOk())
        return tx.status();
    if (store.backend() == StoreBackend::PostgreSql) {
        for (const QString &sql : {QStringLiteral("SELECT pg_advisory_xact_lock(%1)").arg(s_migrationLockKey),
                                   QStringLiteral("CREATE TABLE IF NOT EXISTS schema_version ("
                                                  "id INTEGER PRIMARY KEY CHECK (id = 1), "
                                                  "version INTEGER NOT NULL)")}) {
            const Status status = store.exec(sql);
            if (!status.isOk())
                return status;
        }
    }
    auto stored = Migrator::currentVersion(store);
    if (!stored.isOk())
        return stored.status();
    const int latest = Migrator::latestVersion(store.backend());
    if (stored.value() > latest)
        return newerVersionError(store, stored.value());
    if (stored.value() < latest) {
        const Status applied = applyOne(store, Migrator::migrations(store.backend())[std::size_t(stored.value())]);
        if (!applied.isOk())
            return applied;
    }
    const Status committed = tx.value().commit();
    if (!committed.isOk())
        return committed;
    return std::min(stored.value() + 1, latest);
}

} // namespace

const std::vector<Migrator::Migration> &Migrator::migrations(StoreBackend backend)
{
    static std::once_flag s_once;
    static std::map<StoreBackend, std::vector<Migration>> s_migrations;
    std::call_once(s_once, [] {
        loupeInitMigrationResources();
        s_migrations[StoreBackend::Sqlite] = loadMigrations(StoreBackend::Sqlite);
        s_migrations[StoreBackend::PostgreSql] = loadMigrations(StoreBackend::PostgreSql);
    });
    return s_migrations.at(backend);
}

int Migrator::latestVersion(StoreBackend backend)
{
    return int(migrations(backend).size());
}

Result<int> Migrator::currentVersion(Store &store)
{
    if (store.backend() == StoreBackend::Sqlite)
        return readIntQuery(store, QStringLiteral("PRAGMA user_version"), 0);
    auto exists = readIntQuery(store, QStringLiteral("SELECT CASE WHEN to_regclass('schema_version') IS NULL "
                                                     "THEN 0 ELSE 1 END"), 0);
    if (!exists.isOk() || exists.value() == 0)
        return exists;
    return readIntQuery(store, QStringLiteral("SELECT version FROM schema_version WHERE id = 1"), 0);
}

Result<int> Migrator::migrate(Store &store)
{
    const int latest = latestVersion(store.backend());
    auto stored = currentVersion(store);
    if (!stored.isOk())
        return stored.status();
    if (stored.value() > latest)
        return newerVersionError(store, stored.value());
    int version = stored.value();
    if (version == latest)
        return version;
    const bool sqlite = store.backend() == StoreBackend::Sqlite;
    if (sqlite) {
        if (Status off = setSqliteForeignKeys(store, ForeignKeys::Off); !off.isOk())
            return off;
    }
    Status failed;
    while (failed.isOk() && version < latest) {
        auto next = migrateOneStep(store);
        if (next.isOk())
            version = next.value();
        else
            failed = next.status();
    }
    if (sqlite) {
        if (Status on = setSqliteForeignKeys(store, ForeignKeys::On); !on.isOk() && failed.isOk())
            failed = on;
    }
    if (!failed.isOk())
        return failed;
    return version;
}

} // namespace loupe
