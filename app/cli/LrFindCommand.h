#pragma once
// loupe-cli lr-find SPEC.json --data fashion-mnist|FILE.csv --mode range|onepass [--start X]
//   [--end X] [--factor F] [--steps N] [--fraction F] [--epochs N] [--seed S] [--json] [--db PATH]
//
// Finds a learning rate for the spec's model on the data's training rows:
//   range:   the chapter's line search: a fresh model per rate start * factor^i (i < steps),
//            trained for the spec's epochs (or --epochs; on a seeded --fraction of the rows);
//            defaults 1e-6, 2, 20, 1.
//   onepass: fastai's lr_find: one pass, the rate growing per batch from --start to --end over
//            --steps batches (0 = one epoch); defaults 1e-7, 10, 100.
// Prints the loss per rate and the suggestions; with --json
//   {"mode", "points": [{"lr", "loss", "diverged"}], "suggestions": {"recommended", "method",
//    "minimum", "loss_minimum_lr", "steep", "valley"}, "seconds", "status", "run_id", ...}.
// The search is stored in the workspace as an 'lr-find' run: its settings as config, one step
// metric (lr, loss) per point, the JSON above as summary.
// Exit codes: 0 a rate was recommended; 1 cancelled (Ctrl-C) or no rate could be recommended
// (every run diverged); 2 bad usage, spec or data (message names the option, JSON path or file).

#include "app/cli/Command.h"

namespace loupe::cli {

class LrFindCommand : public Command {
public:
    QString name() const override { return QStringLiteral("lr-find"); }
    QString summary() const override;
    QString description() const override;
    void declareArguments(ArgumentParser &parser) const override;
    ExitCode run(const ParsedArguments &arguments, CliContext &context) override;
};

} // namespace loupe::cli
