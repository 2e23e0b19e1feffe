#pragma once
// "in_column" (a foreign-key style check): every non-missing value of `column` occurs among the values of
// `other` (the same table). Both columns must be of the same key family (text, integer/datetime, or float;
// see CellKeys.h). Fails with every row whose value `other` never holds.

#include "core/checks/Assertion.h"

namespace loupe {

class InColumnAssertion : public Assertion {
public:
    std::string_view name() const override { return "in_column"; }
    std::string_view summary() const override { return "every value occurs in the other column"; }
    std::vector<std::string_view> parameters() const override { return {"column", "other"}; }
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;
};

} // namespace loupe
