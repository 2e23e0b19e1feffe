#pragma once
// "column_pair" (GX expect_column_pair_values_A_to_be_greater_than_B and friends): in every row, the value of
// `column` compares with the value of `other` as `op` says: one of "<", "<=", "==", "!=", ">", ">=".
// Both columns must be numbers (Int64, Float64, Bool), both datetimes, or both text (String, Categorical:
// byte-wise order). Rows where either value is missing are skipped. Fails with every row where the
// comparison is false, showing both values.

#include "core/checks/Assertion.h"

namespace loupe {

class ColumnPairAssertion : public Assertion {
public:
    std::string_view name() const override { return "column_pair"; }
    std::string_view summary() const override { return "column op other holds in every row"; }
    std::vector<std::string_view> parameters() const override { return {"column", "other", "op"}; }
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;
};

} // namespace loupe
