#pragma once
// Which hyperparameters matter, from the completed trials of a study: a PED-ANOVA-style estimate
// (Watanabe et al., 2023). For every parameter it compares the distribution of its values among
// the best trials (the top `topFraction` by loss) with their distribution among all completed
// trials, by the Pearson divergence  sum_x p_all(x) * (p_top(x) / p_all(x) - 1)^2 .
// A parameter whose good values cover the same ground as all values scores 0; one whose best
// trials crowd into a small part of its range scores high. Scores are normalised to sum to 1.
//
// Numeric parameters are compared on [0, 1] (log-scaled first for log kinds) with Gaussian
// kernel density estimates on a fixed grid; categorical ones by option frequencies with one
// pseudo-count per option. A conditional parameter is judged on the trials where it is active.
// Deterministic: no sampling.
#include "core/search/SearchSpace.h"
#include "core/search/Trial.h"
#include "core/util/Status.h"
#include <string>
#include <vector>

namespace loupe {

struct ParameterImportanceEntry {
    int parameter = -1; // index in the space
    std::string name;
    double importance = 0.0; // in [0, 1]; all entries sum to 1 unless every raw score is 0
    int trialsUsed = 0;      // completed trials in which the parameter was active
};

class ParameterImportance {
public:
    static constexpr int s_minimumTrials = 8;

    // requires: 0 < topFraction < 1.
    // Returns the entries sorted by importance, highest first, or InvalidInput when fewer than
    // s_minimumTrials trials are COMPLETE with a finite loss ("needs at least 8 completed trials,
    // have 3").
    static Result<std::vector<ParameterImportanceEntry>> evaluate(const SearchSpace &space,
                                                                  const std::vector<Trial> &trials,
                                                                  double topFraction = 0.1);

    // The raw (unnormalised) Pearson divergence of two samples on [0, 1]; exposed for tests.
    static double numericDivergence(const std::vector<double> &top, const std::vector<double> &all);
    // The same for option indices in [0, optionCount).
    static double categoricalDivergence(const std::vector<int> &top, const std::vector<int> &all, int optionCount);
};

} // namespace loupe
