#pragma once
// loupe-cli simulate --rows N -o FILE.csv: writes seeded synthetic card transactions (same seed, same bytes),
// optionally with planted defects for data tests and the PII scan.

#include "app/cli/Command.h"
#include "core/data/TransactionSimulator.h"
#include "core/util/Status.h"

#include <QString>

#include <vector>

namespace loupe::cli {

class SimulateCommand : public Command {
public:
    static constexpr std::int64_t s_maxRows = 50'000'000;

    QString name() const override { return QStringLiteral("simulate"); }
    QString summary() const override;
    QString description() const override;
    void declareArguments(ArgumentParser &parser) const override;
    ExitCode run(const ParsedArguments &arguments, CliContext &context) override;

    // "birth-dates,pii-in-text" -> the defects, without repeats; the message lists the valid names.
    static Result<std::vector<Defect>> parseDefects(const QString &list);
};

} // namespace loupe::cli
