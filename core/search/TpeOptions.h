#pragma once
// Tree-structured Parzen Estimator settings. Two presets:
//  hyperopt()   -- hyperopt 0.2/0.3 tpe.suggest exactly: gamma 0.25 applied as
//                  n_below = min(ceil(0.25 * sqrt(n)), 25), 20 start-up trials (all trials count,
//                  running ones included), 24 EI candidates, prior weight 1, linear forgetting 25,
//                  prior kernel placed among the sorted observations, univariate, running trials
//                  in the "above" group with loss +inf.
//  optunaLike() -- Optuna's TPESampler: n_below = min(ceil(0.1 * n), 25) over finished trials,
//                  10 start-up trials, endpoint-aware bandwidths, multivariate kernels, constant
//                  liar (running trials in the "above" group).
// defaults() is the preset that wins bench/search: optunaLike() with gamma 0.2 (see docs/search.md).

#include <string>

namespace loupe {

enum class TpeMode { Hyperopt, OptunaLike };
enum class GammaRule { SquareRoot, Linear };           // ceil(gamma*sqrt(n)) / ceil(gamma*n), both capped
enum class TpeJoint { Univariate, Multivariate };       // one model per parameter / joint kernels
enum class RunningTrials { AsWorstLoss, Ignore };       // constant liar (+inf in "above") or skip them
enum class StartupCount { AllTrials, FinishedTrials };  // what counts towards startupTrials

struct TpeOptions {
    TpeMode mode = TpeMode::OptunaLike;
    GammaRule gammaRule = GammaRule::Linear;
    double gamma = 0.2;
    int belowCap = 25;          // n_below never exceeds this
    int startupTrials = 10;
    StartupCount startupCount = StartupCount::FinishedTrials;
    int eiCandidates = 24;
    double priorWeight = 1.0;
    int forgettingWindow = 25;  // linear forgetting: older trials beyond the newest 25 ramp down
    TpeJoint joint = TpeJoint::Multivariate;
    RunningTrials running = RunningTrials::AsWorstLoss;

    static TpeOptions hyperopt();
    static TpeOptions optunaLike();
    static TpeOptions defaults();
    // "hyperopt", "optuna"; false for anything else.
    static bool fromName(const std::string &name, TpeOptions &options);
};

} // namespace loupe
