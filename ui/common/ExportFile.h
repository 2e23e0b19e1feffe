#pragma once
// How the GUI's saves and exports reach core/util/OutputFile, the writer every file Loupe writes goes
// through: the path a save dialog returned, the files the page read from (never replaced: the loaded
// dataset, the suite), and the bytes. So the GUI has the CLI's guarantees: no input is overwritten,
// even through a link; no directory, device or FIFO is replaced; the file appears whole (unique
// temporary name, fsync, rename); a replaced file keeps its mode and a new one is 0600.

#include "core/util/OutputTarget.h"
#include "core/util/Status.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

namespace loupe {

class ExportFile {
public:
    // The target for a path chosen in a dialog (no parameter to name; "-" is just a file name).
    static OutputTarget target(const QString &path, FileAccess access = FileAccess::OwnerOnly);
    // ensures: ok when `path` may be written and is none of `inputs`; else the reason, naming the path.
    static Status check(const QString &path, const QStringList &inputs);
    // check(), then writes `bytes` through OutputFile.
    static Status write(const QString &path, const QByteArray &bytes, const QStringList &inputs = {});
};

} // namespace loupe
