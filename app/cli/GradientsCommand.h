#pragma once
// loupe-cli gradients SPEC.json --weights W.json --data BATCH.csv --target COL: the loss and the
// per-layer gradient norms of a given model on a given batch (core/train/GradientService).

#include "app/cli/Command.h"

namespace loupe::cli {

class GradientsCommand : public Command {
public:
    QString name() const override { return QStringLiteral("gradients"); }
    QString summary() const override;
    QString description() const override;
    void declareArguments(ArgumentParser &parser) const override;
    ExitCode run(const ParsedArguments &arguments, CliContext &context) override;
};

} // namespace loupe::cli
