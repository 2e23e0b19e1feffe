#include "core/checks/AssertionOutcome.h"

#include "core/data/Column.h"

#include <algorithm>

namespace loupe {

AssertionOutcome AssertionOutcome::pass(std::uint64_t checked, std::vector<std::string> columns)
{
    AssertionOutcome outcome;
    outcome.checkedCount = checked;
    outcome.columns = std::move(columns);
    return outcome;
}

AssertionOutcome AssertionOutcome::fromRows(const Column &column, std::vector<std::uint64_t> rows,
                                            std::uint64_t checked, const std::string &what)
{
    AssertionOutcome outcome;
    outcome.checkedCount = checked;
    outcome.columns = {column.name()};
    if (rows.empty())
        return outcome;
    outcome.passed = false;
    const std::size_t shown = std::min(rows.size(), kMaxShownValues);
    outcome.offendingValues.reserve(shown);
    for (std::size_t i = 0; i < shown; ++i)
        outcome.offendingValues.push_back(column.displayAt(static_cast<std::size_t>(rows[i])));
    outcome.message = std::to_string(rows.size()) + " of " + std::to_string(checked) + " values in " + column.name()
                      + " " + what;
    outcome.failingRows = std::move(rows);
    return outcome;
}

AssertionOutcome AssertionOutcome::fromRowValues(std::vector<std::uint64_t> rows, std::vector<std::string> values,
                                                 std::uint64_t checked, std::vector<std::string> columns,
                                                 std::string message)
{
    AssertionOutcome outcome;
    outcome.checkedCount = checked;
    outcome.columns = std::move(columns);
    if (rows.empty())
        return outcome;
    outcome.passed = false;
    if (values.size() > kMaxShownValues)
        values.resize(kMaxShownValues);
    outcome.offendingValues = std::move(values);
    outcome.failingRows = std::move(rows);
    outcome.message = std::move(message);
    return outcome;
}

AssertionOutcome AssertionOutcome::tableFailure(std::string message, std::string observed,
                                                std::vector<std::string> columns)
{
    AssertionOutcome outcome;
    outcome.passed = false;
    outcome.tableLevel = true;
    outcome.message = std::move(message);
    outcome.observed = std::move(observed);
    outcome.columns = std::move(columns);
    return outcome;
}

AssertionOutcome AssertionOutcome::tablePass(std::string observed, std::vector<std::string> columns)
{
    AssertionOutcome outcome;
    outcome.tableLevel = true;
    outcome.observed = std::move(observed);
    outcome.columns = std::move(columns);
    return outcome;
}

} // namespace loupe
