#pragma once
// Whether a stored 'running' run is known to have stopped, and why: the rule that turns a run a killed
// or crashed process left behind into 'interrupted' (RunRepository::markInterrupted, run whenever a
// workspace opens). In order:
//   1. a run of this host (same host name) from an earlier boot of it: its process is gone, whatever
//      process has its id now. "the process 1234 on host X ended without finishing (the host has
//      restarted since)"
//   2. a run of this host whose process no longer exists: "the process 1234 on host X ended without
//      finishing". A run of this host whose process exists is left alone, however old its heartbeat
//      (a long step, a suspended process).
//   3. a run of another host, or one stored before runs had owners: its heartbeat decides, since its
//      process cannot be asked. Older than staleAfter: "no heartbeat since <UTC time> (process 1234 on
//      host Y)".
// Pure: the clock, this host and the process check are parameters, so the rule is testable.

#include "db/runs/RunOwner.h"
#include "db/runs/RunRecord.h"

#include <QDateTime>
#include <QString>

#include <chrono>
#include <functional>
#include <optional>

namespace loupe {

class RunInterruption {
public:
    using ProcessCheck = std::function<bool(qint64 pid)>;

    // nullopt: the run is not 'running', or it may still be working.
    static std::optional<QString> reason(const RunRecord &run, const RunOwner &here, const QDateTime &now,
                                         std::chrono::seconds staleAfter,
                                         const ProcessCheck &isProcessAlive = &RunOwner::isProcessAlive);
};

} // namespace loupe
