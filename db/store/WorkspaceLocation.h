#pragma once
// WorkspaceLocation: which workspace database the front doors open.
//
// Precedence: an explicit --db / --storage value, then the LOUPE_DB environment variable, then
// the default file "<AppData>/workspace.sqlite". <AppData> is the platform's per-user data
// directory for "loupe" (Linux: ~/.local/share/loupe, macOS: ~/Library/Application Support/loupe,
// Windows: %LOCALAPPDATA%/loupe). It does not depend on QCoreApplication's names, so the GUI
// (loupe) and the CLI (loupe-cli) share one workspace.

#include "core/util/Status.h"

#include <QString>

namespace loupe {

class WorkspaceLocation {
public:
    // The default workspace file (the directory may not exist yet; Store::open creates it).
    static QString defaultPath();
    // What to pass to Store::open: `commandLineValue` if non-empty, else $LOUPE_DB if set and
    // non-empty, else defaultPath().
    static QString resolve(const QString &commandLineValue = QString());
    // Whether Store::open may create the SQLite workspace `location` where it says. Only the default
    // workspace's folder is created for it; any other file must be in an existing folder, so a typo in
    // --db or LOUPE_DB never creates directories anywhere. URLs and ":memory:" are ok here (what
    // Store::open checks for them is its business).
    // ensures: ok, or InvalidInput naming the path and the missing folder.
    static Status checkFolder(const QString &location);
};

} // namespace loupe
