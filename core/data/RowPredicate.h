#pragma once
// One RowFilter compiled against the column it names: the operand is read once as the column's type
// (RowQuery.h gives the rules), then matches() answers per row without allocating (except "contains" on
// a non-text column, which formats the cell as the Data page shows it).
// Thread-safe: matches() only reads the column and the compiled operand.

#include "core/data/Column.h"
#include "core/data/RowQuery.h"
#include "core/util/Status.h"

#include <cstdint>
#include <string>

namespace loupe {

class RowPredicate {
public:
    // requires: column outlives the predicate.
    // ensures: InvalidInput "filter on 'NAME' (TYPE): 'x' is not a number" (or "... not a date",
    // "... not true/false/1/0") when the operand does not read as the column's type.
    static Result<RowPredicate> compile(const Column &column, const RowFilter &filter);

    // requires: row < column.size().
    bool matches(std::size_t row) const;

private:
    RowPredicate(const Column &column, FilterCondition condition) : m_column(&column), m_condition(condition) {}
    bool containsText(std::size_t row) const;
    template <typename T>
    bool compare(const T &value, const T &operand) const;

    const Column *m_column;
    FilterCondition m_condition;
    std::string m_text;            // text columns and "contains": the operand as written
    std::int64_t m_integer = 0;    // int64, bool and datetime columns
    double m_real = 0.0;           // float64 columns, and int64 columns compared with a fraction
    bool m_integerOperand = false; // int64 columns: the operand is a whole number (compared exactly)
};

} // namespace loupe
