#pragma once
// loupe-cli demo [--out DIR]: the headless tour (DemoTour) — simulate, load, summarise, report, record —
// with every file written to DIR and the runs stored in DIR/workspace.sqlite (or --db).

#include "app/cli/Command.h"

namespace loupe::cli {

class DemoCommand : public Command {
public:
    static constexpr std::int64_t s_defaultRows = 100'000;

    QString name() const override { return QStringLiteral("demo"); }
    QString summary() const override;
    QString description() const override;
    void declareArguments(ArgumentParser &parser) const override;
    ExitCode run(const ParsedArguments &arguments, CliContext &context) override;
};

} // namespace loupe::cli
