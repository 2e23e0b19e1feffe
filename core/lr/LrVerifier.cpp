#include "core/lr/LrVerifier.h"

#include "core/optim/LearningRateLimits.h"
#include "core/train/TrainingOverrides.h"
#include "core/train/TrainingSession.h"
#include "core/util/NumberText.h"
#include "core/util/Timer.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <limits>
#include <map>

namespace loupe {

namespace {

constexpr double s_verifyNaN = std::numeric_limits<double>::quiet_NaN();
constexpr std::size_t s_maxVerifyRates = 100;
constexpr std::size_t s_maxVerifySeeds = 20;

double meanOf(const std::vector<double> &values)
{
    if (values.empty())
        return s_verifyNaN;
    double sum = 0.0;
    for (double value : values)
        sum += value;
    return sum / static_cast<double>(values.size());
}

} // namespace

std::vector<LrVerifySummary> LrVerifyResult::summaries() const
{
    std::vector<LrVerifySummary> result;
    std::map<double, std::size_t> slot;
    std::vector<std::vector<const LrVerifyPoint *>> groups;
    for (const LrVerifyPoint &point : points) {
        auto [it, inserted] = slot.emplace(point.learningRate, groups.size());
        if (inserted)
            groups.emplace_back();
        groups[it->second].push_back(&point);
    }
    for (const auto &group : groups) {
        LrVerifySummary summary;
        summary.learningRate = group.front()->learningRate;
        std::vector<double> losses, accuracies, balanced, precisions;
        for (const LrVerifyPoint *point : group) {
            ++summary.runs;
            if (point->diverged) {
                ++summary.diverged;
                continue;
            }
            losses.push_back(point->loss);
            if (point->scores) {
                accuracies.push_back(point->scores->accuracy);
                balanced.push_back(point->scores->balancedAccuracy);
                if (point->scores->averagePrecision)
                    precisions.push_back(*point->scores->averagePrecision);
            }
        }
        summary.meanLoss = meanOf(losses);
        summary.meanAccuracy = meanOf(accuracies);
        summary.meanBalancedAccuracy = meanOf(balanced);
        summary.meanAveragePrecision = meanOf(precisions);
        summary.accuracySpread = accuracies.empty()
                                     ? s_verifyNaN
                                     : *std::max_element(accuracies.begin(), accuracies.end())
                                           - *std::min_element(accuracies.begin(), accuracies.end());
        result.push_back(summary);
    }
    return result;
}

LrVerifier::LrVerifier(LrVerifyOptions options) : m_options(std::move(options))
{
    assert(validate(m_options).isOk());
}

Status LrVerifier::validate(const LrVerifyOptions &options)
{
    if (options.rates.empty() || options.rates.size() > s_maxVerifyRates)
        return Status::invalidInput("rates: expected 1 to " + std::to_string(s_maxVerifyRates) + " rates, got "
                                    + std::to_string(options.rates.size()));
    for (double rate : options.rates) {
        if (!LearningRateLimits::isAllowedPositive(rate))
            return Status::invalidInput("rates: expected each " + LearningRateLimits::allowedPositiveText() + ", got "
                                        + numberText("%g", rate));
    }
    if (options.seeds.empty() || options.seeds.size() > s_maxVerifySeeds)
        return Status::invalidInput("seeds: expected 1 to " + std::to_string(s_maxVerifySeeds) + " seeds, got "
                                    + std::to_string(options.seeds.size()));
    return Status::ok();
}

std::vector<double> LrVerifier::around(double rate, double factor, int each)
{
    std::vector<double> rates;
    for (int k = -each; k <= each; ++k)
        rates.push_back(rate * std::pow(factor, k));
    return rates;
}

LrVerifyResult LrVerifier::run(const RunAtRate &runAtRate, const CancellationToken *token, const ProgressSink &sink) const
{
    const Timer timer;
    LrVerifyResult result;
    const double total = static_cast<double>(m_options.rates.size() * m_options.seeds.size());
    std::size_t done = 0;
    for (double rate : m_options.rates) {
        for (std::uint64_t seed : m_options.seeds) {
            if (token && token->isCancelled()) {
                result.status = Status::cancelled();
                result.seconds = timer.seconds();
                return result;
            }
            const auto progress = [&](double within) {
                if (token && token->isCancelled())
                    return ProgressAction::Stop;
                return sink ? sink(Progress{(static_cast<double>(done) + within) / total, "verifying learning rates"})
                            : ProgressAction::Continue;
            };
            std::optional<LrVerifyPoint> point = runAtRate(rate, seed, progress);
            if (!point || progress(1.0) == ProgressAction::Stop) {
                if (point)
                    result.points.push_back(*point);
                result.status = Status::cancelled();
                result.seconds = timer.seconds();
                return result;
            }
            ++done;
            result.points.push_back(*point);
            if (m_observer)
                m_observer(*point);
        }
    }
    result.seconds = timer.seconds();
    return result;
}

Result<LrVerifyResult> LrVerifier::train(const ModelSpec &spec, const TrainingData &data,
                                         const CancellationToken *token, const ProgressSink &sink) const
{
    const bool onTest = data.test.size() > 0;
    if (!onTest && data.validation.size() == 0)
        return Status::invalidInput("data: no test or validation rows to measure the trained models on");
    if (auto probe = TrainingSession::create(spec, data); !probe.isOk())
        return probe.status();
    const TrainingSet &measured = onTest ? data.test : data.validation;
    Status failure;
    const auto runAtRate = [&](double rate, std::uint64_t seed,
                               const std::function<ProgressAction(double)> &progress) -> std::optional<LrVerifyPoint> {
        ModelSpec seeded = spec;
        TrainingOverrides overrides;
        overrides.learningRate = rate;
        overrides.seed = seed;
        if (Status applied = overrides.applyTo(seeded); !applied.isOk()) {
            failure = applied;
            return std::nullopt;
        }
        auto session = TrainingSession::create(seeded, data);
        if (!session.isOk()) {
            failure = session.status();
            return std::nullopt;
        }
        const Timer runTimer;
        session.value()->setCancellationToken(token);
        session.value()->setProgressHook([&progress](const TrainProgress &at) { return progress(at.fraction); });
        const TrainingOutcome outcome = session.value()->run();
        if (outcome.cancelled())
            return std::nullopt;
        LrVerifyPoint point;
        point.learningRate = rate;
        point.seed = seed;
        point.diverged = outcome.diverged();
        if (!point.diverged && !outcome.succeeded()) {
            failure = outcome.result.status;
            return std::nullopt;
        }
        point.trainLoss = !point.diverged && !outcome.epochs.empty() ? outcome.epochs.back().loss : s_verifyNaN;
        point.loss = s_verifyNaN;
        if (!point.diverged) {
            const Evaluation evaluation = onTest && outcome.test ? *outcome.test
                                                                  : session.value()->trainer().evaluate(measured);
            point.loss = evaluation.loss;
            point.diverged = !std::isfinite(evaluation.loss);
        }
        if (!point.diverged && data.task == TaskKind::Classification) {
            const Matrix predictions = session.value()->model().predict(measured.features());
            point.scores = OutcomeScores::measure(ConstMatrixView(predictions.data(), predictions.rows(),
                                                                  predictions.cols()),
                                                  measured.targets());
        }
        point.seconds = runTimer.seconds();
        return point;
    };
    LrVerifyResult result = run(runAtRate, token, sink);
    if (!failure.isOk())
        return failure;
    result.measuredOn = onTest ? "test" : "validation";
    return result;
}

} // namespace loupe
