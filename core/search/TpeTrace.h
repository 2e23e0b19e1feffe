#pragma once
// What one TpeSampler::sample call decided, for tests and diagnostics. A decision is one
// parameter (univariate) or the always-active parameters together (Optuna's multivariate kernel):
// the split it used, the candidates drawn from l(x) and their log l(x) and log g(x). The sampler
// keeps the first candidate with the largest log l - log g (hyperopt's broadcast_best, numpy.argmax).

#include <vector>

namespace loupe {

struct TpeDecision {
    std::vector<int> parameters;                 // parameter indices, the columns of a candidate
    std::vector<int> below;                      // trial numbers of the split used, trial order
    std::vector<int> above;
    std::vector<std::vector<double>> candidates; // per candidate: the raw value of each parameter
    std::vector<double> logBelow;                // log l(candidate)
    std::vector<double> logAbove;                // log g(candidate)
    int chosen = -1;                             // index into candidates
};

struct TpeTrace {
    bool startup = false; // the trial was drawn from the prior (still in the start-up phase)
    std::vector<TpeDecision> decisions;
};

} // namespace loupe
