#pragma once
// loupe-cli pii FILE: scans a CSV file for personal data (SSNs, card numbers, IBANs, e-mail addresses,
// phone numbers, IP addresses, birth dates), flags identifier columns, optionally audits k-anonymity of
// chosen quasi-identifier columns, and records a 'scan' run in the workspace. Exit 1 when anything was
// found (or k-anonymity is below the requested k), 0 when clean, 2 for bad input. docs/privacy.md.

#include "app/cli/Command.h"

namespace loupe::cli {

class PiiCommand : public Command {
public:
    QString name() const override { return QStringLiteral("pii"); }
    QString summary() const override;
    QString description() const override;
    void declareArguments(ArgumentParser &parser) const override;
    ExitCode run(const ParsedArguments &arguments, CliContext &context) override;
};

} // namespace loupe::cli
