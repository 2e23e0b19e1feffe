#pragma once
// "not_null" (GX expect_column_values_to_not_be_null): no value of `column` is missing. Fails with every
// missing row; checkedCount counts all rows, so a `mostly` of 0.95 in the suite allows 5% missing.

#include "core/checks/Assertion.h"

namespace loupe {

class NotNullAssertion : public Assertion {
public:
    std::string_view name() const override { return "not_null"; }
    std::string_view summary() const override { return "no value is missing"; }
    std::vector<std::string_view> parameters() const override { return {"column"}; }
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;
};

} // namespace loupe
