#pragma once
// Where a study's trials live. InMemoryTrialStore is the in-process one; db/ implements it on
// SQLite / PostgreSQL for persistent and distributed studies. Every call may fail (I/O, lost
// connection) and says so with a Status; a Study stops on the first store failure.
// Thread-safety: implementations must allow concurrent calls from several threads (Study runs
// --jobs N workers on one store) and, for shared databases, from several processes.

#include "core/search/Trial.h"
#include "core/util/Status.h"

#include <optional>
#include <vector>

namespace loupe {

// Which trials count towards a study's budget (maxTrials) when reserving.
enum class BudgetRule {
    AllTrials,        // every trial in any state (hyperopt's max_evals): a failing objective still ends
    SuccessfulTrials, // COMPLETE + PRUNED + RUNNING: FAIL trials (crashes, dead workers) are redone
};

class TrialStore {
public:
    virtual ~TrialStore() = default;

    // Atomically: if fewer than maxTrials trials count under `rule` (maxTrials < 0: no limit),
    // records a RUNNING trial with the next free number (0, 1, 2, ...; never reused) and params,
    // and returns that number; otherwise returns std::nullopt (budget used up).
    virtual Result<std::optional<int>> reserve(const TrialParams &params, int maxTrials, BudgetRule rule) = 0;

    // Ends a RUNNING trial. requires: state != Running; loss set iff state is Complete (or Pruned
    // with a value). Fails (InvalidInput) if the trial is unknown or not RUNNING any more (e.g. a
    // reaper already marked it FAIL) -- the result is then not recorded.
    virtual Status finish(int number, TrialState state, std::optional<double> loss, const std::string &error,
                          double seconds) = 0;

    // All trials sorted by number.
    virtual Result<std::vector<Trial>> trials() const = 0;
};

} // namespace loupe
