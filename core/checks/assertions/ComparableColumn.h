#pragma once
// Shared by the comparison assertions (between, after, before, ...): how a column's values and a bound
// compare. Numeric columns (Int64, Float64, Bool) compare as double against a number bound; DateTime
// columns compare as int64 nanoseconds against a datetime bound (a "YYYY-MM-DD" literal or a datetime local).

#include "core/checks/AssertionParams.h"
#include "core/data/Column.h"
#include "core/util/Status.h"

#include <cstdint>
#include <string_view>

namespace loupe {

struct ComparisonBound {
    bool isDateTime = false;
    double number = 0.0;
    std::int64_t nanos = 0;
    CheckValue value; // as written / resolved, for messages

    // The bound in Column::numericAt units (for plots).
    double numeric() const { return isDateTime ? static_cast<double>(nanos) : number; }
};

// Fails (naming the parameter) unless column is numeric or DateTime.
Status requireComparableColumn(const Column &column, std::string_view columnKey);

// Reads parameter key as a bound matching the column's type.
Result<ComparisonBound> readBound(const AssertionParams &params, std::string_view key, const Column &column);

// Three-way comparison of a valid cell with the bound: <0, 0, >0.
inline int compareToBound(const Column &column, std::size_t row, const ComparisonBound &bound)
{
    if (bound.isDateTime) {
        const std::int64_t v = column.intAt(row);
        return v < bound.nanos ? -1 : (v > bound.nanos ? 1 : 0);
    }
    const double v = column.type() == ColumnType::Float64 ? column.doubleAt(row) : static_cast<double>(column.intAt(row));
    return v < bound.number ? -1 : (v > bound.number ? 1 : 0);
}

// Orders two bounds read for the same column.
inline int compareBounds(const ComparisonBound &a, const ComparisonBound &b)
{
    if (a.isDateTime)
        return a.nanos < b.nanos ? -1 : (a.nanos > b.nanos ? 1 : 0);
    return a.number < b.number ? -1 : (a.number > b.number ? 1 : 0);
}

} // namespace loupe
