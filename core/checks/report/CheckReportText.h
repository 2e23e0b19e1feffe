#pragma once
// Pieces every check report format shares, so text, JUnit and HTML say the same thing in the same words.

#include "core/checks/CheckRunResult.h"

#include <string>
#include <string_view>

namespace loupe {

// "100.0%", "2.50%", "0.0012%": enough digits to never print 0 for a non-zero share.
std::string formatPercent(double percent);
// "0.123s" style seconds with 3 decimals (no unit).
std::string formatSeconds(double seconds);
// &, <, >, ", ' escaped for XML and HTML text and attributes; control characters other than tab/newline
// (invalid in XML 1.0) become U+FFFD.
std::string escapeMarkup(std::string_view text);

// The marbles-like block for one test that did not pass (message, offending rows, Source, Locals, Note),
// without the FAIL header. Lines end with '\n'. Locals whose names start with '_' are left out.
std::string failureDetails(const CheckTestResult &test, const std::string &suitePath);
// "FAILED (failures=1)", "FAILED (failures=1, warnings=2)", "OK", "OK (warnings=2)".
std::string summaryVerdict(const CheckRunResult &run);

} // namespace loupe
