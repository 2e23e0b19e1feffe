#pragma once
// How a Table becomes rows of float features and targets for the Trainer: the encoding step of
// training data (TrainingData::fromTable runs it on each split part).
//
// Two steps, so that statistics never leak from validation or test rows into training:
//   TableEncoding::plan() decides the task, the classes and every feature column's encoding,
//                         taking class and one-hot levels from all rows and means / standard
//                         deviations from `fitRows` only;
//   encode()              writes the requested rows with that plan as a TrainingSet.
// Every error is InvalidInput and names the column ("column 'age': ...", "target column 'y': ...")
// and, for a bad value, its 1-based data row.
//
// Decisions (documented in docs/cli.md, "loupe-cli train"):
//  - Target: bool, string and categorical columns are classification with one one-hot target
//    column per class (classes sorted: false < true, strings by byte order, categorical in the
//    column's category order). An int64 column with at most maxIntegerClasses distinct values is
//    classification (classes in numeric order), with more it is regression. float64 is
//    regression (one target column, MSE). datetime targets are rejected. TargetTask forces the
//    choice for int64 columns. A string/categorical target with more than maxClasses classes is
//    rejected (it is most likely an identifier). Missing target values are always an error.
//  - Features: int64, float64 and bool are numbers; datetime becomes seconds since 1970-01-01 UTC.
//    string and categorical columns are one-hot encoded (one feature per distinct value, sorted
//    as above) when they have at most maxFeatureLevels distinct values, else rejected with a
//    message naming the column (exclude it, or raise the cap).
//  - Missing feature values: an error naming the column and the 1-based data row (the row under
//    the header; its CSV line is row + 1 when the file has no blank lines), unless
//    MissingValues::Impute: numbers take the mean of the fitting rows, one-hot columns a row of
//    zeros. Nothing is filled in silently.
//  - Scaling (docs/scaling.md): fitted on the fitting (training) rows only and applied unchanged to
//    every other row. Standardize maps every int64, float64 and datetime feature to
//    (x - mean) / stddev, MinMax to (x - min) / (max - min), MeanNormalize to (x - mean) / (max - min)
//    (a zero stddev or range leaves the divisor at 1, ScalingMath.h); UnitL1 / UnitL2 divide each
//    row's int64, float64 and datetime features by their L1 / L2 norm (a zero norm leaves the row).
//    bool and one-hot features stay 0/1.

#include "core/data/ColumnType.h"
#include "core/data/Table.h"
#include "core/data/TrainingSet.h"
#include "core/prep/ScalingMath.h"
#include "core/prep/ScalingMethod.h"
#include "core/util/Matrix.h"
#include "core/util/Status.h"

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

namespace loupe {

enum class TaskKind { Classification, Regression };
enum class TargetTask { Auto, Classification, Regression };
enum class MissingValues { Reject, Impute };
using FeatureScaling = ScalingMethod; // Standardize, None, MinMax, MeanNormalize, UnitL1, UnitL2
// Two classes as two one-hot columns (softmax + categorical cross-entropy) or as one 0/1 column
// (sigmoid + binary cross-entropy); the second class is the positive one.
enum class BinaryTargets { OneHot, SingleColumn };

struct TableEncodingOptions {
    std::string target;                    // the target column's name
    std::vector<std::string> excluded;     // columns that are neither feature nor target
    std::size_t maxFeatureLevels = 20;     // one-hot cap for string / categorical features
    std::size_t maxIntegerClasses = 20;    // int64 target: classification up to this many values
    std::size_t maxClasses = 100;          // string / categorical target: at most this many classes
    TargetTask task = TargetTask::Auto;
    MissingValues missing = MissingValues::Reject;
    FeatureScaling scaling = FeatureScaling::Standardize;
    BinaryTargets binaryTargets = BinaryTargets::OneHot;
};

enum class FeatureKind { Number, Flag, Seconds, OneHot };

// One table column's share of the feature vector.
struct EncodedColumn {
    std::string name;
    ColumnType type = ColumnType::Float64;
    FeatureKind kind = FeatureKind::Number;
    std::size_t firstFeature = 0;
    std::size_t featureCount = 1;
    std::vector<std::string> levels; // OneHot: the label of each feature, in order
    double center = 0.0;             // Number / Seconds: subtracted ...
    double scale = 1.0;              // ... then divided by (1 without scaling)
    ColumnMoments fitted;            // Number / Seconds with a per-column scaling: the training rows' statistics
    double fill = std::numeric_limits<double>::quiet_NaN(); // value imputed for a missing number
    std::size_t missingRows = 0;     // rows imputed (MissingValues::Impute)
};

struct TableEncoding {
    // requires: every index in fitRows < table.rowCount().
    // Fails when the target is missing from the table or unusable, an excluded column does not
    // exist, a feature column cannot be encoded, a value is missing (MissingValues::Reject), or no
    // feature column is left. fitRows may be empty only when scaling and imputation are off.
    static Result<TableEncoding> plan(const Table &table, const TableEncodingOptions &options,
                                      const std::vector<std::size_t> &fitRows);

    // requires: this encoding was planned on this table; every index < table.rowCount(); rows not
    // empty. Fails (naming column and row) on a non-finite number.
    Result<TrainingSet> encode(const Table &table, const std::vector<std::size_t> &rows) const;

    // All rows 0..table.rowCount()-1, for plan/encode without a split.
    static std::vector<std::size_t> allRows(const Table &table);

    // The text a class or one-hot level is known by: "false"/"true" for bool, the decimal value
    // for int64, the text for string and categorical. requires: the cell is not missing.
    static std::string levelText(const Column &column, std::size_t row);

    // How a feature column of this type is encoded: bool -> Flag, datetime -> Seconds, string and
    // categorical -> OneHot, int64 and float64 -> Number.
    static FeatureKind featureKindOf(ColumnType type);

    std::string target;
    ColumnType targetType = ColumnType::Float64;
    TaskKind task = TaskKind::Regression;
    std::vector<std::string> classLabels; // classification: one per class, in target-column order
    bool singleColumnTarget = false;      // two classes encoded as one 0/1 column
    std::vector<EncodedColumn> columns;   // feature columns in table order
    std::vector<std::string> featureNames; // "age", "color=red", ...
    FeatureScaling scaling = FeatureScaling::None; // how the number features were scaled

    Index featureCount() const { return static_cast<Index>(featureNames.size()); }
    Index targetCount() const
    {
        if (task == TaskKind::Regression || singleColumnTarget)
            return 1;
        return static_cast<Index>(classLabels.size());
    }
};

} // namespace loupe
