#pragma once
// Checks on the files a command is given, made before any work so the message is about the file,
// not about whatever failed first inside the engine.

#include "core/util/Status.h"

#include <QString>

namespace loupe::cli {

// ensures: ok when `path` names a readable regular file; else InvalidInput naming the path and the reason.
Status checkReadableFile(const QString &path);
// Outputs are checked by CommandOutputs (core/util/OutputPlan), together with the inputs.
// ensures: ok when `path` is a directory or can be created as one (created on success).
Status ensureDirectory(const QString &path);

} // namespace loupe::cli
