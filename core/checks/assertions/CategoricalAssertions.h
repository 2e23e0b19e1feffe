#pragma once
// Categorical levels (marbles CategoricalMixins; GX expect_column_values_to_be_in_set / _not_be_in_set /
// expect_column_distinct_values_to_equal_set). The level set comes from "values" or "constant" (LevelSet.h).
// Missing values are skipped.
//   "in_set"            every value is one of the levels; fails with each row holding another value
//   "not_in_set"        no value is one of the levels; fails with each row holding one of them
//   "levels_equal"      the column's distinct values are exactly the levels (how often each occurs is ignored):
//                       fails with each row holding an unexpected value, and names the levels never seen
//   "levels_not_equal"  table-level: fails when the distinct values are exactly the levels

#include "core/checks/Assertion.h"

namespace loupe {

class InSetAssertion : public Assertion {
public:
    enum class Expectation { In, NotIn };

    explicit InSetAssertion(Expectation expectation) : m_expectation(expectation) {}

    std::string_view name() const override { return m_expectation == Expectation::In ? "in_set" : "not_in_set"; }
    std::string_view summary() const override;
    std::vector<std::string_view> parameters() const override { return {"column", "values", "constant"}; }
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;
    // A table lookup per row on text columns.
    double relativeCost(const AssertionParams &) const override { return 2.0; }

private:
    Expectation m_expectation;
};

class LevelsEqualAssertion : public Assertion {
public:
    enum class Expectation { Equal, NotEqual };

    explicit LevelsEqualAssertion(Expectation expectation) : m_expectation(expectation) {}

    std::string_view name() const override
    {
        return m_expectation == Expectation::Equal ? "levels_equal" : "levels_not_equal";
    }
    std::string_view summary() const override;
    std::vector<std::string_view> parameters() const override { return {"column", "values", "constant"}; }
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;

private:
    Expectation m_expectation;
};

} // namespace loupe
