#pragma once
// What the Data page asks of a table's rows: at most one sort key and at most one filter condition.
// RowOrdering turns a query into the list of table rows to show, in order.
//
// Sorting: by one column, ascending or descending; missing cells always come last; ties keep table order.
//   Numbers, dates and bools by value (false < true), text (string and categorical) by its UTF-8 bytes.
// Filter conditions (a missing cell matches only "is missing"):
//   contains        the cell's text as the Data page shows it contains the operand (case-sensitive)
//   =               equal: numbers by value, dates as the instant the operand names, text exactly
//   < / >           by value for numbers, dates and bools, by UTF-8 bytes for text
//   is missing / is not missing   (no operand)
// The operand of = < > is read as the column's type: int64 and float64 take any number, bool takes
// true/false/1/0, datetime takes the forms of DateTimeParser.h; text columns take the operand as written.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace loupe {

enum class SortDirection { Ascending, Descending };

enum class FilterCondition { Contains, Equals, Less, Greater, IsMissing, IsPresent };

struct SortKey {
    std::size_t column = 0;
    SortDirection direction = SortDirection::Ascending;
};

struct RowFilter {
    std::size_t column = 0;
    FilterCondition condition = FilterCondition::Contains;
    std::string operand; // ignored by IsMissing / IsPresent
};

struct RowQuery {
    std::optional<SortKey> sort;
    std::optional<RowFilter> filter;

    // True when the query keeps every row in table order.
    bool isIdentity() const { return !sort && !filter; }
};

// "contains", "=", "<", ">", "is missing", "is not missing".
std::string_view filterConditionName(FilterCondition condition);
// False for IsMissing and IsPresent.
bool filterConditionTakesOperand(FilterCondition condition);

} // namespace loupe
