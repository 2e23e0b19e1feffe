#pragma once
// Random search: every active parameter drawn from its prior, independently of the history.

#include "core/search/Sampler.h"

namespace loupe {

class RandomSampler : public Sampler {
public:
    explicit RandomSampler(std::uint64_t seed) : m_seed(seed) {}

    TrialParams sample(const SearchSpace &space, std::span<const Trial> history, int trialNumber) const override;
    std::string name() const override { return "random"; }

    // Draws a complete assignment from the priors with the given generator (used by TPE's
    // start-up phase too).
    static TrialParams sampleFromPrior(const SearchSpace &space, RandomGenerator &rng);

private:
    std::uint64_t m_seed;
};

} // namespace loupe
