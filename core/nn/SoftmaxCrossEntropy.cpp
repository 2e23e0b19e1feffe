#include "core/nn/SoftmaxCrossEntropy.h"

#include <cassert>
#include <cmath>

namespace loupe {

namespace {

// Returns the sample's loss; writes softmax(z) * sum(t) - t into gradientRow when not null.
double rowLoss(const float *z, const float *t, Index cols, float *gradientRow, float scale)
{
    float maximum = z[0];
    for (Index c = 1; c < cols; ++c)
        maximum = std::max(maximum, z[c]);
    double sumExp = 0.0;
    for (Index c = 0; c < cols; ++c)
        sumExp += std::exp(static_cast<double>(z[c] - maximum));
    const double logSumExp = static_cast<double>(maximum) + std::log(sumExp);
    double loss = 0.0;
    double targetSum = 0.0;
    for (Index c = 0; c < cols; ++c) {
        loss += static_cast<double>(t[c]) * (logSumExp - static_cast<double>(z[c]));
        targetSum += t[c];
    }
    if (gradientRow) {
        for (Index c = 0; c < cols; ++c) {
            const double p = std::exp(static_cast<double>(z[c]) - logSumExp);
            gradientRow[c] = static_cast<float>((p * targetSum - t[c]) * scale);
        }
    }
    return loss;
}

} // namespace

double SoftmaxCrossEntropy::value(ConstMatrixView logits, ConstMatrixView target) const
{
    assert(logits.rows() == target.rows() && logits.cols() == target.cols() && logits.rows() > 0);
    double total = 0.0;
    const Index cols = logits.cols();
    for (Index r = 0; r < logits.rows(); ++r) {
        const float *t = target.data() + r * cols;
        total += rowWeight(t, cols) * rowLoss(logits.data() + r * cols, t, cols, nullptr, 0.0f);
    }
    return total / static_cast<double>(logits.rows());
}

double SoftmaxCrossEntropy::valueAndGradient(ConstMatrixView logits, ConstMatrixView target, MatrixView gradient) const
{
    assert(logits.rows() == target.rows() && logits.cols() == target.cols() && logits.rows() > 0);
    assert(gradient.rows() == logits.rows() && gradient.cols() == logits.cols());
    double total = 0.0;
    const Index cols = logits.cols();
    const float scale = 1.0f / static_cast<float>(logits.rows());
    const bool weighted = !classWeights().empty();
    for (Index r = 0; r < logits.rows(); ++r) {
        const float *t = target.data() + r * cols;
        const double weight = rowWeight(t, cols);
        const float rowScale = weighted ? static_cast<float>(weight) * scale : scale;
        total += weight * rowLoss(logits.data() + r * cols, t, cols, gradient.data() + r * cols, rowScale);
    }
    return total / static_cast<double>(logits.rows());
}

} // namespace loupe
