#include "app/cli/PiiCommand.h"

#include "db/store/StoredJson.h"
#include "app/cli/ArgumentParser.h"
#include "app/cli/CliContext.h"
#include "app/cli/CsvArguments.h"
#include "app/cli/FileChecks.h"
#include "app/cli/InterruptGuard.h"
#include "core/privacy/PiiReportJson.h"
#include "app/cli/ProgressLine.h"
#include "app/cli/TextTable.h"
#include "core/data/CsvReader.h"
#include "core/privacy/KAnonymity.h"
#include "core/privacy/PiiScanner.h"
#include "db/runs/DatasetRecorder.h"
#include "db/runs/RunRepository.h"
#include "db/store/Store.h"

#include <QFileInfo>

#include <iomanip>
#include <memory>
#include <optional>

namespace loupe::cli {

namespace {

std::vector<std::string> splitList(const QString &text)
{
    std::vector<std::string> items;
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        items.push_back(toUtf8(item.trimmed()));
    return items;
}

Result<qint64> recordScan(CliWorkspace &workspace, const QString &path, const Table &table,
                          const nlohmann::ordered_json &config, const nlohmann::ordered_json &summary, double seconds)
{
    auto store = workspace.store();
    if (!store.isOk())
        return store.status();
    auto dataset = DatasetRecorder(*store.value()).recordDataset(path, DatasetRecorder::shapeOf(table));
    if (!dataset.isOk())
        return dataset.status();
    RunRepository runs(*store.value());
    auto run = runs.createRun(RunKind::Scan, dataset.value(), storedJson(config));
    if (!run.isOk())
        return run.status();
    if (Status finished = runs.finishRun(run.value(), RunStatus::Completed, seconds, storedJson(summary)); !finished.isOk())
        return finished;
    return run.value();
}

std::string kindsText(const PiiColumnReport &column)
{
    std::string text;
    for (PiiKind kind : allPiiKinds()) {
        const std::size_t count = column.counts[static_cast<std::size_t>(kind)];
        if (!count)
            continue;
        text += (text.empty() ? "" : ", ") + std::string(piiKindName(kind)) + " " + std::to_string(count);
    }
    return text.empty() ? (column.scanned ? "-" : "(not scanned)") : text;
}

void printText(CliContext &context, const QString &path, const PiiScanReport &report,
               const std::optional<KAnonymityReport> &audit, std::size_t shown)
{
    std::ostream &out = context.out();
    out << toUtf8(path) << ": " << report.rows << " rows, " << report.totalFindings << " finding(s), scanned in "
        << std::fixed << std::setprecision(3) << report.seconds << " s\n";
    TextTable columns;
    columns.addRow({"column", "personal data", "identifier", "examples"});
    columns.addSeparator();
    for (const PiiColumnReport &column : report.columns) {
        std::string examples;
        for (const std::string &example : column.examples)
            examples += (examples.empty() ? "" : "  ") + example;
        columns.addRow({column.name, kindsText(column), column.identifier ? "yes (" + column.identifierReason + ")" : "-",
                        examples});
    }
    columns.print(out, 2);
    if (!report.findings.empty()) {
        const std::size_t listed = std::min(shown, report.findings.size());
        out << "findings (first " << listed << " of " << report.totalFindings << "):\n";
        for (std::size_t i = 0; i < listed; ++i) {
            const PiiFinding &finding = report.findings[i];
            out << "  row " << finding.row << "  " << report.columns[finding.column].name << "  "
                << piiKindName(finding.kind) << "  " << finding.masked << '\n';
        }
    }
    if (audit) {
        out << "k-anonymity over";
        for (const std::string &column : audit->columns)
            out << ' ' << column;
        out << ": k = " << audit->k << " (requested " << audit->requestedK << "); " << audit->groupCount << " groups, "
            << audit->groupsBelowK << " below " << audit->requestedK << " holding " << audit->rowsBelowK << " rows\n";
    }
    out.flush();
}

} // namespace

QString PiiCommand::summary() const
{
    return QStringLiteral("Scan a CSV file for personal data (SSN, cards, IBAN, e-mail, phone, IP, birth dates, names)");
}

QString PiiCommand::description() const
{
    return QStringLiteral(
        "Lists each column's kinds of personal data with counts and masked examples, flags identifier columns,\n"
        "and the findings (row = 0-based data row, as the Data page shows it; values masked, never whole).\n"
        "With --json: {\"findings\":[{\"row\",\"column\",\"kind\",\"masked\"}], \"columns\":[{\"name\",\"kinds\":{KIND:N},\n"
        "\"identifier\"}], \"total_findings\", \"kinds\", \"rows\", \"scan_seconds\", \"text_bytes\", \"threads\",\n"
        "\"k_anonymity\" (with --k/--quasi)}. Kinds: ssn, credit_card, iban, email, phone, ipv4, ipv6, birth_date,\n"
        "person_name (a column named like a name, e.g. customer_name, whose values look like names).\n"
        "Exit 1 when anything was found or k-anonymity is below --k; 0 when clean; 2 for bad input.\n"
        "The scan is stored as a 'scan' run in the workspace. Rules: docs/privacy.md.");
}

void PiiCommand::declareArguments(ArgumentParser &parser) const
{
    parser.addPositional(QStringLiteral("FILE"), QStringLiteral("the CSV file to scan"));
    parser.addTextOption(QStringLiteral("columns"), QStringLiteral("A,B"),
                         QStringLiteral("scan only these columns (default: all)"));
    parser.addIntegerOption(QStringLiteral("max-findings"), QStringLiteral("N"),
                            QStringLiteral("findings listed (all are counted; default 1000)"), 0, 100000000);
    parser.addIntegerOption(QStringLiteral("k"), QStringLiteral("N"),
                            QStringLiteral("k-anonymity to require of the --quasi columns (default 5)"), 1, 1000000000);
    parser.addTextOption(QStringLiteral("quasi"), QStringLiteral("A,B"),
                         QStringLiteral("quasi-identifier columns for the k-anonymity audit"));
    parser.addIntegerOption(QStringLiteral("threads"), QStringLiteral("N"),
                            QStringLiteral("scan threads (default: all cores)"), 1, 1024);
    CsvArguments::declare(parser, CsvOptionSet::Full);
}

ExitCode PiiCommand::run(const ParsedArguments &arguments, CliContext &context)
{
    const QString path = arguments.positional(0);
    auto options = CsvArguments::toOptions(arguments);
    if (!options.isOk())
        return context.fail(options.status());
    if (arguments.isSet(QStringLiteral("k")) && !arguments.isSet(QStringLiteral("quasi")))
        return context.fail(ExitCode::BadInput, std::string("--k needs --quasi COLUMNS (the quasi-identifier columns)"));
    if (Status readable = checkReadableFile(path); !readable.isOk())
        return context.fail(readable);
    auto loaded = CsvReader(options.value()).readFile(toNativePath(path));
    if (!loaded.isOk())
        return context.fail(loaded.status());
    const Table &table = loaded.value().table;

    PiiScanOptions scanOptions;
    scanOptions.columns = splitList(arguments.value(QStringLiteral("columns")));
    scanOptions.maxFindings = static_cast<std::size_t>(arguments.intValue(QStringLiteral("max-findings"), 1000));
    scanOptions.threads = static_cast<int>(arguments.intValue(QStringLiteral("threads"), 0));
    CancellationToken token;
    const InterruptGuard guard(token);
    scanOptions.cancellation = &token;
    std::unique_ptr<ProgressLine> progress;
    if (!context.isJson()) {
        progress = std::make_unique<ProgressLine>(context.err(), "scanning");
        scanOptions.progress = progress->sink();
    }
    auto scanned = PiiScanner::scan(table, scanOptions);
    progress.reset();
    if (scanned.status().isCancelled())
        return context.fail(ExitCode::BadInput, std::string("interrupted"));
    if (!scanned.isOk())
        return context.fail(scanned.status());
    const PiiScanReport &report = scanned.value();

    std::optional<KAnonymityReport> audit;
    if (arguments.isSet(QStringLiteral("quasi"))) {
        const auto k = static_cast<std::size_t>(arguments.intValue(QStringLiteral("k"), 5));
        auto audited = KAnonymity::audit(table, splitList(arguments.value(QStringLiteral("quasi"))), k);
        if (!audited.isOk())
            return context.fail(ExitCode::BadInput, "--quasi: " + audited.message());
        audit = audited.takeValue();
    }

    nlohmann::ordered_json summary;
    summary["rows"] = report.rows;
    summary["total_findings"] = report.totalFindings;
    summary["kinds"] = piiKindTotalsJson(report);
    summary["columns"] = piiColumnsJson(report);
    summary["scan_seconds"] = report.seconds;
    summary["scan_cpu_seconds"] = report.cpuSeconds;
    summary["text_bytes"] = report.textBytes;
    summary["threads"] = report.threads;
    if (audit)
        summary["k_anonymity"] = kAnonymityJson(*audit);
    std::optional<qint64> runId;
    if (context.workspace().isEnabled()) {
        nlohmann::ordered_json config{{"command", "pii"}, {"path", toUtf8(path)},
                                      {"columns", scanOptions.columns}, {"max_findings", scanOptions.maxFindings}};
        auto stored = recordScan(context.workspace(), path, table, config, summary, report.seconds);
        if (!stored.isOk())
            return context.fail(ExitCode::BadInput, "could not record the scan in the workspace: " + stored.message()
                                                        + " (--no-workspace skips recording)");
        runId = stored.value();
    }
    const bool failed = report.totalFindings > 0 || (audit && audit->k < audit->requestedK);
    if (context.isJson()) {
        nlohmann::ordered_json document;
        document["findings"] = piiFindingsJson(report);
        document["columns"] = summary["columns"];
        for (const auto &[key, value] : summary.items())
            if (key != "columns")
                document[key] = value;
        document["file"] = toUtf8(QFileInfo(path).absoluteFilePath());
        document["workspace"] = runId ? nlohmann::ordered_json{{"location", toUtf8(context.workspace().displayLocation())},
                                                               {"run_id", *runId}}
                                      : nlohmann::ordered_json(nullptr);
        context.printJson(document);
    } else {
        printText(context, path, report, audit, 20);
        if (runId)
            context.out() << "recorded as run " << *runId << " in " << toUtf8(context.workspace().displayLocation()) << '\n';
    }
    return failed ? ExitCode::Failures : ExitCode::Success;
}

} // namespace loupe::cli
