#pragma once
// Monotonicity (marbles MonotonicMixins), on a number or datetime column in row order, missing values skipped
// (each value is compared with the previous non-missing one). strict defaults to true as in marbles.
//   "monotonic_increasing"      fails with every row that is not > (strict) / >= its predecessor
//   "monotonic_decreasing"      fails with every row that is not < (strict) / <= its predecessor
//   "not_monotonic_increasing"  table-level: fails when the whole column IS increasing
//   "not_monotonic_decreasing"  table-level: fails when the whole column IS decreasing

#include "core/checks/Assertion.h"

namespace loupe {

class MonotonicAssertion : public Assertion {
public:
    enum class Direction { Increasing, Decreasing };
    enum class Expectation { Monotonic, NotMonotonic };

    MonotonicAssertion(Direction direction, Expectation expectation);

    std::string_view name() const override;
    std::string_view summary() const override;
    std::vector<std::string_view> parameters() const override { return {"column", "strict"}; }
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;

private:
    Direction m_direction;
    Expectation m_expectation;
};

} // namespace loupe
