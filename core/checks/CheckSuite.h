#pragma once
// A parsed suite of data tests (the JSON format is documented in docs/checks.md). Every test remembers
// where it was written so reports can say "suite.json:12" and show its definition.

#include "core/checks/Expression.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

namespace loupe {

enum class CheckSeverity { Error, Warn };

const char *checkSeverityName(CheckSeverity severity); // "error" / "warn"

struct CheckLocalSpec {
    std::string name;
    Expression expression; // parsed; evaluated by the runner in definition order
    std::size_t line = 0;  // 1-based line of the local in the suite file
};

struct CheckTestSpec {
    std::string name;
    std::string assertion;            // a name in the AssertionRegistry
    nlohmann::json params;            // the whole test object, as written (the assertion reads its keys)
    std::vector<CheckLocalSpec> locals;
    std::string note;                 // may contain {local} fields; "" when none
    CheckSeverity severity = CheckSeverity::Error;
    std::optional<double> mostly;     // fraction of checked values that must pass, in [0, 1]
    std::size_t line = 0;             // 1-based line where the test's object starts
    std::string definition;           // the lines of the file holding the test's object, as written
};

struct CheckSuite {
    std::string name;
    std::string path;                  // as given to the parser; used in messages ("" for in-memory text)
    std::string description;
    std::vector<CheckLocalSpec> locals; // suite-wide locals, computed before every test's own locals
    std::vector<CheckTestSpec> tests;

    // "path:line" (or "suite:line" when the suite has no path).
    std::string location(std::size_t line) const;
};

} // namespace loupe
