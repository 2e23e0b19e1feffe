#pragma once
// Records a training run in the workspace while it trains: a 'train' run with the spec as its
// config, one epoch_metrics row set per epoch, the per-step loss and learning rate (written in
// batches), and the final status and summary. Used by loupe-cli train and TrainJob.
//
// As a Callback it runs on the training thread, so the Store must belong to that thread (see
// Store.h). Numbering: epochs and steps are stored 1-based (epoch 1 is the first epoch, step 1
// the first optimizer step of the run), as loupe-cli prints them. Between metrics writes the run's
// heartbeat is refreshed from the batches (RunHeartbeat: at most every few seconds), so a long epoch
// does not look like a dead run to another host.
// A storage error never stops the training: the first one is kept (storageError()) and later
// writes are skipped, so the caller can report it once training ends.

#include "core/train/Callback.h"
#include "core/train/TableEncoding.h"
#include "core/util/Status.h"
#include "db/runs/RunHeartbeat.h"
#include "db/runs/RunStatus.h"
#include "db/runs/StepMetric.h"

#include <QString>

#include <optional>
#include <vector>

namespace loupe {

class Store;

class TrainRunRecorder : public Callback {
public:
    static constexpr std::size_t s_stepBatch = 256; // steps per addStepMetrics call

    // requires: store outlives the recorder and belongs to the calling thread.
    // task: Regression leaves "accuracy" / "val_accuracy" out (they mean nothing for it).
    TrainRunRecorder(Store &store, TaskKind task);

    // Creates the run (status running) with the summary known at the start
    // (TrainingReport::startSummaryJson). requires: not begun yet.
    Result<qint64> begin(std::optional<qint64> datasetId, const QString &configJson, const QString &startSummaryJson);
    qint64 runId() const { return m_runId; }

    CallbackAction onBatchEnd(Trainer &trainer, const BatchStats &stats) override;
    CallbackAction onEpochEnd(Trainer &trainer, const EpochStats &stats) override;

    // Writes pending steps and ends the run. requires: begun.
    Status finish(RunStatus status, double seconds, const QString &summaryJson, const QString &error = QString());

    // The first error of a metrics write, or Ok.
    const Status &storageError() const { return m_storageError; }

    // Completed and StoppedByCallback -> completed; Cancelled -> cancelled; Diverged -> diverged;
    // Failed -> failed.
    static RunStatus statusFor(StopReason reason);

private:
    void flushSteps();
    void keepError(const Status &status);

    Store &m_store;
    TaskKind m_task;
    qint64 m_runId = 0;
    std::vector<StepMetric> m_pendingSteps;
    std::optional<RunHeartbeat> m_heartbeat; // from begin()
    Status m_storageError;
};

} // namespace loupe
