#pragma once
// loupe-cli head FILE [-n N] [--no-infer]: the first N rows of a CSV file, typed (or raw with --no-infer).
// Reads only those rows (CsvOptions::maxRows), so it is fast on a file of any size.

#include "app/cli/Command.h"

namespace loupe::cli {

class HeadCommand : public Command {
public:
    static constexpr int s_defaultRows = 10;

    QString name() const override { return QStringLiteral("head"); }
    QString summary() const override;
    QString description() const override;
    void declareArguments(ArgumentParser &parser) const override;
    ExitCode run(const ParsedArguments &arguments, CliContext &context) override;
};

} // namespace loupe::cli
