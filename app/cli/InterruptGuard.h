#pragma once
// While alive, Ctrl-C (SIGINT) and SIGTERM cancel a CancellationToken instead of killing the
// process, so a command can stop its engine cleanly and record the run as cancelled. The first
// signal cancels; the handler then resets to the default, so a second Ctrl-C kills at once.
// The destructor restores the handlers that were installed before.
//
// requires: at most one InterruptGuard exists at a time (process-wide signal state); the token
// outlives the guard. The handler only stores to a lock-free atomic, which is async-signal-safe.

#include "core/util/CancellationToken.h"

#include <csignal>

namespace loupe::cli {

class InterruptGuard {
public:
    explicit InterruptGuard(CancellationToken &token);
    ~InterruptGuard();
    InterruptGuard(const InterruptGuard &) = delete;
    InterruptGuard &operator=(const InterruptGuard &) = delete;

    // True once a signal arrived while the guard was installed.
    static bool interrupted();

private:
    struct sigaction m_previousInterrupt {};
    struct sigaction m_previousTerminate {};
};

} // namespace loupe::cli
