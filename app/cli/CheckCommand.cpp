#include "app/cli/CheckCommand.h"

#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/CommandOutputs.h"
#include "app/cli/CsvArguments.h"
#include "app/cli/FileChecks.h"
#include "app/cli/InterruptGuard.h"
#include "core/checks/CheckRunner.h"
#include "core/checks/SuiteParser.h"
#include "core/checks/report/HtmlCheckReport.h"
#include "core/checks/report/JsonCheckReport.h"
#include "core/checks/report/JunitCheckReport.h"
#include "core/checks/report/TextCheckReport.h"
#include "core/data/CsvReader.h"
#include "core/data/DateTimeParser.h"
#include "core/util/OutputFile.h"
#include "db/runs/CheckRunRecorder.h"
#include "db/runs/DatasetRecorder.h"
#include "db/store/Store.h"

#include <QFileInfo>

#include <optional>

namespace loupe::cli {

namespace {

enum class ReportFormat { Text, Json, Junit, Html };

std::optional<ReportFormat> parseFormat(const QString &text)
{
    if (text == QLatin1String("text"))
        return ReportFormat::Text;
    if (text == QLatin1String("json"))
        return ReportFormat::Json;
    if (text == QLatin1String("junit"))
        return ReportFormat::Junit;
    if (text == QLatin1String("html"))
        return ReportFormat::Html;
    return std::nullopt;
}

std::string render(ReportFormat format, const CheckRunResult &run)
{
    switch (format) {
    case ReportFormat::Text:
        return TextCheckReport::render(run);
    case ReportFormat::Json:
        return JsonCheckReport::render(run);
    case ReportFormat::Junit:
        return JunitCheckReport::render(run);
    case ReportFormat::Html:
        return HtmlCheckReport::render(run);
    }
    return {};
}

Result<std::int64_t> parseNow(const QString &text)
{
    std::int64_t nanos = 0;
    if (!DateTimeParser::parse(toUtf8(text), nanos))
        return Status::invalidInput("option --now: '" + toUtf8(text) + "' is not a date/time (YYYY-MM-DD[ HH:MM:SS])");
    return nanos;
}

Result<qint64> record(CliWorkspace &workspace, const QString &suitePath, const QString &dataPath, const Table &table,
                      const CheckRunResult &run)
{
    auto opened = workspace.store();
    if (!opened.isOk())
        return opened.status();
    Store &store = *opened.value();
    auto datasetId = DatasetRecorder(store).recordDataset(dataPath, DatasetRecorder::shapeOf(table));
    if (!datasetId.isOk())
        return datasetId.status();
    nlohmann::ordered_json config;
    config["command"] = "check";
    config["suite"] = toUtf8(QFileInfo(suitePath).absoluteFilePath());
    config["data"] = toUtf8(QFileInfo(dataPath).absoluteFilePath());
    return CheckRunRecorder(store).record(
        run, &table, datasetId.value(),
        QString::fromStdString(config.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace)));
}

} // namespace

QString CheckCommand::summary() const
{
    return QStringLiteral("Run a suite of data tests over a CSV file; report every failing row");
}

QString CheckCommand::description() const
{
    return QStringLiteral(
        "SUITE is a JSON suite (docs/checks.md). Every test runs; the report lists each failing test with its\n"
        "message, the first 20 failing rows and their values, the count and percent, the test's source\n"
        "(suite file and line), its locals and its note, then 'Ran N tests in Xs' and OK or FAILED.\n"
        "--format picks text (default), json, junit (JUnit XML for CI servers) or html; --json is --format json.\n"
        "-o FILE writes the report to FILE (atomically; a new file is 0600) instead of stdout; it may not be the\n"
        "suite or the data (-o - is stdout).\n"
        "Exit code: 0 when every error-severity test passes (warnings allowed), 1 when one fails, 2 for a bad\n"
        "suite (message with file:line and a hint) or bad data. The run, each test's result and up to 1000\n"
        "failing rows per test are stored in the workspace as a 'check' run.");
}

