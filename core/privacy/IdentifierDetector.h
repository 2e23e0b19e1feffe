#pragma once
// Columns that identify a row (and so, in personal data, a person): an Int64, String or Categorical column
// whose non-missing values are all different (with at least `minRows` of them), or whose name ends in
// id/uuid/guid/key (ColumnNameHints) and whose values are at least `nearUniqueRatio` distinct.
// Floating-point, boolean and date-time columns are never identifiers (measurements and times are unique
// by nature, not by design).

#include "core/data/Column.h"

#include <string>

namespace loupe {

struct IdentifierVerdict {
    bool identifier = false;
    std::string reason;         // "unique in every row" / "named like an id, 97% distinct"; empty if not
    double distinctRatio = 0.0; // exact when computed to the end; a lower bound once the answer is clear
};

struct IdentifierRules {
    std::size_t minRows = 10;
    double nearUniqueRatio = 0.9;
};

class IdentifierDetector {
public:
    static IdentifierVerdict judge(const Column &column, IdentifierRules rules = {});
};

} // namespace loupe
