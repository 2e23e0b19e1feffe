#pragma once
// The strategy that proposes a trial's parameters from the study's history.
// Contract for every sampler:
//  - sample() is const and thread-safe (several worker threads may call it at once);
//  - it is deterministic: the same (constructor seed, space, history, trialNumber) gives the
//    same params, so a study replays exactly from its seed;
//  - history is sorted by trial number and may hold trials in any state: RUNNING ones are
//    proposals in flight (other workers), FAIL ones are ignored by the model;
//  - the result is complete: every parameter active under the sampled choices has a value,
//    every inactive one is absent.

#include "core/search/SearchSpace.h"
#include "core/search/Trial.h"
#include "core/search/TrialParams.h"

#include <cstdint>
#include <span>
#include <string>

namespace loupe {

class Sampler {
public:
    virtual ~Sampler() = default;
    virtual TrialParams sample(const SearchSpace &space, std::span<const Trial> history, int trialNumber) const = 0;
    // "random", "tpe (hyperopt)", ... for logs and the UI.
    virtual std::string name() const = 0;
};

// The per-trial seed every sampler derives its generator from: mixes the study seed and the
// trial number so that trial k's draws do not depend on how many draws earlier trials made.
std::uint64_t trialSeed(std::uint64_t studySeed, int trialNumber);

} // namespace loupe
