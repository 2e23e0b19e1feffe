#include "core/search/Distribution.h"

#include "core/util/RandomGenerator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <sstream>

namespace loupe {

namespace {

struct DistributionKindName {
    DistributionKind kind;
    const char *name;
};

constexpr std::array<DistributionKindName, 11> s_distributionKindNames = {{
    {DistributionKind::Choice, "choice"},
    {DistributionKind::PChoice, "pchoice"},
    {DistributionKind::Uniform, "uniform"},
    {DistributionKind::QUniform, "quniform"},
    {DistributionKind::LogUniform, "loguniform"},
    {DistributionKind::QLogUniform, "qloguniform"},
    {DistributionKind::Normal, "normal"},
    {DistributionKind::QNormal, "qnormal"},
    {DistributionKind::LogNormal, "lognormal"},
    {DistributionKind::QLogNormal, "qlognormal"},
    {DistributionKind::RandInt, "randint"},
}};

bool isInteger(double value)
{
    return std::isfinite(value) && value == std::floor(value);
}

std::string preciseText(double value)
{
    std::ostringstream out;
    out.precision(12);
    out << value;
    return out.str();
}

double quantize(double value, double q)
{
    return std::nearbyint(value / q) * q;
}

// Whether value is (up to rounding noise) a multiple of q.
bool onGrid(double value, double q)
{
    const double steps = value / q;
    return std::abs(steps - std::nearbyint(steps)) <= 1e-9 * std::max(1.0, std::abs(steps));
}

bool withinTolerance(double value, double low, double high)
{
    const double slack = 1e-12 * std::max({1.0, std::abs(low), std::abs(high)});
    return value >= low - slack && value <= high + slack;
}

} // namespace

std::string_view distributionKindName(DistributionKind kind)
{
    for (const DistributionKindName &entry : s_distributionKindNames)
        if (entry.kind == kind)
            return entry.name;
    return "unknown";
}

bool distributionKindFromName(std::string_view name, DistributionKind &kind)
{
    for (const DistributionKindName &entry : s_distributionKindNames) {
        if (name == entry.name) {
            kind = entry.kind;
            return true;
        }
    }
    return false;
}

Distribution Distribution::choice(int optionCount)
{
    Distribution d;
    d.m_kind = DistributionKind::Choice;
    d.m_optionCount = optionCount;
    if (optionCount > 0)
        d.m_probabilities.assign(static_cast<std::size_t>(optionCount), 1.0 / optionCount);
    return d;
}

Distribution Distribution::pchoice(std::vector<double> probabilities)
{
    Distribution d;
    d.m_kind = DistributionKind::PChoice;
    d.m_optionCount = static_cast<int>(probabilities.size());
    d.m_probabilities = std::move(probabilities);
    return d;
}

Distribution Distribution::uniform(double low, double high)
{
    Distribution d;
    d.m_kind = DistributionKind::Uniform;
    d.m_low = low;
    d.m_high = high;
    return d;
}

Distribution Distribution::loguniform(double low, double high)
{
    Distribution d;
    d.m_kind = DistributionKind::LogUniform;
    d.m_low = low;
    d.m_high = high;
    return d;
}

Distribution Distribution::randint(double low, double upper)
{
    Distribution d;
    d.m_kind = DistributionKind::RandInt;
    d.m_low = low;
    d.m_high = upper;
    return d;
}

Distribution Distribution::quniform(double low, double high, double q)
{
    Distribution d = uniform(low, high);
    d.m_kind = DistributionKind::QUniform;
    d.m_q = q;
    return d;
}

Distribution Distribution::qloguniform(double low, double high, double q)
{
    Distribution d = loguniform(low, high);
    d.m_kind = DistributionKind::QLogUniform;
    d.m_q = q;
    return d;
}

Distribution Distribution::normal(double mu, double sigma)
{
    Distribution d;
    d.m_kind = DistributionKind::Normal;
    d.m_mu = mu;
    d.m_sigma = sigma;
    return d;
}

Distribution Distribution::qnormal(double mu, double sigma, double q)
{
    Distribution d = normal(mu, sigma);
    d.m_kind = DistributionKind::QNormal;
    d.m_q = q;
    return d;
}

Distribution Distribution::lognormal(double mu, double sigma)
{
    Distribution d = normal(mu, sigma);
    d.m_kind = DistributionKind::LogNormal;
    return d;
}

Distribution Distribution::qlognormal(double mu, double sigma, double q)
{
    Distribution d = normal(mu, sigma);
    d.m_kind = DistributionKind::QLogNormal;
    d.m_q = q;
    return d;
}

bool Distribution::isCategorical() const
{
    return m_kind == DistributionKind::Choice || m_kind == DistributionKind::PChoice;
}

bool Distribution::isBounded() const
{
    switch (m_kind) {
    case DistributionKind::Uniform:
    case DistributionKind::QUniform:
    case DistributionKind::LogUniform:
    case DistributionKind::QLogUniform:
    case DistributionKind::RandInt:
        return true;
    default:
        return false;
    }
}

bool Distribution::isLog() const
{
    return m_kind == DistributionKind::LogUniform || m_kind == DistributionKind::QLogUniform
        || m_kind == DistributionKind::LogNormal || m_kind == DistributionKind::QLogNormal;
}

bool Distribution::isQuantized() const
{
    return m_kind == DistributionKind::QUniform || m_kind == DistributionKind::QLogUniform
        || m_kind == DistributionKind::QNormal || m_kind == DistributionKind::QLogNormal;
}

bool Distribution::isIntegral() const
{
    if (isCategorical() || m_kind == DistributionKind::RandInt)
        return true;
    return isQuantized() && isInteger(m_q);
}

Status Distribution::validate() const
{
    const std::string name(distributionKindName(m_kind));
    if (isCategorical()) {
        if (m_optionCount < 1)
            return Status::invalidInput(name + " needs at least one option");
        double sum = 0.0;
        for (double p : m_probabilities) {
            if (!std::isfinite(p) || p < 0.0)
                return Status::invalidInput(name + " probabilities must be finite and >= 0, got " + preciseText(p));
            sum += p;
        }
        if (std::abs(sum - 1.0) > 1e-6)
            return Status::invalidInput(name + " probabilities must sum to 1, got " + preciseText(sum));
        return Status::ok();
    }
    if (m_kind == DistributionKind::RandInt) {
        if (!isInteger(m_low) || !isInteger(m_high) || m_low >= m_high)
            return Status::invalidInput("randint needs integers low < upper, got [" + preciseText(m_low) + ", "
                                        + preciseText(m_high) + "]");
        // Beyond 2^53 a double no longer holds every integer, and the draw's range (an unsigned 64-bit
        // count) would overflow: found by fuzz_searchspace with [2, 918446744073709551615].
        constexpr double kLargestExactInteger = 9007199254740992.0; // 2^53
        if (std::fabs(m_low) > kLargestExactInteger || std::fabs(m_high) > kLargestExactInteger
            || m_high - m_low > kLargestExactInteger)
            return Status::invalidInput("randint bounds must lie within +-2^53 (9007199254740992), got ["
                                        + preciseText(m_low) + ", " + preciseText(m_high) + "]");
        return Status::ok();
    }
    if (isBounded()) {
        if (!std::isfinite(m_low) || !std::isfinite(m_high) || m_low >= m_high)
            return Status::invalidInput(name + " needs finite low < high, got [" + preciseText(m_low) + ", "
                                        + preciseText(m_high) + "]");
        if (isLog() && (m_high > 700.0 || m_low < -700.0))
            return Status::invalidInput(name + " bounds are logarithms (e^low .. e^high); [" + preciseText(m_low) + ", "
                                        + preciseText(m_high) + "] is outside [-700, 700]");
    } else {
        if (!std::isfinite(m_mu) || !std::isfinite(m_sigma) || m_sigma <= 0.0)
            return Status::invalidInput(name + " needs a finite mu and sigma > 0, got [" + preciseText(m_mu) + ", "
                                        + preciseText(m_sigma) + "]");
    }
    if (isQuantized() && (!std::isfinite(m_q) || m_q <= 0.0))
        return Status::invalidInput(name + " needs a step q > 0, got " + preciseText(m_q));
    return Status::ok();
}

double Distribution::sample(RandomGenerator &rng) const
{
    switch (m_kind) {
    case DistributionKind::Choice:
        return static_cast<double>(rng.below(static_cast<std::uint64_t>(m_optionCount)));
    case DistributionKind::PChoice: {
        const double u = rng.uniformDouble();
        double cumulative = 0.0;
        for (int i = 0; i < m_optionCount; ++i) {
            cumulative += m_probabilities[static_cast<std::size_t>(i)];
            if (u < cumulative)
                return i;
        }
        return m_optionCount - 1;
    }
    case DistributionKind::Uniform:
        return m_low + (m_high - m_low) * rng.uniformDouble();
    case DistributionKind::QUniform:
        return quantize(m_low + (m_high - m_low) * rng.uniformDouble(), m_q);
    case DistributionKind::LogUniform:
        return std::exp(m_low + (m_high - m_low) * rng.uniformDouble());
    case DistributionKind::QLogUniform:
        return quantize(std::exp(m_low + (m_high - m_low) * rng.uniformDouble()), m_q);
    case DistributionKind::Normal:
        return m_mu + m_sigma * rng.normal();
    case DistributionKind::QNormal:
        return quantize(m_mu + m_sigma * rng.normal(), m_q);
    case DistributionKind::LogNormal:
        return std::exp(m_mu + m_sigma * rng.normal());
    case DistributionKind::QLogNormal:
        return quantize(std::exp(m_mu + m_sigma * rng.normal()), m_q);
    case DistributionKind::RandInt:
        return m_low + static_cast<double>(rng.below(static_cast<std::uint64_t>(m_high - m_low)));
    }
    return 0.0;
}

bool Distribution::contains(double raw) const
{
    if (!std::isfinite(raw))
        return false;
    switch (m_kind) {
    case DistributionKind::Choice:
    case DistributionKind::PChoice:
        return isInteger(raw) && raw >= 0 && raw < m_optionCount;
    case DistributionKind::RandInt:
        return isInteger(raw) && raw >= m_low && raw < m_high;
    case DistributionKind::Uniform:
        return withinTolerance(raw, m_low, m_high);
    case DistributionKind::QUniform:
        return onGrid(raw, m_q) && withinTolerance(raw, quantize(m_low, m_q), quantize(m_high, m_q));
    case DistributionKind::LogUniform:
        return withinTolerance(raw, std::exp(m_low), std::exp(m_high));
    case DistributionKind::QLogUniform:
        return onGrid(raw, m_q)
            && withinTolerance(raw, quantize(std::exp(m_low), m_q), quantize(std::exp(m_high), m_q));
    case DistributionKind::Normal:
        return true;
    case DistributionKind::QNormal:
        return onGrid(raw, m_q);
    case DistributionKind::LogNormal:
        return raw > 0.0;
    case DistributionKind::QLogNormal:
        return raw >= 0.0 && onGrid(raw, m_q);
    }
    return false;
}

std::string Distribution::describe() const
{
    std::string args;
    if (m_kind == DistributionKind::Choice) {
        args = std::to_string(m_optionCount) + " options";
        return "{\"choice\": " + args + "}";
    }
    if (m_kind == DistributionKind::PChoice) {
        for (double p : m_probabilities)
            args += (args.empty() ? "" : ", ") + preciseText(p);
    } else if (isBounded()) {
        args = preciseText(m_low) + ", " + preciseText(m_high);
    } else {
        args = preciseText(m_mu) + ", " + preciseText(m_sigma);
    }
    if (isQuantized())
        args += ", " + preciseText(m_q);
    return "{\"" + std::string(distributionKindName(m_kind)) + "\": [" + args + "]}";
}

} // namespace loupe
