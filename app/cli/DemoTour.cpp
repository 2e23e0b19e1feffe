#include "app/cli/DemoTour.h"

#include "app/cli/CliContext.h"
#include "app/cli/DemoDebugSteps.h"
#include "app/cli/StatsReport.h"
#include "core/data/CsvReader.h"
#include "core/data/CsvWriter.h"
#include "core/data/TransactionSimulator.h"
#include "core/util/OutputFile.h"
#include "core/util/Timer.h"
#include "db/runs/DatasetRecorder.h"

#include <QDir>

#include <cstdio>

namespace loupe::cli {

namespace {

// Text columns with up to 50 values become categorical.
CsvOptions demoCsvOptions()
{
    CsvOptions options;
    options.categoricalMaxLevels = 50;
    return options;
}

std::string seconds(double value)
{
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.3f s", value);
    return buffer;
}

Result<std::string> simulate(DemoState &state)
{
    SimulationOptions options;
    options.rows = state.settings.rows;
    options.seed = state.settings.seed;
    options.fraudRate = 0.02;
    for (const std::string &name : defectNames())
        options.defects.push_back(*defectFromName(name));
    options.defectRate = 0.002;
    const Timer timer;
    const Table table = TransactionSimulator(options).generate();
    state.dataPath = state.path(QStringLiteral("transactions.csv"));
    if (Status written = CsvWriter::writeFile(table, OutputTarget{.parameter = "--out", .path = toNativePath(state.dataPath)}); !written.isOk())
        return written;
    state.addFile(QStringLiteral("data"), state.dataPath);
    return "wrote " + std::to_string(table.rowCount()) + " transactions (seed " + std::to_string(options.seed)
        + ", every defect planted in 0.2% of rows) to " + toUtf8(state.dataPath) + " in " + seconds(timer.seconds());
}

Result<std::string> loadStep(DemoState &state)
{
    const Timer timer;
    auto report = CsvReader(demoCsvOptions()).readFile(toNativePath(state.dataPath));
    if (!report.isOk())
        return report.status();
    state.loadSeconds = timer.seconds();
    state.delimiter = report.value().delimiter;
    state.table = std::move(report.value().table);
    return "parsed " + std::to_string(state.table.rowCount()) + " rows x " + std::to_string(state.table.columnCount())
        + " columns in " + seconds(state.loadSeconds);
}

Result<std::string> summariseStep(DemoState &state)
{
    const Timer timer;
    state.stats.clear();
    std::size_t missing = 0;
    for (const Column &column : state.table.columns()) {
        state.stats.push_back(computeColumnStats(column));
        missing += state.stats.back().missing;
    }
    return "summarised " + std::to_string(state.stats.size()) + " columns (" + std::to_string(missing)
        + " missing values in all) in " + seconds(timer.seconds());
}

Result<std::string> reportStep(DemoState &state)
{
    const StatsReportInput input{state.dataPath, state.table.rowCount(), state.loadSeconds, state.stats};
    const std::string json = StatsReport::toJson(input).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
    if (Status written = state.writeFile(QStringLiteral("summary.json"), QStringLiteral("summary (JSON)"), json + "\n");
        !written.isOk())
        return written;
    if (Status written = state.writeFile(QStringLiteral("summary.txt"), QStringLiteral("summary (text)"),
                                         StatsReport::toText(input));
        !written.isOk())
        return written;
    return "wrote " + toUtf8(state.path(QStringLiteral("summary.json"))) + " and "
        + toUtf8(state.path(QStringLiteral("summary.txt")));
}

Result<std::string> recordStep(DemoState &state)
{
    CliWorkspace *workspace = state.settings.workspace;
    if (!workspace)
        return std::string("skipped (--no-workspace)");
    // The load step reads with BadRowPolicy::Error, so no row was skipped.
    const CsvLoad load{state.dataPath, demoCsvOptions(), 0, state.delimiter, state.loadSeconds};
    auto store = workspace->store();
    const Result<RecordedLoad> stored =
        store.isOk() ? DatasetRecorder(*store.value()).recordLoad(state.table, load) : store.status();
    if (!stored.isOk())
        return Status::invalidInput("could not record the load in the workspace: " + stored.message());
    state.recorded = stored.value();
    state.isRecorded = true;
    state.addFile(QStringLiteral("workspace"), workspace->displayLocation());
    return "stored dataset " + std::to_string(state.recorded.datasetId) + " and load run "
        + std::to_string(state.recorded.runId) + " in " + toUtf8(workspace->displayLocation());
}

} // namespace

QString DemoState::path(const QString &fileName) const
{
    return QDir(settings.outDir).absoluteFilePath(fileName);
}

void DemoState::addFile(const QString &what, const QString &filePath)
{
    files.emplace_back(what, filePath);
}

Status DemoState::writeFile(const QString &fileName, const QString &what, const std::string &text)
{
    const QString filePath = path(fileName);
    if (Status written = OutputFile::write(OutputTarget{.parameter = "--out", .path = toNativePath(filePath)}, text);
        !written.isOk())
        return written;
    addFile(what, filePath);
    return Status::ok();
}

std::vector<DemoStep> DemoTour::steps()
{
    return {
        {QStringLiteral("simulate"), QStringLiteral("simulate card transactions with planted defects"), simulate},
        {QStringLiteral("load"), QStringLiteral("parse the CSV file back"), loadStep},
        {QStringLiteral("summarise"), QStringLiteral("compute each column's statistics"), summariseStep},
        {QStringLiteral("report"), QStringLiteral("write summary.json and summary.txt"), reportStep},
        {QStringLiteral("record"), QStringLiteral("store the dataset and the load run in the workspace"), recordStep},
        {QStringLiteral("check"), QStringLiteral("run the data tests of suite.json; write check-report.txt/.json/.html"),
         DemoDebugSteps::check},
        {QStringLiteral("pii"), QStringLiteral("scan every column for personal data; write pii.json"), DemoDebugSteps::pii},
        {QStringLiteral("sufficiency"), QStringLiteral("is the data enough to predict is_fraud; write sufficiency.json"),
         DemoDebugSteps::sufficiency},
        {QStringLiteral("search"), QStringLiteral("40 TPE trials on the branin function; write search.json"),
         DemoDebugSteps::search},
    };
}

} // namespace loupe::cli
