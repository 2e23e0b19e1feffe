#pragma once
// Averaging the class probabilities of several models (a snapshot ensemble's prediction) and
// scoring probability matrices against one-hot (or single-column 0/1) targets.

#include "core/util/Matrix.h"

#include <cstddef>
#include <vector>

namespace loupe {

class EnsembleAverage {
public:
    // Element-wise mean of members[first .. first+count-1].
    // requires: count >= 1, first + count <= members.size(), all of the same shape.
    static Matrix mean(const std::vector<Matrix> &members, std::size_t first, std::size_t count);

    // Share of rows predicted right: argmax of the probabilities against argmax of the target, or
    // for one column p > 0.5 against target > 0.5. 0 for no rows. requires: same shapes.
    static double accuracy(const Matrix &probabilities, ConstMatrixView targets);

    // Mean cross-entropy -sum(y log p) per row (binary form for one column), with p clamped to
    // [1e-7, 1 - 1e-7] as Keras does. 0 for no rows. requires: same shapes.
    static double logLoss(const Matrix &probabilities, ConstMatrixView targets);
};

} // namespace loupe
