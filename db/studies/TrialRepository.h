#pragma once
// TrialRepository: the trials of the studies table's studies. Same thread as its Store.
//
// Concurrency contract (many threads and processes, each with its own Store, on one SQLite file
// or one PostgreSQL database):
//  - reserve() allocates the next trial number and inserts the RUNNING row in one transaction that
//    first locks the study (SQLite: BEGIN IMMEDIATE takes the database write lock; PostgreSQL:
//    SELECT ... FOR UPDATE on the study row), so numbers are never duplicated and the budget is
//    never overshot by concurrent reservers.
//  - Every write a sampler or a budget can see (reserve, finish, abandon, reap) is one transaction
//    that first takes the study's next change number (nextChange: UPDATE studies SET change_seq =
//    change_seq + 1 ... RETURNING, whose row lock -- SQLite: the write lock -- lasts until commit)
//    and stamps the rows it changes with it. So a study's changes commit in the order of their
//    numbers, and a reader that asks for changes above the last number it saw (changesSince) misses
//    none, however many processes write at once. A killed worker leaves its trial RUNNING (later
//    reaped) or finished, never half-written. Heartbeats and run links take no number.
//  - A running trial's heartbeat is refreshed by its worker (see TrialHeartbeat); reapStale() turns
//    RUNNING trials whose heartbeat is older than the grace period into abandoned FAIL trials
//    ("worker lost (no heartbeat since T)"), which do not count toward the budget.
// Timestamps are compared as text written by each client's clock: machines sharing a study need
// clocks closer than the grace period.

#include "core/search/TrialStore.h"
#include "core/util/Status.h"
#include "db/studies/TrialRecord.h"

#include <QString>

#include <chrono>
#include <map>
#include <optional>
#include <vector>

namespace loupe {

class Store;

class TrialRepository {
public:
    // requires: `store` outlives the repository.
    explicit TrialRepository(Store &store) : m_store(store) {}

    // Reserves the study's next trial number as a RUNNING trial with `paramsJson`, unless the
    // trials that count under `rule` plus the running ones already reach `budget` (then nullopt:
    // the caller waits for running trials, or stops when the budget is used up). budget < 0: no
    // limit. AllTrials counts COMPLETE, FAIL and PRUNED trials; SuccessfulTrials only COMPLETE and
    // PRUNED. Under both rules abandoned trials (lost or interrupted workers) never count: they
    // were not evaluations, and are redone.
    // ensures: the new trial's number is 1 + the largest number of the study (0 for the first).
    Result<std::optional<TrialRecord>> reserve(qint64 studyId, const QString &paramsJson, const QString &worker,
                                               int budget, BudgetRule rule = BudgetRule::AllTrials);

    // Ends a trial. Accepts a RUNNING trial, or one already reaped as abandoned (its worker was only
    // slow): a late result is kept rather than lost.
    // requires: outcome.state != Running; a Complete outcome has a loss.
    // Fails (InvalidInput) when the trial does not exist or has already ended otherwise.
    Status finish(qint64 trialId, const TrialOutcome &outcome);

    // Ends a RUNNING trial as an abandoned FAIL with `reason` (e.g. "interrupted"); a trial that
    // already ended is left alone (no error).
    Status abandon(qint64 trialId, const QString &reason);

    // Refreshes the heartbeat of those trials that are still RUNNING, in one statement.
    Status heartbeat(const std::vector<qint64> &trialIds);

    // Marks the study's RUNNING trials whose heartbeat is older than now - grace as abandoned FAIL
    // with "worker lost (no heartbeat since T)". studyId 0: every study. Returns how many.
    Result<int> reapStale(qint64 studyId, std::chrono::milliseconds grace);

    // Links the training run recorded for a trial.
    Status linkRun(qint64 trialId, qint64 runId);

    Result<TrialCounts> counts(qint64 studyId);
    // The study's trials in number order.
    Result<std::vector<TrialRecord>> list(qint64 studyId);

    // --- change numbers (schema version 4) ---
    // Takes the study's next change number and locks the study until the enclosing transaction
    // ends. requires: a Transaction is open on the store. InvalidInput when there is no such study.
    Result<qint64> nextChange(qint64 studyId);
    // The study's last change number (0 for a study without trials).
    Result<qint64> lastChange(qint64 studyId);
    // The study's trials changed after change number `after`, in change order (then number):
    // every trial for after = 0. What a process that keeps the study in memory reads to catch up.
    Result<std::vector<TrialChangeRow>> changesSince(qint64 studyId, qint64 after);
    // Inserts trial `number` RUNNING with change number `change` (from nextChange, in the same
    // transaction). Returns the row's id.
    Result<qint64> insertRunning(qint64 studyId, int number, const QString &paramsJson, const QString &worker,
                                 qint64 change, const QString &stamp);
    Result<std::optional<TrialRecord>> find(qint64 trialId);
    // Trial `number` of the study (the UNIQUE (study_id, number) index), nullopt when none.
    Result<std::optional<TrialRecord>> findNumber(qint64 studyId, int number);
    // The best COMPLETE trial (lowest loss; highest when maximize), nullopt when none completed.
    Result<std::optional<TrialRecord>> best(qint64 studyId, bool maximize = false);

private:
    Result<TrialCounts> countsLocked(qint64 studyId);
    // nextChange() for the study of trial `trialId`. InvalidInput when there is no such trial.
    Result<qint64> trialChange(qint64 trialId);
    // Reaps one study's stale trials in one transaction (see reapStale).
    Result<int> reapStudy(qint64 studyId, const QString &now, const QString &cutoff);

    Store &m_store;
};

} // namespace loupe
