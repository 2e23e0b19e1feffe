#pragma once
// TPE (Bergstra et al. 2011) as hyperopt implements it, with Optuna's variants as options
// (TpeOptions). Per call: split the finished trials at the gamma quantile of the loss into
// "below" (good) and "above", fit adaptive Parzen estimators l(x) and g(x) (prior kernel,
// neighbour bandwidths clipped to [range / min(100, 1 + K), range], linear-forgetting weights),
// draw eiCandidates from l and keep the one maximising log l - log g. Categorical parameters use
// forgetting-weighted counts plus the prior. Conditional parameters are modelled from the trials
// in which they were active. Cost: O(n log n + d * (n + eiCandidates * n)) per call.

#include "core/search/Sampler.h"
#include "core/search/TpeOptions.h"

namespace loupe {

class TpeSampler : public Sampler {
public:
    TpeSampler(TpeOptions options, std::uint64_t seed) : m_options(options), m_seed(seed) {}

    TrialParams sample(const SearchSpace &space, std::span<const Trial> history, int trialNumber) const override;
    std::string name() const override;
    const TpeOptions &options() const { return m_options; }

private:
    TpeOptions m_options;
    std::uint64_t m_seed;
};

} // namespace loupe
