#pragma once
// loupe-cli train SPEC.json --data fashion-mnist|FILE.csv [--target COL] [--epochs N] [--seed S]
//   [--batch-size N] [--learning-rate X] [--save-weights PATH] [--json] [--db PATH]
//
// Trains the spec's model, printing one line per epoch (epoch, loss, accuracy, val_loss,
// val_accuracy, lr, seconds) and then the test accuracy; with --json exactly one object
// {"epochs":[...], "test_accuracy", "test_loss", "diverged", "status", "message", "run_id", ...}.
// The run is stored in the workspace as it trains (kind 'train', the effective spec as config,
// per-epoch and per-step metrics, status and summary at the end).
// Exit codes: 0 completed; 1 diverged ("diverged at epoch E, step S, loss L" on stderr), failed or
// cancelled (Ctrl-C / SIGTERM: the run is stored as cancelled); 2 bad usage, a bad spec (the
// message starts with the JSON path), data that does not fit, or a workspace that cannot record.

#include "app/cli/Command.h"

namespace loupe::cli {

class TrainCommand : public Command {
public:
    QString name() const override { return QStringLiteral("train"); }
    QString summary() const override;
    QString description() const override;
    void declareArguments(ArgumentParser &parser) const override;
    ExitCode run(const ParsedArguments &arguments, CliContext &context) override;
};

} // namespace loupe::cli
