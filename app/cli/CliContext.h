#pragma once
// What a running command talks to: stdout and stderr, the output format chosen with --json, and the
// workspace chosen with --db (opened only when a command first records something).
//
// Output rules (docs/cli.md): human text on stdout by default; with --json exactly one JSON document
// on stdout, failures included ({"error": ..., "exit_code": ...}). Messages about bad input always go
// to stderr as "loupe-cli COMMAND: message".

#include "app/cli/CliWorkspace.h"
#include "app/cli/ExitCode.h"
#include "core/util/Status.h"

#include <nlohmann/json.hpp>

#include <QString>

#include <memory>
#include <ostream>
#include <string>

namespace loupe {
class Store;
} // namespace loupe

namespace loupe::cli {

enum class OutputFormat { Text, Json };

class CliContext {
public:
    // requires: out and err outlive the context.
    CliContext(std::ostream &out, std::ostream &err);

    std::ostream &out() { return m_out; }
    std::ostream &err() { return m_err; }

    void setCommandName(const QString &name) { m_commandName = name; }
    const QString &commandName() const { return m_commandName; }
    void setOutputFormat(OutputFormat format) { m_format = format; }
    bool isJson() const { return m_format == OutputFormat::Json; }

    // Writes `document` to stdout as the command's JSON answer (invalid UTF-8 is replaced, never thrown).
    void printJson(const nlohmann::ordered_json &document);
    // Reports why the command stops: the message on stderr, and with --json the error document on stdout.
    // ensures: returns `code`.
    ExitCode fail(ExitCode code, const std::string &message);
    ExitCode fail(ExitCode code, const QString &message) { return fail(code, message.toStdString()); }
    // InvalidInput and IoError are bad input (2); Failed is a failure found by a run that worked (1).
    ExitCode fail(const Status &status);
    // A note on stderr that does not change the exit code.
    void warn(const std::string &message);
    // Warns of each run that opening `store` marked interrupted (Store::interruptedOnOpen: "run 12
    // (train, started ...) was interrupted: the process 1234 on host X ended without finishing"), or
    // that the check could not be made. Every command that opens a workspace calls it (CliWorkspace
    // does for the commands that record).
    void noteInterruptedRuns(const Store &store);

    // The workspace the command records into. requires: configureWorkspace was called.
    CliWorkspace &workspace() { return *m_workspace; }
    void configureWorkspace(const QString &location, WorkspaceUse use);

private:
    std::ostream &m_out;
    std::ostream &m_err;
    QString m_commandName;
    OutputFormat m_format = OutputFormat::Text;
    std::unique_ptr<CliWorkspace> m_workspace;
};

// UTF-8 bytes of a path or text, for the std::string APIs of core/.
std::string toUtf8(const QString &text);
// A file path as the operating system wants it (the local 8-bit encoding), for core/'s file APIs.
std::string toNativePath(const QString &path);

} // namespace loupe::cli
