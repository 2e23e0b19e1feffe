#include "core/search/ParzenEstimator.h"

#include "core/util/RandomGenerator.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <vector>

namespace loupe {

namespace {

constexpr double s_minusInfinity = -std::numeric_limits<double>::infinity();
const double s_logSqrtTwoPiUnivariate = 0.5 * std::log(2.0 * 3.141592653589793238462643383279502884);

// Component indices 0..n-1 ordered by mu (ties by index, as a stable sort would).
std::vector<int> sortedIndices(const Eigen::ArrayXd &mu, int n)
{
    std::vector<std::pair<double, int>> keyed(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        keyed[static_cast<std::size_t>(i)] = {mu[i], i};
    std::sort(keyed.begin(), keyed.end());
    std::vector<int> order(static_cast<std::size_t>(n));
    for (int i = 0; i < n; ++i)
        order[static_cast<std::size_t>(i)] = keyed[static_cast<std::size_t>(i)].second;
    return order;
}

} // namespace

Eigen::ArrayXd forgettingWeights(int n, int window)
{
    Eigen::ArrayXd weights = Eigen::ArrayXd::Ones(n);
    if (n <= window || window <= 0)
        return weights;
    const int ramp = n - window;
    // numpy.linspace(1/n, 1, ramp): ramp points from 1/n to 1 inclusive.
    for (int i = 0; i < ramp; ++i)
        weights[i] = ramp == 1 ? 1.0 / n : 1.0 / n + (1.0 - 1.0 / n) * i / (ramp - 1);
    return weights;
}

double normalCdf(double z)
{
    return 0.5 * std::erfc(-z * 0.7071067811865475244);
}

double logNormalMass(double a, double b)
{
    if (!(a < b))
        return s_minusInfinity;
    if (a < -8.5 && b > 8.5) // both tails below 1e-17: the mass is 1 in double precision
        return 0.0;
    double mass;
    if (a >= 0.0) // both in the upper tail: use the complementary form
        mass = 0.5 * (std::erfc(a * 0.7071067811865475244) - std::erfc(b * 0.7071067811865475244));
    else
        mass = normalCdf(b) - normalCdf(a);
    return mass > 0.0 ? std::log(mass) : s_minusInfinity;
}

ParzenEstimator::ParzenEstimator(const NumericDomain &domain, std::span<const double> observations,
                                 double priorWeight, int forgettingWindow, Bandwidths bandwidths,
                                 Normalisation normalisation, const std::vector<int> *sortedOrder, ParzenRole role)
    : m_domain(domain), m_normalisation(normalisation)
{
    const int n = static_cast<int>(observations.size());
    m_mu.resize(n + 1);
    for (int i = 0; i < n; ++i)
        m_mu[i] = observations[static_cast<std::size_t>(i)];
    m_mu[n] = domain.priorMu;
    m_sigma.resize(n + 1);
    std::vector<int> order = sortedOrder ? *sortedOrder : sortedIndices(m_mu, n);
    if (bandwidths == Bandwidths::Optuna && domain.bounded && std::isfinite(domain.truncLow))
        fitOptuna(n, order);
    else
        fitHyperopt(n, std::move(order));

    m_weight.resize(n + 1);
    m_weight.head(n) = forgettingWeights(n, forgettingWindow);
    m_weight[n] = priorWeight;
    m_weight /= m_weight.sum();
    m_cumulative.resize(n + 1);
    std::partial_sum(m_weight.begin(), m_weight.end(), m_cumulative.begin());

    m_inverseSigma = m_sigma.inverse();
    m_logMass = Eigen::ArrayXd::Zero(n + 1);
    if (domain.bounded) {
        for (int k = 0; k <= n; ++k)
            m_logMass[k] = logNormalMass((domain.truncLow - m_mu[k]) * m_inverseSigma[k],
                                         (domain.truncHigh - m_mu[k]) * m_inverseSigma[k]);
    }
    if (role == ParzenRole::JointKernels)
        return;
    m_logAccept = std::log((m_weight * m_logMass.exp()).sum());
    m_logCoefficient = (m_weight / m_sigma).log() - s_logSqrtTwoPiUnivariate;
    if (normalisation == Normalisation::PerComponent)
        m_logCoefficient -= m_logMass;
    if (domain.q <= 0.0)
        m_scorer = KernelScorer(m_logCoefficient, m_mu, m_inverseSigma);
}

void ParzenEstimator::fitHyperopt(int n, std::vector<int> order)
{
    const double priorSigma = m_domain.priorSigma;
    m_sigma[n] = priorSigma;
    if (n == 0)
        return;
    if (n == 1) {
        m_sigma[0] = 0.5 * priorSigma;
        return;
    }
    // Sorted observations with the prior inserted where numpy.searchsorted (side left) puts it.
    const auto position = std::lower_bound(order.begin(), order.end(), m_domain.priorMu,
                                           [&](int k, double value) { return m_mu[k] < value; });
    order.insert(position, n); // component n is the prior
    const int count = n + 1;
    const double minimum = priorSigma / std::min(100.0, 1.0 + count);
    for (int i = 0; i < count; ++i) {
        const double left = i > 0 ? m_mu[order[i]] - m_mu[order[i - 1]] : -1.0;
        const double right = i + 1 < count ? m_mu[order[i + 1]] - m_mu[order[i]] : -1.0;
        const double gap = i == 0 ? right : i + 1 == count ? left : std::max(left, right);
        m_sigma[order[i]] = std::clamp(gap, minimum, priorSigma);
    }
    m_sigma[n] = priorSigma;
}

void ParzenEstimator::fitOptuna(int n, const std::vector<int> &order)
{
    const double range = m_domain.range;
    m_mu[n] = 0.5 * (m_domain.truncLow + m_domain.truncHigh);
    m_sigma[n] = range;
    if (n == 0)
        return;
    const double minimum = range / std::min(100.0, n + 2.0);
    for (int i = 0; i < n; ++i) {
        const double here = m_mu[order[i]];
        const double previous = i > 0 ? m_mu[order[i - 1]] : m_domain.truncLow;
        const double next = i + 1 < n ? m_mu[order[i + 1]] : m_domain.truncHigh;
        double gap = std::max(here - previous, next - here);
        if (n >= 2 && i == 0)
            gap = next - here;
        else if (n >= 2 && i + 1 == n)
            gap = here - previous;
        m_sigma[order[i]] = std::clamp(gap, minimum, range);
    }
}

int ParzenEstimator::pickComponent(RandomGenerator &rng) const
{
    const double u = rng.uniformDouble() * m_cumulative[m_cumulative.size() - 1];
    const auto it = std::upper_bound(m_cumulative.begin(), m_cumulative.end(), u);
    return std::min(static_cast<int>(it - m_cumulative.begin()), components() - 1);
}

double ParzenEstimator::sampleComponent(int k, RandomGenerator &rng) const
{
    for (int attempt = 0; attempt < 100; ++attempt) {
        const double u = m_mu[k] + m_sigma[k] * rng.normal();
        if (!m_domain.bounded || (u >= m_domain.truncLow && u < m_domain.truncHigh))
            return u;
    }
    return std::clamp(m_mu[k], m_domain.truncLow, m_domain.truncHigh);
}

double ParzenEstimator::sample(RandomGenerator &rng) const
{
    if (m_normalisation == Normalisation::PerComponent || !m_domain.bounded)
        return m_domain.toValue(sampleComponent(pickComponent(rng), rng));
    // hyperopt's GMM1: redraw the component and the normal until the draw is inside [low, high).
    for (int attempt = 0; attempt < 1000; ++attempt) {
        const int k = pickComponent(rng);
        const double u = m_mu[k] + m_sigma[k] * rng.normal();
        if (u >= m_domain.truncLow && u < m_domain.truncHigh)
            return m_domain.toValue(u);
    }
    return m_domain.toValue(m_domain.priorMu);
}

double ParzenEstimator::logDensity(double value) const
{
    double density = 0.0;
    logDensities(std::span<const double>(&value, 1), std::span<double>(&density, 1));
    return density;
}

void ParzenEstimator::logDensities(std::span<const double> values, std::span<double> out) const
{
    const bool global = m_normalisation == Normalisation::Global;
    if (m_domain.q <= 0.0) {
        Eigen::ArrayXXd points(1, static_cast<Eigen::Index>(values.size()));
        for (std::size_t j = 0; j < values.size(); ++j)
            points(0, static_cast<Eigen::Index>(j)) = m_domain.toInternal(values[j]);
        m_scorer.logDensities(points, out);
        if (global && m_domain.bounded && !m_domain.log) {
            for (double &density : out)
                density -= m_logAccept;
        }
        return;
    }
    Eigen::ArrayXd terms(components());
    for (std::size_t j = 0; j < values.size(); ++j) {
        double lowU;
        double highU;
        m_domain.cell(values[j], lowU, highU);
        for (int k = 0; k < components(); ++k) {
            terms[k] = std::log(m_weight[k])
                     + logNormalMass((lowU - m_mu[k]) * m_inverseSigma[k], (highU - m_mu[k]) * m_inverseSigma[k]);
            if (!global)
                terms[k] -= m_logMass[k];
        }
        const double mass = logSumExp(terms);
        out[j] = global ? mass - m_logAccept : mass;
    }
}

} // namespace loupe
