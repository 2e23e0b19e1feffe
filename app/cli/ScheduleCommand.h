#pragma once
// loupe-cli schedule NAME [--lr0 X] [--length L] [--t0 N] [--t-mult M] [--eta-min X]
//   [--step-size N] [--gamma G] [--max-lr X] [--pct-start X] [--anneal cos|linear]
//   [--div-factor X] [--final-div-factor X] [--three-phase] [--warmup N]
//   [--epochs N | --steps N] [--json]
//
// Prints the learning rate a schedule gives at t = 0 .. N-1 (10 epochs by default): a table
// "epoch lr" (or "step lr"), or with --json {"name", "params": {...}, "lr": [...]}. NAME is one
// of ScheduleSpec's names; every option is checked against that schedule (an option the
// schedule does not take is an error, not silently ignored). one-cycle's total_steps is N.
// Exit codes: 0, or 2 naming the option that is wrong. Records nothing.

#include "app/cli/Command.h"
#include "core/optim/ScheduleSpec.h"

namespace loupe::cli {

class ScheduleCommand : public Command {
public:
    QString name() const override { return QStringLiteral("schedule"); }
    QString summary() const override;
    QString description() const override;
    void declareArguments(ArgumentParser &parser) const override;
    ExitCode run(const ParsedArguments &arguments, CliContext &context) override;

    // The ScheduleSpec the options describe, with messages naming the option ("option --t-mult: ...").
    static Result<ScheduleSpec> specFrom(const ParsedArguments &arguments);
};

} // namespace loupe::cli
