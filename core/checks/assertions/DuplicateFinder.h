#pragma once
// Finds the rows whose key (the values of one or more columns) occurs more than once, in linear time:
// every usable row's key is hashed to 64 bits and rows are scattered by the hash's top bits into partitions
// small enough that each partition's flat open-addressing table stays in cache (one pass with some slack per
// partition; a second, counting pass only when one key overflows its partition). Each table slot holds (low
// 32 hash bits, first row, repeated flag). Equal hashes are verified on the cells themselves (cellsEqual), so
// a hash collision between different keys only costs a longer probe, never a wrong answer.
// Rows with a missing value in any key column are left out (not counted in `checked`).

#include "core/util/CancellationToken.h"

#include <cstdint>
#include <vector>

namespace loupe {

class Column;

struct DuplicateSummary {
    std::vector<std::uint64_t> duplicatedRows; // every row of every repeated key, ascending
    std::size_t distinctCount = 0;
    std::size_t repeatedKeys = 0; // keys that occur more than once
    std::uint64_t checked = 0;
    bool cancelled = false;
};

struct DuplicateSearchOptions {
    // Test hook: keep only the low hashBits bits of every key hash (1..64). Few bits force many collisions
    // between different keys, which the exact verification must resolve.
    unsigned hashBits = 64;
};

// requires: columns not empty, all of the same length (< 2^31 - 1 rows).
DuplicateSummary findDuplicates(const std::vector<const Column *> &columns, const CancellationToken *cancel,
                                const DuplicateSearchOptions &options = {});

} // namespace loupe
