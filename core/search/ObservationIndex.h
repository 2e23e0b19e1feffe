#pragma once
// Internal to TPE: for every numeric parameter, the values (on the estimator's u-line) of all trials
// seen so far, kept sorted across calls, so that a suggestion at n trials costs O(n) to order its
// observations instead of O(n log n) per parameter. A trial's parameters never change once it is
// reserved; if a history disagrees with what the index saw (another study on the same sampler), the
// index starts over, so results never depend on the cache.

#include "core/search/SearchSpace.h"
#include "core/search/Trial.h"

#include <span>
#include <utility>
#include <vector>

namespace loupe {

class ObservationIndex {
public:
    // Adds the trials of history the index has not seen (and rebuilds it when the space or a known
    // trial's parameters differ).
    void update(const SearchSpace &space, std::span<const Trial> history);

    // Trials where parameter `index` is active: (u value, trial number), sorted ascending.
    // requires: update() called with this space; index is a numeric parameter.
    const std::vector<std::pair<double, int>> &sorted(int index) const { return m_sorted[static_cast<std::size_t>(index)]; }

private:
    void reset(const SearchSpace &space);
    static std::vector<double> fingerprint(const SearchSpace &space);

    std::vector<double> m_fingerprint;
    std::vector<TrialParams> m_seen; // by trial number; size() == 0 when not seen
    std::vector<std::vector<std::pair<double, int>>> m_sorted; // by parameter
};

} // namespace loupe
