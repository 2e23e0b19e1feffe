#include "core/checks/assertions/RowGroups.h"

#include "core/checks/assertions/CellKeys.h"
#include "core/checks/assertions/GroupTable.h"
#include "core/data/Column.h"

namespace loupe {

std::vector<std::uint64_t> RowGroups::duplicatedRows() const
{
    std::vector<std::uint64_t> rows;
    const std::size_t n = groupOf.size();
    for (std::size_t row = 0; row < n; ++row) {
        const std::uint32_t group = groupOf[row];
        if (group != GroupTable::kNoGroup && groupSize[group] > 1)
            rows.push_back(row);
    }
    return rows;
}

RowGroups groupRows(const std::vector<const Column *> &columns, const CancellationToken *cancel)
{
    constexpr std::size_t kPollRows = 1 << 16;
    RowGroups result;
    const std::size_t n = columns.front()->size();
    std::vector<std::uint64_t> hashes = hashCells(*columns.front());
    std::vector<std::uint8_t> usable = columns.front()->validity();
    for (std::size_t c = 1; c < columns.size(); ++c) {
        combineHashes(hashes, hashCells(*columns[c]));
        const std::uint8_t *valid = columns[c]->validity().data();
        for (std::size_t row = 0; row < n; ++row)
            usable[row] &= valid[row];
    }
    result.groupOf.assign(n, GroupTable::kNoGroup);
    GroupTable table(n);
    for (std::size_t start = 0; start < n; start += kPollRows) {
        if (cancel && cancel->isCancelled()) {
            result.cancelled = true;
            return result;
        }
        const std::size_t end = std::min(n, start + kPollRows);
        for (std::size_t row = start; row < end; ++row) {
            if (!usable[row])
                continue;
            ++result.checked;
            const std::uint32_t group = table.insert(hashes[row], row, [&](std::uint64_t first) {
                for (const Column *column : columns) {
                    if (!cellsEqual(*column, static_cast<std::size_t>(first), *column, row))
                        return false;
                }
                return true;
            });
            if (group == result.groupSize.size())
                result.groupSize.push_back(0);
            ++result.groupSize[group];
            result.groupOf[row] = group;
        }
    }
    return result;
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
