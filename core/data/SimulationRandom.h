#pragma once
// Seeded random draws for the data simulators whose output is fixed by the seed alone.
// The engine is std::mt19937_64 (its sequence is fixed by the C++ standard); every distribution is written
// here from raw 64-bit outputs, because std::uniform_real_distribution, std::normal_distribution and friends
// produce implementation-defined values. Transcendental draws (normal, exponential, lognormal) go through
// std::log / std::exp / std::sqrt; callers that must be bit-stable round them to integers (cents, seconds).

#include <cmath>
#include <cstdint>
#include <random>
#include <vector>

namespace loupe {

class SimulationRandom {
public:
    // Independent streams for one seed: same (seed, stream), same sequence.
    SimulationRandom(std::uint64_t seed, std::uint64_t stream);

    std::uint64_t next() { return m_engine(); }
    // [0, 1) with 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1p-53; }
    // (0, 1): never 0, safe for log.
    double uniformOpen() { return (static_cast<double>(next() >> 11) + 0.5) * 0x1p-53; }
    // Unbiased integer in [0, n). requires: n > 0.
    std::uint64_t below(std::uint64_t n);
    // Integer in [low, high]. requires: low <= high.
    std::int64_t between(std::int64_t low, std::int64_t high);
    bool chance(double probability) { return uniform() < probability; }

    double normal(); // standard normal, Marsaglia's polar method
    double exponential(double mean) { return -std::log(uniformOpen()) * mean; }
    double logNormal(double mu, double sigma) { return std::exp(mu + sigma * normal()); }

    // Index drawn with probability weight[i] / sum; `cumulative` holds running sums of integer weights.
    // requires: cumulative is non-empty, non-decreasing and its last element > 0.
    std::size_t weighted(const std::vector<std::uint32_t> &cumulative);

private:
    std::mt19937_64 m_engine;
    bool m_hasSpare = false;
    double m_spare = 0.0;
};

// Seed mixing (SplitMix64 finalizer); also handy for deriving sub-seeds.
std::uint64_t mixSeed(std::uint64_t value);

} // namespace loupe
