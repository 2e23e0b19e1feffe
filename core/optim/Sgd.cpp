#include "core/optim/Sgd.h"

#include <cassert>

namespace loupe {

Sgd::Sgd(const Options &options)
    : Optimizer(options.learningRate)
    , m_options(options)
{
    assert(options.momentum >= 0.0f && options.momentum < 1.0f);
}

void Sgd::allocateState(const std::vector<std::size_t> &blockSizes)
{
    m_velocity.clear();
    if (m_options.momentum == 0.0f)
        return;
    for (std::size_t size : blockSizes)
        m_velocity.emplace_back(size, 0.0f);
}

void Sgd::updateRange(std::size_t block, float *values, const float *gradients, std::size_t begin, std::size_t end)
{
    const float lr = learningRate();
    if (m_options.momentum == 0.0f) {
        for (std::size_t i = begin; i < end; ++i)
            values[i] -= lr * gradients[i];
        return;
    }
    const float momentum = m_options.momentum;
    float *velocity = m_velocity[block].data();
    if (m_options.nesterov == Nesterov::On) {
        for (std::size_t i = begin; i < end; ++i) {
            velocity[i] = momentum * velocity[i] - lr * gradients[i];
            values[i] += momentum * velocity[i] - lr * gradients[i];
        }
    } else {
        for (std::size_t i = begin; i < end; ++i) {
            velocity[i] = momentum * velocity[i] - lr * gradients[i];
            values[i] += velocity[i];
        }
    }
}

} // namespace loupe
