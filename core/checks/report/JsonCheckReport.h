#pragma once
// The machine-readable report (loupe-cli check --format json / --json):
// {"suite","suite_file","data","now","rows","seconds","tests_run","failures","warnings","ok",
//  "tests":[{"name","assert","line","severity","mostly"(or null),"status":"passed|failed|warning",
//            "message","table_level","observed","checked","failing","failing_percent",
//            "rows":[...first maxRows failing rows...],"rows_truncated":bool,"values":[first 20 as text],
//            "columns":[...],"lower_bound","upper_bound"(numbers or null),
//            "locals":{public name: display text},"note","seconds"}]}
// Rows are 0-based data-row indices (the Data page's numbering).

#include "core/checks/CheckRunResult.h"

#include <nlohmann/json.hpp>

#include <string>

namespace loupe {

class JsonCheckReport {
public:
    static constexpr std::size_t kDefaultMaxRows = 1000;
    static nlohmann::ordered_json toJson(const CheckRunResult &run, std::size_t maxRows = kDefaultMaxRows);
    static std::string render(const CheckRunResult &run, std::size_t maxRows = kDefaultMaxRows);
    // One element of "tests" (also stored per test in the workspace's check_results.report_json).
    static nlohmann::ordered_json testJson(const CheckTestResult &test, std::size_t maxRows = kDefaultMaxRows);
};

} // namespace loupe
