#include "core/checks/report/JsonCheckReport.h"

#include "core/data/DateTime.h"

namespace loupe {

nlohmann::ordered_json JsonCheckReport::testJson(const CheckTestResult &test, std::size_t maxRows)
{
    const AssertionOutcome &outcome = test.outcome;
    nlohmann::ordered_json j;
    j["name"] = test.name;
    j["assert"] = test.assertion;
    j["line"] = test.line;
    j["severity"] = checkSeverityName(test.severity);
    j["mostly"] = test.mostly ? nlohmann::ordered_json(*test.mostly) : nlohmann::ordered_json();
    j["status"] = checkTestStatusName(test.status);
    j["message"] = outcome.message;
    j["table_level"] = outcome.tableLevel;
    j["observed"] = outcome.observed;
    j["checked"] = outcome.checkedCount;
    j["failing"] = outcome.failingCount();
    j["failing_percent"] = test.failingPercent();
    const std::size_t kept = std::min(maxRows, outcome.failingRows.size());
    j["rows"] = std::vector<std::uint64_t>(outcome.failingRows.begin(), outcome.failingRows.begin() + kept);
    j["rows_truncated"] = kept < outcome.failingRows.size();
    j["values"] = outcome.offendingValues;
    j["columns"] = outcome.columns;
    j["lower_bound"] = outcome.lowerBound ? nlohmann::ordered_json(*outcome.lowerBound) : nlohmann::ordered_json();
    j["upper_bound"] = outcome.upperBound ? nlohmann::ordered_json(*outcome.upperBound) : nlohmann::ordered_json();
    nlohmann::ordered_json locals = nlohmann::ordered_json::object();
    for (const auto &[name, value] : test.locals) {
        if (!name.empty() && name[0] != '_')
            locals[name] = value.display();
    }
    j["locals"] = locals;
    j["note"] = test.note;
    j["seconds"] = test.seconds;
    return j;
}

nlohmann::ordered_json JsonCheckReport::toJson(const CheckRunResult &run, std::size_t maxRows)
{
    nlohmann::ordered_json j;
    j["suite"] = run.suiteName;
    j["suite_file"] = run.suitePath;
    j["data"] = run.dataPath;
    j["now"] = formatDateTime(run.nowNanos);
    j["rows"] = run.rowCount;
    j["seconds"] = run.seconds;
    j["tests_run"] = run.tests.size();
    j["failures"] = run.failureCount();
    j["warnings"] = run.warningCount();
    j["ok"] = run.ok();
    nlohmann::ordered_json tests = nlohmann::ordered_json::array();
    for (const CheckTestResult &test : run.tests)
        tests.push_back(testJson(test, maxRows));
    j["tests"] = tests;
    return j;
}

std::string JsonCheckReport::render(const CheckRunResult &run, std::size_t maxRows)
{
    // Replace invalid UTF-8 (cell text is not guaranteed to be UTF-8) instead of throwing.
    return toJson(run, maxRows).dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) + "\n";
}

} // namespace loupe
