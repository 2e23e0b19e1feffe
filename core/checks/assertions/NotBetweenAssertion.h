#pragma once
// "not_between" (marbles assertNotBetween): no non-missing value of `column` lies between `min` and `max`.
// Parameters: column (number or datetime); min and max (both required): numbers, datetime literals or
// "{local}"; strict (default true, as in marbles): with strict a value fails when min <= v <= max, without it
// when min < v < max. strict false with min == max is rejected (the interval would be empty), as in marbles.

#include "core/checks/Assertion.h"

namespace loupe {

class NotBetweenAssertion : public Assertion {
public:
    std::string_view name() const override { return "not_between"; }
    std::string_view summary() const override { return "no value lies between min and max"; }
    std::vector<std::string_view> parameters() const override { return {"column", "min", "max", "strict"}; }
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;
};

} // namespace loupe
