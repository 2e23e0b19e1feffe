#pragma once
// Judging learning rates by training: for every rate and seed, a fresh model built from the spec
// is trained for the spec's own budget (its epochs, batch size, validation share and schedule;
// only the optimizer's learning_rate and the seed are replaced), then measured on the test rows
// (the validation rows when there is no test part): loss, accuracy, balanced accuracy and, for
// two classes, average precision (OutcomeScores). A run that diverges is kept, marked diverged.
// This is what loupe-cli lr-verify, the Learning-rate page's "Verify" and bench/lr/outcome.sh run.
//
// Rates: given explicitly, or around(rate, factor, each): rate / factor^each .. rate * factor^each.
// The per-run training is injectable (run() takes any function giving a run's outcome), so the
// ordering and bookkeeping are testable without training. Threading: one thread; only the token
// may be set from elsewhere.

#include "core/lr/OutcomeScores.h"
#include "core/train/ModelSpec.h"
#include "core/train/TrainingData.h"
#include "core/util/CancellationToken.h"
#include "core/util/ProgressSink.h"
#include "core/util/Status.h"

#include <cstdint>
#include <functional>
#include <optional>
#include <vector>

namespace loupe {

struct LrVerifyOptions {
    std::vector<double> rates;        // 1 .. 100, each LearningRateLimits::isAllowedPositive
    std::vector<std::uint64_t> seeds; // 1 .. 20; each run replaces the spec's seed with one of these
};

struct LrVerifyPoint {
    double learningRate = 0.0;
    std::uint64_t seed = 0;
    bool diverged = false;
    double trainLoss = 0.0;           // the last epoch's mean training loss (NaN when diverged)
    double loss = 0.0;                // on the measured rows (NaN when diverged)
    std::optional<OutcomeScores> scores; // classification only, not when diverged
    double seconds = 0.0;
};

// The mean over seeds at one rate, and the spread (largest minus smallest) of the judged value.
struct LrVerifySummary {
    double learningRate = 0.0;
    int runs = 0;
    int diverged = 0;
    double meanLoss = 0.0;     // over the runs that did not diverge (NaN when none)
    double meanAccuracy = 0.0; // NaN for regression or when all diverged
    double meanBalancedAccuracy = 0.0;
    double meanAveragePrecision = 0.0; // NaN unless two classes
    double accuracySpread = 0.0;
};

struct LrVerifyResult {
    std::vector<LrVerifyPoint> points; // rate-major: every seed of the first rate, then the next rate
    std::string measuredOn;            // "test" or "validation"
    double seconds = 0.0;
    Status status;                     // Ok, or Cancelled (points hold the finished runs)

    std::vector<LrVerifySummary> summaries() const; // one per rate, in the order tried
};

class LrVerifier {
public:
    using PointObserver = std::function<void(const LrVerifyPoint &point)>;
    // One training at a rate and seed; `progress` takes the run's own 0..1 fraction and returns
    // Stop when the verification is being cancelled. nullopt = cancelled.
    using RunAtRate = std::function<std::optional<LrVerifyPoint>(
        double learningRate, std::uint64_t seed, const std::function<ProgressAction(double)> &progress)>;

    // requires: validate(options).isOk().
    explicit LrVerifier(LrVerifyOptions options);
    void setPointObserver(PointObserver observer) { m_observer = std::move(observer); }
    const LrVerifyOptions &options() const { return m_options; }

    // InvalidInput naming "rates" or "seeds".
    static Status validate(const LrVerifyOptions &options);
    // rate / factor^each, ..., rate, ..., rate * factor^each (2 * each + 1 rates, increasing).
    static std::vector<double> around(double rate, double factor, int each);

    LrVerifyResult run(const RunAtRate &runAtRate, const CancellationToken *token = nullptr,
                       const ProgressSink &sink = {}) const;

    // InvalidInput when the spec does not fit the data (as TrainingSession::create) or its
    // training settings are invalid; a run that fails otherwise ends the verification with its error.
    Result<LrVerifyResult> train(const ModelSpec &spec, const TrainingData &data,
                                 const CancellationToken *token = nullptr, const ProgressSink &sink = {}) const;

private:
    LrVerifyOptions m_options;
    PointObserver m_observer;
};

} // namespace loupe
