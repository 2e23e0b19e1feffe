#pragma once
// loupe-cli load FILE: parses a CSV file and reports rows, columns (name, type, missing) and the seconds
// the parse took; records the dataset and a 'load' run in the workspace (unless --no-workspace).

#include "app/cli/Command.h"

namespace loupe::cli {

class LoadCommand : public Command {
public:
    QString name() const override { return QStringLiteral("load"); }
    QString summary() const override;
    QString description() const override;
    void declareArguments(ArgumentParser &parser) const override;
    ExitCode run(const ParsedArguments &arguments, CliContext &context) override;
};

} // namespace loupe::cli
