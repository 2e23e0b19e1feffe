#pragma once
// loupe-cli scale DATA.csv --method standard|minmax|mean|l1|l2 [--columns a,b] [--test-fraction F --seed S]
//   -o OUT.csv [--params-out P.json]: fits a scaler on the training split only, scales every row with it,
// writes the scaled CSV (atomically) and the fitted parameters. --apply P.json scales with saved
// parameters instead of fitting. docs/scaling.md explains fit-on-train and the leakage refusal.

#include "app/cli/Command.h"

namespace loupe::cli {

class ScaleCommand : public Command {
public:
    QString name() const override { return QStringLiteral("scale"); }
    QString summary() const override;
    QString description() const override;
    void declareArguments(ArgumentParser &parser) const override;
    ExitCode run(const ParsedArguments &arguments, CliContext &context) override;
};

} // namespace loupe::cli
