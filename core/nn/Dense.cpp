#include "core/nn/Dense.h"

#include "core/util/WorkSplit.h"

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
    const Index rows = input.rows();
    const Index in = input.cols();
    const int threads = WorkSplit::threadsFor(rows, 2.0 * double(rows) * double(in) * double(m_units));
    // Each thread: its rows' GEMM, then bias and activation on them while they are in its cache.
#pragma omp parallel num_threads(threads) if (threads > 1)
    {
        const auto part = WorkSplit::piece(rows, omp_get_num_threads(), omp_get_thread_num());
        if (part.size() > 0) {
            const ConstMatrixView x(input.data() + part.begin * in, part.size(), in);
            MatrixView y(output.data() + part.begin * m_units, part.size(), m_units);
            y.noalias() = x * m_kernel;
            applyBiasActivation(m_activation, m_bias, y);
        }
    }
}

void Dense::backward(ConstMatrixView input, ConstMatrixView output, MatrixView outputGradient,
                     MatrixView *inputGradient)
{
    assert(outputGradient.rows() == input.rows() && outputGradient.cols() == m_units);
    assert(!inputGradient || (inputGradient->rows() == input.rows() && inputGradient->cols() == input.cols()));
    const Index rows = input.rows();
    const Index in = input.cols();
    const int threads = WorkSplit::threadsFor(rows, 2.0 * double(rows) * double(in) * double(m_units));
#pragma omp parallel num_threads(threads) if (threads > 1)
    {
        const int count = omp_get_num_threads();
        const int index = omp_get_thread_num();
        // dZ for this thread's rows (the rows it produced in forward).
        const auto own = WorkSplit::piece(rows, count, index);
        activationBackward(m_activation, ConstMatrixView(output.data() + own.begin * m_units, own.size(), m_units),
                           MatrixView(outputGradient.data() + own.begin * m_units, own.size(), m_units));
#pragma omp barrier
        // dKernel by kernel rows (input features): contiguous, and the part of the kernel this
        // thread's optimizer piece will update.
        const auto features = WorkSplit::piece(in, count, index);
        if (features.size() > 0) {
            m_kernelGradient.middleRows(features.begin, features.size()).noalias()
                = input.middleCols(features.begin, features.size()).transpose() * outputGradient;
        }
        // dBias: column sums over all rows, by column pieces.
        const auto columns = WorkSplit::piece(m_units, count, index);
        float *biasGradient = m_biasGradient.data();
        std::fill(biasGradient + columns.begin, biasGradient + columns.end, 0.0f);
        for (Index r = 0; r < rows; ++r) {
            const float *row = outputGradient.data() + r * m_units;
            for (Index c = columns.begin; c < columns.end; ++c)
                biasGradient[c] += row[c];
        }
        // dInput for this thread's rows.
        if (inputGradient && own.size() > 0) {
            MatrixView dx(inputGradient->data() + own.begin * in, own.size(), in);
            dx.noalias() = ConstMatrixView(outputGradient.data() + own.begin * m_units, own.size(), m_units)
                * m_kernel.transpose();
        }
    }
}

std::vector<ParameterBlock> Dense::parameters()
{
    return {{"kernel", &m_kernel, &m_kernelGradient}, {"bias", &m_bias, &m_biasGradient}};
}

} // namespace loupe
