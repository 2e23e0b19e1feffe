#pragma once
// loupe-cli lr-verify SPEC.json --data fashion-mnist|FILE.csv (--rates LIST | --around X
//   [--factor F] [--each N]) [--seeds LIST | --seed S] [--json] [--db PATH]
//
// Judges learning rates by training (LrVerifier): for every rate and seed a fresh model trains for
// the spec's own budget (epochs, batch size, schedule), then is measured on the test rows: loss,
// accuracy, balanced accuracy and, for two classes, average precision (PR-AUC).
//   --rates 1e-4,3e-4,1e-3   the rates to train at
//   --around X               X and its neighbours X / F^k, X * F^k for k <= N (F 3, N 1)
//   --seeds 1,2,3            one run per seed (default: the spec's seed, or --seed)
// Prints one line per rate (means over seeds); with --json the document of core/lr/LrVerifyJson.h
// plus "run_id". Stored as an 'lr-find' run with config mode "verify".
// Exit codes: 0 done; 1 cancelled or every run diverged; 2 bad usage, spec or data.

#include "app/cli/Command.h"

namespace loupe::cli {

class LrVerifyCommand : public Command {
public:
    QString name() const override { return QStringLiteral("lr-verify"); }
    QString summary() const override;
    QString description() const override;
    void declareArguments(ArgumentParser &parser) const override;
    ExitCode run(const ParsedArguments &arguments, CliContext &context) override;
};

} // namespace loupe::cli
