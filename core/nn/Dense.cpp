#include "core/nn/Dense.h"

#include <algorithm>
#include <cassert>

namespace loupe {

Dense::Dense(Index units, Activation activation, Initializer kernelInitializer)
    : m_units(units)
    , m_activation(activation)
    , m_initializer(kernelInitializer)
{
    assert(units > 0);
}

void Dense::build(Index inputFeatures, RandomGenerator &rng)
{
    assert(inputFeatures > 0);
    m_kernel.resize(inputFeatures, m_units);
    initializeKernel(m_initializer, m_kernel, rng);
    m_bias = Matrix::Zero(1, m_units);
    m_kernelGradient = Matrix::Zero(inputFeatures, m_units);
    m_biasGradient = Matrix::Zero(1, m_units);
}

void Dense::forward(ConstMatrixView input, MatrixView output, Mode)
{
    assert(isBuilt() && input.cols() == m_kernel.rows());
    assert(output.rows() == input.rows() && output.cols() == m_units);
    output.noalias() = input * m_kernel;
    applyBiasActivation(m_activation, m_bias, output);
}

void Dense::backward(ConstMatrixView input, ConstMatrixView output, MatrixView outputGradient,
                     MatrixView *inputGradient)
{
    assert(outputGradient.rows() == input.rows() && outputGradient.cols() == m_units);
    activationBackward(m_activation, output, outputGradient);
    m_kernelGradient.noalias() = input.transpose() * outputGradient;

    // Column sums, row by row so the inner loop runs over contiguous memory.
    float *biasGradient = m_biasGradient.data();
    std::fill(biasGradient, biasGradient + m_units, 0.0f);
    for (Index r = 0; r < outputGradient.rows(); ++r) {
        const float *row = outputGradient.data() + r * m_units;
        for (Index c = 0; c < m_units; ++c)
            biasGradient[c] += row[c];
    }

    if (inputGradient) {
        assert(inputGradient->rows() == input.rows() && inputGradient->cols() == input.cols());
        inputGradient->noalias() = outputGradient * m_kernel.transpose();
    }
}

std::vector<ParameterBlock> Dense::parameters()
{
    return {{"kernel", &m_kernel, &m_kernelGradient}, {"bias", &m_bias, &m_biasGradient}};
}

} // namespace loupe
