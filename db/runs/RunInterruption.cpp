#include "db/runs/RunInterruption.h"

#include "db/store/UtcTimestamp.h"

namespace loupe {

std::optional<QString> RunInterruption::reason(const RunRecord &run, const RunOwner &here, const QDateTime &now,
                                               std::chrono::seconds staleAfter, const ProcessCheck &isProcessAlive)
{
    if (run.status != RunStatus::Running)
        return std::nullopt;
    const RunOwner &owner = run.owner;
    const bool thisHost = owner.isKnown() && !owner.host.isEmpty() && owner.host == here.host;
    if (thisHost) {
        const QString ended = QStringLiteral("the %1 ended without finishing").arg(owner.describe());
        if (!owner.boot.isEmpty() && !here.boot.isEmpty() && owner.boot != here.boot)
            return ended + QStringLiteral(" (the host has restarted since)");
        if (!isProcessAlive(owner.pid))
            return ended;
        return std::nullopt;
    }
    const QDateTime limit = now.addSecs(-staleAfter.count());
    if (run.heartbeatAt.isValid() && run.heartbeatAt > limit)
        return std::nullopt;
    QString text = run.heartbeatAt.isValid()
                       ? QStringLiteral("no heartbeat since %1").arg(UtcTimestamp::format(run.heartbeatAt))
                       : QStringLiteral("no heartbeat recorded");
    if (owner.isKnown())
        text += QStringLiteral(" (%1)").arg(owner.describe());
    return text;
}

} // namespace loupe
