#include "core/optim/Optimizer.h"

#include "core/util/WorkSplit.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace loupe {

namespace {
constexpr std::size_t s_parallelThreshold = 65536; // parameters; below this, threads cost more than they save
} // namespace

Optimizer::Optimizer(float learningRate)
    : m_learningRate(learningRate)
{
    assert(learningRate >= 0.0f && std::isfinite(learningRate));
}

Optimizer::~Optimizer() = default;

void Optimizer::setLearningRate(float learningRate)
{
    assert(learningRate >= 0.0f && std::isfinite(learningRate));
    m_learningRate = learningRate;
}

void Optimizer::setGradientClipping(const GradientClipping &clipping)
{
    assert(clipping.clipNorm >= 0.0f && std::isfinite(clipping.clipNorm));
    assert(clipping.clipValue >= 0.0f && std::isfinite(clipping.clipValue));
    m_clipping = clipping;
}

void Optimizer::reset()
{
    m_iterations = 0;
    m_blockSizes.clear();
    m_totalSize = 0;
}

void Optimizer::plan(const std::vector<ParameterBlock> &blocks)
{
    m_blockSizes.clear();
    m_totalSize = 0;
    for (const ParameterBlock &block : blocks) {
        m_blockSizes.push_back(static_cast<std::size_t>(block.size()));
        m_totalSize += static_cast<std::size_t>(block.size());
    }
    allocateState(m_blockSizes);
}

void Optimizer::prepareClipping(const std::vector<ParameterBlock> &blocks)
{
    m_clipped.resize(blocks.size());
    m_normScale.assign(blocks.size(), 1.0f);
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        m_clipped[b].resize(static_cast<std::size_t>(blocks[b].size()));
        if (m_clipping.clipNorm <= 0.0f)
            continue;
        // Summed in double so a large block's norm does not lose its small terms.
        const float *g = blocks[b].gradient->data();
        double sumOfSquares = 0.0;
        for (Index i = 0; i < blocks[b].size(); ++i)
            sumOfSquares += double(g[i]) * double(g[i]);
        const double norm = std::sqrt(sumOfSquares);
        const double limit = m_clipping.clipNorm;
        // As tf.clip_by_norm: a NaN norm makes every element NaN, an infinite one zeroes the finite
        // elements and makes the infinite ones NaN, so the divergence guards still see the blow-up.
        m_normScale[b] = static_cast<float>(limit / std::max(norm, limit));
    }
}

void Optimizer::clipRange(std::size_t block, const float *gradients, std::size_t begin, std::size_t end)
{
    float *out = m_clipped[block].data();
    const float scale = m_normScale[block];
    const float limit = m_clipping.clipValue;
    for (std::size_t i = begin; i < end; ++i) {
        const float g = gradients[i] * scale;
        out[i] = limit > 0.0f ? std::clamp(g, -limit, limit) : g;
    }
}

void Optimizer::step(const std::vector<ParameterBlock> &blocks)
{
    if (m_blockSizes.empty() && !blocks.empty())
        plan(blocks);
    assert(blocks.size() == m_blockSizes.size());
    ++m_iterations;
    beginStep();
    const bool clipping = m_clipping.isActive();
    if (clipping)
        prepareClipping(blocks);
    // Thread t updates the same rows of every block as it computed in Dense::backward (WorkSplit
    // pieces of the kernel's rows), so those gradients are still in its cache.
    const int threads = m_totalSize >= s_parallelThreshold ? WorkSplit::threadsFor(2, double(m_totalSize) * 8.0) : 1;
#pragma omp parallel num_threads(threads) if (threads > 1)
    {
        const int count = omp_get_num_threads();
        const int index = omp_get_thread_num();
        for (std::size_t b = 0; b < blocks.size(); ++b) {
            const ParameterBlock &block = blocks[b];
            assert(static_cast<std::size_t>(block.size()) == m_blockSizes[b]);
            const Index cols = block.value->cols();
            // Blocks of one row (biases) are split by elements instead.
            const bool byRows = block.value->rows() >= count;
            const auto part = WorkSplit::piece(byRows ? block.value->rows() : block.size(), count, index);
            const auto begin = static_cast<std::size_t>(byRows ? part.begin * cols : part.begin);
            const auto end = static_cast<std::size_t>(byRows ? part.end * cols : part.end);
            if (begin >= end)
                continue;
            if (clipping) {
                clipRange(b, block.gradient->data(), begin, end);
                updateRange(b, block.value->data(), m_clipped[b].data(), begin, end);
            } else {
                updateRange(b, block.value->data(), block.gradient->data(), begin, end);
            }
        }
    }
}

} // namespace loupe
