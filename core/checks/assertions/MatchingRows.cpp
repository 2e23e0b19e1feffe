#include "core/checks/assertions/MatchingRows.h"

#include <algorithm>
#include <cstring>

namespace loupe {

namespace {

// The row holding byte `position` of the character buffer, at or after row `from`:
// offsets[row] <= position < offsets[row + 1]. requires: offsets[from] <= position < offsets[n].
std::size_t rowHolding(const std::uint64_t *offsets, std::size_t n, std::size_t from, std::uint64_t position)
{
    std::size_t step = 1;
    std::size_t low = from;
    while (low + step <= n && offsets[low + step] <= position) {
        low += step;
        step *= 2;
    }
    const std::uint64_t *above = std::upper_bound(offsets + low, offsets + std::min(n, low + step) + 1, position);
    return static_cast<std::size_t>(above - offsets) - 1;
}

} // namespace

std::optional<std::vector<std::uint64_t>> rowsContaining(const Column &column, char byte,
                                                         const CancellationToken *cancel)
{
    constexpr std::size_t kTrialRows = 4096; // rows passed before judging how common the byte is
    constexpr std::size_t kCommon = 4;       // in one row of kCommon or more: common
    std::vector<std::uint64_t> rows;
    const char *chars = column.chars().data();
    const std::uint64_t *offsets = column.offsets().data();
    const std::size_t n = column.size();
    const char *end = chars + offsets[n];
    const char *at = chars;
    std::size_t row = 0;
    while (at < end) {
        const auto *hit = static_cast<const char *>(std::memchr(at, byte, static_cast<std::size_t>(end - at)));
        if (!hit)
            break;
        row = rowHolding(offsets, n, row, static_cast<std::uint64_t>(hit - chars));
        rows.push_back(row);
        at = chars + offsets[row + 1];
        if (row >= kTrialRows && rows.size() * kCommon > row)
            return std::nullopt;
        if (rows.size() % 4096 == 0 && cancel && cancel->isCancelled())
            break;
    }
    return rows;
}

std::vector<std::uint64_t> rowsWithMatch(const Column &column, const Pattern &pattern, PatternMemo &memo,
                                         const CancellationToken *cancel)
{
    constexpr std::size_t kTrialRows = 4096; // rows searched before judging how dense the matches are
    constexpr std::size_t kDense = 8;        // one search per kDense rows or more: go row by row
    std::vector<std::uint64_t> rows;
    const std::uint64_t *offsets = column.offsets().data();
    const std::size_t n = column.size();
    const auto askRow = [&](std::size_t row) {
        if (memo.matches(column.stringAt(row)))
            rows.push_back(row);
    };
    std::size_t row = 0; // the first row not yet decided
    for (; row < n && memo.remembering(); ++row) {
        if (row % 65536 == 0 && cancel && cancel->isCancelled())
            return rows;
        askRow(row);
    }
    const std::string_view buffer(column.chars().data(), offsets[n]);
    const std::size_t searchStart = row;
    std::size_t searches = 0;
    while (row < n) {
        if (++searches % 4096 == 0 && cancel && cancel->isCancelled())
            return rows;
        if (row - searchStart >= kTrialRows && searches * kDense > row - searchStart)
            break;
        const std::optional<Pattern::Span> found = pattern.find(buffer, offsets[row]);
        if (!found)
            return rows;
        const std::size_t holder = rowHolding(offsets, n, row, found->begin);
        if (found->end <= offsets[holder + 1])
            rows.push_back(holder);
        else
            askRow(holder);
        row = holder + 1;
    }
    for (; row < n; ++row) {
        if (row % 65536 == 0 && cancel && cancel->isCancelled())
            return rows;
        askRow(row);
    }
    return rows;
}

} // namespace loupe
