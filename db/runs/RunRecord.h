#pragma once
// One row of the runs table: a load, training, LR search, hyperparameter search, data check,
// privacy scan or snapshot-ensemble run, from start to finish.

#include "db/runs/RunKind.h"
#include "db/runs/RunOwner.h"
#include "db/runs/RunStatus.h"

#include <QDateTime>
#include <QString>

#include <optional>

namespace loupe {

struct RunRecord {
    qint64 id = 0;
    RunKind kind = RunKind::Train;
    std::optional<qint64> datasetId; // the dataset the run used, if any
    QString configJson;              // the run's settings as JSON ("{}" if none)
    RunStatus status = RunStatus::Running;
    QDateTime startedAt;             // UTC
    QDateTime heartbeatAt;           // UTC; refreshed by every metrics write and touchRun()
    QDateTime finishedAt;            // UTC; invalid while running
    std::optional<double> seconds;   // wall time reported by finishRun
    QString error;                   // empty unless failed, or why it is presumed interrupted
    QString summaryJson;             // final results as JSON; empty until finished
    RunOwner owner;                  // the process that created it; unknown for runs stored before owners were
};

} // namespace loupe
