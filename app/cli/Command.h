#pragma once
// One loupe-cli sub-command. A new command is one subclass plus one line in BuiltinCommands.cpp.
//
// The application builds an ArgumentParser for the command, lets the command declare its own
// arguments, adds the common options (--json, --db, --no-workspace, --help), parses strictly and
// only then calls run(). So run() sees validated values and reports only what is wrong with the
// input itself (a missing file, a bad CSV) through CliContext::fail.

#include "app/cli/ExitCode.h"

#include <QString>

namespace loupe::cli {

class ArgumentParser;
class CliContext;
class ParsedArguments;

class Command {
public:
    virtual ~Command() = default;

    // The word after loupe-cli, e.g. "load".
    virtual QString name() const = 0;
    // One line for the command list of `loupe-cli --help`.
    virtual QString summary() const = 0;
    // Extra paragraphs for `loupe-cli NAME --help` (what it prints, what it stores); may be empty.
    virtual QString description() const { return {}; }
    // Declares positionals and command-specific options; the common options are added afterwards.
    virtual void declareArguments(ArgumentParser &parser) const = 0;
    // ensures: exactly one JSON document on stdout when context.isJson(), even on failure.
    virtual ExitCode run(const ParsedArguments &arguments, CliContext &context) = 0;
};

} // namespace loupe::cli
