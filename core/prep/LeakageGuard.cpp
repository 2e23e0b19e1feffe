#include "core/prep/LeakageGuard.h"

#include <algorithm>
#include <string>

namespace loupe {

Status LeakageGuard::checkFitRows(const std::vector<std::size_t> &fitRows, const std::vector<std::size_t> &testRows,
                                  const std::string &what)
{
    if (fitRows.empty() || testRows.empty())
        return Status::ok();
    std::vector<std::size_t> test = testRows;
    std::sort(test.begin(), test.end());
    std::vector<std::size_t> leaked;
    for (std::size_t row : fitRows) {
        if (std::binary_search(test.begin(), test.end(), row))
            leaked.push_back(row);
    }
    if (leaked.empty())
        return Status::ok();
    std::sort(leaked.begin(), leaked.end());
    leaked.erase(std::unique(leaked.begin(), leaked.end()), leaked.end());
    std::string named;
    for (std::size_t i = 0; i < leaked.size() && i < s_namedRows; ++i)
        named += (i == 0 ? "" : ", ") + std::to_string(leaked[i]);
    if (leaked.size() > s_namedRows)
        named += ", ...";
    return Status::invalidInput(what + ": refusing to fit on " + std::to_string(leaked.size())
                                + " row(s) of the test split (row indices " + named
                                + "; 0-based); fit on the training rows only and apply the fitted scaler to the "
                                  "test rows unchanged");
}

} // namespace loupe
