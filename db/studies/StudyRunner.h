#pragma once
// StudyRunner: evaluates a study's trials against a database TrialStore in `jobs` threads of this
// process, side by side with any number of other processes (workers) on the same study, until
// the study's budget is used up or the run is cancelled.
//
// Per thread: ask (sample + reserve; serialized within the process, so with a constant-liar
// sampler each proposal sees the RUNNING trials reserved before it) -> evaluate -> tell. When the budget is full but trials are
// still RUNNING (in other threads or processes), the thread reaps trials whose heartbeat is older
// than the grace period and polls until they end -- a lost worker's trial is then redone here.
// Cancellation (Ctrl-C, SIGTERM, Stop): the running trials end as abandoned FAIL "interrupted"
// (not counted, redone by --resume), nothing half-written. An objective that throws, returns an
// error or a non-finite loss gives a FAIL trial with the reason; the search goes on.
// The first store failure stops the run and is reported in the summary.

#include "core/search/Objective.h"
#include "core/search/Study.h"
#include "core/util/CancellationToken.h"
#include "core/util/Status.h"
#include "db/studies/TrialRecord.h"

#include <chrono>
#include <functional>
#include <mutex>

namespace loupe {

class SqlTrialStore;

struct StudyRunOptions {
    int maxTrials = 100;                      // the study's budget
    BudgetRule budgetRule = BudgetRule::AllTrials;
    int jobs = 1;                             // threads in this process
    std::chrono::milliseconds grace{10000};   // a RUNNING trial without heartbeat this long is lost
    std::chrono::milliseconds poll{200};      // how often to look again while others are running
};

struct StudyRunSummary {
    int trialsRun = 0;       // trials this run finished (COMPLETE or FAIL)
    int abandoned = 0;       // trials this run abandoned when cancelled
    int reaped = 0;          // other workers' trials this run declared lost
    double suggestSecondsMean = 0.0;
    Status status;           // Ok (budget reached), Cancelled, or the failure that stopped the run
};

class StudyRunner {
public:
    // requires: study was built on `store`; both outlive the runner.
    StudyRunner(Study &study, SqlTrialStore &store, StudyRunOptions options);

    // Called after each trial this run finished (from the thread that ran it; serialized).
    using TrialCallback = std::function<void(const Trial &)>;
    StudyRunSummary run(Objective &objective, const CancellationToken &cancellation, TrialCallback onTrial = {});

    // Whether `counted` trials fill the budget (used to decide "done" vs "wait for others").
    bool budgetReached(const TrialCounts &counts) const;

private:
    // One thread's loop; returns when done, cancelled or failed (recorded in `summary`).
    void work(Objective &objective, const CancellationToken &cancellation, const TrialCallback &onTrial);
    // What the objective returned, exceptions turned into a Failed status.
    static Result<double> evaluate(Objective &objective, const Trial &trial, const CancellationToken &cancellation);
    // Sleeps `duration` in short steps, returning early when cancelled.
    static void pause(std::chrono::milliseconds duration, const CancellationToken &cancellation);
    bool shouldStop(const CancellationToken &cancellation);
    void recordFailure(const Status &status);

    Study &m_study;
    SqlTrialStore &m_store;
    StudyRunOptions m_options;
    std::mutex m_mutex;
    std::mutex m_askMutex; // one ask() at a time: each proposal sees the trials reserved before it
    StudyRunSummary m_summary;
};

} // namespace loupe
