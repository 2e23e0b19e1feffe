#include "core/optim/RmsProp.h"

#include <Eigen/Core>

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
    // Eigen array expressions: vectorized square roots (a plain std::sqrt loop is not, because
    // of errno), exact IEEE results all the same.
    const auto n = static_cast<Eigen::Index>(end - begin);
    const float lr = learningRate();
    const float rho = m_options.rho;
    const float epsilon = m_options.epsilon;
    Eigen::Map<Eigen::ArrayXf> w(values + begin, n);
    const Eigen::Map<const Eigen::ArrayXf> g(gradients + begin, n);
    Eigen::Map<Eigen::ArrayXf> v(m_meanSquare[block].data() + begin, n);
    v = rho * v + (1.0f - rho) * g.square();

    if (m_options.centered == Centered::Off && m_options.momentum == 0.0f) {
        w -= lr * g / (v.sqrt() + epsilon);
        return;
    }
    Eigen::ArrayXf increment;
    if (m_options.centered == Centered::On) {
        Eigen::Map<Eigen::ArrayXf> a(m_meanGradient[block].data() + begin, n);
        a = rho * a + (1.0f - rho) * g;
        increment = lr * g / ((v - a.square()).max(0.0f).sqrt() + epsilon);
    } else {
        increment = lr * g / (v.sqrt() + epsilon);
    }
    if (m_options.momentum > 0.0f) {
        Eigen::Map<Eigen::ArrayXf> m(m_momentum[block].data() + begin, n);
        m = m_options.momentum * m + increment;
        w -= m;
    } else {
        w -= increment;
    }
}

} // namespace loupe
