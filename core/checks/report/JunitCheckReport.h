#pragma once
// JUnit XML for CI servers (the Jenkins/Ant schema):
// <testsuites name tests failures errors skipped time>
//   <testsuite name tests failures errors skipped time timestamp>
//     <testcase classname="<suite>" name="<test>" time="0.001">
//       <failure message="<message>" type="<assertion>">report block</failure>   (error-severity failures)
//       <system-out>WARNING: report block</system-out>                          (warn-severity failures)
//     </testcase>
// A warning is not a failure here (CI stays green), but its text is kept in system-out.

#include "core/checks/CheckRunResult.h"

#include <string>

namespace loupe {

class JunitCheckReport {
public:
    static std::string render(const CheckRunResult &run);
};

} // namespace loupe
