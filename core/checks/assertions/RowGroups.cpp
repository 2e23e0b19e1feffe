#include "core/checks/assertions/RowGroups.h"

#include "core/checks/assertions/CellKeys.h"
#include "core/checks/assertions/GroupTable.h"
#include "core/data/Column.h"

#include <algorithm>
#include <optional>

namespace loupe {

std::vector<std::uint64_t> RowGroups::duplicatedRows() const
{
    std::vector<std::uint64_t> repeated;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        if (groupSize[groupOf[i]] > 1)
            repeated.push_back(rows[i]);
    }
    std::sort(repeated.begin(), repeated.end());
    return repeated;
}

namespace {

constexpr int kPartitionBits = 5;
constexpr std::size_t kPartitions = std::size_t(1) << kPartitionBits;

// Computes the key hash of a row: integer-family keys mix their values directly (cheap enough to compute
// twice, which saves writing and re-reading a hash per row); other keys read precomputed cell hashes.
class RowHasher {
public:
    explicit RowHasher(const std::vector<const Column *> &columns)
    {
        m_integers = std::all_of(columns.begin(), columns.end(),
                                 [](const Column *c) { return keyFamily(*c) == KeyFamily::Integer; });
        if (m_integers) {
            for (const Column *column : columns)
                m_values.push_back(column->ints().data());
            return;
        }
        m_hashes = hashCells(*columns.front());
        for (std::size_t c = 1; c < columns.size(); ++c)
            combineHashes(m_hashes, hashCells(*columns[c]));
    }

    std::uint64_t operator()(std::size_t row) const
    {
        if (!m_integers)
            return m_hashes[row];
        std::uint64_t h = mixBits(static_cast<std::uint64_t>(m_values[0][row]));
        for (std::size_t c = 1; c < m_values.size(); ++c)
            h = mixBits(h * 31 + mixBits(static_cast<std::uint64_t>(m_values[c][row])));
        return h;
    }

private:
    bool m_integers = false;
    std::vector<const std::int64_t *> m_values;
    std::vector<std::uint64_t> m_hashes;
};

// 1 for rows with a value in every key column; empty when no key column has a missing value.
std::vector<std::uint8_t> usableRows(const std::vector<const Column *> &columns)
{
    const bool complete = std::all_of(columns.begin(), columns.end(), [](const Column *c) { return c->missingCount() == 0; });
    if (complete)
        return {};
    std::vector<std::uint8_t> usable = columns.front()->validity();
    for (std::size_t c = 1; c < columns.size(); ++c) {
        const std::uint8_t *valid = columns[c]->validity().data();
        for (std::size_t row = 0; row < usable.size(); ++row)
            usable[row] &= valid[row];
    }
    return usable;
}

} // namespace

RowGroups groupRows(const std::vector<const Column *> &columns, const CancellationToken *cancel)
{
    // Radix-partitioned hash grouping: rows are scattered by the top hash bits into partitions small enough
    // that each partition's hash table stays in cache, then grouped partition by partition.
    RowGroups result;
    const std::size_t n = columns.front()->size();
    const RowHasher hashOf(columns);
    const std::vector<std::uint8_t> usable = usableRows(columns);
    const auto isUsable = [&](std::size_t row) { return usable.empty() || usable[row] != 0; };
    std::vector<std::uint32_t> offsets(kPartitions + 1, 0);
    for (std::size_t row = 0; row < n; ++row) {
        if (isUsable(row))
            ++offsets[(hashOf(row) >> (64 - kPartitionBits)) + 1];
    }
    for (std::size_t p = 0; p < kPartitions; ++p)
        offsets[p + 1] += offsets[p];
    result.checked = offsets[kPartitions];
    // Each entry carries its hash, so grouping a partition reads memory sequentially.
    struct Entry {
        std::uint64_t hash;
        std::uint32_t row;
    };
    std::vector<Entry> partitioned(result.checked);
    {
        std::vector<std::uint32_t> cursor(offsets.begin(), offsets.end() - 1);
        for (std::size_t row = 0; row < n; ++row) {
            if (!isUsable(row))
                continue;
            const std::uint64_t hash = hashOf(row);
            partitioned[cursor[hash >> (64 - kPartitionBits)]++] = {hash, static_cast<std::uint32_t>(row)};
        }
    }
    result.rows.reserve(result.checked);
    result.groupOf.reserve(result.checked);
    const auto sameKey = [&](std::uint64_t a, std::size_t b) {
        for (const Column *column : columns) {
            if (!cellsEqual(*column, static_cast<std::size_t>(a), *column, b))
                return false;
        }
        return true;
    };
    std::uint32_t largest = 0;
    for (std::size_t p = 0; p < kPartitions; ++p)
        largest = std::max(largest, offsets[p + 1] - offsets[p]);
    GroupTable table(largest);
    for (std::size_t p = 0; p < kPartitions; ++p) {
        if (cancel && cancel->isCancelled()) {
            result.cancelled = true;
            return result;
        }
        const std::uint32_t begin = offsets[p];
        const std::uint32_t end = offsets[p + 1];
        if (begin == end)
            continue;
        table.reset(end - begin);
        const auto base = static_cast<std::uint32_t>(result.groupSize.size());
        // Rows are visited in ascending order within a partition, so each group's first row is its smallest.
        constexpr std::uint32_t kAhead = 16;
        for (std::uint32_t i = begin; i < end; ++i) {
            if (i + kAhead < end)
                table.prefetch(partitioned[i + kAhead].hash);
            const std::uint32_t row = partitioned[i].row;
            const std::uint32_t local
                = table.insert(partitioned[i].hash, row, [&](std::uint64_t first) { return sameKey(first, row); });
            if (base + local == result.groupSize.size())
                result.groupSize.push_back(0);
            ++result.groupSize[base + local];
            result.rows.push_back(row);
            result.groupOf.push_back(base + local);
        }
    }
    return result;
}

