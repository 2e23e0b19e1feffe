#include "core/nn/Metrics.h"

#include <cassert>

namespace loupe {

namespace {
Index argmaxOf(const float *row, Index cols)
{
    Index best = 0;
    for (Index c = 1; c < cols; ++c) {
        if (row[c] > row[best])
            best = c;
    }
    return best;
}
} // namespace

Index Metrics::correctCount(ConstMatrixView output, ConstMatrixView target, float threshold)
{
    assert(output.rows() == target.rows() && output.cols() == target.cols());
    const Index cols = output.cols();
    Index correct = 0;
    for (Index r = 0; r < output.rows(); ++r) {
        const float *o = output.data() + r * cols;
        const float *t = target.data() + r * cols;
        if (cols == 1)
            correct += ((o[0] > threshold) == (t[0] > 0.5f)) ? 1 : 0;
        else
            correct += argmaxOf(o, cols) == argmaxOf(t, cols) ? 1 : 0;
    }
    return correct;
}

double Metrics::accuracy(ConstMatrixView output, ConstMatrixView target, float threshold)
{
    if (output.rows() == 0)
        return 0.0;
    return static_cast<double>(correctCount(output, target, threshold)) / static_cast<double>(output.rows());
}

} // namespace loupe
