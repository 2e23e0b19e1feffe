#pragma once
// Builds a SufficiencyReport for a table, a target column and (optionally) a model spec:
//   samples_per_class      smallest class vs the 30-per-class rule: ok >= 30, warning >= 15, else insufficient
//                          (regression targets: ok, not applicable)
//   samples_per_feature    rows / encoded features vs the 10x rule: ok >= 10, warning >= 5, else insufficient
//   samples_per_parameter  (with a spec) rows / model parameters: ok >= 10, warning >= 1, else insufficient
//   class_imbalance        majority / minority class rows: ok <= imbalanceRatio (10), else warning
//   duplicate_rows         rows equal to an earlier row: ok when none, else warning (count, first rows)
//   constant_columns       feature columns with a single value: ok when none, warning when some,
//                          insufficient when every feature column is constant
//   missing_values         share of missing cells per column: ok when none, warning below
//                          missingShareInsufficient (0.5) in every column, else insufficient
// Features are counted as training encodes them (TableEncoding: one-hot levels count one each);
// when the table cannot be encoded as it is, the non-target columns are counted and the reason says so.

#include "core/data/Table.h"
#include "core/train/ModelSpec.h"
#include "core/train/SufficiencyReport.h"
#include "core/util/Status.h"

#include <optional>
#include <string>
#include <vector>

namespace loupe {

struct SufficiencyOptions {
    std::string target;
    std::vector<std::string> excluded;  // columns that are neither feature nor target
    std::optional<ModelSpec> spec;      // for the parameter count
    std::size_t samplesPerClass = 30;
    double samplesPerFeature = 10.0;
    double samplesPerParameter = 10.0;
    double imbalanceRatio = 10.0;
    double missingShareInsufficient = 0.5;
    std::size_t maxIntegerClasses = 20; // an int64 target with more distinct values is regression
    std::size_t namedRows = 20;         // duplicate rows listed
};

class SufficiencyAnalyzer {
public:
    // InvalidInput when the target or an excluded column is not in the table (naming it), when the
    // table has no rows, or when the target is a datetime column.
    static Result<SufficiencyReport> analyze(const Table &table, const SufficiencyOptions &options);
};

} // namespace loupe
