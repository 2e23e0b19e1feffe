#pragma once
// What a run does about an imbalanced class target (is_fraud: 1 % fraud): weight the loss per class,
// resample the training rows, both or neither. One policy for the GUI and loupe-cli
// (TrainingDataService applies it; TrainingSession hands the weights to the loss).
//
//   ClassWeighting::Balanced: weight_c = n / (k n_c) over the training rows as trained on (after any
//     resampling), n rows, k classes present, n_c rows of class c (sklearn's "balanced"); a class with
//     no training row gets 0. The loss becomes sum_r w(r) loss_r / rows (Loss::setClassWeights), so a
//     balanced data set keeps weights of 1 and the loss its scale.
//   Resampling::Oversample: every class is drawn with replacement up to the largest class's count;
//     Resampling::Undersample: every class is cut (without replacement) to the smallest present class's
//     count. Training rows only (validation and test rows are never touched); the rows are then
//     shuffled; seeded, so the same seed gives the same rows.
// JSON (toJson, written here only): {"class_weight": "none" | "balanced", "resample": "none" |
//   "oversample" | "undersample", "classes": [{"label", "train_rows" (before resampling),
//   "trained_rows" (after), "weight" (1 without weighting)}]}

#include "core/data/TrainingSet.h"
#include "core/util/Status.h"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace loupe {

enum class ClassWeighting { None, Balanced };
enum class Resampling { None, Oversample, Undersample };

struct ClassBalance {
    ClassWeighting weighting = ClassWeighting::None;
    Resampling resampling = Resampling::None;
    std::vector<std::string> labels;        // class order (TrainingData::classLabels)
    std::vector<std::size_t> countsBefore;  // training rows per class before resampling
    std::vector<std::size_t> countsAfter;   // training rows per class as trained on
    std::vector<float> weights;             // per class; empty without weighting

    bool isActive() const { return weighting != ClassWeighting::None || resampling != Resampling::None; }

    // The class of each row: argmax of a one-hot row (first on ties), or target > 0.5 for one column.
    static std::vector<std::size_t> rowClasses(ConstMatrixView targets);
    // Rows per class; classCount >= 2 (one column of 0/1 targets has two classes).
    static std::vector<std::size_t> classCounts(const TrainingSet &data, std::size_t classCount);
    // n / (k n_c); 0 for an empty class. requires: some rows.
    static std::vector<float> balancedWeights(const std::vector<std::size_t> &counts);
    // The resampled training rows (a copy; None returns the rows as they are). Classes without rows
    // are skipped. requires: classCount >= 2, some rows.
    static TrainingSet resample(const TrainingSet &data, std::size_t classCount, Resampling resampling,
                                std::uint64_t seed);

    nlohmann::ordered_json toJson() const;
};

// "none", "balanced"
std::string_view classWeightingName(ClassWeighting weighting);
std::optional<ClassWeighting> classWeightingFromName(std::string_view name);
// "none", "oversample", "undersample"
std::string_view resamplingName(Resampling resampling);
std::optional<Resampling> resamplingFromName(std::string_view name);

} // namespace loupe
