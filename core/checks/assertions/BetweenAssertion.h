#pragma once
// "between": every non-missing value of `column` lies between `min` and `max` (marbles assertBetween).
// Parameters: column; min and/or max (at least one): a number, a datetime literal or "{local}";
// strict (default true, as in marbles: min < v < max); strict_min / strict_max override strict per side.
// Missing values are skipped (use not_null for them).

#include "core/checks/Assertion.h"

namespace loupe {

class BetweenAssertion : public Assertion {
public:
    std::string_view name() const override { return "between"; }
    std::string_view summary() const override { return "values lie between min and max"; }
    std::vector<std::string_view> parameters() const override;
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;
};

} // namespace loupe
