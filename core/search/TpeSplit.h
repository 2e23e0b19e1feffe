#pragma once
// TPE's split of a history into the "below" (good) and "above" trials, as TpeOptions chooses:
//  Hyperopt -- hyperopt's tpe.suggest / ap_split_trials: every trial but FAIL ones is ranked by loss,
//    running trials at +inf; the best min(ceil(gamma * sqrt(n)), belowCap) are below.
//  OptunaLike -- Optuna's _split_observation_pairs: the finished trials are ranked (complete before
//    pruned, then by loss); the best min(ceil(gamma * n), belowCap) of them are below, running
//    trials (the constant liar) always above.
// Equal losses keep trial order (a stable sort). Both groups list their trials in trial order.

#include "core/search/TpeOptions.h"
#include "core/search/Trial.h"

#include <span>
#include <vector>

namespace loupe {

// One trial as the model sees it: running ones count with loss +inf.
struct TpeObservation {
    const Trial *trial = nullptr;
    double loss = 0.0;
    bool finished = false;
};

class TpeSplit {
public:
    // The trials the model sees, in history order: all but FAIL ones (and RUNNING ones when
    // options.running is Ignore).
    static std::vector<TpeObservation> observe(std::span<const Trial> history, const TpeOptions &options);
    // The size of the "below" group for n ranked trials.
    static int belowCount(const TpeOptions &options, int n);
    static TpeSplit of(const std::vector<TpeObservation> &observed, const TpeOptions &options);

    const std::vector<const Trial *> &below() const { return m_below; }
    const std::vector<const Trial *> &above() const { return m_above; }

private:
    std::vector<const Trial *> m_below; // trial order
    std::vector<const Trial *> m_above; // trial order
};

} // namespace loupe
