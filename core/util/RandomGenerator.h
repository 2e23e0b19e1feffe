#pragma once
// Seeded pseudo-random generator (xoshiro256**, seeded through splitmix64) with the few
// distributions the engine needs. Portable: the same seed gives the same numbers with every
// compiler and standard library, unlike std::*_distribution.

#include <cstdint>

namespace loupe {

class RandomGenerator {
public:
    explicit RandomGenerator(std::uint64_t seed);

    std::uint64_t nextU64();
    // Uniform in [0, 1) with 24 random bits (exactly representable as float).
    float uniformFloat();
    // Uniform in [0, 1) with 53 random bits.
    double uniformDouble();
    // Uniform in [low, high).
    float uniform(float low, float high);
    // Standard normal (Box-Muller on doubles).
    double normal();
    // Normal with the given standard deviation, redrawn until within two standard deviations
    // (the truncated normal of Keras' he_normal / glorot_normal).
    double truncatedNormal(double stddev);
    // Uniform integer in [0, bound). requires: bound > 0.
    std::uint64_t below(std::uint64_t bound);

    // splitmix64 step: a good 64-bit mix used to derive independent seeds.
    static std::uint64_t mix(std::uint64_t value);

private:
    std::uint64_t m_state[4];
    bool m_hasSpareNormal = false;
    double m_spareNormal = 0.0;
};

} // namespace loupe
