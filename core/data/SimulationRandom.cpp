#include "core/data/SimulationRandom.h"

#include <algorithm>
#include <cassert>
#include <cmath>

namespace loupe {

std::uint64_t mixSeed(std::uint64_t value)
{
    value += 0x9e3779b97f4a7c15ULL;
    value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
    value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
    return value ^ (value >> 31);
}

SimulationRandom::SimulationRandom(std::uint64_t seed, std::uint64_t stream)
    : m_engine(mixSeed(seed ^ mixSeed(stream + 0x5851f42d4c957f2dULL)))
{
}

std::uint64_t SimulationRandom::below(std::uint64_t n)
{
    assert(n > 0);
    // Reject the low values that would make `% n` favour small results.
    const std::uint64_t threshold = (0 - n) % n;
    for (;;) {
        const std::uint64_t r = next();
        if (r >= threshold)
            return r % n;
    }
}

std::int64_t SimulationRandom::between(std::int64_t low, std::int64_t high)
{
    assert(low <= high);
    const std::uint64_t span = static_cast<std::uint64_t>(high) - static_cast<std::uint64_t>(low);
    if (span == UINT64_MAX)
        return static_cast<std::int64_t>(next());
    return static_cast<std::int64_t>(static_cast<std::uint64_t>(low) + below(span + 1));
}

double SimulationRandom::normal()
{
    if (m_hasSpare) {
        m_hasSpare = false;
        return m_spare;
    }
    for (;;) {
        const double u = 2.0 * uniform() - 1.0;
        const double v = 2.0 * uniform() - 1.0;
        const double s = u * u + v * v;
        if (s >= 1.0 || s == 0.0)
            continue;
        const double factor = std::sqrt(-2.0 * std::log(s) / s);
        m_spare = v * factor;
        m_hasSpare = true;
        return u * factor;
    }
}

std::size_t SimulationRandom::weighted(const std::vector<std::uint32_t> &cumulative)
{
    assert(!cumulative.empty() && cumulative.back() > 0);
    const std::uint64_t pick = below(cumulative.back());
    const auto it = std::upper_bound(cumulative.begin(), cumulative.end(), pick);
    return static_cast<std::size_t>(it - cumulative.begin());
}

} // namespace loupe
