#pragma once
// The chapter's learning-rate line search: for each rate
//   rate_i = start * factor^i,  i = 0 .. steps-1   (defaults 1e-6, 2, 20: 1e-6 .. 0.52)
// a fresh model is built from the spec (same seed for every rate, so the runs differ only in
// their rate) and trained for the spec's own budget (its epochs, or `epochs` when set; the
// chapter's one epoch for its one-epoch spec) on the training rows, or on a seeded random
// `fraction` of them; the run's last epoch's mean training loss is recorded. Each point thus is a
// whole training at its rate for the budget the spec will train with. A run whose loss becomes
// non-finite is recorded as diverged (loss NaN) and the search goes on with the next rate.
// Suggestions: LrSuggester::rangeTest (recommended = the rate at the lowest loss of the 3-point
// smoothed curve; steep on the same curve).
//
// The per-rate run is injectable (run() takes any function giving the outcome at a rate), so the
// rate sequence and the bookkeeping are testable without training. Threading: one thread; only
// the token may be set from elsewhere.

#include "core/lr/LrFindResult.h"
#include "core/train/ModelSpec.h"
#include "core/train/TrainingData.h"
#include "core/util/CancellationToken.h"
#include "core/util/ProgressSink.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace loupe {

struct RangeTestOptions {
    double start = 1e-6;    // LearningRateLimits::isAllowedPositive; so is every rate up to the last
    double factor = 2.0;    // > 1
    int steps = 20;         // >= 2
    double fraction = 1.0;  // (0, 1]: share of the training rows each run sees
    int epochs = 0;         // epochs per run, 0 .. 1000; 0 = the spec's own epochs
    std::uint64_t seed = 0; // initialization, shuffling and the row sample (replaces the spec's seed)
};

struct RangeRunOutcome {
    double meanLoss = 0.0;
    bool diverged = false;
    bool cancelled = false;
};

class RangeTest {
public:
    // One training run at a rate. `progress` (may be ignored) takes the run's own 0..1 fraction
    // and returns Stop when the search is being cancelled.
    using RunAtRate = std::function<RangeRunOutcome(std::size_t index, double learningRate,
                                                    const std::function<ProgressAction(double)> &progress)>;

    // Told every point as soon as its run ends (on the training thread), e.g. to draw the curve
    // while the search runs.
    using PointObserver = std::function<void(const LrPoint &point)>;

    // requires: validate(options).isOk().
    explicit RangeTest(const RangeTestOptions &options);
    void setPointObserver(PointObserver observer) { m_observer = std::move(observer); }

    // InvalidInput naming "start", "factor", "steps" or "fraction".
    static Status validate(const RangeTestOptions &options);

    const RangeTestOptions &options() const { return m_options; }
    std::vector<double> rates() const;

    LrFindResult run(const RunAtRate &runAtRate, const CancellationToken *token = nullptr,
                     const ProgressSink &sink = {}) const;

    // Trains on data.train (no validation). InvalidInput when the spec does not fit the data.
    Result<LrFindResult> train(const ModelSpec &spec, const TrainingData &data, const CancellationToken *token = nullptr,
                               const ProgressSink &sink = {}) const;

    // The rows a run trains on: all of them for fraction 1, else max(1, round(fraction * n))
    // rows drawn with the seed, kept in their original order.
    static TrainingSet sample(const TrainingSet &rows, double fraction, std::uint64_t seed);

private:
    RangeTestOptions m_options;
    PointObserver m_observer;
};

} // namespace loupe
