#pragma once
// Where a stored run stands; stored as runs.status TEXT (the CHECK constraint lists the same names).

#include <QString>

#include <optional>

namespace loupe {

enum class RunStatus {
    Running,     // started, not finished
    Completed,   // finished and produced its result
    Failed,      // stopped by an error (message in RunRecord::error)
    Cancelled,   // stopped by the user; not an error
    Diverged,    // training ran but the loss became non-finite or exploded
    Interrupted, // its process ended without finishing it (killed, crashed, host restarted); found
                 // when a workspace opens (RunRepository::markInterrupted), reason in RunRecord::error
};

// "running", "completed", "failed", "cancelled", "diverged", "interrupted"
QString runStatusName(RunStatus status);
// ensures: nullopt for a name not listed above.
std::optional<RunStatus> runStatusFromName(const QString &name);

} // namespace loupe
