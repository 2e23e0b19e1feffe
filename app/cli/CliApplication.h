#pragma once
// loupe-cli's dispatcher: global options, the command list, per-command help, strict parsing, exit codes.
//
//   loupe-cli [GLOBAL OPTIONS] COMMAND [ARGUMENTS] [OPTIONS]
//   loupe-cli help [COMMAND]      loupe-cli COMMAND --help      loupe-cli --version
//
// Global options (--db PATH, --no-workspace, --json) may stand before or after the command.
// run() returns the process exit code: 0 success, 1 the run found failures, 2 bad usage or bad input.

#include "app/cli/CommandRegistry.h"

#include <QString>
#include <QStringList>

#include <ostream>

namespace loupe::cli {

class ArgumentParser;

class CliApplication {
public:
    static constexpr const char *s_version = "0.1.0";

    // requires: out and err outlive the application. The registry starts with the built-in commands.
    CliApplication(std::ostream &out, std::ostream &err);

    CommandRegistry &registry() { return m_registry; }

    // arguments: the command line without the program name.
    int run(const QStringList &arguments);

    QString helpText() const;
    static QString versionText();

private:
    // Finds the command name; global options given before it become options of the command.
    struct Split {
        QString commandName;
        QStringList commandArguments;
        QString error;
    };
    Split split(const QStringList &arguments) const;
    int runCommand(Command &command, const QStringList &arguments);
    int printCommandHelp(const QString &name, std::ostream &stream);
    ArgumentParser parserFor(const Command &command) const;
    int usageError(const QString &message);

    std::ostream &m_out;
    std::ostream &m_err;
    CommandRegistry m_registry;
};

// Adds --json, --db, --no-workspace, --help and --version to a command's parser.
void addCommonOptions(ArgumentParser &parser);

} // namespace loupe::cli
