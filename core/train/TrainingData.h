#pragma once
// The data a training run uses, ready for the Trainer: training, validation and test
// TrainingSets plus what their columns mean. Two sources:
//   fromFashionMnist(): the IDX files of Fashion-MNIST (core/data/IdxReader.h). The 60,000
//     training images are split (seeded) into training and validation; the 10,000 t10k images are
//     the test set. Pixels are scaled to [0, 1]; targets are 10 one-hot classes.
//   fromTable(): any loaded Table with a target column (TableEncoding), split (seeded) into
//     training, validation and test rows by DataSplitter; statistics for scaling and imputation
//     come from the training rows only.
// Same inputs and seed, same sets. Which options a run uses (the spec's or the user's scaling and
// validation share) is TrainingDataService's policy; these two only carry them out.

#include "core/data/Table.h"
#include "core/data/DataSplitter.h"
#include "core/train/ClassBalance.h"
#include "core/train/FeaturePlan.h"
#include "core/train/TableEncoding.h"
#include "core/data/TrainingSet.h"
#include "core/util/Status.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace loupe {

struct FashionMnistOptions {
    std::string directory;          // empty: defaultFashionMnistDir()
    double validationFraction = 0.1; // of the training file, [0, 1)
    std::size_t rowLimit = 0;       // > 0: use only the first rowLimit images of each file
};

struct TrainingData {
    TrainingSet train;
    TrainingSet validation; // size() == 0 when there is no validation part
    TrainingSet test;       // size() == 0 when there is no test part
    TaskKind task = TaskKind::Classification;
    std::vector<std::string> classLabels; // classification only
    std::vector<std::string> featureNames;
    std::optional<TableEncoding> encoding; // fromTable() only
    std::optional<FeaturePlan> featurePlan; // which columns were used and why (TrainingDataService, tables only)
    // Classification (TrainingDataService): the training rows per class, the resampling done to
    // `train` and the class weights the loss uses (TrainingSession); nullopt for regression.
    std::optional<ClassBalance> classBalance;
    std::string source;                    // "fashion-mnist" or the table's name as given

    // "54000 training, 6000 validation, 10000 test rows; 784 features; 10 classes"
    std::string description() const;

    // The ten Fashion-MNIST class names, label order.
    static const std::vector<std::string> &fashionMnistClasses();

    // IoError / InvalidInput from the IDX reader (naming the file); InvalidInput naming the
    // fraction when the split is impossible.
    static Result<TrainingData> fromFashionMnist(const FashionMnistOptions &options, std::uint64_t seed);

    // sourceName: how messages and descriptions call the table (e.g. its file name).
    static Result<TrainingData> fromTable(const Table &table, const TableEncodingOptions &options,
                                          const SplitFractions &fractions, std::uint64_t seed,
                                          const std::string &sourceName = "table");
};

} // namespace loupe
