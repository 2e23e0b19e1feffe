#include "core/data/ColumnStats.h"

#include "core/data/ColumnStats_p.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace loupe {

namespace {

using detail::countDistinct;
using detail::StringCounter;

// What the first numeric pass learns besides the moments.
struct NumericScan {
    bool ascending = true;  // present values never decrease (and none is NaN)
    std::size_t nonFinite = 0;
};

// Equal-width bins from lo to hi (the last bin ends exactly at hi).
void setHistogram(ColumnStats &stats, const std::vector<std::uint64_t> &counts, double lo, double hi)
{
    const std::size_t binCount = counts.size();
    const double width = (hi / 2 - lo / 2) / static_cast<double>(binCount) * 2;
    stats.histogram.resize(binCount);
    for (std::size_t b = 0; b < binCount; ++b) {
        stats.histogram[b].lower = lo + width * static_cast<double>(b);
        stats.histogram[b].upper = b + 1 == binCount ? hi : lo + width * static_cast<double>(b + 1);
        stats.histogram[b].count = counts[b];
    }
}

// Moments and histogram over the present, finite values that `value(row)` yields, in two passes:
// count/min/max/sum, then squared deviations and bin counts together.
template <typename ValueAt>
NumericScan numericSummary(const Column &column, ColumnStats &stats, int bins, ValueAt value)
{
    const std::size_t n = column.size();
    const std::uint8_t *valid = column.validity().data();
    NumericScan scan;
    double lo = std::numeric_limits<double>::infinity(), hi = -lo, shift = 0, sum = 0, previous = -lo;
    std::size_t count = 0;
    for (std::size_t r = 0; r < n; ++r) {
        if (!valid[r])
            continue;
        const double v = value(r);
        scan.ascending = scan.ascending && v >= previous;
        previous = v;
        if (!std::isfinite(v)) {
            ++scan.nonFinite;
            continue;
        }
        if (count++ == 0)
            shift = v; // summing v - shift keeps large offsets (timestamps) from eating precision
        lo = std::min(lo, v);
        hi = std::max(hi, v);
        sum += v - shift;
    }
    if (count == 0)
        return scan;
    stats.hasNumeric = true;
    stats.min = lo;
    stats.max = hi;
    const double meanShifted = sum / static_cast<double>(count);
    stats.mean = shift + meanShifted;

    const bool wantHistogram = bins > 0 && stats.type != ColumnType::Bool;
    const std::size_t binCount = wantHistogram ? (lo == hi ? 1 : static_cast<std::size_t>(bins)) : 1;
    std::vector<std::uint64_t> counts(binCount, 0);
    const std::size_t last = binCount - 1;
    // Halving keeps the width finite even for values near +-DBL_MAX.
    const double halfWidth = hi / 2 - lo / 2;
    const double binsPerHalfUnit = lo == hi ? 0.0 : static_cast<double>(binCount) / halfWidth;
    double squares = 0, compensation = 0;
    for (std::size_t r = 0; r < n; ++r) {
        if (!valid[r])
            continue;
        const double v = value(r);
        if (!std::isfinite(v))
            continue;
        const double d = (v - shift) - meanShifted;
        squares += d * d;
        compensation += d;
        const auto bin = static_cast<std::size_t>(std::max(0.0, (v / 2 - lo / 2) * binsPerHalfUnit));
        ++counts[std::min(bin, last)];
    }
    // Corrected two-pass formula: the second term removes the rounding left in the mean.
    const double variance = (squares - compensation * compensation / static_cast<double>(count))
        / static_cast<double>(count - 1);
    stats.std = count > 1 ? std::sqrt(std::max(0.0, variance)) : std::numeric_limits<double>::quiet_NaN();
    if (wantHistogram)
        setHistogram(stats, counts, lo, hi);
    return scan;
}

void keepTop(std::vector<CategoryCount> &values, int topN)
{
    const auto byCount = [](const CategoryCount &a, const CategoryCount &b) {
        return a.count != b.count ? a.count > b.count : a.label < b.label;
    };
    const std::size_t keep = std::min(values.size(), static_cast<std::size_t>(std::max(0, topN)));
    std::partial_sort(values.begin(), values.begin() + static_cast<std::ptrdiff_t>(keep), values.end(), byCount);
    values.resize(keep);
}

void intColumnStats(const Column &column, ColumnStats &stats, int bins)
{
    const std::int64_t *ints = column.ints().data();
    const std::uint8_t *valid = column.validity().data();
    numericSummary(column, stats, bins, [ints](std::size_t r) { return static_cast<double>(ints[r]); });
    bool sorted = true;
    std::int64_t previous = std::numeric_limits<std::int64_t>::min();
    for (std::size_t r = 0; r < column.size() && sorted; ++r) {
        if (valid[r]) {
            sorted = ints[r] >= previous;
            previous = ints[r];
        }
    }
    stats.distinct = countDistinct(column, [ints](std::size_t r) { return static_cast<std::uint64_t>(ints[r]); }, sorted);
}

void floatColumnStats(const Column &column, ColumnStats &stats, int bins)
{
    const double *doubles = column.doubles().data();
    const NumericScan scan = numericSummary(column, stats, bins, [doubles](std::size_t r) { return doubles[r]; });
    stats.nonFinite = scan.nonFinite;
    const std::uint64_t canonicalNan = std::bit_cast<std::uint64_t>(std::numeric_limits<double>::quiet_NaN());
    // All NaNs count as one value, and -0.0 as 0.0 (v + 0.0 turns -0.0 into +0.0).
    const auto keyAt = [doubles, canonicalNan](std::size_t r) {
        return std::isnan(doubles[r]) ? canonicalNan : std::bit_cast<std::uint64_t>(doubles[r] + 0.0);
    };
    stats.distinct = countDistinct(column, keyAt, scan.ascending); // ascending: equal values are adjacent
}

void boolColumnStats(const Column &column, ColumnStats &stats)
{
    const std::int64_t *ints = column.ints().data();
    numericSummary(column, stats, 0, [ints](std::size_t r) { return ints[r] ? 1.0 : 0.0; });
    std::uint64_t trues = 0, falses = 0;
    const std::uint8_t *valid = column.validity().data();
    for (std::size_t r = 0; r < column.size(); ++r)
        if (valid[r])
            (ints[r] ? trues : falses) += 1;
    if (trues)
        stats.topValues.push_back({"true", trues});
    if (falses)
        stats.topValues.push_back({"false", falses});
    stats.distinct = stats.topValues.size();
}

void categoricalColumnStats(const Column &column, ColumnStats &stats, int topN)
{
    std::vector<std::uint64_t> counts(column.categories().size(), 0);
    const std::int64_t *codes = column.ints().data();
    const std::uint8_t *valid = column.validity().data();
    for (std::size_t r = 0; r < column.size(); ++r)
        if (valid[r] && codes[r] >= 0 && static_cast<std::size_t>(codes[r]) < counts.size())
            ++counts[static_cast<std::size_t>(codes[r])];
    for (std::size_t code = 0; code < counts.size(); ++code)
        if (counts[code])
            stats.topValues.push_back({column.categories()[code], counts[code]});
    stats.distinct = stats.topValues.size();
    keepTop(stats.topValues, topN);
}

void stringColumnStats(const Column &column, ColumnStats &stats, int topN)
{
    StringCounter counter(column);
    const std::uint8_t *valid = column.validity().data();
    for (std::size_t r = 0; r < column.size(); ++r)
        if (valid[r])
            counter.add(r);
    stats.distinct = counter.size();
    if (topN <= 0)
        return;
    // Rank (count, label) pairs as views; only the kept labels become strings.
    struct Candidate {
        std::uint64_t count;
        std::string_view label;
    };
    std::vector<Candidate> candidates;
    candidates.reserve(counter.size());
    for (const auto &entry : counter.slots())
        if (entry.count)
            candidates.push_back({entry.count, column.stringAt(entry.firstRow)});
    const std::size_t keep = std::min(candidates.size(), static_cast<std::size_t>(topN));
    std::partial_sort(candidates.begin(), candidates.begin() + static_cast<std::ptrdiff_t>(keep), candidates.end(),
                      [](const Candidate &a, const Candidate &b) {
                          return a.count != b.count ? a.count > b.count : a.label < b.label;
                      });
    for (std::size_t i = 0; i < keep; ++i)
        stats.topValues.push_back({std::string(candidates[i].label), candidates[i].count});
}

} // namespace

ColumnStats computeColumnStats(const Column &column, int bins, int topN)
{
    ColumnStats stats;
    stats.name = column.name();
    stats.type = column.type();
    stats.rows = column.size();
    stats.missing = static_cast<std::size_t>(
        std::count(column.validity().begin(), column.validity().end(), std::uint8_t(0)));
    switch (column.type()) {
    case ColumnType::Int64:
    case ColumnType::DateTime:
        intColumnStats(column, stats, bins);
        break;
    case ColumnType::Float64:
        floatColumnStats(column, stats, bins);
        break;
    case ColumnType::Bool:
        boolColumnStats(column, stats);
        break;
    case ColumnType::Categorical:
        categoricalColumnStats(column, stats, topN);
        break;
    case ColumnType::String:
        stringColumnStats(column, stats, topN);
        break;
    }
    return stats;
}

} // namespace loupe
