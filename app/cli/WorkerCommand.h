#pragma once
// loupe-cli worker --storage URL --study NAME [--max-evals N] [--jobs N] [--grace SECONDS] [--json]
//
// Joins a study created by `loupe-cli search` (or `search --create-only`) and evaluates its trials
// until the study's budget is used up; any number of workers on any number of machines may share
// one PostgreSQL database. Prints one line per trial; with --json one object
//   {"study", "worker", "trials_run", "abandoned", "reaped", "best", "status"}.
// Exit codes: 0 the budget is used up; 1 interrupted; 2 bad usage, unknown study or storage.

#include "app/cli/Command.h"

namespace loupe::cli {

class WorkerCommand : public Command {
public:
    QString name() const override { return QStringLiteral("worker"); }
    QString summary() const override;
    QString description() const override;
    void declareArguments(ArgumentParser &parser) const override;
    ExitCode run(const ParsedArguments &arguments, CliContext &context) override;
};

} // namespace loupe::cli
