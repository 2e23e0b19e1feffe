#pragma once
// The database engines a Store can run on. Both hold the same schema (migrations/<backend>/).

#include <QString>

namespace loupe {

enum class StoreBackend {
    Sqlite,     // one file per workspace, QSQLITE driver, WAL journal
    PostgreSql, // shared server for distributed search, QPSQL driver
};

inline QString storeBackendName(StoreBackend backend)
{
    return backend == StoreBackend::Sqlite ? QStringLiteral("sqlite") : QStringLiteral("postgresql");
}

} // namespace loupe
