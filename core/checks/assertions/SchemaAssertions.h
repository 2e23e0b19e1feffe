#pragma once
// Table-level schema checks (GX expect_column_to_exist, expect_table_columns_to_match_(ordered_)list,
// expect_table_row_count_to_be_between, expect_column_values_to_be_of_type).
//   "column_exists"      column: a column of that name exists (a missing one is a failure, not a suite error)
//   "columns_equal"      columns (array), ordered (default true): the table's columns are exactly these (in this
//                        order when ordered)
//   "row_count_between"  min and/or max (whole numbers, inclusive)
//   "type"               column, type: int64, float64, bool, datetime, string, categorical, or "number"
//                        (int64 or float64) or "text" (string or categorical)

#include "core/checks/Assertion.h"

namespace loupe {

class ColumnExistsAssertion : public Assertion {
public:
    std::string_view name() const override { return "column_exists"; }
    std::string_view summary() const override { return "the column exists"; }
    std::vector<std::string_view> parameters() const override { return {"column"}; }
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;
};

class ColumnsEqualAssertion : public Assertion {
public:
    std::string_view name() const override { return "columns_equal"; }
    std::string_view summary() const override { return "the table has exactly these columns"; }
    std::vector<std::string_view> parameters() const override { return {"columns", "ordered"}; }
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;
};

class RowCountBetweenAssertion : public Assertion {
public:
    std::string_view name() const override { return "row_count_between"; }
    std::string_view summary() const override { return "the row count lies between min and max"; }
    std::vector<std::string_view> parameters() const override { return {"min", "max"}; }
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;
};

class TypeAssertion : public Assertion {
public:
    std::string_view name() const override { return "type"; }
    std::string_view summary() const override { return "the column has the given type"; }
    std::vector<std::string_view> parameters() const override { return {"column", "type"}; }
    Status validate(const Table &table, const AssertionParams &params) const override;
    AssertionOutcome evaluate(const Table &table, const AssertionParams &params,
                              const CancellationToken *cancel) const override;
};

} // namespace loupe
