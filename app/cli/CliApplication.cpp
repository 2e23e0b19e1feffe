#include "app/cli/CliApplication.h"

#include "app/cli/ArgumentParser.h"
#include "app/cli/BuiltinCommands.h"
#include "app/cli/CliContext.h"
#include "db/store/WorkspaceLocation.h"

namespace loupe::cli {

namespace {

bool isHelp(const QString &token)
{
    return token == QLatin1String("--help") || token == QLatin1String("-h");
}

// Options before "--" only: after it every token is a positional.
bool containsOption(const QStringList &arguments, const QString &option)
{
    for (const QString &token : arguments) {
        if (token == QLatin1String("--"))
            return false;
        if (token == option || (option == QLatin1String("--help") && isHelp(token)))
            return true;
    }
    return false;
}

} // namespace

void addCommonOptions(ArgumentParser &parser)
{
    parser.addFlag(QStringLiteral("json"), QStringLiteral("print one JSON document on stdout instead of text"));
    parser.addTextOption(QStringLiteral("db"), QStringLiteral("PATH"),
                         QStringLiteral("workspace to record runs in (SQLite file or postgresql:// URL; "
                                        "default $LOUPE_DB, else ~/.local/share/loupe/workspace.sqlite)"));
    parser.addFlag(QStringLiteral("no-workspace"), QStringLiteral("do not open or write any workspace"));
    parser.addFlag(QStringLiteral("help"), QStringLiteral("show this help and exit")).withShortName(QLatin1Char('h'));
    parser.addFlag(QStringLiteral("version"), QStringLiteral("show the version and exit"));
}

CliApplication::CliApplication(std::ostream &out, std::ostream &err) : m_out(out), m_err(err)
{
    registerBuiltinCommands(m_registry);
}

QString CliApplication::versionText()
{
    return QStringLiteral("loupe-cli %1").arg(QLatin1String(s_version));
}

QString CliApplication::helpText() const
{
    QString text = QStringLiteral("loupe-cli: Loupe's engine without a window, for scripts, CI and workers.\n\n"
                                  "Usage: loupe-cli [--db PATH] COMMAND [ARGUMENTS] [OPTIONS]\n\nCommands:\n");
    for (const auto &command : m_registry.commands())
        text += QStringLiteral("  %1  %2\n").arg(command->name(), -10).arg(command->summary());
    ArgumentParser common(QStringLiteral("loupe-cli"));
    addCommonOptions(common);
    text += QStringLiteral("\nOptions every command accepts:\n");
    const QString options = common.helpText();
    text += options.mid(options.indexOf(QStringLiteral("Options:\n")) + 9);
    text += QStringLiteral("\nExit codes: 0 success, 1 the run worked but found failures, 2 bad usage or bad input.\n"
                           "'loupe-cli COMMAND --help' describes a command's arguments and options.\n");
    return text;
}

int CliApplication::usageError(const QString &message)
{
    m_err << "loupe-cli: " << toUtf8(message) << "\n(see 'loupe-cli --help')\n";
    m_err.flush();
    return toInt(ExitCode::BadInput);
}

CliApplication::Split CliApplication::split(const QStringList &arguments) const
{
    ArgumentParser common;
    addCommonOptions(common);
    Split result;
    QStringList leading;
    qsizetype i = 0;
    for (; i < arguments.size() && arguments[i].startsWith(QLatin1Char('-')); ++i) {
        const QString &token = arguments[i];
        const QString name = token.section(QLatin1Char('='), 0, 0);
        const OptionSpec *spec = name.startsWith(QLatin1String("--")) ? common.findLong(name.mid(2))
                                                                       : (name.size() == 2 ? common.findShort(name[1]) : nullptr);
        if (!spec) {
            result.error = QStringLiteral("unknown option '%1'").arg(name);
            return result;
        }
        leading.append(token);
        if (spec->kind != OptionKind::Flag && name.size() == token.size() && i + 1 < arguments.size())
            leading.append(arguments[++i]);
    }
    if (i < arguments.size()) {
        result.commandName = arguments[i];
        // Options are order-free, so the leading ones can simply go first.
        result.commandArguments = leading + arguments.mid(i + 1);
    }
    return result;
}

ArgumentParser CliApplication::parserFor(const Command &command) const
{
    ArgumentParser parser(QStringLiteral("loupe-cli ") + command.name());
    command.declareArguments(parser);
    addCommonOptions(parser);
    return parser;
}

int CliApplication::printCommandHelp(const QString &name, std::ostream &stream)
{
    const Command *command = m_registry.find(name);
    if (!command)
        return usageError(QStringLiteral("unknown command '%1'; the commands are: %2")
                              .arg(name, m_registry.names().join(QStringLiteral(", "))));
    QString text = command->summary() + QStringLiteral("\n\n") + parserFor(*command).helpText();
    if (!command->description().isEmpty())
        text += QLatin1Char('\n') + command->description() + QLatin1Char('\n');
    stream << toUtf8(text);
    stream.flush();
    return toInt(ExitCode::Success);
}

int CliApplication::run(const QStringList &arguments)
{
    const Split split = this->split(arguments);
    if (containsOption(arguments, QStringLiteral("--version")) && split.error.isEmpty()) {
        m_out << toUtf8(versionText()) << '\n';
        return toInt(ExitCode::Success);
    }
    if (split.commandName.isEmpty() || split.commandName == QLatin1String("help")) {
        const bool asked = containsOption(arguments, QStringLiteral("--help")) || split.commandName == QLatin1String("help");
        if (!split.error.isEmpty() && !asked)
            return usageError(split.error);
        if (split.commandName == QLatin1String("help") && !split.commandArguments.isEmpty())
            return printCommandHelp(split.commandArguments.first(), m_out);
        if (!asked) {
            m_err << "loupe-cli: missing COMMAND\n\n" << toUtf8(helpText());
            return toInt(ExitCode::BadInput);
        }
        m_out << toUtf8(helpText());
        return toInt(ExitCode::Success);
    }
    if (!split.error.isEmpty())
        return usageError(split.error);
    Command *command = m_registry.find(split.commandName);
    if (!command)
        return usageError(QStringLiteral("unknown command '%1'; the commands are: %2")
                              .arg(split.commandName, m_registry.names().join(QStringLiteral(", "))));
    return runCommand(*command, split.commandArguments);
}

int CliApplication::runCommand(Command &command, const QStringList &arguments)
{
    if (containsOption(arguments, QStringLiteral("--help")))
        return printCommandHelp(command.name(), m_out);
    CliContext context(m_out, m_err);
    context.setCommandName(command.name());
    if (containsOption(arguments, QStringLiteral("--json")))
        context.setOutputFormat(OutputFormat::Json);
    const ArgumentParser parser = parserFor(command);
    auto parsed = parser.parse(arguments);
    if (!parsed.isOk())
        return toInt(context.fail(ExitCode::BadInput, parsed.message() + " (see 'loupe-cli "
                                                          + toUtf8(command.name()) + " --help')"));
    const ParsedArguments &values = parsed.value();
    const QString db = values.value(QStringLiteral("db"));
    if (values.isSet(QStringLiteral("db")) && db.trimmed().isEmpty())
        return toInt(context.fail(ExitCode::BadInput, std::string("option --db: the workspace path is empty")));
    const bool records = !values.isSet(QStringLiteral("no-workspace"));
    const QString location = WorkspaceLocation::resolve(db);
    // A --db in a folder that does not exist is refused before any work (Store::open would refuse it later).
    if (records && values.isSet(QStringLiteral("db"))) {
        if (Status folder = WorkspaceLocation::checkFolder(location); !folder.isOk())
            return toInt(context.fail(ExitCode::BadInput, "option --db: " + folder.message()));
    }
    context.configureWorkspace(location, records ? WorkspaceUse::Record : WorkspaceUse::Skip);
    return toInt(command.run(values, context));
}

} // namespace loupe::cli
