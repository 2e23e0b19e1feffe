#pragma once
// The workspace side of a background run (lr-find, snapshot ensemble): its own Store connection
// (opened on the job's thread) and the run row created for it, or why it is not recorded. While the
// job works, withHeartbeat() keeps the run's heartbeat fresh from the engine's progress reports.
#include "jobs/TrainTypes.h"
#include "core/util/ProgressSink.h"
#include "db/runs/RunHeartbeat.h"
#include "db/runs/RunKind.h"
#include "db/store/Store.h"

#include <nlohmann/json.hpp>

#include <QString>

#include <memory>
#include <string>

namespace loupe {

struct JobRecording {
    std::unique_ptr<Store> store; // null when not recorded
    qint64 runId = 0;
    QString note; // "not recorded: ..." when the workspace refused, else empty
    std::shared_ptr<RunHeartbeat> heartbeat; // null when not recorded

    // `sink` that also refreshes the run's heartbeat (at most every few seconds); `sink` itself when
    // not recorded. Used on the job's thread, like the Store.
    ProgressSink withHeartbeat(ProgressSink sink) const;

    // Creates a `kind` run with `config` (stored compact, as the CLI stores it) for the data of
    // `data` in data.workspace (nothing when it is empty). Never fails: a refusal ends up in note.
    static JobRecording start(const TrainRequest &data, RunKind kind, const nlohmann::ordered_json &config);
};

} // namespace loupe
