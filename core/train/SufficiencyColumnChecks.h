#pragma once
// The per-column checks of SufficiencyAnalyzer (rules in SufficiencyAnalyzer.h).

#include "core/data/Table.h"
#include "core/train/SufficiencyAnalyzer.h"
#include "core/train/SufficiencyReport.h"

namespace loupe {

// True when every present value of the column is equal (or none is present).
bool isConstantColumn(const Column &column);

// constant_columns over the feature columns (not the target, not the excluded ones).
SufficiencyCheck constantColumnsCheck(const Table &table, const SufficiencyOptions &options);
// missing_values over every column, the target included; items: column -> missing share.
SufficiencyCheck missingValuesCheck(const Table &table, const SufficiencyOptions &options);

} // namespace loupe
