#pragma once
// One row of the trials table: trial `number` of a study, its parameters (JSON object), state,
// loss and bookkeeping (worker, heartbeat, timings, error).

#include "core/search/Trial.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace loupe {

// The stored names "RUNNING", "COMPLETE", "FAIL", "PRUNED" (core's trialStateName).
QString trialStateText(TrialState state);

struct TrialRecord {
    qint64 id = 0;
    qint64 studyId = 0;
    int number = 0;                  // 0, 1, 2, ... unique within the study
    TrialState state = TrialState::Running;
    QString paramsJson;              // {"name": value, ...}
    std::optional<double> loss;      // COMPLETE trials (NULL also stands for a non-finite loss)
    std::optional<qint64> runId;     // the training run behind the trial, if recorded
    QString worker;                  // host:pid/thread of the worker that ran it
    QDateTime heartbeatAt;           // UTC
    QDateTime startedAt;             // UTC
    QDateTime finishedAt;            // UTC; invalid while running
    std::optional<double> seconds;   // evaluation wall time
    QString error;                   // FAIL reason
    bool abandoned = false;          // FAIL because the worker was lost or interrupted
};

// One trial as TrialRepository::changesSince reads it: what a sampler and a budget need of a row
// whose change number (trials.change_seq) is above the reader's last one. paramsJson never changes
// once the trial is reserved.
struct TrialChangeRow {
    qint64 id = 0;
    int number = 0;
    TrialState state = TrialState::Running;
    std::optional<double> loss;
    std::optional<double> seconds;
    QString error;
    bool abandoned = false;
    QString paramsJson;
    qint64 changeSeq = 0;
};

// How a trial ended, as its worker reports it.
struct TrialOutcome {
    TrialState state = TrialState::Complete; // Complete, Fail or Pruned
    std::optional<double> loss;                    // required for Complete
    QString error;                                 // the reason for Fail / Pruned
    double seconds = 0.0;
};

// Trials of a study by what they mean for its budget.
struct TrialCounts {
    int running = 0;
    int complete = 0;
    int failed = 0;    // FAIL by the objective (counted)
    int pruned = 0;
    int abandoned = 0; // FAIL because the worker was lost or interrupted (not counted)
    int maxNumber = -1;
    // Trials that count toward the budget under BudgetRule::AllTrials (abandoned ones never do).
    int counted() const { return complete + failed + pruned; }
    // ... under BudgetRule::SuccessfulTrials.
    int successful() const { return complete + pruned; }
};

} // namespace loupe
