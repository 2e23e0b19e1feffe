#include "core/nn/ActivationLayer.h"

#include <cassert>

namespace loupe {

ActivationLayer::ActivationLayer(Activation activation)
    : m_activation(activation)
{
}

void ActivationLayer::build(Index inputFeatures, RandomGenerator &)
{
    assert(inputFeatures > 0);
    m_features = inputFeatures;
}

void ActivationLayer::forward(ConstMatrixView input, MatrixView output, Mode)
{
    assert(input.rows() == output.rows() && input.cols() == m_features && output.cols() == m_features);
    output = input;
    applyActivation(m_activation, output);
}

void ActivationLayer::backward(ConstMatrixView, ConstMatrixView output, MatrixView outputGradient,
                               MatrixView *inputGradient)
{
    if (!inputGradient)
        return;
    activationBackward(m_activation, output, outputGradient);
    *inputGradient = outputGradient;
}

} // namespace loupe
