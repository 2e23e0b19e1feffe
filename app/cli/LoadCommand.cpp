#include "app/cli/LoadCommand.h"

#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/CsvArguments.h"
#include "app/cli/FileChecks.h"
#include "app/cli/TextTable.h"
#include "core/data/CsvReader.h"
#include "core/data/LoadRunJson.h"
#include "core/util/Timer.h"
#include "db/runs/DatasetRecorder.h"

#include <QFileInfo>

#include <iomanip>
#include <optional>

namespace loupe::cli {

namespace {

Result<RecordedLoad> record(CliWorkspace &workspace, const Table &table, const CsvLoad &load)
{
    auto store = workspace.store();
    if (!store.isOk())
        return store.status();
    return DatasetRecorder(*store.value()).recordLoad(table, load);
}

void printText(CliContext &context, const QString &path, const CsvReadReport &report, double seconds,
               const std::optional<RecordedLoad> &recorded)
{
    std::ostream &out = context.out();
    const Table &table = report.table;
    out << toUtf8(path) << ": " << table.rowCount() << " rows, " << table.columnCount() << " columns, parsed in "
        << std::fixed << std::setprecision(3) << seconds << " s (delimiter '" << csvDelimiterName(report.delimiter)
        << "')\n";
    if (report.skippedRows > 0)
        out << "skipped " << report.skippedRows << " row(s) with the wrong number of fields"
            << (report.skippedSamples.size() < report.skippedRows ? ", the first:\n" : ":\n");
    for (const CsvSkippedRow &row : report.skippedSamples)
        out << "  line " << row.line << ": " << row.reason << '\n';
    TextTable columns;
    columns.addRow({"column", "type", "missing"});
    columns.addSeparator();
    for (const Column &column : table.columns())
        columns.addRow({column.name(), std::string(columnTypeName(column.type())), std::to_string(column.missingCount())});
    columns.print(out, 2);
    if (recorded)
        out << "recorded as dataset " << recorded->datasetId << ", run " << recorded->runId << " in "
            << toUtf8(context.workspace().displayLocation()) << '\n';
    out.flush();
}

} // namespace

QString LoadCommand::summary() const
{
    return QStringLiteral("Parse a CSV file; report its rows, column types and missing values");
}

QString LoadCommand::description() const
{
    return QStringLiteral(
        "Prints the row count, each column's name, type and missing count, and the seconds the parse took.\n"
        "With --json: {\"rows\":N, \"columns\":[{\"name\",\"type\",\"missing\"}], \"seconds\":S, \"skipped_rows\",\n"
        "\"delimiter\", \"record_seconds\", \"file\", \"workspace\"}.\n"
        "The file is stored as a dataset and the parse as a 'load' run in the workspace, after the parse,\n"
        "so the timing is the parse alone. A malformed file stops with exit code 2 and a message naming\n"
        "its line and field, unless --skip-bad-rows drops the rows with the wrong number of fields.");
}

void LoadCommand::declareArguments(ArgumentParser &parser) const
{
    parser.addPositional(QStringLiteral("FILE"), QStringLiteral("the CSV file to parse"));
    CsvArguments::declare(parser, CsvOptionSet::Full);
}

ExitCode LoadCommand::run(const ParsedArguments &arguments, CliContext &context)
{
    const QString path = arguments.positional(0);
    auto options = CsvArguments::toOptions(arguments);
    if (!options.isOk())
        return context.fail(options.status());
    if (Status readable = checkReadableFile(path); !readable.isOk())
        return context.fail(readable);

    const Timer timer;
    auto report = CsvReader(options.value()).readFile(toNativePath(path));
    const double seconds = timer.seconds();
    if (!report.isOk())
        return context.fail(report.status());

    const CsvReadReport &read = report.value();
    nlohmann::ordered_json summary = loadSummaryJson(read.table, read.skippedRows, read.delimiter, seconds);
    // Recording comes after the parse (hash, then one transaction), so "seconds" is the parse alone;
    // hashing beside the parse would only compete with it for the cores OpenMP already uses.
    std::optional<RecordedLoad> recorded;
    if (context.workspace().isEnabled()) {
        const Timer recordTimer;
        const CsvLoad load{path, options.value(), read.skippedRows, read.delimiter, seconds};
        auto stored = record(context.workspace(), read.table, load);
        if (!stored.isOk())
            return context.fail(ExitCode::BadInput, "could not record the load in the workspace: " + stored.message()
                                                        + " (--no-workspace skips recording)");
        recorded = stored.value();
        summary["record_seconds"] = recordTimer.seconds();
    }
    if (context.isJson()) {
        summary["file"] = toUtf8(QFileInfo(path).absoluteFilePath());
        summary["workspace"] = recorded ? nlohmann::ordered_json{{"location", toUtf8(context.workspace().displayLocation())},
                                                                 {"dataset_id", recorded->datasetId},
                                                                 {"run_id", recorded->runId}}
                                        : nlohmann::ordered_json(nullptr);
        context.printJson(summary);
    } else {
        printText(context, path, read, seconds, recorded);
    }
    return ExitCode::Success;
}

} // namespace loupe::cli
