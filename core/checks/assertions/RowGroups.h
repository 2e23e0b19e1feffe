#pragma once
// Groups the rows of a table by the values of one or more columns (rows with a missing value in any of the
// columns are left out). Used by unique, not_unique, compound_unique and distinct_count_between.

#include "core/util/CancellationToken.h"

#include <cstdint>
#include <string>
#include <vector>

namespace loupe {

class Column;

struct RowGroups {
    std::vector<std::uint32_t> rows;      // the grouped rows, in the order they were grouped (not ascending)
    std::vector<std::uint32_t> groupOf;   // the group of rows[i]
    std::vector<std::uint32_t> groupSize; // rows per group
    std::uint64_t checked = 0;            // rows grouped
    bool cancelled = false;

    std::size_t distinctCount() const { return groupSize.size(); }
    // Every row whose group has more than one row, ascending.
    std::vector<std::uint64_t> duplicatedRows() const;
};

// requires: columns not empty, all of the same length (< 2^31 rows).
RowGroups groupRows(const std::vector<const Column *> &columns, const CancellationToken *cancel);

// What the uniqueness assertions need: every row of a repeated key, and counts.
struct DuplicateSummary {
    std::vector<std::uint64_t> duplicatedRows; // ascending
    std::size_t distinctCount = 0;
    std::size_t repeatedKeys = 0; // keys that occur more than once
    std::uint64_t checked = 0;
    bool cancelled = false;
};

// Like groupRows, but a single integer-family column whose values span a small range (ids, codes) is
// counted in an array instead of hashed: two sequential passes.
DuplicateSummary summarizeDuplicates(const std::vector<const Column *> &columns, const CancellationToken *cancel);

// "a=1, b=x" for multi-column failure listings.
std::string describeRow(const std::vector<const Column *> &columns, std::size_t row);

} // namespace loupe
