#include "core/search/KernelScorer.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace loupe {

namespace {

// Kernels per block: mu, 1/(2 sigma^2) and c of a block (3 x 2 KiB per dimension) stay in L1 while
// every point is scored against it.
constexpr Eigen::Index s_scorerBlock = 256;
// A shifted sum below this lost digits to the shift (a point far from every kernel): redo it exactly.
constexpr double s_scorerSmallestSum = 1e-200;

} // namespace

double logSumExp(const Eigen::ArrayXd &terms)
{
    if (terms.size() == 0)
        return -std::numeric_limits<double>::infinity();
    const double top = terms.maxCoeff();
    if (!std::isfinite(top))
        return top;
    return top + std::log((terms - top).exp().sum());
}

KernelScorer::KernelScorer(const Eigen::ArrayXd &constant, Eigen::ArrayXXd mu, const Eigen::ArrayXXd &inverseSigma)
    : m_mu(std::move(mu)), m_halfPrecision(0.5 * inverseSigma.square())
{
    m_shift = constant.size() > 0 ? constant.maxCoeff() : -std::numeric_limits<double>::infinity();
    m_shifted = std::isfinite(m_shift) ? Eigen::ArrayXd(constant - m_shift) : constant;
}

void KernelScorer::logDensities(const Eigen::ArrayXXd &points, std::span<double> out) const
{
    const Eigen::Index count = points.cols();
    if (!std::isfinite(m_shift)) {
        std::fill(out.begin(), out.end(), m_shift);
        return;
    }
    const Eigen::Index total = m_shifted.size();
    const Eigen::Index dims = m_mu.cols();
    Eigen::ArrayXd sums = Eigen::ArrayXd::Zero(count);
    Eigen::Array<double, s_scorerBlock, 1> squared;
    for (Eigen::Index start = 0; start < total; start += s_scorerBlock) {
        const Eigen::Index length = std::min(s_scorerBlock, total - start);
        const auto shifted = m_shifted.segment(start, length);
        for (Eigen::Index j = 0; j < count; ++j) {
            if (dims == 1) {
                sums[j] += (shifted - m_halfPrecision.col(0).segment(start, length)
                                          * (points(0, j) - m_mu.col(0).segment(start, length)).square())
                               .exp()
                               .sum();
                continue;
            }
            auto q = squared.head(length);
            q.setZero();
            for (Eigen::Index d = 0; d < dims; ++d)
                q += m_halfPrecision.col(d).segment(start, length) * (points(d, j) - m_mu.col(d).segment(start, length)).square();
            sums[j] += (shifted - q).exp().sum();
        }
    }
    for (Eigen::Index j = 0; j < count; ++j) {
        const double sum = sums[j];
        out[static_cast<std::size_t>(j)] = sum > s_scorerSmallestSum && std::isfinite(sum) ? m_shift + std::log(sum)
                                                                                           : exactLogDensity(points, j);
    }
}

double KernelScorer::exactLogDensity(const Eigen::ArrayXXd &points, Eigen::Index column) const
{
    Eigen::ArrayXd terms = m_shifted + m_shift;
    for (Eigen::Index d = 0; d < m_mu.cols(); ++d)
        terms -= m_halfPrecision.col(d) * (points(d, column) - m_mu.col(d)).square();
    return logSumExp(terms);
}

} // namespace loupe
