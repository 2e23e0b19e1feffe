#pragma once
// A 'snapshot' run as JSON, written here only (the CLI and the Learning-rate page write the same
// documents, and the page reads them back):
//   config: {"cycles", "epochs", "lr0" (null: the spec's learning rate), "seed", "data", "spec", "feature_plan"}
//   report: what `loupe-cli snapshot --json` prints (plus "run_id") and the run stores as summary,
//   {"snapshots": [{"index", "iteration", "complete_cycle", "val_accuracy", "val_loss",
//                   "test_accuracy", "test_loss"}],
//    "ensemble": {"size", "candidates": [{"size", "val_accuracy", "val_loss"}], "val_accuracy", ...} | null,
//    "single_model": {"val_accuracy", "val_loss", "test_accuracy", "test_loss"} | null,
//    ["single_model_error"], "lr0", "cycle_length", "iterations", "steps_per_epoch", "seconds",
//    "status": "completed" | "diverged" | "cancelled" | "failed", ["message"]}
// Numbers that were not measured (NaN) are null.

#include "core/lr/SnapshotEnsemble.h"
#include "core/lr/RunSubject.h"
#include "core/lr/SnapshotReport.h"
#include "core/train/ModelSpec.h"
#include "core/train/TrainingData.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace loupe {

// What a stored config tells a reader of runs: cycles, epochs and what it ran on. Missing or
// mistyped keys read as 0 / empty.
struct SnapshotRunConfig {
    int cycles = 0;
    int epochs = 0;
    RunSubject subject;
};

nlohmann::ordered_json snapshotConfigJson(const SnapshotOptions &options, const ModelSpec &spec,
                                          const TrainingData &data);
SnapshotRunConfig snapshotConfigFromJson(const std::string &configJson);

nlohmann::ordered_json snapshotReportJson(const SnapshotReport &report);

// The inverse of snapshotReportJson (status and messages included). InvalidInput naming the key
// when the document is not such a report.
Result<SnapshotReport> snapshotReportFromJson(const std::string &jsonText);

// The learning rate of every step of the snapshot run: lr0 / 2 (cos(pi (i mod c) / c) + 1) for
// i = 0 .. iterations-1 (c = cycle_length), as SnapshotEnsemble trained it.
std::vector<double> snapshotRates(const SnapshotReport &report);

} // namespace loupe
