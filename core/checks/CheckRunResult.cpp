#include "core/checks/CheckRunResult.h"

#include <algorithm>

namespace loupe {

const char *checkTestStatusName(CheckTestStatus status)
{
    switch (status) {
    case CheckTestStatus::Passed:
        return "passed";
    case CheckTestStatus::Failed:
        return "failed";
    case CheckTestStatus::Warning:
        return "warning";
    }
    return "?";
}

double CheckTestResult::failingPercent() const
{
    if (outcome.checkedCount == 0)
        return 0.0;
    return 100.0 * static_cast<double>(outcome.failingCount()) / static_cast<double>(outcome.checkedCount);
}

std::size_t CheckRunResult::failureCount() const
{
    return static_cast<std::size_t>(std::count_if(tests.begin(), tests.end(), [](const CheckTestResult &t) {
        return t.status == CheckTestStatus::Failed;
    }));
}

std::size_t CheckRunResult::warningCount() const
{
    return static_cast<std::size_t>(std::count_if(tests.begin(), tests.end(), [](const CheckTestResult &t) {
        return t.status == CheckTestStatus::Warning;
    }));
}

} // namespace loupe
