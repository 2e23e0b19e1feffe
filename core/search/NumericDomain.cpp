#include "core/search/NumericDomain.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace loupe {

namespace {

constexpr double s_domainEpsilon = 1e-12; // hyperopt's EPS for log of quantized observations
constexpr double s_domainInfinity = std::numeric_limits<double>::infinity();

double logOrMinusInfinity(double value)
{
    return value > 0.0 ? std::log(value) : -s_domainInfinity;
}

} // namespace

NumericDomain NumericDomain::from(const Distribution &distribution, CellBounds cells)
{
    NumericDomain domain;
    domain.log = distribution.isLog();
    domain.q = distribution.isQuantized() ? distribution.q() : 0.0;
    domain.bounded = distribution.isBounded();
    if (domain.bounded) {
        domain.priorMu = 0.5 * (distribution.low() + distribution.high());
        domain.priorSigma = distribution.high() - distribution.low();
        domain.valueLow = domain.log ? std::exp(distribution.low()) : distribution.low();
        domain.valueHigh = domain.log ? std::exp(distribution.high()) : distribution.high();
        domain.truncLow = distribution.low();
        domain.truncHigh = distribution.high();
        if (domain.q > 0.0 && cells == CellBounds::WidenedByHalfStep) {
            domain.truncLow = domain.log ? logOrMinusInfinity(domain.valueLow - 0.5 * domain.q)
                                         : domain.truncLow - 0.5 * domain.q;
            domain.truncHigh = domain.log ? std::log(domain.valueHigh + 0.5 * domain.q)
                                          : domain.truncHigh + 0.5 * domain.q;
        }
    } else {
        domain.priorMu = distribution.mu();
        domain.priorSigma = distribution.sigma();
        domain.valueLow = domain.log ? 0.0 : -s_domainInfinity;
        domain.valueHigh = s_domainInfinity;
        domain.truncLow = -s_domainInfinity;
        domain.truncHigh = s_domainInfinity;
    }
    domain.range = domain.bounded && std::isfinite(domain.truncLow) ? domain.truncHigh - domain.truncLow
                                                                     : domain.priorSigma;
    domain.gridLow = domain.q > 0.0 ? std::nearbyint(domain.valueLow / domain.q) * domain.q : domain.valueLow;
    domain.gridHigh = domain.q > 0.0 ? std::nearbyint(domain.valueHigh / domain.q) * domain.q : domain.valueHigh;
    if (domain.log)
        domain.floor = distribution.kind() == DistributionKind::QLogUniform ? std::max(domain.valueLow, s_domainEpsilon)
                                                                            : s_domainEpsilon;
    // hyperopt's LGMM1_lpdf takes the cell's ends through lognormal_cdf, which raises them to EPS:
    // the cell of 0 is [log EPS, log q/2], so a kernel at log EPS (an observed 0) counts half.
    if (domain.log && domain.q > 0.0 && cells == CellBounds::Exact)
        domain.cellFloor = s_domainEpsilon;
    return domain;
}

double NumericDomain::toInternal(double value) const
{
    return log ? std::log(std::max(value, floor)) : value;
}

double NumericDomain::toValue(double internal) const
{
    double value = log ? std::exp(internal) : internal;
    if (q > 0.0)
        value = std::nearbyint(value / q) * q;
    if (bounded)
        value = std::clamp(value, gridLow, gridHigh);
    return value;
}

void NumericDomain::cell(double value, double &lowU, double &highU) const
{
    const double lowValue = value - 0.5 * q;
    const double highValue = value + 0.5 * q;
    lowU = std::max(log ? logOrMinusInfinity(std::max(lowValue, cellFloor)) : lowValue, truncLow);
    highU = std::min(log ? logOrMinusInfinity(std::max(highValue, cellFloor)) : highValue, truncHigh);
}

} // namespace loupe
