#pragma once
// Which rows a bar of a column's distribution (ColumnStats) counts: a histogram bin's, or a top
// value's. For a click on a histogram bar (the Data page selects those rows, the Prepare page rings
// where they fall in the other histogram). Bins are found exactly as computeColumnStats counts them,
// so the rows of a bin number its count.

#include "core/data/Column.h"
#include "core/data/ColumnStats.h"

#include <cstdint>
#include <optional>
#include <vector>

namespace loupe {

class HistogramRows {
public:
    // The bin of stats.histogram that `value` is counted in (values outside [min, max] in the first
    // or last bin); nullopt without a histogram or for a value that is not finite.
    static std::optional<std::size_t> binOf(const ColumnStats &stats, double value);
    // The present, finite value of a numeric or datetime (nanoseconds) row; nullopt otherwise.
    static std::optional<double> valueAt(const Column &column, std::size_t row);
    // The rows (ascending) counted in histogram bin `bin`. requires: stats describe `column`.
    static std::vector<std::uint64_t> inBin(const Column &column, const ColumnStats &stats, std::size_t bin);
    // The rows (ascending) holding stats.topValues[index]; empty when index is out of range.
    static std::vector<std::uint64_t> withTopValue(const Column &column, const ColumnStats &stats, std::size_t index);
};

} // namespace loupe
