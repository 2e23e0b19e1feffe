#include "db/studies/TrialHeartbeat.h"

#include "db/store/Store.h"
#include "db/studies/TrialRepository.h"

#include <algorithm>
#include <vector>

namespace loupe {

std::chrono::milliseconds TrialHeartbeat::intervalForGrace(std::chrono::milliseconds grace)
{
    return std::clamp(grace / 3, std::chrono::milliseconds(50), defaultInterval);
}

TrialHeartbeat::TrialHeartbeat(QString location, std::chrono::milliseconds interval)
    : m_location(std::move(location)), m_interval(interval)
{
    m_thread = std::thread([this] { loop(); });
}

TrialHeartbeat::~TrialHeartbeat()
{
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void TrialHeartbeat::add(qint64 trialId)
{
    std::lock_guard lock(m_mutex);
    m_trials.insert(trialId);
}

void TrialHeartbeat::remove(qint64 trialId)
{
    std::lock_guard lock(m_mutex);
    m_trials.erase(trialId);
}

Status TrialHeartbeat::lastError() const
{
    std::lock_guard lock(m_mutex);
    return m_lastError;
}

int TrialHeartbeat::beats() const
{
    std::lock_guard lock(m_mutex);
    return m_beats;
}

void TrialHeartbeat::loop()
{
    std::unique_ptr<Store> store;
    std::unique_lock lock(m_mutex);
    while (!m_stop) {
        m_wake.wait_for(lock, m_interval, [this] { return m_stop; });
        if (m_stop || m_trials.empty())
            continue;
        const std::vector<qint64> ids(m_trials.begin(), m_trials.end());
        lock.unlock();
        Status status;
        if (!store) {
            auto opened = Store::open(m_location);
            if (opened.isOk())
                store = opened.takeValue();
            else
                status = opened.status();
        }
        if (store)
            status = TrialRepository(*store).heartbeat(ids);
        lock.lock();
        if (status.isOk())
            ++m_beats;
        else
            m_lastError = status;
    }
    lock.unlock();
    store.reset(); // closes the connection on the thread that opened it
}

} // namespace loupe
