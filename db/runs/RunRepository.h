#pragma once
// RunRepository: the runs table and the per-epoch / per-step metrics of each run.
// Same thread as its Store (see Store.h). Writes that touch several rows run in one transaction
// (a savepoint when the caller already holds a Transaction), so a killed process leaves either
// all of them or none.

#include "core/util/Status.h"
#include "db/runs/EpochMetrics.h"
#include "db/runs/RunKind.h"
#include "db/runs/RunRecord.h"
#include "db/runs/RunStatus.h"
#include "db/runs/StepMetric.h"

#include <QString>

#include <chrono>
#include <optional>
#include <vector>

class QSqlQuery;

namespace loupe {

class Store;

class RunRepository {
public:
    // A run of another host whose heartbeat is older than this is presumed dead by markInterrupted().
    // Its process beats every RunHeartbeat::defaultInterval while it works.
    static constexpr std::chrono::seconds defaultStaleAfter{600};

    // requires: `store` outlives the repository.
    explicit RunRepository(Store &store) : m_store(store) {}

    // Starts a run: status running, started_at = heartbeat_at = now, owned by this process
    // (RunOwner::current()). startSummaryJson: what is known
    // before the run ends (a training run's data and scaling), so a run in progress or interrupted
    // still says what it ran on; finishRun replaces it. Empty: no summary yet.
    // requires: datasetId, if given, names a stored dataset (else a foreign-key error).
    Result<qint64> createRun(RunKind kind, std::optional<qint64> datasetId, const QString &configJson,
                             const QString &startSummaryJson = QString());

    // Ends a run: sets status, finished_at = now, seconds, summary JSON and error text.
    // requires: status != RunStatus::Running. Fails (InvalidInput) if no run has that id.
    Status finishRun(qint64 runId, RunStatus status, double seconds, const QString &summaryJson,
                     const QString &error = QString());

    // Refreshes the run's heartbeat (metrics writes do this too). A run marked interrupted for want of
    // a heartbeat is running again.
    Status touchRun(qint64 runId);

    // Stores one or more epochs (one transaction), replacing metrics already stored under the
    // same (epoch, name), and refreshes the heartbeat.
    Status addEpochMetrics(qint64 runId, const EpochMetrics &metrics);
    Status addEpochMetrics(qint64 runId, const std::vector<EpochMetrics> &metrics);
    // Stores the steps in one transaction with multi-row inserts, replacing steps already
    // stored under the same number, and refreshes the heartbeat.
    Status addStepMetrics(qint64 runId, const std::vector<StepMetric> &steps);

    // ensures: nullopt when no run has that id.
    Result<std::optional<RunRecord>> findRun(qint64 runId);
    // Runs newest first, only of `kind` if given; at most `limit` rows if limit > 0.
    // Whether listRuns includes the training runs recorded for search trials.
    enum class TrialRuns { Include, Exclude };
    Result<std::vector<RunRecord>> listRuns(std::optional<RunKind> kind = std::nullopt, int limit = 0,
                                            TrialRuns trialRuns = TrialRuns::Include);
    // The run's epochs in epoch order.
    Result<std::vector<EpochMetrics>> epochMetrics(qint64 runId);
    // The run's steps in step order.
    Result<std::vector<StepMetric>> stepMetrics(qint64 runId);

    // Marks every 'running' run whose process is known to have ended (RunInterruption: this host's
    // process gone, or another host's heartbeat older than `staleAfter`) as 'interrupted', with
    // finished_at = now and the reason as its error. Store::open calls it, so whoever opens the
    // workspace next (GUI, CLI, a job) closes what a killed process left. A run that beats between
    // the read and the update is left running.
    // ensures: the runs it marked, as stored now.
    Result<std::vector<RunRecord>> markInterrupted(std::chrono::seconds staleAfter = defaultStaleAfter);

    // Deletes the run with its metrics, check results and (unlinked) artifacts.
    // Fails (InvalidInput) if no run has that id.
    Status deleteRun(qint64 runId);

private:
    Status insertEpoch(qint64 runId, const EpochMetrics &metrics);
    // Prepares `query` on first use, binds `count` steps and executes it.
    Status insertStepChunk(QSqlQuery &query, qint64 runId, const StepMetric *steps, int count);

    Store &m_store;
};

} // namespace loupe
