#pragma once
// The workspace a loupe-cli command records into, opened lazily: nothing touches the database until a
// command has finished its real work and asks to record it, so `load` measures the parse, not SQLite.
// What is recorded, and how, is the services' business (db/runs/DatasetRecorder and the run recorders).
// Same thread rule as Store: used only on the thread that runs the command.

#include "core/util/Status.h"

#include <QString>

#include <functional>
#include <memory>

namespace loupe {
class Store;
} // namespace loupe

namespace loupe::cli {

enum class WorkspaceUse { Record, Skip };

class CliWorkspace {
public:
    // Called once with the Store when it has been opened (to report what the open found).
    using Opened = std::function<void(const Store &)>;

    // location: what Store::open accepts (a SQLite path or a postgresql:// URL).
    CliWorkspace(QString location, WorkspaceUse use, Opened opened = {});
    ~CliWorkspace();

    bool isEnabled() const { return m_use == WorkspaceUse::Record; }
    // What to open (may hold a password): for Store::open and for workers that must connect.
    const QString &location() const { return m_location; }
    // What to show: the location without its password (ConnectionSpec::displayNameOf).
    QString displayLocation() const;

    // Opens (creating and migrating if needed) on the first call; later calls return the same Store.
    // requires: isEnabled().
    Result<Store *> store();

private:
    QString m_location;
    WorkspaceUse m_use;
    Opened m_opened;
    std::unique_ptr<Store> m_store;
};

} // namespace loupe::cli
