#pragma once
// Runs a parsed suite over a table.
//   1. prepare: computes the suite's locals, then each test's locals, in order (ExpressionContext with the
//      table, the fixed instant and the locals so far), and asks each assertion to validate its parameters.
//      Any error here is a bad suite: Status naming the suite file and line ("suite.json:9: test 'x':
//      local 'y': expression 'min(amout)': ..."). Nothing has been evaluated yet.
//   2. evaluate: every test on its own worker (tests are independent and assertions are const; with several
//      workers the most expensive tests, by Assertion::relativeCost, are started first), collecting
//      ALL failing rows of ALL tests. `mostly` m lets a test pass when failing/checked <= 1 - m (row-level
//      outcomes only); a failed test with severity warn becomes a Warning. Notes are formatted only for
//      tests that did not pass.
// Cancellation: polled between tests and inside assertions; a cancelled run returns Status::cancelled().
// Progress: fraction of tests finished, stage "checking"; the sink may return Stop (same as cancel).
// The sink is called from worker threads, one call at a time.

#include "core/checks/AssertionRegistry.h"
#include "core/checks/CheckRunResult.h"
#include "core/checks/CheckSuite.h"
#include "core/util/CancellationToken.h"
#include "core/util/ProgressSink.h"
#include "core/util/Status.h"

#include <cstdint>
#include <string>

namespace loupe {

class Table;

struct CheckRunOptions {
    std::int64_t nowNanos = 0;           // the instant today()/now() see; 0 means the system clock at start
    std::string dataPath;                // recorded in the result and given to file assertions
    const CancellationToken *cancel = nullptr;
    ProgressSink progress;               // optional
    int threads = 0;                     // 0: as many as OpenMP allows
    const AssertionRegistry *registry = nullptr; // nullptr: AssertionRegistry::builtin()
};

class CheckRunner {
public:
    // ensures: on success one CheckTestResult per suite test, in suite order.
    static Result<CheckRunResult> run(const CheckSuite &suite, const Table &table, const CheckRunOptions &options);
    // The system clock as ns since 1970 UTC.
    static std::int64_t systemNow();
};

} // namespace loupe
