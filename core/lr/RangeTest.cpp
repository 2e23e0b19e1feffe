#include "core/lr/RangeTest.h"

#include "core/lr/LrSuggester.h"
#include "core/optim/LearningRateLimits.h"
#include "core/util/RandomGenerator.h"
#include "core/data/DataSplitter.h"
#include "core/train/TrainingSession.h"
#include "core/util/NumberText.h"
#include "core/util/Timer.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <numeric>

namespace loupe {

namespace {
constexpr std::uint64_t s_sampleStream = 0x52414E4745ull; // decorrelates the row sample from init
} // namespace

RangeTest::RangeTest(const RangeTestOptions &options)
    : m_options(options)
{
    assert(validate(options).isOk());
}

Status RangeTest::validate(const RangeTestOptions &options)
{
    if (!LearningRateLimits::isAllowedPositive(options.start))
        return Status::invalidInput("start: expected " + LearningRateLimits::allowedPositiveText() + ", got "
                                    + numberText("%g", options.start));
    if (!(std::isfinite(options.factor) && options.factor > 1.0))
        return Status::invalidInput("factor: expected a finite number > 1, got " + numberText("%g", options.factor));
    if (options.steps < 2)
        return Status::invalidInput("steps: expected an integer >= 2, got " + std::to_string(options.steps));
    const double last = options.start * std::pow(options.factor, options.steps - 1);
    if (!LearningRateLimits::isAllowed(last))
        return Status::invalidInput("steps: the last rate start * factor^(steps - 1) = " + numberText("%g", last)
                                    + " is not " + LearningRateLimits::allowedText()
                                    + "; lower start, factor or steps");
    if (options.epochs < 0 || options.epochs > 1000)
        return Status::invalidInput("epochs: expected 0 (the spec's own) to 1000, got " + std::to_string(options.epochs));
    if (!(options.fraction > 0.0 && options.fraction <= 1.0))
        return Status::invalidInput("fraction: expected a number in (0, 1], got " + numberText("%g", options.fraction));
    return Status::ok();
}

std::vector<double> RangeTest::rates() const
{
    std::vector<double> rates;
    for (int i = 0; i < m_options.steps; ++i)
        rates.push_back(m_options.start * std::pow(m_options.factor, i));
    return rates;
}

LrFindResult RangeTest::run(const RunAtRate &runAtRate, const CancellationToken *token, const ProgressSink &sink) const
{
    const Timer timer;
    LrFindResult result;
    result.mode = LrFindMode::Range;
    const std::vector<double> rates = this->rates();
    const double count = static_cast<double>(rates.size());
    for (std::size_t i = 0; i < rates.size() && result.status.isOk(); ++i) {
        if (token && token->isCancelled()) {
            result.status = Status::cancelled();
            break;
        }
        const auto progress = [&](double within) {
            if (token && token->isCancelled())
                return ProgressAction::Stop;
            return sink ? sink(Progress{(static_cast<double>(i) + within) / count, "lr range test"})
                        : ProgressAction::Continue;
        };
        const RangeRunOutcome outcome = runAtRate(i, rates[i], progress);
        if (outcome.cancelled) {
            result.status = Status::cancelled();
            break;
        }
        LrPoint point;
        point.learningRate = rates[i];
        point.diverged = outcome.diverged || !std::isfinite(outcome.meanLoss);
        point.loss = point.diverged ? std::numeric_limits<double>::quiet_NaN() : outcome.meanLoss;
        point.rawLoss = point.loss;
        result.points.push_back(point);
        if (m_observer)
            m_observer(point);
        if (progress(1.0) == ProgressAction::Stop)
            result.status = Status::cancelled();
    }
    result.suggestions = LrSuggester::rangeTest(result.points);
    result.seconds = timer.seconds();
    return result;
}

TrainingSet RangeTest::sample(const TrainingSet &rows, double fraction, std::uint64_t seed)
{
    const auto total = static_cast<std::size_t>(rows.size());
    if (fraction >= 1.0 || total <= 1)
        return rows.slice(0, rows.size());
    const auto wanted = std::clamp<std::size_t>(static_cast<std::size_t>(std::llround(fraction * double(total))), 1,
                                                total);
    std::vector<std::size_t> order(total);
    std::iota(order.begin(), order.end(), std::size_t(0));
    RandomGenerator rng(RandomGenerator::mix(seed ^ s_sampleStream));
    for (std::size_t i = 0; i < wanted; ++i)
        std::swap(order[i], order[i + rng.below(total - i)]);
    order.resize(wanted);
    std::sort(order.begin(), order.end());
    return DataSplitter::take(rows, order).takeValue();
}

Result<LrFindResult> RangeTest::train(const ModelSpec &spec, const TrainingData &data, const CancellationToken *token,
                                      const ProgressSink &sink) const
{
    ModelSpec seeded = spec;
    seeded.seed = m_options.seed;
    // The spec's own budget (RangeTest.h): the lowest loss is then the best rate measured for it.
    if (m_options.epochs > 0)
        seeded.epochs = m_options.epochs;
    // Checks the spec against the data once, before any run.
    if (auto probe = TrainingSession::create(seeded, data); !probe.isOk())
        return probe.status();
    const TrainingSet sampled = m_options.fraction < 1.0 ? sample(data.train, m_options.fraction, m_options.seed)
                                                         : TrainingSet();
    const TrainingSet &rows = m_options.fraction < 1.0 ? sampled : data.train;
    Status failure;
    const auto runAtRate = [&](std::size_t, double rate, const std::function<ProgressAction(double)> &progress) {
        RangeRunOutcome outcome;
        auto session = TrainingSession::create(seeded, data);
        Trainer &trainer = session.value()->trainer();
        trainer.setValidationData(nullptr);
        (void)trainer.setLearningRate(rate);
        trainer.setCancellationToken(token);
        trainer.setProgressHook([&progress](const TrainProgress &at) { return progress(at.fraction); });
        const TrainResult fitted = trainer.fit(rows);
        outcome.cancelled = fitted.stopReason == StopReason::Cancelled;
        outcome.diverged = fitted.stopReason == StopReason::Diverged;
        if (fitted.stopReason == StopReason::Failed) {
            failure = fitted.status;
            outcome.cancelled = true; // ends the search; the failure is reported below
        }
        outcome.meanLoss = fitted.lastEpoch ? fitted.lastEpoch->loss : std::numeric_limits<double>::quiet_NaN();
        return outcome;
    };
    LrFindResult result = run(runAtRate, token, sink);
    if (!failure.isOk())
        return failure;
    return result;
}

} // namespace loupe
