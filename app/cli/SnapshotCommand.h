#pragma once
// loupe-cli snapshot SPEC.json --data fashion-mnist|FILE.csv --cycles M --epochs T [--lr0 X]
//   [--seed S] [--no-single-model] [--json] [--db PATH]
//
// Trains a snapshot ensemble (Huang et al. 2017): M cyclic-cosine cycles over T epochs, a
// snapshot of the weights at the end of each cycle, the ensemble = the mean softmax of the last
// K snapshots with K chosen on the validation rows. Reports every snapshot's validation and test
// accuracy, the ensemble's, and a single model trained for the same budget with one plain cosine.
// With --json: {"snapshots": [{"index", "iteration", "complete_cycle", "val_accuracy", "val_loss",
// "test_accuracy", "test_loss"}], "ensemble": {"size", "candidates": [...], "val_accuracy",
// "test_accuracy", "test_loss"}, "single_model": {...} | null, "lr0", "cycle_length",
// "iterations", "seconds", "status", "run_id"}.
// Stored as a 'snapshot' run (one epoch-metrics row per snapshot, the JSON above as summary).
// Exit codes: 0 done; 1 diverged or cancelled; 2 bad usage, spec or data.

#include "app/cli/Command.h"

namespace loupe::cli {

class SnapshotCommand : public Command {
public:
    QString name() const override { return QStringLiteral("snapshot"); }
    QString summary() const override;
    QString description() const override;
    void declareArguments(ArgumentParser &parser) const override;
    ExitCode run(const ParsedArguments &arguments, CliContext &context) override;
};

} // namespace loupe::cli
