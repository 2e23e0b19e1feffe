#include "core/data/HistogramRows.h"

#include <algorithm>
#include <cmath>

namespace loupe {

std::optional<std::size_t> HistogramRows::binOf(const ColumnStats &stats, double value)
{
    if (stats.histogram.empty() || !std::isfinite(value))
        return std::nullopt;
    const std::size_t binCount = stats.histogram.size();
    const double lo = stats.min;
    const double hi = stats.max;
    if (lo == hi || binCount == 1)
        return 0;
    // The same arithmetic as computeColumnStats (halving keeps the width finite near +-DBL_MAX).
    const double binsPerHalfUnit = static_cast<double>(binCount) / (hi / 2 - lo / 2);
    const auto bin = static_cast<std::size_t>(std::max(0.0, (value / 2 - lo / 2) * binsPerHalfUnit));
    return std::min(bin, binCount - 1);
}

std::optional<double> HistogramRows::valueAt(const Column &column, std::size_t row)
{
    if (row >= column.size() || !column.isValid(row))
        return std::nullopt;
    switch (column.type()) {
    case ColumnType::Int64:
    case ColumnType::DateTime:
        return static_cast<double>(column.ints()[row]);
    case ColumnType::Float64:
        if (std::isfinite(column.doubles()[row]))
            return column.doubles()[row];
        return std::nullopt;
    default:
        return std::nullopt;
    }
}

std::vector<std::uint64_t> HistogramRows::inBin(const Column &column, const ColumnStats &stats, std::size_t bin)
{
    std::vector<std::uint64_t> rows;
    if (bin >= stats.histogram.size())
        return rows;
    rows.reserve(stats.histogram[bin].count);
    for (std::size_t row = 0; row < column.size(); ++row) {
        const std::optional<double> value = valueAt(column, row);
        if (value && binOf(stats, *value) == bin)
            rows.push_back(row);
    }
    return rows;
}

std::vector<std::uint64_t> HistogramRows::withTopValue(const Column &column, const ColumnStats &stats, std::size_t index)
{
    std::vector<std::uint64_t> rows;
    if (index >= stats.topValues.size())
        return rows;
    const std::string &label = stats.topValues[index].label;
    rows.reserve(stats.topValues[index].count);
    const std::uint8_t *valid = column.validity().data();
    switch (column.type()) {
    case ColumnType::Bool: {
        const bool wanted = label == "true";
        for (std::size_t row = 0; row < column.size(); ++row)
            if (valid[row] && (column.ints()[row] != 0) == wanted)
                rows.push_back(row);
        break;
    }
    case ColumnType::Categorical: {
        const auto &categories = column.categories();
        const auto found = std::find(categories.begin(), categories.end(), label);
        if (found == categories.end())
            break;
        const auto code = static_cast<std::int64_t>(found - categories.begin());
        for (std::size_t row = 0; row < column.size(); ++row)
            if (valid[row] && column.ints()[row] == code)
                rows.push_back(row);
        break;
    }
    case ColumnType::String:
        for (std::size_t row = 0; row < column.size(); ++row)
            if (valid[row] && column.stringAt(row) == label)
                rows.push_back(row);
        break;
    default:
        break;
    }
    return rows;
}

} // namespace loupe
