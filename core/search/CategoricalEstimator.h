#pragma once
// Internal to TPE: hyperopt's categorical posterior (tpe_cat_pseudocounts / ap_randint_sampler):
// forgetting-weighted counts of the observed categories plus K * priorWeight * p_k, normalised.
// Used for choice, pchoice (p = its probabilities) and randint (category = value - low).

#include <Eigen/Core>

#include <span>

namespace loupe {

class RandomGenerator;

class CategoricalEstimator {
public:
    // observations: category indices in [0, prior.size()), in trial order.
    CategoricalEstimator(const Eigen::ArrayXd &prior, std::span<const int> observations, double priorWeight,
                         int forgettingWindow);

    int sample(RandomGenerator &rng) const;
    double logProbability(int category) const { return m_logProbability[category]; }

private:
    Eigen::ArrayXd m_probability;
    Eigen::ArrayXd m_logProbability;
};

} // namespace loupe
