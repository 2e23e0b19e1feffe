#pragma once
// The process that owns a 'running' run: its host name, process id and the host's boot id, stored
// with the run (runs.owner_host, owner_pid, owner_boot) so that whoever opens the workspace next
// can tell a run that is still working from one whose process is gone (RunInterruption).

#include <QString>

namespace loupe {

struct RunOwner {
    QString host;  // QSysInfo::machineHostName()
    qint64 pid = 0; // 0: unknown (a run stored before owners were)
    QString boot;  // QSysInfo::bootUniqueId(); empty where the system has none

    bool isKnown() const { return pid > 0; }
    // "process 1234 on host build-7"
    QString describe() const;

    // This process, computed once.
    static const RunOwner &current();
    // Whether a process with id `pid` exists on this host now (a zombie counts as existing).
    // Where that cannot be asked (not a POSIX system) the answer is true: presumed alive.
    static bool isProcessAlive(qint64 pid);
};

} // namespace loupe
