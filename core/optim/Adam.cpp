#include "core/optim/Adam.h"

#include <cassert>
#include <cmath>

namespace loupe {

Adam::Adam(const Options &options)
    : Optimizer(options.learningRate)
    , m_options(options)
{
    assert(options.beta1 >= 0.0f && options.beta1 < 1.0f);
    assert(options.beta2 >= 0.0f && options.beta2 < 1.0f);
    assert(options.epsilon > 0.0f);
}

void Adam::beginStep()
{
    const double t = static_cast<double>(iterations());
    const double beta1Power = std::pow(static_cast<double>(m_options.beta1), t);
    const double beta2Power = std::pow(static_cast<double>(m_options.beta2), t);
    m_alpha = static_cast<float>(learningRate() * std::sqrt(1.0 - beta2Power) / (1.0 - beta1Power));
}

void Adam::allocateState(const std::vector<std::size_t> &blockSizes)
{
    m_first.clear();
    m_second.clear();
    for (std::size_t size : blockSizes) {
        m_first.emplace_back(size, 0.0f);
        m_second.emplace_back(size, 0.0f);
    }
}

void Adam::updateRange(std::size_t block, float *values, const float *gradients, std::size_t begin, std::size_t end)
{
    const float alpha = m_alpha;
    const float oneMinusBeta1 = 1.0f - m_options.beta1;
    const float oneMinusBeta2 = 1.0f - m_options.beta2;
    const float epsilon = m_options.epsilon;
    float *m = m_first[block].data();
    float *v = m_second[block].data();
    for (std::size_t i = begin; i < end; ++i) {
        const float g = gradients[i];
        m[i] += (g - m[i]) * oneMinusBeta1;
        v[i] += (g * g - v[i]) * oneMinusBeta2;
        values[i] -= alpha * m[i] / (std::sqrt(v[i]) + epsilon);
    }
}

} // namespace loupe
