#include "jobs/JobRecording.h"

#include "db/runs/RunRepository.h"

#include <optional>

namespace loupe {

JobRecording JobRecording::start(const TrainRequest &data, RunKind kind, const nlohmann::ordered_json &config)
{
    JobRecording recording;
    if (data.workspace.isEmpty())
        return recording;
    auto opened = Store::open(data.workspace);
    if (!opened.isOk()) {
        recording.note = QStringLiteral("not recorded: %1").arg(QString::fromStdString(opened.message()));
        return recording;
    }
    const std::optional<qint64> dataset = data.source == TrainRequest::Source::Table && data.datasetId >= 0
                                              ? std::optional<qint64>(data.datasetId)
                                              : std::nullopt;
    const std::string configJson = config.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    auto run = RunRepository(*opened.value()).createRun(kind, dataset, QString::fromStdString(configJson));
    if (!run.isOk()) {
        recording.note = QStringLiteral("not recorded: %1").arg(QString::fromStdString(run.message()));
        return recording;
    }
    recording.store = opened.takeValue();
    recording.runId = run.value();
    recording.heartbeat = std::make_shared<RunHeartbeat>(*recording.store, recording.runId);
    return recording;
}

ProgressSink JobRecording::withHeartbeat(ProgressSink sink) const
{
    return heartbeat ? RunHeartbeat::around(heartbeat, std::move(sink)) : sink;
}

} // namespace loupe
