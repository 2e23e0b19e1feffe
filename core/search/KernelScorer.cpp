#include "core/search/KernelScorer.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>

namespace loupe {

namespace {

// Kernels per block: mu, 1/(2 sigma^2) and c of a block (3 x 2 KiB per dimension) stay in L1 while
// every point is scored against it.
constexpr Eigen::Index s_scorerBlock = 256;
// A shifted sum below this lost digits to the shift (a point far from every kernel): redo it exactly.
constexpr double s_scorerSmallestSum = 1e-200;

// exp(x) for x <= 0, to 2.3e-16 relative, 0 below -708 (a term that small cannot change a sum the
// one-pass check accepts). Written without branches or division so that the compiler vectorises
// the loops calling it with whatever the target offers (AVX-512: 8 lanes; AVX2: 4): x = k ln 2 + r,
// |r| <= ln 2 / 2, exp(r) by its Taylor series to r^13 (remainder below 2e-16), 2^k from the bits.
// Eigen's exp divides once per packet and is about three times slower here.
inline double kernelExp(double x)
{
    const double clamped = x < -708.0 ? -708.0 : x;
    const double k = std::nearbyint(clamped * 1.4426950408889634074);
    const double r = std::fma(k, -1.42860682030941723212e-6, std::fma(k, -6.93145751953125e-1, clamped));
    double p = 1.0 / 6227020800.0;
    p = std::fma(p, r, 1.0 / 479001600.0);
    p = std::fma(p, r, 1.0 / 39916800.0);
    p = std::fma(p, r, 1.0 / 3628800.0);
    p = std::fma(p, r, 1.0 / 362880.0);
    p = std::fma(p, r, 1.0 / 40320.0);
    p = std::fma(p, r, 1.0 / 5040.0);
    p = std::fma(p, r, 1.0 / 720.0);
    p = std::fma(p, r, 1.0 / 120.0);
    p = std::fma(p, r, 1.0 / 24.0);
    p = std::fma(p, r, 1.0 / 6.0);
    p = std::fma(p, r, 0.5);
    p = std::fma(p, r, 1.0);
    p = std::fma(p, r, 1.0);
    const double scale = std::bit_cast<double>(static_cast<std::int64_t>(k + 1023.0) << 52);
    return x < -708.0 ? 0.0 : p * scale;
}

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
    alignas(64) double terms[s_scorerBlock];
    for (Eigen::Index start = 0; start < total; start += s_scorerBlock) {
        const int length = static_cast<int>(std::min(s_scorerBlock, total - start));
        const double *shifted = m_shifted.data() + start;
        for (Eigen::Index j = 0; j < count; ++j) {
            if (dims == 1) {
                const double u = points(0, j);
                const double *mu = m_mu.col(0).data() + start;
                const double *half = m_halfPrecision.col(0).data() + start;
                for (int i = 0; i < length; ++i) {
                    const double gap = u - mu[i];
                    terms[i] = kernelExp(shifted[i] - half[i] * gap * gap);
                }
            } else {
                std::copy(shifted, shifted + length, terms);
                for (Eigen::Index d = 0; d < dims; ++d) {
                    const double u = points(d, j);
                    const double *mu = m_mu.col(d).data() + start;
                    const double *half = m_halfPrecision.col(d).data() + start;
                    for (int i = 0; i < length; ++i) {
                        const double gap = u - mu[i];
                        terms[i] -= half[i] * gap * gap;
                    }
                }
                for (int i = 0; i < length; ++i)
                    terms[i] = kernelExp(terms[i]);
            }
            sums[j] += Eigen::Map<const Eigen::ArrayXd>(terms, length).sum();
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
