#include "core/optim/Adam.h"

#include <Eigen/Core>

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
    // Eigen array expressions so the square roots vectorize (see RmsProp.cpp).
    const auto n = static_cast<Eigen::Index>(end - begin);
    Eigen::Map<Eigen::ArrayXf> w(values + begin, n);
    const Eigen::Map<const Eigen::ArrayXf> g(gradients + begin, n);
    Eigen::Map<Eigen::ArrayXf> m(m_first[block].data() + begin, n);
    Eigen::Map<Eigen::ArrayXf> v(m_second[block].data() + begin, n);
    m += (g - m) * (1.0f - m_options.beta1);
    v += (g.square() - v) * (1.0f - m_options.beta2);
    w -= m_alpha * m / (v.sqrt() + m_options.epsilon);
}

} // namespace loupe
