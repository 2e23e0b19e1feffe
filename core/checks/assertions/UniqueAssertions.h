#pragma once
// Uniqueness (marbles UniqueMixins, GX expect_column_values_to_be_unique / expect_compound_columns_to_be_unique).
//   "unique"          column: no non-missing value occurs twice. Fails with EVERY row of every repeated value.
//   "not_unique"      column: some value occurs at least twice (table-level; fails when all are distinct).
//   "compound_unique" columns (2 or more): no combination of values occurs twice; rows with a missing value in
//                     any of the columns are skipped. Fails with every row of every repeated combination.
// Values are grouped by hashing (CellKeys): linear time, no sort.

#include "core/checks/Assertion.h"

namespace loupe {

class UniqueAssertion : public Assertion {
public:
    std::string_view name() const override { return "unique"; }
    std::string_view summary() const override { return "no value occurs twice"; }
    std::vector<std::string_view> parameters() const override { return {"column"}; }
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;
    double relativeCost(const AssertionParams &) const override { return 2.0; }
};

class NotUniqueAssertion : public Assertion {
public:
    std::string_view name() const override { return "not_unique"; }
    std::string_view summary() const override { return "some value occurs more than once"; }
    std::vector<std::string_view> parameters() const override { return {"column"}; }
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;
    double relativeCost(const AssertionParams &) const override { return 2.0; }
};

class CompoundUniqueAssertion : public Assertion {
public:
    std::string_view name() const override { return "compound_unique"; }
    std::string_view summary() const override { return "no combination of the columns' values occurs twice"; }
    std::vector<std::string_view> parameters() const override { return {"columns"}; }
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;
    // Hashing, scattering and grouping every row: about four passes per key column.
    double relativeCost(const AssertionParams &params) const override;
};

} // namespace loupe
