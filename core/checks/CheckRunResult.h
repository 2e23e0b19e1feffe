#pragma once
// The result of running a suite over a table: one CheckTestResult per test, in suite order. Plain copyable
// data, so a background job can hand it to the GUI and every report class can render it.

#include "core/checks/AssertionOutcome.h"
#include "core/checks/CheckSuite.h"
#include "core/checks/CheckValue.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace loupe {

enum class CheckTestStatus {
    Passed,  // no failing value, or within `mostly`
    Failed,  // failed, severity error
    Warning, // failed, severity warn
};

const char *checkTestStatusName(CheckTestStatus status); // "passed" / "failed" / "warning"

struct CheckTestResult {
    std::string name;
    std::string assertion;
    CheckSeverity severity = CheckSeverity::Error;
    std::optional<double> mostly;
    std::size_t line = 0;   // of the test in the suite file
    std::string definition; // the test's JSON as written
    CheckTestStatus status = CheckTestStatus::Passed;
    AssertionOutcome outcome; // what the assertion found (failing rows even when `mostly` let it pass)
    // Suite locals then the test's locals, in definition order, including names starting with '_'
    // (reports hide those; notes may use them).
    std::vector<std::pair<std::string, CheckValue>> locals;
    std::string note; // formatted from the locals; "" when the test passed or has no note
    double seconds = 0.0;

    bool failed() const { return status != CheckTestStatus::Passed; }
    // Percent of checked values that failed (0 when nothing was checked).
    double failingPercent() const;
};

struct CheckRunResult {
    std::string suiteName;
    std::string suitePath;
    std::string dataPath;
    std::int64_t nowNanos = 0; // the instant today()/now() saw
    std::uint64_t rowCount = 0;
    std::vector<CheckTestResult> tests;
    double seconds = 0.0;

    std::size_t failureCount() const; // status Failed
    std::size_t warningCount() const; // status Warning
    // True when no error-severity test failed (warnings allowed): the CLI's exit 0.
    bool ok() const { return failureCount() == 0; }
};

} // namespace loupe
