#include "db/runs/RunHeartbeat.h"

#include "db/runs/RunRepository.h"

#include <utility>

namespace loupe {

RunHeartbeat::RunHeartbeat(Store &store, qint64 runId, std::chrono::milliseconds interval)
    : m_store(store), m_runId(runId), m_interval(interval), m_last(std::chrono::steady_clock::now())
{
}

Status RunHeartbeat::beat()
{
    const auto now = std::chrono::steady_clock::now();
    if (now - m_last < m_interval)
        return Status::ok();
    m_last = now;
    return RunRepository(m_store).touchRun(m_runId);
}

void RunHeartbeat::refreshed()
{
    m_last = std::chrono::steady_clock::now();
}

ProgressSink RunHeartbeat::around(std::shared_ptr<RunHeartbeat> heartbeat, ProgressSink sink)
{
    return [heartbeat = std::move(heartbeat), sink = std::move(sink)](const Progress &progress) {
        if (heartbeat)
            (void)heartbeat->beat(); // a missed beat only makes the run look older to other hosts
        return sink ? sink(progress) : ProgressAction::Continue;
    };
}

} // namespace loupe
