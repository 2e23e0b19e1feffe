#include "core/checks/report/HtmlCheckReport.h"

#include "core/checks/report/CheckReportText.h"

namespace loupe {

namespace {

const char *kStyle = "body{font-family:sans-serif;margin:2em;color:#222}"
                     "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 8px;text-align:left}"
                     "th{background:#f2f2f2}.passed{color:#1a7f37}.failed{color:#c62828;font-weight:bold}"
                     ".warning{color:#b26a00;font-weight:bold}pre{background:#f7f7f7;border:1px solid #ddd;"
                     "padding:8px;overflow-x:auto;tab-size:4}h2{margin-top:1.5em}";

std::string statusLabel(CheckTestStatus status)
{
    switch (status) {
    case CheckTestStatus::Passed:
        return "passed";
    case CheckTestStatus::Failed:
        return "FAIL";
    case CheckTestStatus::Warning:
        return "WARN";
    }
    return "";
}

} // namespace

std::string HtmlCheckReport::render(const CheckRunResult &run)
{
    const std::string suite = escapeMarkup(run.suiteName);
    std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Data checks: "
                      + suite + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
    out += "<h1>Data checks: " + suite + "</h1>\n";
    out += "<p>Suite <code>" + escapeMarkup(run.suitePath) + "</code> on <code>" + escapeMarkup(run.dataPath)
           + "</code> (" + std::to_string(run.rowCount) + " rows). Ran " + std::to_string(run.tests.size())
           + " tests in " + formatSeconds(run.seconds) + "s: <span class=\""
           + (run.ok() ? "passed" : "failed") + "\">" + escapeMarkup(summaryVerdict(run)) + "</span></p>\n";
    out += "<table>\n<tr><th>Status</th><th>Test</th><th>Assertion</th><th>Line</th><th>Failing</th></tr>\n";
    for (std::size_t i = 0; i < run.tests.size(); ++i) {
        const CheckTestResult &test = run.tests[i];
        const std::string cls = checkTestStatusName(test.status);
        const std::string name = test.failed()
                                     ? "<a href=\"#test-" + std::to_string(i) + "\">" + escapeMarkup(test.name) + "</a>"
                                     : escapeMarkup(test.name);
        const std::string failing = test.outcome.tableLevel
                                        ? (test.failed() ? std::string("table") : std::string("0"))
                                        : std::to_string(test.outcome.failingCount()) + " of "
                                              + std::to_string(test.outcome.checkedCount) + " ("
                                              + formatPercent(test.failingPercent()) + ")";
        out += "<tr><td class=\"" + cls + "\">" + statusLabel(test.status) + "</td><td>" + name + "</td><td>"
               + escapeMarkup(test.assertion) + "</td><td>" + std::to_string(test.line) + "</td><td>"
               + escapeMarkup(failing) + "</td></tr>\n";
    }
    out += "</table>\n";
    for (std::size_t i = 0; i < run.tests.size(); ++i) {
        const CheckTestResult &test = run.tests[i];
        if (!test.failed())
            continue;
        out += "<h2 id=\"test-" + std::to_string(i) + "\" class=\"" + checkTestStatusName(test.status) + "\">"
               + statusLabel(test.status) + ": " + escapeMarkup(test.name) + "</h2>\n";
        out += "<pre>" + escapeMarkup(failureDetails(test, run.suitePath)) + "</pre>\n";
    }
    out += "</body>\n</html>\n";
    return out;
}

} // namespace loupe
