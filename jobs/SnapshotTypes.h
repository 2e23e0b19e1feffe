#pragma once
// The value types SnapshotJob sends across threads (copyable; registered as Qt meta types).

#include "jobs/TrainTypes.h"
#include "core/lr/SnapshotEnsemble.h"
#include "core/lr/SnapshotReport.h"

#include <QDateTime>
#include <QMetaType>
#include <QString>

#include <optional>

namespace loupe {

// What to train a snapshot ensemble on and how. `data` says which rows and which spec (its
// overrides of batch size and seed apply); cycles M and epochs T as loupe-cli snapshot.
struct SnapshotRequest {
    TrainRequest data;
    int cycles = 5;               // M >= 1
    int epochs = 10;              // T >= 1
    std::optional<double> lr0;    // default: the spec's learning rate
    SingleModelBaseline baseline = SingleModelBaseline::Train;
};

// How a snapshot run ended (cancelled and diverged runs arrive here too, with what was measured).
struct SnapshotOutcome {
    SnapshotReport report;
    QString specName;
    QString dataDescription;
    int cycles = 0;
    int epochs = 0;
    QDateTime finishedAt;   // local time
    qint64 storedRunId = 0; // the workspace's 'snapshot' run, 0 when not recorded
    QString workspaceNote;  // why it was not recorded, empty otherwise
};

} // namespace loupe

Q_DECLARE_METATYPE(loupe::SnapshotOutcome)
