#include "core/optim/Optimizer.h"

#include <cassert>
#include <cmath>

namespace loupe {

namespace {
constexpr std::size_t s_chunkSize = 16384;         // floats per work item
constexpr std::size_t s_parallelThreshold = 65536; // below this, threads cost more than they save
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
    m_chunks.clear();
    m_totalSize = 0;
}

void Optimizer::plan(const std::vector<ParameterBlock> &blocks)
{
    m_blockSizes.clear();
    m_chunks.clear();
    m_totalSize = 0;
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        const auto size = static_cast<std::size_t>(blocks[b].size());
        m_blockSizes.push_back(size);
        m_totalSize += size;
        for (std::size_t begin = 0; begin < size; begin += s_chunkSize)
            m_chunks.push_back({b, begin, std::min(size, begin + s_chunkSize)});
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
    const auto chunkCount = static_cast<std::ptrdiff_t>(m_chunks.size());
#pragma omp parallel for schedule(static, 1) if (m_totalSize >= s_parallelThreshold)
    for (std::ptrdiff_t i = 0; i < chunkCount; ++i) {
        const Chunk &chunk = m_chunks[static_cast<std::size_t>(i)];
        const ParameterBlock &block = blocks[chunk.block];
        assert(static_cast<std::size_t>(block.size()) == m_blockSizes[chunk.block]);
        updateRange(chunk.block, block.value->data(), block.gradient->data(), chunk.begin, chunk.end);
    }
}

} // namespace loupe
