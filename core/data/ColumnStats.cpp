#include "core/data/ColumnStats.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <cstring>
#include <limits>

namespace loupe {

namespace {

std::uint64_t mix64(std::uint64_t x)
{
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    x *= 0xc4ceb9fe1a85ec53ULL;
    x ^= x >> 33;
    return x;
}

std::uint64_t hashBytes(std::string_view text)
{
    std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ (text.size() * 0x100000001b3ULL);
    const char *p = text.data();
    std::size_t n = text.size();
    while (n >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        h = (h ^ mix64(word)) * 0x9fb21c651e98df25ULL;
        p += 8;
        n -= 8;
    }
    std::uint64_t tail = 0;
    std::memcpy(&tail, p, n);
    return mix64(h ^ tail ^ (std::uint64_t(n) << 56));
}

// Open-addressing set of 64-bit keys; grows at half load. Only counts, never erases.
class KeySet {
public:
    void insert(std::uint64_t key)
    {
        if (key == 0) {
            m_hasZero = true;
            return;
        }
        if ((m_size + 1) * 2 > m_slots.size())
            reserve(std::max<std::size_t>(512, m_size + 1));
        const std::size_t mask = m_slots.size() - 1;
        std::size_t i = mix64(key) & mask;
        while (m_slots[i] != 0) {
            if (m_slots[i] == key)
                return;
            i = (i + 1) & mask;
        }
        m_slots[i] = key;
        ++m_size;
    }
    std::size_t size() const { return m_size + (m_hasZero ? 1 : 0); }

    // Room for `keys` keys at most half load, without further rehashing.
    void reserve(std::size_t keys)
    {
        const std::size_t slots = std::bit_ceil(keys * 2);
        if (slots <= m_slots.size())
            return;
        std::vector<std::uint64_t> old(slots, 0);
        old.swap(m_slots);
        const std::size_t mask = m_slots.size() - 1;
        for (std::uint64_t key : old) {
            if (key == 0)
                continue;
            std::size_t i = mix64(key) & mask;
            while (m_slots[i] != 0)
                i = (i + 1) & mask;
            m_slots[i] = key;
        }
    }

private:
    std::vector<std::uint64_t> m_slots;
    std::size_t m_size = 0;
    bool m_hasZero = false;
};

// For mostly-unique columns: scatter the mixed keys into 256 buckets by their top byte, then count each
// bucket in a small table that stays in cache. mix64 is a bijection, so distinct mixed keys = distinct keys.
template <typename KeyAt>
std::size_t countDistinctPartitioned(const Column &column, KeyAt keyAt)
{
    const std::uint8_t *valid = column.validity().data();
    const std::size_t n = column.size();
    constexpr std::size_t kBuckets = 256;
    std::vector<std::uint64_t> mixed(n);
    std::array<std::size_t, kBuckets + 1> start{};
    std::size_t present = 0;
    for (std::size_t r = 0; r < n; ++r) {
        if (!valid[r])
            continue;
        const std::uint64_t h = mix64(keyAt(r));
        mixed[present++] = h;
        ++start[(h >> 56) + 1];
    }
    mixed.resize(present);
    for (std::size_t b = 0; b < kBuckets; ++b)
        start[b + 1] += start[b];
    std::vector<std::uint64_t> scattered(mixed.size());
    std::array<std::size_t, kBuckets> next{};
    std::copy(start.begin(), start.end() - 1, next.begin());
    std::size_t largest = 0;
    for (std::size_t b = 0; b < kBuckets; ++b)
        largest = std::max(largest, start[b + 1] - start[b]);
    for (std::uint64_t h : mixed)
        scattered[next[h >> 56]++] = h;
    std::vector<std::uint64_t> table(std::bit_ceil(std::max<std::size_t>(largest * 2, 16)));
    std::size_t distinct = 0;
    bool hasZero = false;
    for (std::size_t b = 0; b < kBuckets; ++b) {
        const std::size_t size = start[b + 1] - start[b];
        const std::size_t mask = std::bit_ceil(std::max<std::size_t>(size * 2, 16)) - 1;
        std::fill(table.begin(), table.begin() + static_cast<std::ptrdiff_t>(mask + 1), 0);
        for (std::size_t k = start[b]; k < start[b + 1]; ++k) {
            const std::uint64_t h = scattered[k];
            if (h == 0) {
                hasZero = true;
                continue;
            }
            std::size_t i = h & mask;
            while (table[i] != 0 && table[i] != h)
                i = (i + 1) & mask;
            distinct += table[i] == 0 ? 1 : 0;
            table[i] = h;
        }
    }
    return distinct + (hasZero ? 1 : 0);
}

// Distinct count of the present rows' keys. Sorted input (ids, timestamps) is counted in one pass;
// otherwise a hash set that starts small (cache-resident for low-cardinality columns) and is sized
// for the whole column at once when a first sample shows mostly unique values.
template <typename KeyAt>
std::size_t countDistinct(const Column &column, KeyAt keyAt, bool sorted)
{
    const std::uint8_t *valid = column.validity().data();
    const std::size_t n = column.size();
    if (sorted) {
        std::size_t distinct = 0;
        bool first = true;
        std::uint64_t previous = 0;
        for (std::size_t r = 0; r < n; ++r) {
            if (!valid[r])
                continue;
            const std::uint64_t key = keyAt(r);
            distinct += (first || key != previous) ? 1 : 0;
            previous = key;
            first = false;
        }
        return distinct;
    }
    constexpr std::size_t kSample = 1u << 15;
    KeySet keys;
    std::size_t r = 0, seen = 0;
    for (; r < n && seen < kSample; ++r) {
        if (valid[r]) {
            keys.insert(keyAt(r));
            ++seen;
        }
    }
    if (keys.size() * 2 > seen)
        return countDistinctPartitioned(column, keyAt);
    for (; r < n; ++r)
        if (valid[r])
            keys.insert(keyAt(r));
    return keys.size();
}

// Counts equal strings of a String column by row of first occurrence.
class StringCounter {
public:
    struct Entry {
        std::uint64_t hash = 0;
        std::uint64_t firstRow = 0;
        std::uint64_t count = 0; // 0 = empty slot
    };

