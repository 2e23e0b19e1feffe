#pragma once
// Internal to TPE: the log-density of a mixture of Gaussian (product) kernels at many points at once,
//   log sum_k exp(c_k - sum_d (u_d - mu_dk)^2 / (2 sigma_dk^2)),
// in double precision (what hyperopt and Optuna compute; 1e-9 relative against them). The sum is
// taken in one vectorised pass per block of kernels for all points (the kernels stay in cache while
// every candidate is scored), shifted by max_k c_k, an upper bound of every term; a point whose sum
// underflows that shift (far from every kernel) is redone with the largest term as the shift.
// Cost: O(points * kernels * dimensions), no allocation per kernel.

#include <Eigen/Core>

#include <span>

namespace loupe {

class KernelScorer {
public:
    KernelScorer() = default;
    // constant: c_k; mu, inverseSigma: kernels x dimensions (on u). requires: equal row counts.
    KernelScorer(const Eigen::ArrayXd &constant, Eigen::ArrayXXd mu, const Eigen::ArrayXXd &inverseSigma);

    int kernels() const { return static_cast<int>(m_shifted.size()); }
    int dimensions() const { return static_cast<int>(m_mu.cols()); }
    // points: dimensions x count, one point per column; out: count values.
    void logDensities(const Eigen::ArrayXXd &points, std::span<double> out) const;

private:
    double exactLogDensity(const Eigen::ArrayXXd &points, Eigen::Index column) const;

    Eigen::ArrayXd m_shifted;        // c_k - m_shift
    Eigen::ArrayXXd m_mu;
    Eigen::ArrayXXd m_halfPrecision; // 1 / (2 sigma^2)
    double m_shift = 0.0;            // max_k c_k
};

// log sum_k exp(terms_k) in double precision, shifted by the largest term (-inf for no terms).
double logSumExp(const Eigen::ArrayXd &terms);

} // namespace loupe
