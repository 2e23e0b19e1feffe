#pragma once
// Hashing and equality of cells, so uniqueness, distinct counts and set membership can group rows by value
// with one hash-table pass instead of a sort. Columns fall into key families: text (String, Categorical:
// compared by label), integer (Int64, DateTime, Bool) and float (Float64: -0 equals 0, NaN equals NaN).
// Cells of different families never compare equal.

#include "core/data/Column.h"

#include <cstdint>
#include <string_view>
#include <vector>

namespace loupe {

enum class KeyFamily { Text, Integer, Float };

KeyFamily keyFamily(const Column &column);

// The hash of a text cell (String or a Categorical's label): hashCells' hash of a row holding it.
std::uint64_t hashText(std::string_view text);

// One hash per row (missing rows get a fixed hash; callers skip them). Equal cells give equal hashes, also
// across columns of the same family.
std::vector<std::uint64_t> hashCells(const Column &column);

// Mixes a column's hashes into running row hashes (for keys made of several columns).
void combineHashes(std::vector<std::uint64_t> &rowHashes, const std::vector<std::uint64_t> &cellHashes);

// requires: both cells valid. Cells of different families are unequal.
bool cellsEqual(const Column &a, std::size_t rowA, const Column &b, std::size_t rowB);

// Avalanche mix of a 64-bit value (splitmix64 finaliser).
inline std::uint64_t mixBits(std::uint64_t x)
{
    x ^= x >> 30;
    x *= 0xbf58476d1ce4e5b9ULL;
    x ^= x >> 27;
    x *= 0x94d049bb133111ebULL;
    x ^= x >> 31;
    return x;
}

} // namespace loupe