    explicit StringCounter(const Column &column) : m_column(column) {}

    void add(std::size_t row)
    {
        if ((m_size + 1) * 2 > m_slots.size())
            grow();
        const std::string_view text = m_column.stringAt(row);
        const std::uint64_t hash = hashBytes(text);
        const std::size_t mask = m_slots.size() - 1;
        std::size_t i = hash & mask;
        while (m_slots[i].count != 0) {
            Entry &entry = m_slots[i];
            if (entry.hash == hash && m_column.stringAt(entry.firstRow) == text) {
                ++entry.count;
                return;
            }
            i = (i + 1) & mask;
        }
        m_slots[i] = Entry{hash, row, 1};
        ++m_size;
    }
    std::size_t size() const { return m_size; }
    const std::vector<Entry> &slots() const { return m_slots; }

private:
    void grow()
    {
        std::vector<Entry> old(std::max<std::size_t>(1024, m_slots.size() * 2));
        old.swap(m_slots);
        const std::size_t mask = m_slots.size() - 1;
        for (const Entry &entry : old) {
            if (entry.count == 0)
                continue;
            std::size_t i = entry.hash & mask;
            while (m_slots[i].count != 0)
                i = (i + 1) & mask;
            m_slots[i] = entry;
        }
    }

    const Column &m_column;
    std::vector<Entry> m_slots;
    std::size_t m_size = 0;
};

// What the first numeric pass learns besides the moments.
struct NumericScan {
    bool ascending = true;  // present values never decrease (and none is NaN)
    std::size_t nonFinite = 0;
};

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
    if (!wantHistogram)
        return scan;
    stats.histogram.resize(binCount);
    const double width = halfWidth / static_cast<double>(binCount) * 2;
    for (std::size_t b = 0; b < binCount; ++b) {
        stats.histogram[b].lower = lo + width * static_cast<double>(b);
        stats.histogram[b].upper = b == last ? hi : lo + width * static_cast<double>(b + 1);
        stats.histogram[b].count = counts[b];
    }
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
