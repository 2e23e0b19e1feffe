#include "app/cli/InterruptGuard.h"

#include <atomic>
#include <cassert>

namespace loupe::cli {

namespace {

std::atomic<CancellationToken *> s_token{nullptr};
std::atomic<bool> s_interrupted{false};

extern "C" void cancelOnSignal(int)
{
    s_interrupted.store(true, std::memory_order_relaxed);
    if (CancellationToken *token = s_token.load(std::memory_order_relaxed))
        token->cancel();
}

} // namespace

InterruptGuard::InterruptGuard(CancellationToken &token)
{
    static_assert(std::atomic<bool>::is_always_lock_free && std::atomic<CancellationToken *>::is_always_lock_free);
    CancellationToken *expected = nullptr;
    [[maybe_unused]] const bool first = s_token.compare_exchange_strong(expected, &token);
    assert(first && "only one InterruptGuard at a time");
    s_interrupted.store(false);
    struct sigaction action {};
    action.sa_handler = cancelOnSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESETHAND | SA_RESTART;
    sigaction(SIGINT, &action, &m_previousInterrupt);
    sigaction(SIGTERM, &action, &m_previousTerminate);
}

InterruptGuard::~InterruptGuard()
{
    sigaction(SIGINT, &m_previousInterrupt, nullptr);
    sigaction(SIGTERM, &m_previousTerminate, nullptr);
    s_token.store(nullptr);
}

bool InterruptGuard::interrupted()
{
    return s_interrupted.load(std::memory_order_relaxed);
}

} // namespace loupe::cli
