#pragma once
// Duplicate keys of one or more columns (rows with a missing value in any of the columns are left out). Used
// by unique, not_unique, compound_unique and distinct_count_between.

#include "core/checks/assertions/DuplicateFinder.h"
#include "core/util/CancellationToken.h"

#include <cstdint>
#include <string>
#include <vector>

namespace loupe {

class Column;

// Every row of a repeated key (findDuplicates), except that a single integer-family column whose values span
// a small range (ids, codes) is counted in an array instead of hashed: two sequential passes.
DuplicateSummary summarizeDuplicates(const std::vector<const Column *> &columns, const CancellationToken *cancel);

// "a=1, b=x" for multi-column failure listings.
std::string describeRow(const std::vector<const Column *> &columns, std::size_t row);

} // namespace loupe
