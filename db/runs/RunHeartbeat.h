#pragma once
// Keeps a running run's heartbeat (runs.heartbeat_at) fresh from a loop that reports often: a
// training's batches, a search's progress. beat() writes at most once per interval and otherwise
// costs one clock read, so it can be called per batch.
//
// Who reads the heartbeat: RunRepository::markInterrupted, for runs of another host (whose process it
// cannot ask); a run there without a beat for RunRepository::defaultStaleAfter is presumed dead.
// Same thread rule as Store: beat() runs on the thread that opened the Store.

#include "core/util/ProgressSink.h"
#include "core/util/Status.h"

#include <QtGlobal>

#include <chrono>
#include <memory>

namespace loupe {

class Store;

class RunHeartbeat {
public:
    static constexpr std::chrono::milliseconds defaultInterval{5000};

    // Starts as if the run had just beaten (createRun sets heartbeat_at).
    // requires: store outlives the heartbeat.
    RunHeartbeat(Store &store, qint64 runId, std::chrono::milliseconds interval = defaultInterval);

    // Refreshes the heartbeat if the last write is `interval` old. A failed write comes back (the
    // next try is an interval later); the run keeps going either way.
    Status beat();
    // Another write (metrics) has just refreshed the heartbeat: the next beat can wait.
    void refreshed();

    // `sink` with a beat() before each report, for engines that report progress. The returned sink
    // shares `heartbeat`; an empty `sink` is fine (the reports then only beat).
    static ProgressSink around(std::shared_ptr<RunHeartbeat> heartbeat, ProgressSink sink);

private:
    Store &m_store;
    qint64 m_runId;
    std::chrono::milliseconds m_interval;
    std::chrono::steady_clock::time_point m_last;
};

} // namespace loupe
