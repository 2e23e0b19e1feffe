#include "app/cli/LrRunRecorder.h"

#include "db/store/StoredJson.h"
#include "app/cli/CliContext.h"
#include "db/runs/RunHeartbeat.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"

#include <optional>

namespace loupe::cli {

namespace {

Status recordingError(const Status &status)
{
    return Status::invalidInput("could not record the run in the workspace: " + status.message()
                                + " (--no-workspace skips recording)");
}

} // namespace

Result<LrRunRecorder> LrRunRecorder::start(CliContext &context, RunKind kind, const LoadedTrainingData &data,
                                           const nlohmann::ordered_json &config)
{
    LrRunRecorder recorder;
    if (!context.workspace().isEnabled())
        return recorder;
    auto store = context.workspace().store();
    if (!store.isOk())
        return recordingError(store.status());
    auto dataset = storeTrainDataset(*store.value(), data);
    if (!dataset.isOk())
        return recordingError(dataset.status());
    auto run = RunRepository(*store.value()).createRun(kind, dataset.value(), storedJson(config));
    if (!run.isOk())
        return recordingError(run.status());
    recorder.m_store = store.value();
    recorder.m_runId = run.value();
    recorder.m_heartbeat = std::make_shared<RunHeartbeat>(*store.value(), run.value());
    return recorder;
}

ProgressSink LrRunRecorder::withHeartbeat(ProgressSink sink) const
{
    return m_heartbeat ? RunHeartbeat::around(m_heartbeat, std::move(sink)) : sink;
}

Status LrRunRecorder::addSteps(const std::vector<StepMetric> &steps)
{
    if (!m_store || steps.empty())
        return Status::ok();
    return RunRepository(*m_store).addStepMetrics(m_runId, steps);
}

Status LrRunRecorder::addEpochs(const std::vector<EpochMetrics> &epochs)
{
    if (!m_store || epochs.empty())
        return Status::ok();
    return RunRepository(*m_store).addEpochMetrics(m_runId, epochs);
}

Status LrRunRecorder::finish(RunStatus status, double seconds, const nlohmann::ordered_json &summary,
                             const std::string &error)
{
    if (!m_store)
        return Status::ok();
    return RunRepository(*m_store).finishRun(m_runId, status, seconds, storedJson(summary),
                                             QString::fromStdString(error));
}

} // namespace loupe::cli
