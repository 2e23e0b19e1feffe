#include "core/search/RandomSampler.h"

#include "core/util/RandomGenerator.h"

namespace loupe {

std::uint64_t trialSeed(std::uint64_t studySeed, int trialNumber)
{
    return RandomGenerator::mix(RandomGenerator::mix(studySeed) ^ static_cast<std::uint64_t>(trialNumber + 1));
}

TrialParams RandomSampler::sampleFromPrior(const SearchSpace &space, RandomGenerator &rng)
{
    TrialParams params(space.size());
    for (int i = 0; i < space.size(); ++i) {
        if (space.isActive(i, params))
            params.set(i, space.parameter(i).distribution.sample(rng));
    }
    return params;
}

TrialParams RandomSampler::sample(const SearchSpace &space, std::span<const Trial>, int trialNumber) const
{
    RandomGenerator rng(trialSeed(m_seed, trialNumber));
    return sampleFromPrior(space, rng);
}

} // namespace loupe
