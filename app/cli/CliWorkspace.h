#pragma once
// The workspace a loupe-cli command records into, opened lazily: nothing touches the database until a
// command has finished its real work and asks to record it, so `load` measures the parse, not SQLite.
// Same thread rule as Store: used only on the thread that runs the command.

#include "core/util/Status.h"

#include <QString>

#include <memory>

namespace loupe {
class FileFingerprint;
class Store;
class Table;
} // namespace loupe

namespace loupe::cli {

enum class WorkspaceUse { Record, Skip };

struct RecordedLoad {
    qint64 datasetId = 0;
    qint64 runId = 0;
};

class CliWorkspace {
public:
    // location: what Store::open accepts (a SQLite path or a postgresql:// URL).
    CliWorkspace(QString location, WorkspaceUse use);
    ~CliWorkspace();

    bool isEnabled() const { return m_use == WorkspaceUse::Record; }
    const QString &location() const { return m_location; }

    // Opens (creating and migrating if needed) on the first call; later calls return the same Store.
    // requires: isEnabled().
    Result<Store *> store();

    // Stores the file as a dataset (path, hash, size, shape, schema) and a completed 'load' run with
    // its seconds, options and summary, in one transaction.
    // requires: isEnabled(); configJson and summaryJson are JSON objects.
    Result<RecordedLoad> recordLoad(const FileFingerprint &file, const Table &table, double seconds,
                                    const QString &configJson, const QString &summaryJson);

private:
    QString m_location;
    WorkspaceUse m_use;
    std::unique_ptr<Store> m_store;
};

// {"columns":[{"name":..,"type":..},...]}: the schema stored with a dataset.
QString schemaJson(const Table &table);

} // namespace loupe::cli
