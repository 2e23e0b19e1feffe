#pragma once
// WorkspaceLocation: which workspace database the front doors open.
//
// Precedence: an explicit --db / --storage value, then the LOUPE_DB environment variable, then
// the default file "<AppData>/workspace.sqlite". <AppData> is the platform's per-user data
// directory for "loupe" (Linux: ~/.local/share/loupe, macOS: ~/Library/Application Support/loupe,
// Windows: %LOCALAPPDATA%/loupe). It does not depend on QCoreApplication's names, so the GUI
// (loupe) and the CLI (loupe-cli) share one workspace.

#include <QString>

namespace loupe {

class WorkspaceLocation {
public:
    // The default workspace file (the directory may not exist yet; Store::open creates it).
    static QString defaultPath();
    // What to pass to Store::open: `commandLineValue` if non-empty, else $LOUPE_DB if set and
    // non-empty, else defaultPath().
    static QString resolve(const QString &commandLineValue = QString());
};

} // namespace loupe
