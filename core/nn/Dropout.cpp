#include "core/nn/Dropout.h"

#include "core/util/RandomGenerator.h"
#include "core/util/WorkSplit.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace loupe {


Dropout::Dropout(float rate)
    : m_rate(rate)
{
    assert(rate >= 0.0f && rate < 1.0f);
    // Probability of a hash below the threshold is rate (to 2^-32).
    m_threshold = static_cast<std::uint32_t>(std::min(4294967295.0, std::floor(double(rate) * 4294967296.0)));
}

void Dropout::build(Index inputFeatures, RandomGenerator &rng)
{
    assert(inputFeatures > 0);
    m_features = inputFeatures;
    m_seed = rng.nextU64();
    m_calls = 0;
}

DropoutMask Dropout::mask() const
{
    return {static_cast<std::uint32_t>(m_key), static_cast<std::uint32_t>(m_key >> 32), m_threshold,
            1.0f / (1.0f - m_rate)};
}

DropoutMask Dropout::nextTrainingMask()
{
    m_key = RandomGenerator::mix(m_seed + m_calls);
    ++m_calls;
    return mask();
}

void Dropout::applyMask(const float *source, float *target, Index rows) const
{
    const DropoutMask keep = mask();
    const float scale = keep.scale;
    const std::uint32_t key1 = keep.key1, key2 = keep.key2, threshold = keep.threshold;
    const Index cols = m_features;
    // The hash is a few multiplies per element: worth the threads, on the rows each one owns.
    const int threads = WorkSplit::threadsFor(rows, 16.0 * double(rows) * double(cols));
#pragma omp parallel num_threads(threads) if (threads > 1)
    {
        const auto part = WorkSplit::piece(rows, omp_get_num_threads(), omp_get_thread_num());
        const Index end = part.end * cols;
        for (Index i = part.begin * cols; i < end; ++i) {
            const bool kept = DropoutMask::hash(static_cast<std::uint32_t>(i), key1, key2) >= threshold;
            target[i] = kept ? source[i] * scale : 0.0f;
        }
    }
}

void Dropout::forward(ConstMatrixView input, MatrixView output, Mode mode)
{
    assert(input.rows() == output.rows() && input.cols() == m_features && output.cols() == m_features);
    if (mode == Mode::Inference || m_rate == 0.0f) {
        output = input;
        return;
    }
    nextTrainingMask();
    applyMask(input.data(), output.data(), input.rows());
}

void Dropout::backward(ConstMatrixView, ConstMatrixView, MatrixView outputGradient, MatrixView *inputGradient)
{
    if (!inputGradient)
        return;
    assert(inputGradient->rows() == outputGradient.rows() && inputGradient->cols() == m_features);
    if (m_rate == 0.0f) {
        *inputGradient = outputGradient;
        return;
    }
    applyMask(outputGradient.data(), inputGradient->data(), outputGradient.rows());
}

} // namespace loupe
