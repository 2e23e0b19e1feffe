#include "app/cli/DemoDebugSteps.h"

#include "app/cli/CliContext.h"
#include "app/cli/DemoSuite.h"
#include "core/checks/CheckRunner.h"
#include "core/checks/SuiteParser.h"
#include "core/checks/report/HtmlCheckReport.h"
#include "core/checks/report/JsonCheckReport.h"
#include "core/checks/report/TextCheckReport.h"
#include "core/train/SufficiencyAnalyzer.h"
#include "core/privacy/PiiReportJson.h"
#include "core/privacy/PiiScanner.h"
#include "core/search/InMemoryTrialStore.h"
#include "core/search/Study.h"
#include "core/search/TestFunction.h"
#include "core/search/TpeSampler.h"

#include <cstdio>

namespace loupe::cli {

namespace {

constexpr std::size_t s_failuresNamed = 6; // failing tests named in the check note
const char *const s_target = "is_fraud";

std::string dump(const nlohmann::ordered_json &json)
{
    return json.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

std::string number(double value, const char *format)
{
    char text[48];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

std::string failingList(const CheckRunResult &run)
{
    std::string text;
    std::size_t named = 0;
    for (const CheckTestResult &test : run.tests) {
        if (!test.failed())
            continue;
        if (named == s_failuresNamed) {
            text += ", and more";
            break;
        }
        text += (named++ ? ", " : "") + test.name + ": "
            + (test.outcome.tableLevel ? test.outcome.observed : std::to_string(test.outcome.failingCount()) + " rows");
    }
    return text;
}

std::string piiKindCounts(const PiiScanReport &report)
{
    std::string text;
    const auto totals = report.kindTotals();
    for (PiiKind kind : allPiiKinds()) {
        const std::size_t count = totals[static_cast<std::size_t>(kind)];
        if (count)
            text += (text.empty() ? "" : ", ") + std::to_string(count) + " " + std::string(piiKindName(kind));
    }
    return text.empty() ? "nothing" : text;
}

std::string identifierColumns(const PiiScanReport &report)
{
    std::string text;
    for (const PiiColumnReport &column : report.columns)
        if (column.identifier)
            text += (text.empty() ? "" : ", ") + column.name;
    return text.empty() ? "none" : text;
}

nlohmann::ordered_json trialJson(const Trial &trial, const SearchSpace &space)
{
    nlohmann::ordered_json json{{"number", trial.number}, {"state", std::string(trialStateName(trial.state))}};
    json["loss"] = trial.loss ? nlohmann::ordered_json(*trial.loss) : nlohmann::ordered_json(nullptr);
    json["params"] = trial.params.valuesJson(space);
    return json;
}

} // namespace

Result<std::string> DemoDebugSteps::check(DemoState &state)
{
    auto suite = SuiteParser::parseText(DemoSuite::text(), std::string(DemoSuite::fileName));
    if (!suite.isOk())
        return suite.status();
    const QString suiteName = QString::fromUtf8(DemoSuite::fileName.data(), static_cast<qsizetype>(DemoSuite::fileName.size()));
    if (Status written = state.writeFile(suiteName, QStringLiteral("data tests"), std::string(DemoSuite::text()));
        !written.isOk())
        return written;
    const QString suitePath = state.path(suiteName);
    suite.value().path = toUtf8(suitePath);

    CheckRunOptions options;
    options.dataPath = toUtf8(state.dataPath);
    auto run = CheckRunner::run(suite.value(), state.table, options);
    if (!run.isOk())
        return run.status();
    const CheckRunResult &result = run.value();
    if (Status s = state.writeFile(QStringLiteral("check-report.txt"), QStringLiteral("checks (text)"),
                             TextCheckReport::render(result)); !s.isOk())
        return s;
    if (Status s = state.writeFile(QStringLiteral("check-report.json"), QStringLiteral("checks (JSON)"),
                             JsonCheckReport::render(result) + "\n"); !s.isOk())
        return s;
    if (Status s = state.writeFile(QStringLiteral("check-report.html"), QStringLiteral("checks (HTML)"),
                             HtmlCheckReport::render(result)); !s.isOk())
        return s;

    const std::size_t failed = result.failureCount() + result.warningCount();
    std::string note = std::to_string(result.tests.size()) + " tests: " + std::to_string(result.tests.size() - failed)
        + " passed, " + std::to_string(failed) + " failed";
    if (failed)
        note += " (" + failingList(result) + ")";
    return note + "; see check-report.txt";
}

Result<std::string> DemoDebugSteps::pii(DemoState &state)
{
    PiiScanOptions options;
    auto scanned = PiiScanner::scan(state.table, options);
    if (!scanned.isOk())
        return scanned.status();
    const PiiScanReport &report = scanned.value();
    nlohmann::ordered_json document;
    document["findings"] = piiFindingsJson(report);
    document["columns"] = piiColumnsJson(report);
    document["rows"] = report.rows;
    document["total_findings"] = report.totalFindings;
    document["kinds"] = piiKindTotalsJson(report);
    document["scan_seconds"] = report.seconds;
    document["scan_cpu_seconds"] = report.cpuSeconds;
    document["text_bytes"] = report.textBytes;
    document["threads"] = report.threads;
    document["file"] = toUtf8(state.dataPath);
    document["workspace"] = nullptr;
    if (Status s = state.writeFile(QStringLiteral("pii.json"), QStringLiteral("personal data"), dump(document));
        !s.isOk())
        return s;
    return std::to_string(report.totalFindings) + " findings (" + piiKindCounts(report) + "); identifier columns: "
        + identifierColumns(report);
}

Result<std::string> DemoDebugSteps::sufficiency(DemoState &state)
{
    SufficiencyOptions options;
    options.target = s_target;
    auto analyzed = SufficiencyAnalyzer::analyze(state.table, options);
    if (!analyzed.isOk())
        return analyzed.status();
    const SufficiencyReport &report = analyzed.value();
    nlohmann::ordered_json document{{"file", toUtf8(state.dataPath)}};
    document.update(report.toJson());
    if (Status s = state.writeFile(QStringLiteral("sufficiency.json"), QStringLiteral("sufficiency"), dump(document));
        !s.isOk())
        return s;
    std::string flagged;
    for (const SufficiencyCheck &check : report.checks)
        if (check.verdict != Verdict::Ok)
            flagged += (flagged.empty() ? "" : ", ") + check.id + " " + verdictName(check.verdict);
    return "verdict " + verdictName(report.overall()) + " for target " + s_target + " (" + std::to_string(report.rows)
        + " rows, " + std::to_string(report.features) + " features" + (flagged.empty() ? "" : "; " + flagged) + ")";
}

Result<std::string> DemoDebugSteps::search(DemoState &state)
{
    auto created = TestFunction::create("branin");
    if (!created.isOk())
        return created.status();
    TestFunction &function = *created.value();
    const TpeSampler sampler(TpeOptions::defaults(), state.settings.seed);
    InMemoryTrialStore store;
    StudyOptions options;
    options.maxTrials = searchTrials;
    Study study(function.space(), sampler, store, options);
    const CancellationToken never;
    const StudySummary summary = study.optimize(function, never);
    if (!summary.status.isOk())
        return summary.status;
    if (!summary.best)
        return Status::invalidInput("search: none of the " + std::to_string(searchTrials) + " branin trials finished");
    auto trials = store.trials();
    if (!trials.isOk())
        return trials.status();

    nlohmann::ordered_json losses = nlohmann::ordered_json::array();
    nlohmann::ordered_json trialList = nlohmann::ordered_json::array();
    for (const Trial &trial : trials.value()) {
        losses.push_back(trial.loss ? nlohmann::ordered_json(*trial.loss) : nlohmann::ordered_json(nullptr));
        trialList.push_back(trialJson(trial, function.space()));
    }
    const double best = *summary.best->loss;
    nlohmann::ordered_json document;
    document["objective"] = function.name();
    document["sampler"] = sampler.name();
    document["seed"] = state.settings.seed;
    document["trials_run"] = summary.trialsRun;
    document["best_loss"] = best;
    document["best_trial"] = summary.best->number;
    document["best_params"] = summary.best->params.valuesJson(function.space());
    document["optimum"] = function.optimum();
    document["regret"] = best - function.optimum();
    document["losses"] = losses;
    document["trials"] = trialList;
    if (Status s = state.writeFile(QStringLiteral("search.json"), QStringLiteral("search"), dump(document)); !s.isOk())
        return s;
    return "best loss " + number(best, "%.4f") + " after " + std::to_string(summary.trialsRun) + " trials (optimum "
        + number(function.optimum(), "%.4f") + ", trial " + std::to_string(summary.best->number) + ")";
}

} // namespace loupe::cli
