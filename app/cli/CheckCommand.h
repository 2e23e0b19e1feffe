#pragma once
// loupe-cli check SUITE.json DATA.csv: runs a suite of data tests (docs/checks.md) over a CSV file and
// prints the report (text, JSON, JUnit XML or HTML) to stdout or, atomically, to -o FILE. Exit 0 when every
// error-severity test passes, 1 when one fails, 2 for a bad suite or bad data. Records a 'check' run with
// its per-test results and failing rows in the workspace (unless --no-workspace).

#include "app/cli/Command.h"

namespace loupe::cli {

class CheckCommand : public Command {
public:
    QString name() const override { return QStringLiteral("check"); }
    QString summary() const override;
    QString description() const override;
    void declareArguments(ArgumentParser &parser) const override;
    ExitCode run(const ParsedArguments &arguments, CliContext &context) override;
};

} // namespace loupe::cli
