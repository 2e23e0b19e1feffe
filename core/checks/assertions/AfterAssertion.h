#pragma once
// "after": every non-missing datetime of `column` is after `target` (marbles assertDateTimesAfter).
// Parameters: column (a DateTime column); target: a datetime literal ("1900-01-01") or "{local}";
// strict (default true, as in marbles: value > target; false allows value == target).
// Missing values are skipped (use not_null for them).

#include "core/checks/Assertion.h"

namespace loupe {

class AfterAssertion : public Assertion {
public:
    std::string_view name() const override { return "after"; }
    std::string_view summary() const override { return "datetimes are after target"; }
    std::vector<std::string_view> parameters() const override;
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;
};

} // namespace loupe
