#include "db/runs/RunOwner.h"

#include <QCoreApplication>
#include <QSysInfo>

#if defined(Q_OS_UNIX)
#include <cerrno>
#include <csignal>
#include <limits>
#include <sys/types.h>
#endif

namespace loupe {

QString RunOwner::describe() const
{
    return QStringLiteral("process %1 on host %2").arg(pid).arg(host.isEmpty() ? QStringLiteral("?") : host);
}

const RunOwner &RunOwner::current()
{
    static const RunOwner s_current{QSysInfo::machineHostName(), QCoreApplication::applicationPid(),
                                    QString::fromLatin1(QSysInfo::bootUniqueId())};
    return s_current;
}

bool RunOwner::isProcessAlive(qint64 pid)
{
#if defined(Q_OS_UNIX)
    // Never 0 or negative: kill() would then ask about a whole process group.
    if (pid <= 0 || pid > std::numeric_limits<pid_t>::max())
        return false;
    // Signal 0 only asks whether the process exists; EPERM: it does, but belongs to another user.
    return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
#else
    return pid > 0;
#endif
}

} // namespace loupe
