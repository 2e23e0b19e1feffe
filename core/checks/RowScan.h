#pragma once
// The loop most row-level assertions need: visit every non-missing row of a column, collect the rows where
// a predicate says "fails", count the rows visited, poll cancellation every kPollRows rows.

#include "core/data/Column.h"
#include "core/util/CancellationToken.h"

#include <algorithm>
#include <cstdint>
#include <vector>

namespace loupe {

struct RowScanResult {
    std::vector<std::uint64_t> failingRows; // ascending
    std::uint64_t checked = 0;              // non-missing rows visited
    bool cancelled = false;
};

// fails(row) is called for each row with column.isValid(row); it must be cheap and side-effect free.
template <typename Predicate>
RowScanResult scanValidRows(const Column &column, Predicate fails, const CancellationToken *cancel)
{
    constexpr std::size_t kPollRows = 1 << 16;
    RowScanResult result;
    const std::size_t n = column.size();
    const std::uint8_t *valid = column.validity().data();
    for (std::size_t start = 0; start < n; start += kPollRows) {
        if (cancel && cancel->isCancelled()) {
            result.cancelled = true;
            return result;
        }
        const std::size_t end = std::min(n, start + kPollRows);
        for (std::size_t row = start; row < end; ++row) {
            if (!valid[row])
                continue;
            ++result.checked;
            if (fails(row))
                result.failingRows.push_back(row);
        }
    }
    return result;
}

// Same result as scanValidRows for a predicate that is cheap and safe to call on ANY row, including missing
// ones (their slot holds 0 / NaN / ""; the result is ignored there): rows go through a local buffer with no
// branch per row, which pays off when the predicate's answer is hard to predict.
template <typename Predicate>
RowScanResult scanValidRowsBranchless(const Column &column, Predicate fails, const CancellationToken *cancel)
{
    constexpr std::size_t kBlock = 4096;
    RowScanResult result;
    const std::size_t n = column.size();
    const std::uint8_t *valid = column.validity().data();
    std::uint64_t buffer[kBlock];
    for (std::size_t start = 0; start < n; start += kBlock) {
        if (start % (1 << 16) == 0 && cancel && cancel->isCancelled()) {
            result.cancelled = true;
            return result;
        }
        const std::size_t end = std::min(n, start + kBlock);
        std::size_t k = 0;
        std::uint64_t checked = 0;
        for (std::size_t row = start; row < end; ++row) {
            const bool isValid = valid[row] != 0;
            buffer[k] = row;
            checked += isValid ? 1 : 0;
            k += (isValid && fails(row)) ? 1 : 0;
        }
        result.checked += checked;
        result.failingRows.insert(result.failingRows.end(), buffer, buffer + k);
    }
    return result;
}

} // namespace loupe
