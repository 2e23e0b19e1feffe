#pragma once
// Ask/tell driver: a search space, a sampler and a trial store. ask() samples from the store's
// history and reserves a RUNNING trial; tell() records the outcome. optimize() runs an objective
// in `jobs` threads until the budget is used up, cancellation, or a store failure.
// The sampler's trial-number hint is the store's next number at ask time, so a sequential study
// with a given seed is reproducible; with jobs > 1 or several processes the history each worker
// sees depends on timing (as in hyperopt/Optuna).

#include "core/search/Objective.h"
#include "core/search/Sampler.h"
#include "core/search/SearchSpace.h"
#include "core/search/TrialStore.h"
#include "core/util/CancellationToken.h"

#include <functional>
#include <mutex>
#include <optional>

namespace loupe {

struct StudyOptions {
    int maxTrials = 100;
    BudgetRule budgetRule = BudgetRule::AllTrials;
    int jobs = 1; // worker threads in optimize()
};

struct StudySummary {
    int trialsRun = 0;          // trials this call evaluated
    std::optional<Trial> best;  // best COMPLETE trial in the store (lowest loss, lowest number on ties)
    double suggestSecondsMean = 0.0; // mean sampler time per ask() in this call
    Status status;              // Ok, Cancelled, or the store failure that stopped the run
};

class Study {
public:
    // The space, sampler and store must outlive the study.
    Study(const SearchSpace &space, const Sampler &sampler, TrialStore &store, StudyOptions options);

    // Reserves a trial. std::nullopt when the budget is used up. Thread-safe.
    Result<std::optional<Trial>> ask();
    // Records the objective's outcome: a finite loss -> COMPLETE; an error or non-finite loss ->
    // FAIL with the reason ("loss is NaN", the Status message). Cancelled -> FAIL "cancelled".
    Status tell(int number, const Result<double> &outcome, double seconds);
    // Evaluates one reserved trial, catching exceptions, tells the result and returns the finished
    // record (state COMPLETE or FAIL with its reason); fails only when the store refuses.
    Result<Trial> run(const Trial &trial, Objective &objective, const CancellationToken &cancellation);
    // Mean sampler time of the ask() calls so far (seconds; 0 before the first).
    double suggestSecondsMean() const;

    // Called after each finished trial (from the worker thread that ran it).
    using TrialCallback = std::function<void(const Trial &)>;
    StudySummary optimize(Objective &objective, const CancellationToken &cancellation, TrialCallback onTrial = {});

    // Best COMPLETE trial in a history (lowest loss; ties: lowest number).
    static std::optional<Trial> bestOf(const std::vector<Trial> &trials);

private:
    const SearchSpace &m_space;
    const Sampler &m_sampler;
    TrialStore &m_store;
    StudyOptions m_options;
    mutable std::mutex m_statsMutex;
    double m_suggestSeconds = 0.0;
    int m_suggestCount = 0;
};

} // namespace loupe
