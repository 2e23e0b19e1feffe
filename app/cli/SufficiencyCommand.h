#pragma once
// loupe-cli sufficiency DATA.csv --target COL [--spec SPEC.json] [--exclude COL]: is the data up to the
// task? The chapter's rules of thumb (core/train/SufficiencyAnalyzer.h) with a verdict each.
// Exit 1 when any verdict is "insufficient", 2 for bad input.

#include "app/cli/Command.h"

namespace loupe::cli {

class SufficiencyCommand : public Command {
public:
    QString name() const override { return QStringLiteral("sufficiency"); }
    QString summary() const override;
    QString description() const override;
    void declareArguments(ArgumentParser &parser) const override;
    ExitCode run(const ParsedArguments &arguments, CliContext &context) override;
};

} // namespace loupe::cli
