#pragma once
// Internal to TPE (Optuna's multivariate mode): a mixture of product kernels, one kernel per
// observed trial plus a prior kernel. Numeric dimensions use ParzenEstimator's Optuna bandwidths
// (computed per dimension) with truncated components; categorical dimensions use Optuna's kernel:
// priorWeight / (n + 1) spread by the prior over every category plus 1 on the observed one.

#include "core/search/NumericDomain.h"
#include "core/search/ParzenEstimator.h"

#include <Eigen/Core>

#include <optional>
#include <span>
#include <vector>

namespace loupe {

class RandomGenerator;

struct KernelDimension {
    bool categorical = false;
    NumericDomain domain;           // numeric dimensions
    Eigen::ArrayXd categoryPrior;   // categorical dimensions: prior probability of each category
};

class MultivariateParzen {
public:
    // observations[d][i]: trial i's raw value in dimension d (u for numeric, category index for
    // categorical), trials in trial order; every dimension has the same number of trials.
    // sortedOrders, when given: per dimension, the trial indices by ascending value (numeric ones).
    MultivariateParzen(const std::vector<KernelDimension> &dimensions,
                       const std::vector<std::vector<double>> &observations, double priorWeight,
                       int forgettingWindow, const std::vector<std::vector<int>> *sortedOrders = nullptr);

    // A point (values: x for numeric, category index for categorical).
    std::vector<double> sample(RandomGenerator &rng) const;
    double logDensity(const std::vector<double> &point) const;
    // logDensity of every point at once (one vectorised pass over the kernels when every dimension
    // is continuous). requires: out.size() == points.size().
    void logDensities(const std::vector<std::vector<double>> &points, std::span<double> out) const;

private:
    // Per kernel: log w_k + the log kernel of every dimension at point (before the log-sum-exp).
    Eigen::ArrayXd pointTerms(const std::vector<double> &point) const;

    std::vector<KernelDimension> m_dimensions;
    std::vector<std::optional<ParzenEstimator>> m_numeric;   // per dimension
    std::vector<Eigen::ArrayXXd> m_categoryLog;              // per dimension: kernels x categories
    std::vector<Eigen::ArrayXXd> m_categoryProbability;
    std::vector<Eigen::ArrayXd> m_constant;      // numeric: -(log sigma_k + log sqrt(2 pi) + log mass_k)
    std::vector<Eigen::ArrayXd> m_inverseSigma;  // numeric
    Eigen::ArrayXd m_logWeight;
    Eigen::ArrayXd m_cumulative;
    Eigen::ArrayXd m_constantTotal;              // log w_k + the continuous dimensions' m_constant
    std::vector<int> m_continuous;               // dimensions that are numeric and not quantized
    bool m_pointwise = false;                    // some dimension categorical or quantized
    KernelScorer m_scorer;                       // when !m_pointwise
};

} // namespace loupe
