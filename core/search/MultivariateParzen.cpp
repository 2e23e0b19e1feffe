#include "core/search/MultivariateParzen.h"

#include "core/util/RandomGenerator.h"

#include <cmath>
#include <numeric>

namespace loupe {

namespace {

const double s_logSqrtTwoPi = 0.5 * std::log(2.0 * 3.141592653589793238462643383279502884);

} // namespace

MultivariateParzen::MultivariateParzen(const std::vector<KernelDimension> &dimensions,
                                       const std::vector<std::vector<double>> &observations, double priorWeight,
                                       int forgettingWindow, const std::vector<std::vector<int>> *sortedOrders)
    : m_dimensions(dimensions)
{
    const int n = observations.empty() ? 0 : static_cast<int>(observations.front().size());
    Eigen::ArrayXd weight(n + 1);
    weight.head(n) = forgettingWeights(n, forgettingWindow);
    weight[n] = priorWeight;
    weight /= weight.sum();
    m_logWeight = weight.log();
    m_cumulative.resize(n + 1);
    std::partial_sum(weight.begin(), weight.end(), m_cumulative.begin());

    m_numeric.resize(dimensions.size());
    m_categoryLog.resize(dimensions.size());
    m_categoryProbability.resize(dimensions.size());
    m_constant.resize(dimensions.size());
    m_inverseSigma.resize(dimensions.size());
    for (std::size_t d = 0; d < dimensions.size(); ++d) {
        if (!dimensions[d].categorical) {
            m_numeric[d].emplace(dimensions[d].domain, observations[d], priorWeight, forgettingWindow,
                                 Bandwidths::Optuna, Normalisation::PerComponent,
                                 sortedOrders ? &(*sortedOrders)[d] : nullptr, ParzenRole::JointKernels);
            const ParzenEstimator &estimator = *m_numeric[d];
            m_inverseSigma[d] = estimator.sigma().inverse();
            m_constant[d] = -(estimator.sigma().log() + s_logSqrtTwoPi);
            for (int k = 0; k < estimator.components(); ++k)
                m_constant[d][k] -= estimator.logComponentMass(k);
            continue;
        }
        const Eigen::ArrayXd &prior = dimensions[d].categoryPrior;
        const auto categories = prior.size();
        Eigen::ArrayXXd table(n + 1, categories);
        const Eigen::ArrayXd spread = prior * (static_cast<double>(categories) * priorWeight / (n + 1));
        for (int k = 0; k < n; ++k) {
            table.row(k) = spread.transpose();
            table(k, static_cast<Eigen::Index>(observations[d][static_cast<std::size_t>(k)])) += 1.0;
            table.row(k) /= table.row(k).sum();
        }
        table.row(n) = prior.transpose();
        m_categoryProbability[d] = table;
        m_categoryLog[d] = table.log();
    }
    // The continuous dimensions' kernels in one scorer; categorical and quantized ones add their
    // per-kernel terms point by point (exactTotals).
    m_constantTotal = m_logWeight;
    for (std::size_t d = 0; d < dimensions.size(); ++d) {
        if (m_numeric[d] && dimensions[d].domain.q <= 0.0) {
            m_continuous.push_back(static_cast<int>(d));
            m_constantTotal += m_constant[d];
        } else {
            m_pointwise = true;
        }
    }
    if (!m_pointwise) {
        Eigen::ArrayXXd mu(n + 1, static_cast<Eigen::Index>(m_continuous.size()));
        Eigen::ArrayXXd inverseSigma(n + 1, mu.cols());
        for (std::size_t c = 0; c < m_continuous.size(); ++c) {
            const auto d = static_cast<std::size_t>(m_continuous[c]);
            mu.col(static_cast<Eigen::Index>(c)) = m_numeric[d]->mu();
            inverseSigma.col(static_cast<Eigen::Index>(c)) = m_inverseSigma[d];
        }
        m_scorer = KernelScorer(m_constantTotal, std::move(mu), inverseSigma);
    }
}

std::vector<double> MultivariateParzen::sample(RandomGenerator &rng) const
{
    const double u = rng.uniformDouble() * m_cumulative[m_cumulative.size() - 1];
    int k = static_cast<int>(std::upper_bound(m_cumulative.begin(), m_cumulative.end(), u) - m_cumulative.begin());
    k = std::min(k, static_cast<int>(m_cumulative.size()) - 1);
    std::vector<double> point(m_dimensions.size());
    for (std::size_t d = 0; d < m_dimensions.size(); ++d) {
        if (m_numeric[d]) {
            point[d] = m_dimensions[d].domain.toValue(m_numeric[d]->sampleComponent(k, rng));
            continue;
        }
        const Eigen::ArrayXXd &table = m_categoryProbability[d];
        const double draw = rng.uniformDouble();
        double cumulative = 0.0;
        Eigen::Index category = table.cols() - 1;
        for (Eigen::Index c = 0; c < table.cols(); ++c) {
            cumulative += table(k, c);
            if (draw < cumulative) {
                category = c;
                break;
            }
        }
        point[d] = static_cast<double>(category);
    }
    return point;
}

double MultivariateParzen::logDensity(const std::vector<double> &point) const
{
    double density = 0.0;
    logDensities({point}, std::span<double>(&density, 1));
    return density;
}

void MultivariateParzen::logDensities(const std::vector<std::vector<double>> &points, std::span<double> out) const
{
    if (!m_pointwise) {
        Eigen::ArrayXXd u(static_cast<Eigen::Index>(m_continuous.size()), static_cast<Eigen::Index>(points.size()));
        for (std::size_t j = 0; j < points.size(); ++j) {
            for (std::size_t c = 0; c < m_continuous.size(); ++c) {
                const auto d = static_cast<std::size_t>(m_continuous[c]);
                u(static_cast<Eigen::Index>(c), static_cast<Eigen::Index>(j)) = m_dimensions[d].domain.toInternal(points[j][d]);
            }
        }
        m_scorer.logDensities(u, out);
        return;
    }
    for (std::size_t j = 0; j < points.size(); ++j)
        out[j] = logSumExp(pointTerms(points[j]));
}

Eigen::ArrayXd MultivariateParzen::pointTerms(const std::vector<double> &point) const
{
    Eigen::ArrayXd total = m_constantTotal;
    for (std::size_t d = 0; d < m_dimensions.size(); ++d) {
        if (!m_numeric[d]) {
            total += m_categoryLog[d].col(static_cast<Eigen::Index>(point[d]));
            continue;
        }
        const ParzenEstimator &estimator = *m_numeric[d];
        const NumericDomain &domain = m_dimensions[d].domain;
        if (domain.q <= 0.0) {
            const double u = domain.toInternal(point[d]);
            total -= 0.5 * ((u - estimator.mu()) * m_inverseSigma[d]).square();
            continue;
        }
        double lowU;
        double highU;
        domain.cell(point[d], lowU, highU);
        for (int k = 0; k < estimator.components(); ++k) {
            const double mu = estimator.mu()[k];
            const double inverse = m_inverseSigma[d][k];
            total[k] += logNormalMass((lowU - mu) * inverse, (highU - mu) * inverse) - estimator.logComponentMass(k);
        }
    }
    return total;
}

} // namespace loupe
