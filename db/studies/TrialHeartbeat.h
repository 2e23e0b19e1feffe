#pragma once
// TrialHeartbeat: a background thread with its own Store connection that refreshes the heartbeat
// of the trials this process is running, every `interval`, so other workers do not reap them.
// A process that dies stops beating; its trials are then reaped after the grace period.
//
// Thread-safe: add()/remove() may be called from any thread. The destructor stops the thread
// (waking it at once) before returning.

#include "core/util/Status.h"

#include <QString>

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <set>
#include <thread>

namespace loupe {

class TrialHeartbeat {
public:
    static constexpr std::chrono::milliseconds defaultInterval{2000};
    // The interval for a reaping grace period: 2 s, or a third of the grace when that is shorter.
    static std::chrono::milliseconds intervalForGrace(std::chrono::milliseconds grace);

    // location: what Store::open accepts. The connection is opened on the heartbeat thread.
    explicit TrialHeartbeat(QString location, std::chrono::milliseconds interval = defaultInterval);
    ~TrialHeartbeat();
    TrialHeartbeat(const TrialHeartbeat &) = delete;
    TrialHeartbeat &operator=(const TrialHeartbeat &) = delete;

    void add(qint64 trialId);
    void remove(qint64 trialId);

    // The last failure of the heartbeat thread (opening the store or writing), Ok if none.
    Status lastError() const;
    // How many heartbeat writes succeeded (for tests and diagnostics).
    int beats() const;

private:
    void loop();

    const QString m_location;
    const std::chrono::milliseconds m_interval;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::set<qint64> m_trials;
    Status m_lastError;
    int m_beats = 0;
    bool m_stop = false;
    std::thread m_thread;
};

} // namespace loupe
