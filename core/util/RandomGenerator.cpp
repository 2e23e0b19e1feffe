#include "core/util/RandomGenerator.h"

#include <cmath>
#include <numbers>

namespace loupe {

namespace {
std::uint64_t rotateLeft(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
} // namespace

std::uint64_t RandomGenerator::mix(std::uint64_t value)
{
    value += 0x9E3779B97F4A7C15ull;
    value = (value ^ (value >> 30)) * 0xBF58476D1CE4E5B9ull;
    value = (value ^ (value >> 27)) * 0x94D049BB133111EBull;
    return value ^ (value >> 31);
}

RandomGenerator::RandomGenerator(std::uint64_t seed)
{
    std::uint64_t s = seed;
    for (auto &word : m_state) {
        s += 0x9E3779B97F4A7C15ull;
        word = mix(s);
    }
}

std::uint64_t RandomGenerator::nextU64()
{
    const std::uint64_t result = rotateLeft(m_state[1] * 5, 7) * 9;
    const std::uint64_t t = m_state[1] << 17;
    m_state[2] ^= m_state[0];
    m_state[3] ^= m_state[1];
    m_state[1] ^= m_state[2];
    m_state[0] ^= m_state[3];
    m_state[2] ^= t;
    m_state[3] = rotateLeft(m_state[3], 45);
    return result;
}

float RandomGenerator::uniformFloat()
{
    return static_cast<float>(nextU64() >> 40) * 0x1.0p-24f;
}

double RandomGenerator::uniformDouble()
{
    return static_cast<double>(nextU64() >> 11) * 0x1.0p-53;
}

float RandomGenerator::uniform(float low, float high)
{
    return low + (high - low) * uniformFloat();
}

double RandomGenerator::normal()
{
    if (m_hasSpareNormal) {
        m_hasSpareNormal = false;
        return m_spareNormal;
    }
    double u1 = 0.0;
    do {
        u1 = uniformDouble();
    } while (u1 <= 0.0);
    const double u2 = uniformDouble();
    const double radius = std::sqrt(-2.0 * std::log(u1));
    const double angle = 2.0 * std::numbers::pi * u2;
    m_spareNormal = radius * std::sin(angle);
    m_hasSpareNormal = true;
    return radius * std::cos(angle);
}

double RandomGenerator::truncatedNormal(double stddev)
{
    double z = 0.0;
    do {
        z = normal();
    } while (std::abs(z) > 2.0);
    return z * stddev;
}

std::uint64_t RandomGenerator::below(std::uint64_t bound)
{
    // Lemire's multiply-shift with rejection: unbiased.
    std::uint64_t x = nextU64();
    __uint128_t m = static_cast<__uint128_t>(x) * bound;
    std::uint64_t low = static_cast<std::uint64_t>(m);
    if (low < bound) {
        const std::uint64_t threshold = (0 - bound) % bound;
        while (low < threshold) {
            x = nextU64();
            m = static_cast<__uint128_t>(x) * bound;
            low = static_cast<std::uint64_t>(m);
        }
    }
    return static_cast<std::uint64_t>(m >> 64);
}

} // namespace loupe
