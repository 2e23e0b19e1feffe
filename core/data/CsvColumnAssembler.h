#pragma once
// Turns the per-chunk ColumnBuilders of one column into one Table Column, and decides column types.

#include "core/data/Column.h"
#include "core/data/ColumnBuilder.h"

#include <optional>
#include <vector>

namespace loupe {

class CsvColumnAssembler {
public:
    // The type of an inferred column given the final states of its chunk builders: Empty is ignored,
    // Int64 with Float64 gives Float64, any other mix (or Dropped) gives String, all Empty gives String.
    static ColumnType joinedType(const std::vector<const ColumnBuilder *> &parts);

    // Whether a builder in this state can be copied into a column of the given type without re-reading.
    static bool canAssemble(ColumnBuilder::State state, ColumnType type);

    // Concatenates the parts, in order, into one column of `type` (String storage for Categorical is not
    // done here: pass String and call toCategorical). Releases each part's storage once copied.
    // requires: canAssemble(part->state(), type) for every part.
    static Column assemble(const std::string &name, ColumnType type, const std::vector<ColumnBuilder *> &parts);

    // The String column as Categorical with sorted labels, or nullopt when it has more than maxLevels
    // distinct values (maxLevels 0 = no limit) or, under FewerThanHalfTheRows, when its distinct values
    // are not fewer than half of its rows.
    enum class LevelLimit { Any, FewerThanHalfTheRows };
    static std::optional<Column> toCategorical(const Column &strings, std::size_t maxLevels, LevelLimit limit);
};

} // namespace loupe