void CheckCommand::declareArguments(ArgumentParser &parser) const
{
    parser.addPositional(QStringLiteral("SUITE"), QStringLiteral("the suite of data tests (JSON)"));
    parser.addPositional(QStringLiteral("DATA"), QStringLiteral("the CSV file to check"));
    parser.addTextOption(QStringLiteral("format"), QStringLiteral("FORMAT"),
                         QStringLiteral("report format: text, json, junit or html (default text)"));
    parser.addTextOption(QStringLiteral("output"), QStringLiteral("FILE"),
                         QStringLiteral("write the report to FILE instead of stdout"))
        .withShortName(QLatin1Char('o'));
    parser.addTextOption(QStringLiteral("now"), QStringLiteral("DATETIME"),
                         QStringLiteral("the instant today()/now() see (default: the system clock), for reproducible "
                                        "reports"));
    CsvArguments::declare(parser, CsvOptionSet::Full);
}

ExitCode CheckCommand::run(const ParsedArguments &arguments, CliContext &context)
{
    const QString suitePath = arguments.positional(0);
    const QString dataPath = arguments.positional(1);
    ReportFormat format = context.isJson() ? ReportFormat::Json : ReportFormat::Text;
    if (arguments.isSet(QStringLiteral("format"))) {
        auto parsed = parseFormat(arguments.value(QStringLiteral("format")));
        if (!parsed)
            return context.fail(ExitCode::BadInput, "option --format: '" + toUtf8(arguments.value(QStringLiteral("format")))
                                                        + "' is not one of text, json, junit, html");
        if (context.isJson() && *parsed != ReportFormat::Json)
            return context.fail(ExitCode::BadInput, std::string("--json asks for the JSON report; drop it or use --format json"));
        format = *parsed;
    }
    CheckRunOptions runOptions;
    if (arguments.isSet(QStringLiteral("now"))) {
        auto now = parseNow(arguments.value(QStringLiteral("now")));
        if (!now.isOk())
            return context.fail(now.status());
        runOptions.nowNanos = now.value();
    }
    // -o - is the report on stdout, as without -o; any other -o is checked against the suite and the data.
    const QString outputPath = arguments.value(QStringLiteral("output"));
    const bool toFile = arguments.isSet(QStringLiteral("output")) && outputPath != QLatin1String("-");
    CommandOutputs outputs(context);
    outputs.addInput(suitePath);
    outputs.addInput(dataPath);
    // The report quotes failing values: owner-only when new.
    const OutputTarget reportTarget = toFile ? outputs.addOutput(QStringLiteral("-o"), outputPath, FileAccess::OwnerOnly)
                                             : OutputTarget{};
    if (Status checked = outputs.check(); !checked.isOk())
        return context.fail(checked);
    auto csvOptions = CsvArguments::toOptions(arguments);
    if (!csvOptions.isOk())
        return context.fail(csvOptions.status());
    if (Status readable = checkReadableFile(suitePath); !readable.isOk())
        return context.fail(readable);
    auto suite = SuiteParser::parseFile(toNativePath(suitePath));
    if (!suite.isOk())
        return context.fail(ExitCode::BadInput, suite.message());
    suite.value().path = toUtf8(suitePath);
    if (Status readable = checkReadableFile(dataPath); !readable.isOk())
        return context.fail(readable);
    auto data = CsvReader(csvOptions.value()).readFile(toNativePath(dataPath));
    if (!data.isOk())
        return context.fail(ExitCode::BadInput, data.message());
    const Table &table = data.value().table;

    CancellationToken cancel;
    InterruptGuard guard(cancel);
    runOptions.cancel = &cancel;
    runOptions.dataPath = toUtf8(dataPath);
    auto run = CheckRunner::run(suite.value(), table, runOptions);
    if (!run.isOk()) {
        if (run.status().isCancelled())
            return context.fail(ExitCode::Failures, std::string("interrupted; nothing was recorded"));
        return context.fail(ExitCode::BadInput, run.message());
    }
    if (context.workspace().isEnabled()) {
        auto stored = record(context.workspace(), suitePath, dataPath, table, run.value());
        if (!stored.isOk())
            context.warn("could not record the check in the workspace: " + stored.message()
                         + " (--no-workspace skips recording)");
    }
    const std::string report = render(format, run.value());
    if (toFile) {
        if (Status written = OutputFile::write(reportTarget, report); !written.isOk())
            return context.fail(written);
        if (context.isJson())
            context.printJson(JsonCheckReport::toJson(run.value()));
        else
            context.out() << "wrote " << toUtf8(outputPath) << ": " << run.value().tests.size() << " tests, "
                          << run.value().failureCount() << " failures, " << run.value().warningCount()
                          << " warnings\n";
    } else {
        context.out() << report;
    }
    context.out().flush();
    return run.value().ok() ? ExitCode::Success : ExitCode::Failures;
}

} // namespace loupe::cli
