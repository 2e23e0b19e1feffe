#include "core/checks/assertions/RowGroups.h"

#include "core/checks/assertions/CellKeys.h"
#include "core/data/Column.h"

#include <algorithm>
#include <limits>
#include <optional>

namespace loupe {

namespace {

// Dense-range counting for one Int64/DateTime/Bool column; nullopt when the range is too wide to be worth it.
std::optional<DuplicateSummary> summarizeDense(const Column &column, const CancellationToken *cancel)
{
    const std::size_t n = column.size();
    const std::int64_t *values = column.ints().data();
    const std::uint8_t *valid = column.validity().data();
    std::int64_t low = std::numeric_limits<std::int64_t>::max();
    std::int64_t high = std::numeric_limits<std::int64_t>::min();
    bool any = false;
    for (std::size_t row = 0; row < n; ++row) {
        const bool ok = valid[row] != 0;
        low = std::min(low, ok ? values[row] : low);
        high = std::max(high, ok ? values[row] : high);
        any = any || ok;
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
            summary.distinctCount += count == 0 ? 1 : 0; // first occurrence of the value
            summary.repeatedKeys += count == 1 ? 1 : 0;  // second occurrence
            count = count < 2 ? count + 1 : 2;
            ++summary.checked;
        }
    }
    if (summary.repeatedKeys == 0)
        return summary;
    for (std::size_t row = 0; row < n; ++row) {
        if (valid[row] && counts[static_cast<std::uint64_t>(values[row]) - static_cast<std::uint64_t>(low)] > 1)
            summary.duplicatedRows.push_back(row);
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
    return findDuplicates(columns, cancel);
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
