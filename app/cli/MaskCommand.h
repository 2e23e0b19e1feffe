#pragma once
// loupe-cli mask FILE -o OUT.csv [--drop COL] [--mask COL] [--mask-all COL]: writes a cleaned copy of a CSV
// file (CsvWriter: written to OUT.csv.tmp, then renamed). --mask replaces the personal data found in a
// column by its masked form and keeps the rest of the text; --mask-all masks every cell of the column;
// --drop removes the column. Each option is repeatable and takes one column or a comma-separated list.

#include "app/cli/Command.h"

namespace loupe::cli {

class MaskCommand : public Command {
public:
    QString name() const override { return QStringLiteral("mask"); }
    QString summary() const override;
    QString description() const override;
    void declareArguments(ArgumentParser &parser) const override;
    ExitCode run(const ParsedArguments &arguments, CliContext &context) override;
};

} // namespace loupe::cli
