#pragma once
// How a 'snapshot' run stores its snapshots as epoch metrics (loupe-cli snapshot and the
// Learning-rate page alike): one row per snapshot, epoch = the snapshot's 1-based index, with
// val_loss, val_accuracy and the extras "iteration", "test_accuracy", "test_loss".

#include "core/lr/SnapshotReport.h"
#include "db/runs/EpochMetrics.h"

#include <vector>

namespace loupe {

std::vector<EpochMetrics> snapshotEpochMetrics(const SnapshotReport &report);

} // namespace loupe
