#pragma once
// The marbles-like text report:
//   F.W                                        one character per test: . passed, F failed, W warning
//   ======================================================================
//   FAIL: <test> (<assertion>, <suite file>:<line>)
//   ----------------------------------------------------------------------
//   <message>                                  "1 of 1 values in ceo_birth are not strictly after ..."
//   \trow 0: 1800-01-01                        first 20 failing rows, then "... and N more rows"
//   \tfailing: 1 of 1 values (100.0%)
//
//   Source (<suite file>):
//    >    9 {                                  the test's definition, '>' on its first line
//   Locals:                                    public locals (names starting with _ are hidden)
//   \tearliest_birth = 1896-...
//   Note:
//   \t<formatted note>
//
//   (WARN: blocks for warning tests, same layout)
//   ----------------------------------------------------------------------
//   Ran N tests in X.XXXs
//
//   OK | OK (warnings=W) | FAILED (failures=F[, warnings=W])

#include "core/checks/CheckRunResult.h"

#include <string>

namespace loupe {

class TextCheckReport {
public:
    static std::string render(const CheckRunResult &run);
};

} // namespace loupe
