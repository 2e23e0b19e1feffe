#pragma once
// loupe-cli weights export FILE.weights [-o W.json] | weights import W.json --spec SPEC.json -o FILE.weights:
// converts between Loupe's weights file and the plain interchange JSON (core/train/WeightsInterchange),
// so a model moves to and from numpy, Keras and PyTorch.

#include "app/cli/Command.h"

namespace loupe::cli {

class WeightsCommand : public Command {
public:
    QString name() const override { return QStringLiteral("weights"); }
    QString summary() const override;
    QString description() const override;
    void declareArguments(ArgumentParser &parser) const override;
    ExitCode run(const ParsedArguments &arguments, CliContext &context) override;

private:
    ExitCode runExport(const ParsedArguments &arguments, CliContext &context);
    ExitCode runImport(const ParsedArguments &arguments, CliContext &context);
};

} // namespace loupe::cli
