#pragma once
// TPE (Bergstra et al. 2011) as hyperopt implements it, with Optuna's variants as options
// (TpeOptions). Per call: split the finished trials at the gamma quantile of the loss into
// "below" (good) and "above", fit adaptive Parzen estimators l(x) and g(x) (prior kernel,
// neighbour bandwidths clipped to [range / min(100, 1 + K), range], linear-forgetting weights),
// draw eiCandidates from l and keep the one maximising log l - log g. Categorical parameters use
// forgetting-weighted counts plus the prior. Conditional parameters are modelled from the trials
// in which they were active. Cost per call: O(d * eiCandidates * n) for the scores, O(d * n) to
// order the observations (ObservationIndex keeps them sorted between calls).

#include "core/search/ObservationIndex.h"
#include "core/search/Sampler.h"
#include "core/search/TpeOptions.h"
#include "core/search/TpeTrace.h"

#include <mutex>

namespace loupe {

class TpeSampler : public Sampler {
public:
    TpeSampler(TpeOptions options, std::uint64_t seed) : m_options(options), m_seed(seed) {}

    TrialParams sample(const SearchSpace &space, std::span<const Trial> history, int trialNumber) const override;
    // The same proposal, and what decided it written into *trace (when not null).
    TrialParams sample(const SearchSpace &space, std::span<const Trial> history, int trialNumber,
                       TpeTrace *trace) const;
    std::string name() const override;
    const TpeOptions &options() const { return m_options; }

private:
    TpeOptions m_options;
    std::uint64_t m_seed;
    // Sorted observations kept between calls (a cache: results do not depend on it). sample()
    // holds the mutex for its whole run, so concurrent callers take turns.
    mutable std::mutex m_indexMutex;
    mutable ObservationIndex m_index;
};

} // namespace loupe
