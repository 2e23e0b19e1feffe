#pragma once
// A flag the UI (or a signal handler) sets and the engine polls per batch / per chunk.

#include <atomic>

namespace loupe {

class CancellationToken {
public:
    void cancel() { m_cancelled.store(true, std::memory_order_relaxed); }
    void reset() { m_cancelled.store(false, std::memory_order_relaxed); }
    bool isCancelled() const { return m_cancelled.load(std::memory_order_relaxed); }

private:
    std::atomic<bool> m_cancelled{false};
};

} // namespace loupe
