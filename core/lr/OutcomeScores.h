#pragma once
// How good a trained classifier is on held-out rows, for judging a learning rate by training:
// accuracy, balanced accuracy (the mean of the per-class recalls, so always answering the
// majority class of a 99:1 problem scores 0.5, not 0.99) and, for two classes, the area under the
// precision-recall curve of the second class (average precision: the mean of the precision at
// each positive's rank, ties broken pessimistically), which does not depend on a threshold.
//
// Targets are one-hot rows (k >= 2 columns) or one 0/1 column (a single sigmoid unit); the
// predictions have the same shape (probabilities or any scores increasing with the class).

#include "core/util/Matrix.h"

#include <optional>

namespace loupe {

struct OutcomeScores {
    double accuracy = 0.0;
    double balancedAccuracy = 0.0;        // classes without rows are left out of the mean
    std::optional<double> averagePrecision; // two classes with at least one positive only

    // requires: predictions and targets have the same shape and at least one row.
    static OutcomeScores measure(ConstMatrixView predictions, ConstMatrixView targets);
};

} // namespace loupe
