#include "core/optim/Optimizer.h"

#include "core/util/WorkSplit.h"

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

void Optimizer::step(const std::vector<ParameterBlock> &blocks)
{
    if (m_blockSizes.empty() && !blocks.empty())
        plan(blocks);
    assert(blocks.size() == m_blockSizes.size());
    ++m_iterations;
    beginStep();
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
            if (begin < end)
                updateRange(b, block.value->data(), block.gradient->data(), begin, end);
        }
    }
}

} // namespace loupe
