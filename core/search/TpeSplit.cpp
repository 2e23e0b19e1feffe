#include "core/search/TpeSplit.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

namespace loupe {

std::vector<TpeObservation> TpeSplit::observe(std::span<const Trial> history, const TpeOptions &options)
{
    std::vector<TpeObservation> observed;
    observed.reserve(history.size());
    for (const Trial &trial : history) {
        if (trial.state == TrialState::Fail)
            continue;
        const bool running = trial.state == TrialState::Running;
        if (running && options.running == RunningTrials::Ignore)
            continue;
        const double loss = trial.loss && !running ? *trial.loss : std::numeric_limits<double>::infinity();
        observed.push_back({&trial, loss, !running});
    }
    return observed;
}

int TpeSplit::belowCount(const TpeOptions &options, int n)
{
    const double raw = options.gammaRule == GammaRule::SquareRoot ? options.gamma * std::sqrt(static_cast<double>(n))
                                                                  : options.gamma * n;
    return std::min(static_cast<int>(std::ceil(raw)), options.belowCap);
}

TpeSplit TpeSplit::of(const std::vector<TpeObservation> &observed, const TpeOptions &options)
{
    // (pruned?, loss, position): the position keeps equal losses in trial order.
    std::vector<std::tuple<bool, double, int>> ranked;
    for (int i = 0; i < static_cast<int>(observed.size()); ++i) {
        const TpeObservation &o = observed[static_cast<std::size_t>(i)];
        if (options.mode == TpeMode::Hyperopt || o.finished) {
            const bool pruned = options.mode == TpeMode::OptunaLike && o.trial->state == TrialState::Pruned;
            ranked.emplace_back(pruned, o.loss, i);
        }
    }
    const int count = std::min(belowCount(options, static_cast<int>(ranked.size())), static_cast<int>(ranked.size()));
    std::partial_sort(ranked.begin(), ranked.begin() + count, ranked.end());
    std::vector<char> isBelow(observed.size(), 0);
    for (int i = 0; i < count; ++i)
        isBelow[static_cast<std::size_t>(std::get<2>(ranked[static_cast<std::size_t>(i)]))] = 1;
    TpeSplit split;
    for (std::size_t i = 0; i < observed.size(); ++i)
        (isBelow[i] ? split.m_below : split.m_above).push_back(observed[i].trial);
    return split;
}

} // namespace loupe
