#pragma once
// Summary statistics of one column, as the Data page's column panel and `loupe-cli load` show them.

#include "core/data/Column.h"

#include <cstdint>
#include <string>
#include <vector>

namespace loupe {

struct HistogramBin {
    double lower = 0.0;
    double upper = 0.0;
    std::uint64_t count = 0;
};

struct CategoryCount {
    std::string label;
    std::uint64_t count = 0;
};

struct ColumnStats {
    std::string name;
    ColumnType type = ColumnType::String;
    std::size_t rows = 0;
    std::size_t missing = 0;
    std::size_t distinct = 0;      // distinct non-missing values
    std::size_t nonFinite = 0;     // present Float64 cells holding NaN or +-inf (kept out of min/max/mean/std/histogram)
    bool hasNumeric = false;       // min/max/mean/std are meaningful (Int64, Float64, DateTime, Bool with a finite value)
    double min = 0, max = 0, mean = 0, std = 0; // std: sample standard deviation (n-1); NaN with one value
    std::vector<HistogramBin> histogram;  // numeric and datetime columns
    std::vector<CategoryCount> topValues; // string, categorical and bool columns, most frequent first
};

// bins: histogram bin count for numeric columns; topN: how many most frequent values to keep.
// Distinct counts treat all NaNs as one value and -0.0 as 0.0. Bool statistics are over 0/1 (mean = share true).
// Equal-width bins span [min, max]; a constant column gets one bin. Ties in topValues are ordered by label.
// Single-threaded, a few linear passes: 5-30 ms CPU per numeric column of 1M rows (most for unsorted,
// mostly-unique values); string columns cost about 30-50 ms per 1M rows.
ColumnStats computeColumnStats(const Column &column, int bins = 30, int topN = 20);

} // namespace loupe