namespace {

// Dense-range counting for one Int64/DateTime/Bool column; nullopt when the range is too wide to be worth it.
std::optional<DuplicateSummary> summarizeDense(const Column &column, const CancellationToken *cancel)
{
    const std::size_t n = column.size();
    const std::int64_t *values = column.ints().data();
    const std::uint8_t *valid = column.validity().data();
    std::int64_t low = 0;
    std::int64_t high = 0;
    bool any = false;
    for (std::size_t row = 0; row < n; ++row) {
        if (!valid[row])
            continue;
        low = any ? std::min(low, values[row]) : values[row];
        high = any ? std::max(high, values[row]) : values[row];
        any = true;
    }
    DuplicateSummary summary;
    if (!any)
        return summary;
    const auto span = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
    if (span >= 4 * static_cast<std::uint64_t>(n) + 1024)
        return std::nullopt;
    std::vector<std::uint8_t> counts(span + 1, 0);
    for (std::size_t start = 0; start < n; start += 1 << 16) {
        if (cancel && cancel->isCancelled()) {
            summary.cancelled = true;
            return summary;
        }
        const std::size_t end = std::min(n, start + (1 << 16));
        for (std::size_t row = start; row < end; ++row) {
            if (!valid[row])
                continue;
            std::uint8_t &count = counts[static_cast<std::uint64_t>(values[row]) - static_cast<std::uint64_t>(low)];
            count = count < 2 ? count + 1 : 2;
            ++summary.checked;
        }
    }
    for (std::size_t row = 0; row < n; ++row) {
        if (valid[row] && counts[static_cast<std::uint64_t>(values[row]) - static_cast<std::uint64_t>(low)] > 1)
            summary.duplicatedRows.push_back(row);
    }
    for (const std::uint8_t count : counts) {
        summary.distinctCount += count ? 1 : 0;
        summary.repeatedKeys += count > 1 ? 1 : 0;
    }
    return summary;
}

} // namespace

DuplicateSummary summarizeDuplicates(const std::vector<const Column *> &columns, const CancellationToken *cancel)
{
    if (columns.size() == 1 && keyFamily(*columns.front()) == KeyFamily::Integer) {
        if (std::optional<DuplicateSummary> dense = summarizeDense(*columns.front(), cancel))
            return *dense;
    }
    const RowGroups groups = groupRows(columns, cancel);
    DuplicateSummary summary;
    summary.cancelled = groups.cancelled;
    summary.checked = groups.checked;
    summary.distinctCount = groups.distinctCount();
    for (const std::uint32_t size : groups.groupSize)
        summary.repeatedKeys += size > 1 ? 1 : 0;
    summary.duplicatedRows = groups.duplicatedRows();
    return summary;
}

std::string describeRow(const std::vector<const Column *> &columns, std::size_t row)
{
    std::string text;
    for (const Column *column : columns) {
        if (!text.empty())
            text += ", ";
        text += column->name() + "=" + column->displayAt(row);
    }
    return text;
}

} // namespace loupe
