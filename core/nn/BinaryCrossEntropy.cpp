#include "core/nn/BinaryCrossEntropy.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace loupe {

BinaryCrossEntropy::BinaryCrossEntropy(BinaryInput input)
    : m_input(input)
{
}

Activation BinaryCrossEntropy::predictionActivation() const
{
    return m_input == BinaryInput::Logits ? Activation::Sigmoid : Activation::Linear;
}

float BinaryCrossEntropy::decisionThreshold() const
{
    return m_input == BinaryInput::Logits ? 0.0f : 0.5f;
}

double BinaryCrossEntropy::elementLoss(float output, float target) const
{
    const double t = target;
    if (m_input == BinaryInput::Logits) {
        const double z = output;
        return std::max(z, 0.0) - z * t + std::log1p(std::exp(-std::abs(z)));
    }
    const double p = std::clamp(static_cast<double>(output), double(s_clipEpsilon), 1.0 - double(s_clipEpsilon));
    return -(t * std::log(p) + (1.0 - t) * std::log(1.0 - p));
}

float BinaryCrossEntropy::elementGradient(float output, float target) const
{
    if (m_input == BinaryInput::Logits) {
        const double z = output;
        const double sigmoid = z >= 0.0 ? 1.0 / (1.0 + std::exp(-z)) : std::exp(z) / (1.0 + std::exp(z));
        return static_cast<float>(sigmoid - target);
    }
    const double p = output;
    if (p < s_clipEpsilon || p > 1.0 - s_clipEpsilon)
        return 0.0f;
    return static_cast<float>((p - target) / (p * (1.0 - p)));
}

double BinaryCrossEntropy::value(ConstMatrixView output, ConstMatrixView target) const
{
    assert(output.rows() == target.rows() && output.cols() == target.cols() && output.rows() > 0);
    double total = 0.0;
    const Index cols = output.cols();
    for (Index r = 0; r < output.rows(); ++r) {
        const float *t = target.data() + r * cols;
        double rowTotal = 0.0;
        for (Index c = 0; c < cols; ++c)
            rowTotal += elementLoss(output.data()[r * cols + c], t[c]);
        total += rowWeight(t, cols) * rowTotal;
    }
    return total / static_cast<double>(output.size());
}

double BinaryCrossEntropy::valueAndGradient(ConstMatrixView output, ConstMatrixView target, MatrixView gradient) const
{
    assert(output.rows() == target.rows() && output.cols() == target.cols() && output.rows() > 0);
    assert(gradient.rows() == output.rows() && gradient.cols() == output.cols());
    double total = 0.0;
    const Index cols = output.cols();
    const float scale = 1.0f / static_cast<float>(output.size());
    const bool weighted = !classWeights().empty();
    for (Index r = 0; r < output.rows(); ++r) {
        const float *t = target.data() + r * cols;
        const double weight = rowWeight(t, cols);
        const float rowScale = weighted ? static_cast<float>(weight) * scale : scale;
        double rowTotal = 0.0;
        for (Index c = 0; c < cols; ++c) {
            const Index i = r * cols + c;
            rowTotal += elementLoss(output.data()[i], t[c]);
            gradient.data()[i] = elementGradient(output.data()[i], t[c]) * rowScale;
        }
        total += weight * rowTotal;
    }
    return total / static_cast<double>(output.size());
}

} // namespace loupe
