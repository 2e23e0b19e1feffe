#pragma once
// Rows that repeat an earlier row cell for cell (all columns, types included; two missing cells
// are equal). Rows are hashed, and rows with equal hashes are compared cell by cell, so a hash
// collision never counts as a duplicate.

#include "core/data/Table.h"

#include <cstddef>
#include <vector>

namespace loupe {

struct DuplicateRowsResult {
    std::size_t count = 0;              // rows equal to an earlier row
    std::vector<std::size_t> firstRows; // 0-based indices of the first such rows, ascending
    std::vector<std::size_t> originals; // for each of firstRows: the earlier row it repeats
};

class DuplicateRows {
public:
    // keepRows: how many duplicate rows to name (count is always complete).
    static DuplicateRowsResult find(const Table &table, std::size_t keepRows = 20);
};

} // namespace loupe
