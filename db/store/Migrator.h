#pragma once
// Migrator: brings a workspace schema up to the newest version shipped in migrations.qrc.
//
// Migrations are forward-only files :/loupe/migrations/<backend>/NNNN_name.sql numbered 1..N
// without gaps. The stored version is PRAGMA user_version on SQLite and the single row of the
// schema_version table on PostgreSQL. Each migration runs in its own transaction together with
// the version bump, so a crash leaves the schema at a whole version. Concurrent openers are
// serialised (SQLite: BEGIN IMMEDIATE; PostgreSQL: a transaction-scoped advisory lock) and
// re-read the version inside the transaction, so a migration is applied exactly once.
// On SQLite pending migrations run with foreign_keys OFF (a table is rebuilt to change its
// constraints, and dropping the old one must not cascade), each checked by PRAGMA
// foreign_key_check before it commits; foreign keys are on again when migrate() returns.

#include "core/util/Status.h"
#include "db/store/StoreBackend.h"

#include <QString>

#include <vector>

namespace loupe {

class Store;

class Migrator {
public:
    struct Migration {
        int version = 0;
        QString fileName; // e.g. "0001_initial.sql"
        QString sql;
    };

    // The migrations shipped for `backend`, ordered by version (1..N).
    static const std::vector<Migration> &migrations(StoreBackend backend);
    static int latestVersion(StoreBackend backend);

    // The stored schema version (0 for a new database).
    static Result<int> currentVersion(Store &store);

    // Applies pending migrations. ensures: on success the result == latestVersion(backend).
    // Fails (InvalidInput) if the stored version is newer than latestVersion: the workspace was
    // written by a newer Loupe and is left untouched.
    static Result<int> migrate(Store &store);
};

} // namespace loupe
