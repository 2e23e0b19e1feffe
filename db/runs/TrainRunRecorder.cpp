#include "db/runs/TrainRunRecorder.h"

#include "db/runs/EpochMetrics.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"

namespace loupe {

TrainRunRecorder::TrainRunRecorder(Store &store, TaskKind task) : m_store(store), m_task(task)
{
    m_pendingSteps.reserve(s_stepBatch);
}

Result<qint64> TrainRunRecorder::begin(std::optional<qint64> datasetId, const QString &configJson,
                                       const QString &startSummaryJson)
{
    Q_ASSERT(m_runId == 0);
    auto created = RunRepository(m_store).createRun(RunKind::Train, datasetId, configJson, startSummaryJson);
    if (created.isOk()) {
        m_runId = created.value();
        m_heartbeat.emplace(m_store, m_runId);
    }
    return created;
}

void TrainRunRecorder::keepError(const Status &status)
{
    if (!status.isOk() && m_storageError.isOk())
        m_storageError = status;
}

void TrainRunRecorder::flushSteps()
{
    if (m_pendingSteps.empty())
        return;
    if (m_storageError.isOk()) {
        keepError(RunRepository(m_store).addStepMetrics(m_runId, m_pendingSteps));
        if (m_heartbeat)
            m_heartbeat->refreshed();
    }
    m_pendingSteps.clear();
}

CallbackAction TrainRunRecorder::onBatchEnd(Trainer &, const BatchStats &stats)
{
    m_pendingSteps.push_back(StepMetric{stats.globalStep + 1, stats.loss, stats.learningRate});
    if (m_pendingSteps.size() >= s_stepBatch)
        flushSteps();
    else if (m_heartbeat && m_storageError.isOk())
        (void)m_heartbeat->beat(); // a missed beat only makes the run look older; the metrics are what counts
    return CallbackAction::Continue;
}

CallbackAction TrainRunRecorder::onEpochEnd(Trainer &, const EpochStats &stats)
{
    flushSteps();
    EpochMetrics metrics;
    metrics.epoch = stats.epoch + 1;
    metrics.loss = stats.loss;
    if (m_task == TaskKind::Classification)
        metrics.accuracy = stats.accuracy;
    if (stats.hasValidation()) {
        metrics.valLoss = stats.valLoss;
        if (m_task == TaskKind::Classification)
            metrics.valAccuracy = stats.valAccuracy;
    }
    metrics.learningRate = stats.learningRate;
    metrics.seconds = stats.seconds;
    if (m_storageError.isOk()) {
        keepError(RunRepository(m_store).addEpochMetrics(m_runId, metrics));
        if (m_heartbeat)
            m_heartbeat->refreshed();
    }
    return CallbackAction::Continue;
}

Status TrainRunRecorder::finish(RunStatus status, double seconds, const QString &summaryJson, const QString &error)
{
    Q_ASSERT(m_runId != 0);
    flushSteps();
    return RunRepository(m_store).finishRun(m_runId, status, seconds, summaryJson, error);
}

RunStatus TrainRunRecorder::statusFor(StopReason reason)
{
    switch (reason) {
    case StopReason::Completed:
    case StopReason::StoppedByCallback:
        return RunStatus::Completed;
    case StopReason::Cancelled:
        return RunStatus::Cancelled;
    case StopReason::Diverged:
        return RunStatus::Diverged;
    case StopReason::Failed:
        return RunStatus::Failed;
    }
    return RunStatus::Failed;
}

} // namespace loupe
