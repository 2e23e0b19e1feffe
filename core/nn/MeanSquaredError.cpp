#include "core/nn/MeanSquaredError.h"

#include <cassert>

namespace loupe {

double MeanSquaredError::value(ConstMatrixView output, ConstMatrixView target) const
{
    assert(output.rows() == target.rows() && output.cols() == target.cols() && output.rows() > 0);
    double total = 0.0;
    for (Index i = 0; i < output.size(); ++i) {
        const double d = double(output.data()[i]) - double(target.data()[i]);
        total += d * d;
    }
    return total / static_cast<double>(output.size());
}

double MeanSquaredError::valueAndGradient(ConstMatrixView output, ConstMatrixView target, MatrixView gradient) const
{
    assert(gradient.rows() == output.rows() && gradient.cols() == output.cols());
    const float scale = 2.0f / static_cast<float>(output.size());
    for (Index i = 0; i < output.size(); ++i)
        gradient.data()[i] = (output.data()[i] - target.data()[i]) * scale;
    return value(output, target);
}

} // namespace loupe
