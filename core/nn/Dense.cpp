#include "core/nn/Dense.h"

#include "core/nn/Dropout.h"
#include "core/nn/GemmKernelTable.h"
#include "core/util/WorkSplit.h"

#include <algorithm>
#include <cassert>
#include <cstdint>

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
    forwardPass(input, output, nullptr);
}

void Dense::forwardWithDropout(ConstMatrixView input, MatrixView output, Mode mode, Dropout &dropout)
{
    assert(canFuseDropout() && dropout.inputFeatures() == m_units);
    if (mode == Mode::Inference || dropout.rate() == 0.0f) {
        forwardPass(input, output, nullptr);
        return;
    }
    const DropoutMask mask = dropout.nextTrainingMask();
    forwardPass(input, output, &mask);
}

void Dense::forwardPass(ConstMatrixView input, MatrixView output, const DropoutMask *mask)
{
    assert(isBuilt() && input.cols() == m_kernel.rows());
    assert(output.rows() == input.rows() && output.cols() == m_units);
    assert(!mask || m_activation == Activation::Relu);
    const Index rows = input.rows();
    const Index in = input.cols();
    const int threads = WorkSplit::threadsFor(rows, 2.0 * double(rows) * double(in) * double(m_units));
    const GemmKernel kernel = GemmKernelTable::instance().kernelFor({GemmProduct::Forward, rows, m_units, in, threads});
    const GemmOperands product{input, constView(m_kernel), output};
    // Bias, activation and (fused) dropout mask on rows [begin, end) in one pass.
    const auto epilogue = [&](WorkSplit::Range part) {
        if (part.size() <= 0)
            return;
        if (!mask) {
            applyBiasActivation(m_activation, m_bias, MatrixView(output.data() + part.begin * m_units, part.size(), m_units));
            return;
        }
        const float *b = m_bias.data();
        const float scale = mask->scale;
        const std::uint32_t key1 = mask->key1, key2 = mask->key2, threshold = mask->threshold;
        for (Index r = part.begin; r < part.end; ++r) {
            float *row = output.data() + r * m_units;
            const auto first = static_cast<std::uint32_t>(r * m_units);
            for (Index c = 0; c < m_units; ++c) {
                const float value = std::max(row[c] + b[c], 0.0f);
                const bool kept = DropoutMask::hash(first + static_cast<std::uint32_t>(c), key1, key2) >= threshold;
                row[c] = kept ? value * scale : 0.0f;
            }
        }
    };
    if (!gemmKernelIsSplit(kernel))
        GemmRunner::run(kernel, GemmProduct::Forward, product, threads);
    // Each thread: its rows' GEMM (split kernels), then their epilogue while they are in its cache.
#pragma omp parallel num_threads(threads) if (threads > 1)
    {
        const auto part = WorkSplit::piece(rows, omp_get_num_threads(), omp_get_thread_num());
        if (gemmKernelIsSplit(kernel))
            GemmRunner::piece(kernel, GemmProduct::Forward, product, part);
        epilogue(part);
    }
}

void Dense::backward(ConstMatrixView input, ConstMatrixView output, MatrixView outputGradient,
                     MatrixView *inputGradient)
{
    backwardPass(input, output, outputGradient, inputGradient, nullptr);
}

void Dense::backwardWithDropout(ConstMatrixView input, ConstMatrixView output, MatrixView outputGradient,
                                MatrixView *inputGradient, const Dropout &dropout)
{
    assert(canFuseDropout());
    // With rate 0 the output is this layer's own (ReLU) output and the plain backward applies.
    const DropoutMask mask = dropout.rate() > 0.0f ? dropout.mask() : DropoutMask{};
    backwardPass(input, output, outputGradient, inputGradient, &mask);
}

void Dense::backwardPass(ConstMatrixView input, ConstMatrixView output, MatrixView outputGradient,
                         MatrixView *inputGradient, const DropoutMask *mask)
{
    assert(outputGradient.rows() == input.rows() && outputGradient.cols() == m_units);
    assert(!inputGradient || (inputGradient->rows() == input.rows() && inputGradient->cols() == input.cols()));
    const Index rows = input.rows();
    const Index in = input.cols();
    const int threads = WorkSplit::threadsFor(rows, 2.0 * double(rows) * double(in) * double(m_units));
    auto &table = GemmKernelTable::instance();
    const GemmKernel weightKernel = table.kernelFor({GemmProduct::WeightGradient, in, m_units, rows, threads});
    const GemmKernel inputKernel = inputGradient
        ? table.kernelFor({GemmProduct::InputGradient, rows, in, m_units, threads}) : GemmKernel::EigenSplit;
    const GemmOperands weightProduct{input, constView(outputGradient), viewOf(m_kernelGradient)};
    const GemmOperands inputProduct{constView(outputGradient), constView(m_kernel),
                                    inputGradient ? *inputGradient : MatrixView(nullptr, 0, 0)};
    if (m_biasPartials.rows() < threads || m_biasPartials.cols() != m_units)
        m_biasPartials.resize(threads, m_units);
#pragma omp parallel num_threads(threads) if (threads > 1)
    {
        const int count = omp_get_num_threads();
        const int index = omp_get_thread_num();
        // dZ for this thread's rows (the rows it produced in forward) and their column sums.
        const auto own = WorkSplit::piece(rows, count, index);
        float *partial = m_biasPartials.data() + index * m_units;
        std::fill(partial, partial + m_units, 0.0f);
        if (!mask) {
            activationBackward(m_activation, ConstMatrixView(output.data() + own.begin * m_units, own.size(), m_units),
                               MatrixView(outputGradient.data() + own.begin * m_units, own.size(), m_units));
        }
        const float scale = mask ? mask->scale : 1.0f;
        for (Index r = own.begin; r < own.end; ++r) {
            float *g = outputGradient.data() + r * m_units;
            if (mask) {
                const float *y = output.data() + r * m_units;
                for (Index c = 0; c < m_units; ++c)
                    g[c] = y[c] > 0.0f ? g[c] * scale : 0.0f;
            }
            for (Index c = 0; c < m_units; ++c)
                partial[c] += g[c];
        }
#pragma omp barrier
        // dBias: the threads' column sums, by column pieces.
        const auto columns = WorkSplit::piece(m_units, count, index);
        float *biasGradient = m_biasGradient.data();
        for (Index c = columns.begin; c < columns.end; ++c) {
            float sum = 0.0f;
            for (int t = 0; t < count; ++t)
                sum += m_biasPartials(t, c);
            biasGradient[c] = sum;
        }
        // dKernel by kernel rows (input features): contiguous, and the part of the kernel this
        // thread's optimizer piece will update. dInput for this thread's rows.
        if (gemmKernelIsSplit(weightKernel))
            GemmRunner::piece(weightKernel, GemmProduct::WeightGradient, weightProduct, WorkSplit::piece(in, count, index));
        if (inputGradient && gemmKernelIsSplit(inputKernel))
            GemmRunner::piece(inputKernel, GemmProduct::InputGradient, inputProduct, own);
    }
    if (!gemmKernelIsSplit(weightKernel))
        GemmRunner::run(weightKernel, GemmProduct::WeightGradient, weightProduct, threads);
    if (inputGradient && !gemmKernelIsSplit(inputKernel))
        GemmRunner::run(inputKernel, GemmProduct::InputGradient, inputProduct, threads);
}

std::vector<ParameterBlock> Dense::parameters()
{
    return {{"kernel", &m_kernel, &m_kernelGradient}, {"bias", &m_bias, &m_biasGradient}};
}

} // namespace loupe
