#pragma once
// Internal to TPE: a 1-D mixture of Gaussians on a NumericDomain's u-line, one component per
// observation (in the order given) plus the prior component last.
//  Bandwidths::Hyperopt -- hyperopt's adaptive_parzen_normal: the prior mean is inserted among the
//    sorted observations; sigma_i = max(left gap, right gap), ends use their single gap, clipped to
//    [priorSigma / min(100, 1 + K), priorSigma]; one observation: sigma = priorSigma / 2.
//  Bandwidths::Optuna -- neighbours in [low, sorted obs..., high] (endpoints only for a single
//    observation), clipped to [range / min(100, n + 2), range]; unbounded kinds use the hyperopt rule.
// Weights: linear forgetting over the observations (oldest ramp from 1/n when n > window), the prior
// gets priorWeight; normalised to 1.
//  Normalisation::Global -- hyperopt: density / sum_k w_k P_k(inside bounds) (skipped for
//    continuous log kinds, as hyperopt's LGMM1_lpdf does); PerComponent -- Optuna's truncated
//    components, each divided by its own mass inside the bounds.

#include "core/search/KernelScorer.h"
#include "core/search/NumericDomain.h"

#include <Eigen/Core>

#include <span>
#include <vector>

namespace loupe {

class RandomGenerator;

enum class Bandwidths { Hyperopt, Optuna };
enum class Normalisation { Global, PerComponent };
// Mixture: a 1-D estimator that scores values (logDensity). JointKernels: one dimension of a
// MultivariateParzen, which reads mu, sigma and the masses and scores the joint kernels itself; the
// per-component log coefficients and the scorer are not built (logDensity must not be called).
enum class ParzenRole { Mixture, JointKernels };

// Linear-forgetting weights for n observations in trial order (oldest first).
Eigen::ArrayXd forgettingWeights(int n, int window);
// Mixture helpers shared with the multivariate estimator.
double normalCdf(double z);
// log(Phi(b) - Phi(a)) for a <= b, accurate in both tails.
double logNormalMass(double a, double b);

class ParzenEstimator {
public:
    // observations: values on u (NumericDomain::toInternal), in trial order. sortedOrder, when
    // given, lists the observation indices by ascending value (ties by index) so the estimator
    // need not sort them itself.
    ParzenEstimator(const NumericDomain &domain, std::span<const double> observations, double priorWeight,
                    int forgettingWindow, Bandwidths bandwidths, Normalisation normalisation,
                    const std::vector<int> *sortedOrder = nullptr, ParzenRole role = ParzenRole::Mixture);

    int components() const { return static_cast<int>(m_mu.size()); }
    const Eigen::ArrayXd &mu() const { return m_mu; }
    const Eigen::ArrayXd &sigma() const { return m_sigma; }
    const Eigen::ArrayXd &weights() const { return m_weight; }

    // A value (x, on the grid and inside the bounds) drawn from the mixture.
    double sample(RandomGenerator &rng) const;
    // Draws u from component k, truncated to the domain's bounds (rejection, clamped after 100 tries).
    double sampleComponent(int k, RandomGenerator &rng) const;
    int pickComponent(RandomGenerator &rng) const;
    // log density (continuous) or log mass of the q-cell (quantized) at value x, normalised as chosen.
    double logDensity(double value) const;
    // logDensity of every value at once (the candidates of one suggestion: one vectorised pass over
    // the components). requires: out.size() == values.size().
    void logDensities(std::span<const double> values, std::span<double> out) const;
    // log of component k's mass inside the truncation bounds (0 when unbounded).
    double logComponentMass(int k) const { return m_logMass[k]; }

private:
    void fitHyperopt(int n, std::vector<int> order);
    void fitOptuna(int n, const std::vector<int> &order);

    NumericDomain m_domain;
    Normalisation m_normalisation;
    Eigen::ArrayXd m_mu;
    Eigen::ArrayXd m_sigma;
    Eigen::ArrayXd m_weight;
    Eigen::ArrayXd m_cumulative;   // for picking a component
    Eigen::ArrayXd m_logMass;      // per component, inside the truncation bounds
    Eigen::ArrayXd m_logCoefficient; // log w_k - log sigma_k - log sqrt(2 pi) [- logMass_k]
    Eigen::ArrayXd m_inverseSigma;
    KernelScorer m_scorer;         // continuous domains: the mixture on u
    double m_logAccept = 0.0;      // Global normalisation: log sum_k w_k mass_k
};

} // namespace loupe
