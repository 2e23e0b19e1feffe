#include "core/optim/RmsProp.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace loupe {

RmsProp::RmsProp(const Options &options)
    : Optimizer(options.learningRate)
    , m_options(options)
{
    assert(options.rho >= 0.0f && options.rho < 1.0f);
    assert(options.momentum >= 0.0f && options.momentum < 1.0f);
    assert(options.epsilon > 0.0f);
}

void RmsProp::allocateState(const std::vector<std::size_t> &blockSizes)
{
    m_meanSquare.clear();
    m_meanGradient.clear();
    m_momentum.clear();
    for (std::size_t size : blockSizes) {
        m_meanSquare.emplace_back(size, 0.0f);
        if (m_options.centered == Centered::On)
            m_meanGradient.emplace_back(size, 0.0f);
        if (m_options.momentum > 0.0f)
            m_momentum.emplace_back(size, 0.0f);
    }
}

void RmsProp::updateRange(std::size_t block, float *values, const float *gradients, std::size_t begin,
                          std::size_t end)
{
    const float lr = learningRate();
    const float rho = m_options.rho;
    const float oneMinusRho = 1.0f - rho;
    const float epsilon = m_options.epsilon;
    float *v = m_meanSquare[block].data();

    if (m_options.centered == Centered::Off && m_options.momentum == 0.0f) {
        // The default configuration: one fused, vectorizable pass.
        for (std::size_t i = begin; i < end; ++i) {
            const float g = gradients[i];
            v[i] = rho * v[i] + oneMinusRho * g * g;
            values[i] -= lr * g / (std::sqrt(v[i]) + epsilon);
        }
        return;
    }
    float *a = m_options.centered == Centered::On ? m_meanGradient[block].data() : nullptr;
    float *m = m_options.momentum > 0.0f ? m_momentum[block].data() : nullptr;
    const float momentum = m_options.momentum;
    for (std::size_t i = begin; i < end; ++i) {
        const float g = gradients[i];
        v[i] = rho * v[i] + oneMinusRho * g * g;
        float meanSquare = v[i];
        if (a) {
            a[i] = rho * a[i] + oneMinusRho * g;
            meanSquare = std::max(meanSquare - a[i] * a[i], 0.0f);
        }
        const float increment = lr * g / (std::sqrt(meanSquare) + epsilon);
        if (m) {
            m[i] = momentum * m[i] + increment;
            values[i] -= m[i];
        } else {
            values[i] -= increment;
        }
    }
}

} // namespace loupe
