#include "app/cli/MaskCommand.h"

#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/CommandOutputs.h"
#include "app/cli/CsvArguments.h"
#include "app/cli/FileChecks.h"
#include "core/data/CsvReader.h"
#include "core/data/CsvWriter.h"
#include "core/privacy/TableMasking.h"

#include <QFileInfo>

namespace loupe::cli {

namespace {

void addActions(const ParsedArguments &arguments, const QString &option, ColumnTreatment treatment,
                std::vector<ColumnAction> &actions)
{
    for (const QString &value : arguments.values(option))
        for (const QString &column : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
            actions.push_back(ColumnAction{toUtf8(column.trimmed()), treatment});
}

} // namespace

QString MaskCommand::summary() const
{
    return QStringLiteral("Write a copy of a CSV file with columns dropped or their personal data masked");
}

QString MaskCommand::description() const
{
    return QStringLiteral(
        "--mask COL masks every value the privacy scan finds in COL (4111 **** **** 1111, ***-**-6789, ...) and\n"
        "keeps the rest of each cell; --mask-all COL masks every cell of COL (first character kept when it has\n"
        "four or more); --drop COL removes COL. The output is written atomically (a unique temporary file,\n"
        "then renamed; a new file is 0600) and may not be the input; -o - writes the CSV to stdout.\n"
        "With --json: {\"output\", \"rows\", \"columns\":[names], \"dropped\", \"masked\"}. Nothing is recorded.");
}

void MaskCommand::declareArguments(ArgumentParser &parser) const
{
    parser.addPositional(QStringLiteral("FILE"), QStringLiteral("the CSV file to clean"));
    parser.addTextOption(QStringLiteral("output"), QStringLiteral("OUT.csv"), QStringLiteral("the cleaned file (- for stdout)"))
        .withShortName(QLatin1Char('o'))
        .required();
    parser.addTextOption(QStringLiteral("drop"), QStringLiteral("COL"), QStringLiteral("remove this column")).repeatable();
    parser.addTextOption(QStringLiteral("mask"), QStringLiteral("COL"),
                         QStringLiteral("mask the personal data found in this column"))
        .repeatable();
    parser.addTextOption(QStringLiteral("mask-all"), QStringLiteral("COL"), QStringLiteral("mask every cell of this column"))
        .repeatable();
    CsvArguments::declare(parser, CsvOptionSet::Full);
}

ExitCode MaskCommand::run(const ParsedArguments &arguments, CliContext &context)
{
    const QString path = arguments.positional(0);
    const QString output = arguments.value(QStringLiteral("output"));
    std::vector<ColumnAction> actions;
    addActions(arguments, QStringLiteral("drop"), ColumnTreatment::Drop, actions);
    addActions(arguments, QStringLiteral("mask"), ColumnTreatment::MaskFindings, actions);
    addActions(arguments, QStringLiteral("mask-all"), ColumnTreatment::MaskAll, actions);
    if (actions.empty())
        return context.fail(ExitCode::BadInput, std::string("nothing to do: give --drop, --mask or --mask-all"));
    CommandOutputs outputs(context);
    outputs.addInput(path);
    const OutputTarget target = outputs.addOutput(QStringLiteral("-o"), output, FileAccess::OwnerOnly, StreamUse::Allowed);
    if (Status checked = outputs.check(); !checked.isOk())
        return context.fail(checked);
    auto options = CsvArguments::toOptions(arguments);
    if (!options.isOk())
        return context.fail(options.status());
    if (Status readable = checkReadableFile(path); !readable.isOk())
        return context.fail(readable);
    auto loaded = CsvReader(options.value()).readFile(toNativePath(path));
    if (!loaded.isOk())
        return context.fail(loaded.status());
    auto cleaned = TableMasking::apply(loaded.value().table, actions);
    if (!cleaned.isOk())
        return context.fail(ExitCode::BadInput, toUtf8(path) + ": " + cleaned.message());
    if (Status written = CsvWriter::writeFile(cleaned.value(), target); !written.isOk())
        return context.fail(written);

    nlohmann::ordered_json columns = nlohmann::ordered_json::array();
    for (const Column &column : cleaned.value().columns())
        columns.push_back(column.name());
    nlohmann::ordered_json dropped = nlohmann::ordered_json::array(), masked = nlohmann::ordered_json::array();
    for (const ColumnAction &action : actions)
        (action.treatment == ColumnTreatment::Drop ? dropped : masked).push_back(action.column);
    if (context.isJson()) {
        context.printJson({{"output", toUtf8(QFileInfo(output).absoluteFilePath())}, // "-" is refused with --json
                           {"rows", cleaned.value().rowCount()},
                           {"columns", columns},
                           {"dropped", dropped},
                           {"masked", masked}});
    } else {
        // With -o - the data owns stdout: the summary goes to stderr.
        std::ostream &summary = target.isStandardOutput() ? context.err() : context.out();
        summary << "wrote " << (target.isStandardOutput() ? std::string("standard output") : toUtf8(output)) << ": "
                << cleaned.value().rowCount() << " rows, " << cleaned.value().columnCount() << " columns ("
                << dropped.size() << " dropped, " << masked.size() << " masked)\n";
    }
    return ExitCode::Success;
}

} // namespace loupe::cli
