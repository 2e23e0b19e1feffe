#pragma once
// The shared stop/continue state of one parallel CSV read: progress to the ProgressSink (calling thread
// only), the cancellation token, a fatal stop, and "no chunk after this one matters any more" (the first
// failing chunk), all polled by the chunk parsers on every OpenMP thread.

#include "core/util/CancellationToken.h"
#include "core/util/ProgressSink.h"

#include <atomic>
#include <cstddef>

namespace loupe {

class CsvProgressGate {
public:
    // requires: progress and cancel (if set) outlive the gate.
    CsvProgressGate(const ProgressSink &progress, const CancellationToken *cancel);

    // Calling thread only: reports progress; false once the read was cancelled or stopped.
    bool report(double fraction, const char *stage);
    // Any thread: whether `chunk` should go on (reporting first when reportHere, i.e. on OpenMP thread 0).
    bool keepGoing(std::size_t chunk, bool reportHere, double fraction, const char *stage);

    void stop() { m_stop = true; }          // a fatal failure: every chunk stops
    void lastChunkThatMatters(std::size_t chunk); // chunks after it stop
    void startPass();                       // forgets the last pass's chunk limit and byte count
    // Adds parsed bytes; returns the total of this pass.
    std::size_t addBytes(std::size_t bytes) { return m_bytes += bytes; }
    bool isCancelled() const { return m_cancelled; }

private:
    void pollToken();

    const ProgressSink &m_progress;
    const CancellationToken *m_cancel;
    std::atomic<bool> m_stop{false};
    std::atomic<bool> m_cancelled{false};
    std::atomic<std::size_t> m_bytes{0};
    std::atomic<std::size_t> m_lastChunk{static_cast<std::size_t>(-1)};
};

} // namespace loupe
