#pragma once
// Turns a String column into a Categorical one (labels sorted, missing values stay missing).

#include "core/data/Column.h"

#include <optional>

namespace loupe {

class CategoricalEncoder {
public:
    enum class LevelLimit { Any, FewerThanHalfTheRows };

    // The String column as Categorical, or nullopt when it has more than maxLevels distinct values
    // (maxLevels 0 = no limit) or, under FewerThanHalfTheRows, when its distinct values are not fewer
    // than half of its rows. requires: strings.type() == ColumnType::String.
    static std::optional<Column> encode(const Column &strings, std::size_t maxLevels, LevelLimit limit);
};

} // namespace loupe
