#include "core/prep/DuplicateRows.h"

#include <bit>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <unordered_map>

namespace loupe {

namespace {

std::uint64_t mixHash(std::uint64_t hash, std::uint64_t value)
{
    hash ^= value + 0x9E3779B97F4A7C15ull + (hash << 6) + (hash >> 2);
    return hash;
}

std::uint64_t cellHash(const Column &column, std::size_t row)
{
    if (!column.isValid(row))
        return 0x6D697373696E67ull; // "missing"
    switch (column.type()) {
    case ColumnType::Float64: {
        const double value = column.doubleAt(row) == 0.0 ? 0.0 : column.doubleAt(row); // -0 equals 0
        return std::bit_cast<std::uint64_t>(value);
    }
    case ColumnType::String:
        return std::hash<std::string_view>{}(column.stringAt(row));
    default:
        return static_cast<std::uint64_t>(column.intAt(row));
    }
}

bool cellsEqual(const Column &column, std::size_t a, std::size_t b)
{
    if (column.isValid(a) != column.isValid(b))
        return false;
    if (!column.isValid(a))
        return true;
    switch (column.type()) {
    case ColumnType::Float64: {
        const double x = column.doubleAt(a);
        const double y = column.doubleAt(b);
        return x == y || (x != x && y != y);
    }
    case ColumnType::String:
        return column.stringAt(a) == column.stringAt(b);
    default:
        return column.intAt(a) == column.intAt(b);
    }
}

bool rowsEqual(const Table &table, std::size_t a, std::size_t b)
{
    for (const Column &column : table.columns()) {
        if (!cellsEqual(column, a, b))
            return false;
    }
    return true;
}

} // namespace

DuplicateRowsResult DuplicateRows::find(const Table &table, std::size_t keepRows)
{
    const std::size_t rows = table.rowCount();
    std::vector<std::uint64_t> hashes(rows, 0x4C4F555045ull);
    for (const Column &column : table.columns()) {
        for (std::size_t row = 0; row < rows; ++row)
            hashes[row] = mixHash(hashes[row], cellHash(column, row));
    }
    // hash -> first rows with that hash that are distinct from each other (usually one).
    std::unordered_map<std::uint64_t, std::vector<std::size_t>> seen;
    seen.reserve(rows);
    DuplicateRowsResult result;
    for (std::size_t row = 0; row < rows; ++row) {
        std::vector<std::size_t> &candidates = seen[hashes[row]];
        bool repeated = false;
        for (std::size_t earlier : candidates) {
            if (rowsEqual(table, earlier, row)) {
                repeated = true;
                ++result.count;
                if (result.firstRows.size() < keepRows) {
                    result.firstRows.push_back(row);
                    result.originals.push_back(earlier);
                }
                break;
            }
        }
        if (!repeated)
            candidates.push_back(row);
    }
    return result;
}

} // namespace loupe
