#include "app/cli/HeadCommand.h"

#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/CsvArguments.h"
#include "app/cli/FileChecks.h"
#include "app/cli/TableJson.h"
#include "app/cli/TextTable.h"
#include "core/data/CsvReader.h"

namespace loupe::cli {

namespace {

enum class CellForm { Typed, Raw };

// Raw: the field text as parsed (quotes removed), "" for an empty field.
nlohmann::ordered_json rowsJson(const Table &table, CellForm form)
{
    nlohmann::ordered_json rows = nlohmann::ordered_json::array();
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        nlohmann::ordered_json row = nlohmann::ordered_json::object();
        for (const Column &column : table.columns()) {
            if (form == CellForm::Raw && column.type() == ColumnType::String)
                row[column.name()] = std::string(column.stringAt(r));
            else
                row[column.name()] = cellJson(column, r);
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

void printText(std::ostream &out, const Table &table, CellForm form)
{
    TextTable text;
    std::vector<std::string> names, types;
    for (const Column &column : table.columns()) {
        names.push_back(column.name());
        types.push_back(form == CellForm::Raw ? std::string("raw") : std::string(columnTypeName(column.type())));
    }
    text.addRow(std::move(names));
    text.addRow(std::move(types));
    text.addSeparator();
    for (std::size_t r = 0; r < table.rowCount(); ++r) {
        std::vector<std::string> cells;
        for (const Column &column : table.columns())
            cells.push_back(form == CellForm::Raw && column.type() == ColumnType::String
                                ? std::string(column.stringAt(r))
                                : column.displayAt(r));
        text.addRow(std::move(cells));
    }
    text.print(out);
    out.flush();
}

} // namespace

QString HeadCommand::summary() const
{
    return QStringLiteral("Show the first rows of a CSV file");
}

QString HeadCommand::description() const
{
    return QStringLiteral(
        "Reads only the first N rows. Types are inferred from those rows alone, so they can differ from\n"
        "what 'load' infers from the whole file.\n"
        "With --json: an array of N objects {column: value}; numbers are numbers, booleans true/false,\n"
        "datetimes ISO 8601 strings, missing values null.\n"
        "With --no-infer every value is the field's text as written (quotes removed): no type inference,\n"
        "and an empty field is the empty string \"\", not null.");
}

void HeadCommand::declareArguments(ArgumentParser &parser) const
{
    parser.addPositional(QStringLiteral("FILE"), QStringLiteral("the CSV file to read"));
    parser.addIntegerOption(QStringLiteral("rows"), QStringLiteral("N"),
                            QStringLiteral("how many rows to show (default %1)").arg(s_defaultRows), 1, 10'000'000)
        .withShortName(QLatin1Char('n'));
    parser.addFlag(QStringLiteral("no-infer"), QStringLiteral("show every field as its raw text (empty field: \"\")"));
    CsvArguments::declare(parser, CsvOptionSet::DelimiterOnly);
}

ExitCode HeadCommand::run(const ParsedArguments &arguments, CliContext &context)
{
    const QString path = arguments.positional(0);
    auto options = CsvArguments::toOptions(arguments);
    if (!options.isOk())
        return context.fail(options.status());
    if (Status readable = checkReadableFile(path); !readable.isOk())
        return context.fail(readable);
    const CellForm form = arguments.isSet(QStringLiteral("no-infer")) ? CellForm::Raw : CellForm::Typed;
    CsvOptions &csv = options.value();
    csv.maxRows = static_cast<std::size_t>(arguments.intValue(QStringLiteral("rows"), s_defaultRows));
    if (form == CellForm::Raw)
        csv.inference = TypeInference::AllStrings;

    auto report = CsvReader(csv).readFile(toNativePath(path));
    if (!report.isOk())
        return context.fail(report.status());
    const Table &table = report.value().table;
    if (context.isJson())
        context.printJson(rowsJson(table, form));
    else
        printText(context.out(), table, form);
    return ExitCode::Success;
}

} // namespace loupe::cli
