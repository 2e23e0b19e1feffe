#pragma once
// Classification accuracy on raw model output.

#include "core/util/Matrix.h"

namespace loupe {

class Metrics {
public:
    // Number of rows predicted right. Several columns: argmax(output) == argmax(target) (ties go to
    // the first column). One column: (output > threshold) == (target > 0.5).
    // requires: output and target have the same shape.
    static Index correctCount(ConstMatrixView output, ConstMatrixView target, float threshold);

    // correctCount / rows, or 0 for an empty batch.
    static double accuracy(ConstMatrixView output, ConstMatrixView target, float threshold);
};

} // namespace loupe
