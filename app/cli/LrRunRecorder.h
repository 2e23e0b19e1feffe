#pragma once
// How the learning-rate commands (lr-find, snapshot) store their runs in the workspace: a run of
// the given kind with the command's settings as config, the CSV (if any) as its dataset, metrics
// added when the search is over, and the final status with the printed JSON as summary. While the
// search runs, withHeartbeat() keeps the run's heartbeat fresh from the engine's progress reports.
// Disabled (every call a no-op, id() 0) with --no-workspace. Same thread rule as Store.

#include "app/cli/TrainingDataArguments.h"
#include "core/util/ProgressSink.h"
#include "core/util/Status.h"
#include "db/runs/EpochMetrics.h"
#include "db/runs/RunKind.h"
#include "db/runs/RunStatus.h"
#include "db/runs/StepMetric.h"

#include <nlohmann/json.hpp>

#include <QtGlobal>

#include <memory>
#include <vector>

namespace loupe {
class RunHeartbeat;
class Store;
}

namespace loupe::cli {

class CliContext;

class LrRunRecorder {
public:
    // Opens the workspace and creates the run (status running). Errors from the workspace come
    // back with "could not record the run in the workspace: ... (--no-workspace skips recording)".
    static Result<LrRunRecorder> start(CliContext &context, RunKind kind, const LoadedTrainingData &data,
                                       const nlohmann::ordered_json &config);

    qint64 id() const { return m_runId; }
    bool isRecording() const { return m_store != nullptr; }

    // `sink` that also refreshes the run's heartbeat (at most every few seconds); `sink` itself
    // when not recording. Same thread as the Store.
    ProgressSink withHeartbeat(ProgressSink sink) const;

    Status addSteps(const std::vector<StepMetric> &steps);
    Status addEpochs(const std::vector<EpochMetrics> &epochs);
    Status finish(RunStatus status, double seconds, const nlohmann::ordered_json &summary, const std::string &error);

private:
    Store *m_store = nullptr;
    qint64 m_runId = 0;
    std::shared_ptr<RunHeartbeat> m_heartbeat;
};

} // namespace loupe::cli
