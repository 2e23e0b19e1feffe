#pragma once
// loupe-cli search (SPACE.json --data D | --objective branin|hartmann6|rosenbrock|conditional)
//   --algo tpe|random|tpe-hyperopt|tpe-optuna --max-evals N [--seed S] [--jobs N] [--storage URL]
//   [--study NAME] [--resume] [--create-only] [--grace SECONDS] [--loss val_loss|val_accuracy] [--json]
//
// Runs a hyperparameter search stored as a study (trials in the workspace, or in --storage, a
// SQLite file or a PostgreSQL database shared with `loupe-cli worker` processes). Prints one line
// per finished trial and the best; with --json one object
//   {"best": {"number", "loss", "params", "indices"}, "trials": [{"number", "state", "params",
//    "loss", "seconds"}], "suggest_ms_mean", "study", "storage", "status", "trials_run"}.
// Exit codes: 0 the budget was used up and some trial completed; 1 interrupted, or no trial
// completed; 2 bad usage, template, data or storage.

#include "app/cli/Command.h"

namespace loupe::cli {

class SearchCommand : public Command {
public:
    QString name() const override { return QStringLiteral("search"); }
    QString summary() const override;
    QString description() const override;
    void declareArguments(ArgumentParser &parser) const override;
    ExitCode run(const ParsedArguments &arguments, CliContext &context) override;
};

} // namespace loupe::cli
