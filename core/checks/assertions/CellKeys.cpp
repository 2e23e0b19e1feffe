#include "core/checks/assertions/CellKeys.h"

#include <bit>
#include <cmath>
#include <cstring>
#include <string_view>

namespace loupe {

namespace {

std::uint64_t hashDouble(double value)
{
    if (value == 0.0)
        value = 0.0;
    if (std::isnan(value))
        return 0x7ff8000000000000ULL;
    return mixBits(std::bit_cast<std::uint64_t>(value));
}

} // namespace

std::uint64_t hashText(std::string_view text)
{
    const char *p = text.data();
    const std::size_t n = text.size();
    std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ n;
    std::size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        std::uint64_t word;
        std::memcpy(&word, p + i, 8);
        h = mixBits(h ^ word) * 0x9e3779b97f4a7c15ULL;
    }
    // The last 1-7 bytes, read with fixed-size loads (a copy of variable length would call memmove).
    const std::size_t rest = n - i;
    std::uint64_t tail = 0;
    if (rest > 0 && n >= 8) {
        std::memcpy(&tail, p + n - 8, 8); // overlaps bytes already mixed, which is harmless
    } else if (rest >= 4) {
        std::uint32_t first, last;
        std::memcpy(&first, p, 4);
        std::memcpy(&last, p + n - 4, 4);
        tail = (static_cast<std::uint64_t>(first) << 32) | last;
    } else if (rest > 0) {
        const auto byte = [&](std::size_t k) { return static_cast<std::uint64_t>(static_cast<unsigned char>(p[k])); };
        tail = (byte(0) << 16) | (byte(rest / 2) << 8) | byte(rest - 1);
    }
    return mixBits(h ^ tail ^ (static_cast<std::uint64_t>(rest) << 56));
}

KeyFamily keyFamily(const Column &column)
{
    switch (column.type()) {
    case ColumnType::String:
    case ColumnType::Categorical:
        return KeyFamily::Text;
    case ColumnType::Float64:
        return KeyFamily::Float;
    case ColumnType::Int64:
    case ColumnType::DateTime:
    case ColumnType::Bool:
        break;
    }
    return KeyFamily::Integer;
}

std::vector<std::uint64_t> hashCells(const Column &column)
{
    const std::size_t n = column.size();
    std::vector<std::uint64_t> hashes(n);
    switch (column.type()) {
    case ColumnType::String: {
        const char *chars = column.chars().data();
        const std::uint64_t *offsets = column.offsets().data();
        for (std::size_t row = 0; row < n; ++row)
            hashes[row] = hashText(std::string_view(chars + offsets[row], offsets[row + 1] - offsets[row]));
        break;
    }
    case ColumnType::Categorical: {
        std::vector<std::uint64_t> labelHash;
        labelHash.reserve(column.categories().size());
        for (const std::string &label : column.categories())
            labelHash.push_back(hashText(label));
        const std::int64_t *codes = column.ints().data();
        const std::uint8_t *valid = column.validity().data();
        for (std::size_t row = 0; row < n; ++row)
            hashes[row] = valid[row] ? labelHash[static_cast<std::size_t>(codes[row])] : 0;
        break;
    }
    case ColumnType::Float64: {
        const double *values = column.doubles().data();
        for (std::size_t row = 0; row < n; ++row)
            hashes[row] = hashDouble(values[row]);
        break;
    }
    default: {
        const std::int64_t *values = column.ints().data();
        for (std::size_t row = 0; row < n; ++row)
            hashes[row] = mixBits(static_cast<std::uint64_t>(values[row]));
        break;
    }
    }
    return hashes;
}

void combineHashes(std::vector<std::uint64_t> &rowHashes, const std::vector<std::uint64_t> &cellHashes)
{
    const std::size_t n = rowHashes.size();
    for (std::size_t row = 0; row < n; ++row)
        rowHashes[row] = mixBits(rowHashes[row] * 31 + cellHashes[row]);
}

bool cellsEqual(const Column &a, std::size_t rowA, const Column &b, std::size_t rowB)
{
    const KeyFamily family = keyFamily(a);
    if (family != keyFamily(b))
        return false;
    switch (family) {
    case KeyFamily::Text: {
        if (&a == &b && a.type() == ColumnType::Categorical)
            return a.intAt(rowA) == b.intAt(rowB);
        const std::string_view x = a.type() == ColumnType::Categorical ? a.categoryAt(rowA) : a.stringAt(rowA);
        const std::string_view y = b.type() == ColumnType::Categorical ? b.categoryAt(rowB) : b.stringAt(rowB);
        return x == y;
    }
    case KeyFamily::Float: {
        const double x = a.doubleAt(rowA);
        const double y = b.doubleAt(rowB);
        return x == y || (std::isnan(x) && std::isnan(y));
    }
    case KeyFamily::Integer:
        break;
    }
    return a.intAt(rowA) == b.intAt(rowB);
}

} // namespace loupe
