#pragma once
// Smith's learning-rate finder as fastai's lr_find runs it: one pass from a freshly built model,
// the rate growing exponentially every batch,
//   lr_i = start * (end / start)^(i / N),  i = 0 .. N-1
// (so the last batch runs just below `end`), the batch loss smoothed by LossSmoother (beta 0.98,
// bias-corrected). The pass stops after N batches, or as soon as the smoothed loss exceeds
// divergenceFactor (4) times the best smoothed loss so far or stops being finite; that last point
// is kept and marked diverged. Suggestions: LrSuggester::onePass (recommended = the lower of minimum/10 and steep).
//
// The loss source is injectable: run() takes any function that returns the loss of batch i at a
// rate, so the smoothing and the stop rule are testable without training; train() feeds it from a
// Trainer. Threading: one thread; only the token may be set from elsewhere.

#include "core/lr/LossSmoother.h"
#include "core/lr/LrFindResult.h"
#include "core/train/ModelSpec.h"
#include "core/train/TrainingData.h"
#include "core/util/CancellationToken.h"
#include "core/util/ProgressSink.h"

#include <cstdint>
#include <functional>

namespace loupe {

struct OnePassOptions {
    double start = 1e-7;           // LearningRateLimits::isAllowedPositive
    double end = 10.0;             // > start, LearningRateLimits::isAllowedPositive
    std::int64_t iterations = 100; // N: 0 = one epoch of the training rows, else >= 6
    double beta = 0.98;            // [0, 1)
    double divergenceFactor = 4.0; // > 1
    std::uint64_t seed = 0;        // model initialization and shuffling (replaces the spec's seed)
};

enum class FinderStep { Continue, Stop };

class OnePassFinder {
public:
    // Told every point as soon as observe() records it (on the training thread), e.g. to draw
    // the curve while the search runs.
    using PointObserver = std::function<void(const LrPoint &point)>;
    // The loss of batch `iteration` trained at `learningRate`.
    using BatchLoss = std::function<double(std::int64_t iteration, double learningRate)>;

    // requires: validate(options).isOk().
    explicit OnePassFinder(const OnePassOptions &options);

    // InvalidInput naming "start", "end", "iterations", "beta" or "divergence factor".
    static Status validate(const OnePassOptions &options);

    const OnePassOptions &options() const { return m_options; }
    // lr_i for a pass of `iterations` batches. requires: iterations >= 1.
    double learningRateAt(std::int64_t iteration, std::int64_t iterations) const;

    // The stop rule, one batch at a time: begin() then observe() per batch until it says Stop.
    // requires: iterations >= 1.
    void begin(std::int64_t iterations);
    FinderStep observe(double learningRate, double batchLoss);
    const std::vector<LrPoint> &points() const { return m_points; }
    void setPointObserver(PointObserver observer) { m_observer = std::move(observer); }

    // A full pass over `source` with options().iterations batches (which must be >= 1 here).
    LrFindResult run(const BatchLoss &source, const CancellationToken *token = nullptr,
                     const ProgressSink &sink = {});

    // A full pass training a model built from `spec` on data.train (no validation). InvalidInput
    // when the spec does not fit the data (as TrainingSession::create).
    Result<LrFindResult> train(const ModelSpec &spec, const TrainingData &data, const CancellationToken *token = nullptr,
                               const ProgressSink &sink = {});

private:
    LrFindResult finish(double seconds, Status status) const;

    OnePassOptions m_options;
    LossSmoother m_smoother;
    std::int64_t m_iterations = 0;
    double m_bestLoss = 0.0;
    std::vector<LrPoint> m_points;
    PointObserver m_observer;
};

} // namespace loupe
