#include "core/search/CategoricalEstimator.h"

#include "core/util/RandomGenerator.h"
#include "core/search/ParzenEstimator.h"

namespace loupe {

CategoricalEstimator::CategoricalEstimator(const Eigen::ArrayXd &prior, std::span<const int> observations,
                                           double priorWeight, int forgettingWindow)
{
    const auto categories = prior.size();
    const Eigen::ArrayXd weights = forgettingWeights(static_cast<int>(observations.size()), forgettingWindow);
    m_probability = prior * (static_cast<double>(categories) * priorWeight);
    for (std::size_t i = 0; i < observations.size(); ++i)
        m_probability[observations[i]] += weights[static_cast<Eigen::Index>(i)];
    m_probability /= m_probability.sum();
    m_logProbability = m_probability.log();
}

int CategoricalEstimator::sample(RandomGenerator &rng) const
{
    const double u = rng.uniformDouble();
    double cumulative = 0.0;
    for (Eigen::Index k = 0; k < m_probability.size(); ++k) {
        cumulative += m_probability[k];
        if (u < cumulative)
            return static_cast<int>(k);
    }
    return static_cast<int>(m_probability.size() - 1);
}

} // namespace loupe
