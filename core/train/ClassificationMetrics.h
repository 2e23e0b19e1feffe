#pragma once
// Measures that still mean something when one class is rare (accuracy does not: always answering
// "not fraud" scores 99 %): per-class recall and precision, balanced accuracy (the mean recall over
// the classes that have rows) and, for two classes, the area under the precision-recall curve of
// class 1 (average precision: sum over class-1 rows, ranked by score, of the precision at that
// rank, divided by the class-1 rows; tied scores count as one step). Computed on predictions
// (Sequential::predict: probabilities), the predicted class being argmax, or p > 0.5 for one column.
// JSON (toJson, written here only): {"evaluated_on": "test" | "validation", "rows",
//   "balanced_accuracy", "pr_auc" (null unless two classes), "pr_auc_class" (the label of class 1),
//   "classes": [{"label", "rows", "recall", "precision"}]}  (null where not defined: no rows, no
//   predictions of that class)

#include "core/nn/Sequential.h"
#include "core/data/TrainingSet.h"

#include <nlohmann/json_fwd.hpp>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace loupe {

struct ClassScore {
    std::string label;
    std::size_t rows = 0;      // rows of this class
    std::size_t predicted = 0; // rows predicted as this class
    std::size_t correct = 0;   // rows of this class predicted as it
    double recall() const;     // NaN without rows
    double precision() const;  // NaN without predictions
};

struct ClassificationMetrics {
    std::string evaluatedOn; // "test" or "validation"
    std::size_t rows = 0;
    std::vector<ClassScore> classes;
    double balancedAccuracy = 0.0;
    std::optional<double> prAuc; // two classes only

    // requires: predictions and targets have the same rows; labels.size() >= 2 and is the class
    // count (targets one-hot with labels.size() columns, or one 0/1 column for two labels).
    static ClassificationMetrics compute(ConstMatrixView predictions, ConstMatrixView targets,
                                         const std::vector<std::string> &labels);
    // Predicts `data` with the model (inference mode) and computes. requires: model built for it.
    static ClassificationMetrics measure(Sequential &model, const TrainingSet &data,
                                         const std::vector<std::string> &labels);
    // Average precision of `positive` scores (higher: more likely positive). nullopt without positives.
    static std::optional<double> averagePrecision(const std::vector<float> &scores, const std::vector<bool> &positive);

    nlohmann::ordered_json toJson() const;
};

} // namespace loupe
