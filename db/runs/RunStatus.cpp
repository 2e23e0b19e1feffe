#include "db/runs/RunStatus.h"

#include <array>

namespace loupe {
namespace {

constexpr std::array<RunStatus, 6> s_statuses{RunStatus::Running,   RunStatus::Completed, RunStatus::Failed,
                                              RunStatus::Cancelled, RunStatus::Diverged,  RunStatus::Interrupted};

} // namespace

QString runStatusName(RunStatus status)
{
    switch (status) {
    case RunStatus::Running: return QStringLiteral("running");
    case RunStatus::Completed: return QStringLiteral("completed");
    case RunStatus::Failed: return QStringLiteral("failed");
    case RunStatus::Cancelled: return QStringLiteral("cancelled");
    case RunStatus::Diverged: return QStringLiteral("diverged");
    case RunStatus::Interrupted: return QStringLiteral("interrupted");
    }
    Q_UNREACHABLE();
    return {};
}

std::optional<RunStatus> runStatusFromName(const QString &name)
{
    for (RunStatus status : s_statuses) {
        if (runStatusName(status) == name)
            return status;
    }
    return std::nullopt;
}

} // namespace loupe
