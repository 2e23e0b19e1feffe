#pragma once
// A SnapshotReport as JSON: what `loupe-cli snapshot --json` prints and what a 'snapshot' run
// stores as its summary (the CLI and the Learning-rate page write the same document), and the
// inverse for re-opening a stored run.
//   {"snapshots": [{"index", "iteration", "complete_cycle", "val_accuracy", "val_loss",
//                   "test_accuracy", "test_loss"}],
//    "ensemble": {"size", "candidates": [{"size", "val_accuracy", "val_loss"}], "val_accuracy", ...} | null,
//    "single_model": {"val_accuracy", "val_loss", "test_accuracy", "test_loss"} | null,
//    ["single_model_error"], "lr0", "cycle_length", "iterations", "steps_per_epoch", "seconds",
//    "status": "completed" | "diverged" | "cancelled", ["message"]}
// Numbers that were not measured (NaN) are null.

#include "core/lr/SnapshotReport.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace loupe {

nlohmann::ordered_json snapshotReportJson(const SnapshotReport &report);

// The inverse of snapshotReportJson (status and messages included). InvalidInput naming the key
// when the document is not such a report.
Result<SnapshotReport> snapshotReportFromJson(const std::string &jsonText);

// The learning rate of every step of the snapshot run: lr0 / 2 (cos(pi (i mod c) / c) + 1) for
// i = 0 .. iterations-1 (c = cycle_length), as SnapshotEnsemble trained it.
std::vector<double> snapshotRates(const SnapshotReport &report);

} // namespace loupe
