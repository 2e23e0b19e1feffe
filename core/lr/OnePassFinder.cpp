#include "core/lr/OnePassFinder.h"

#include "core/lr/LrSuggester.h"
#include "core/optim/LearningRateLimits.h"
#include "core/train/TrainingSession.h"
#include "core/util/NumberText.h"
#include "core/util/Timer.h"

#include <cassert>
#include <cmath>
#include <limits>

namespace loupe {

namespace {

// Drives the finder from inside Trainer::fit(): sets each batch's rate and hands its loss over.
class FinderCallback : public Callback {
public:
    FinderCallback(OnePassFinder &finder, std::int64_t iterations) : m_finder(finder), m_iterations(iterations) {}

    CallbackAction onBatchBegin(Trainer &trainer, int, int, std::int64_t globalStep) override
    {
        const Status status = trainer.setLearningRate(m_finder.learningRateAt(globalStep, m_iterations));
        if (status.isOk())
            return CallbackAction::Continue;
        trainer.stopWith(Status::invalidInput("lr-find at step " + std::to_string(globalStep) + ": " + status.message()));
        return CallbackAction::Stop;
    }

    CallbackAction onBatchEnd(Trainer &, const BatchStats &stats) override
    {
        // The exact rate of the schedule (the optimizer keeps it as a float).
        const double rate = m_finder.learningRateAt(stats.globalStep, m_iterations);
        return m_finder.observe(rate, stats.loss) == FinderStep::Stop ? CallbackAction::Stop : CallbackAction::Continue;
    }

private:
    OnePassFinder &m_finder;
    std::int64_t m_iterations;
};

// start and end: the rates the sweep runs between.
Status sweptRate(const char *name, double value)
{
    if (LearningRateLimits::isAllowedPositive(value))
        return Status::ok();
    return Status::invalidInput(std::string(name) + ": expected " + LearningRateLimits::allowedPositiveText()
                                + ", got " + numberText("%g", value));
}

} // namespace

OnePassFinder::OnePassFinder(const OnePassOptions &options)
    : m_options(options)
    , m_smoother(options.beta)
{
    assert(validate(options).isOk());
}

Status OnePassFinder::validate(const OnePassOptions &options)
{
    if (Status status = sweptRate("start", options.start); !status.isOk())
        return status;
    if (Status status = sweptRate("end", options.end); !status.isOk())
        return status;
    if (!(options.end > options.start))
        return Status::invalidInput("end: expected a number above start (" + numberText("%g", options.start)
                                    + "), got " + numberText("%g", options.end));
    if (options.iterations != 0 && options.iterations < 6)
        return Status::invalidInput("iterations: expected 0 (one epoch) or an integer >= 6, got "
                                    + std::to_string(options.iterations));
    if (!(options.beta >= 0.0 && options.beta < 1.0))
        return Status::invalidInput("beta: expected a number in [0, 1), got " + std::to_string(options.beta));
    if (!(std::isfinite(options.divergenceFactor) && options.divergenceFactor > 1.0))
        return Status::invalidInput("divergence factor: expected a number > 1, got "
                                    + std::to_string(options.divergenceFactor));
    return Status::ok();
}

double OnePassFinder::learningRateAt(std::int64_t iteration, std::int64_t iterations) const
{
    assert(iterations >= 1);
    const double position = static_cast<double>(iteration) / static_cast<double>(iterations);
    return m_options.start * std::pow(m_options.end / m_options.start, position);
}

void OnePassFinder::begin(std::int64_t iterations)
{
    assert(iterations >= 1);
    m_iterations = iterations;
    m_smoother.reset();
    m_bestLoss = std::numeric_limits<double>::infinity();
    m_points.clear();
}

FinderStep OnePassFinder::observe(double learningRate, double batchLoss)
{
    LrPoint point;
    point.learningRate = learningRate;
    point.rawLoss = batchLoss;
    point.loss = m_smoother.add(batchLoss);
    if (point.loss < m_bestLoss)
        m_bestLoss = point.loss;
    point.diverged = !std::isfinite(point.loss) || point.loss > m_options.divergenceFactor * m_bestLoss;
    m_points.push_back(point);
    if (m_observer)
        m_observer(point);
    if (point.diverged || static_cast<std::int64_t>(m_points.size()) >= m_iterations)
        return FinderStep::Stop;
    return FinderStep::Continue;
}

LrFindResult OnePassFinder::finish(double seconds, Status status) const
{
    LrFindResult result;
    result.mode = LrFindMode::OnePass;
    result.points = m_points;
    result.suggestions = LrSuggester::onePass(m_points, m_iterations);
    result.seconds = seconds;
    result.status = std::move(status);
    return result;
}

LrFindResult OnePassFinder::run(const BatchLoss &source, const CancellationToken *token, const ProgressSink &sink)
{
    assert(m_options.iterations >= 1);
    const Timer timer;
    begin(m_options.iterations);
    for (std::int64_t i = 0; i < m_iterations; ++i) {
        if (token && token->isCancelled())
            return finish(timer.seconds(), Status::cancelled());
        const double rate = learningRateAt(i, m_iterations);
        if (observe(rate, source(i, rate)) == FinderStep::Stop)
            break;
        const double fraction = static_cast<double>(i + 1) / static_cast<double>(m_iterations);
        if (sink && sink(Progress{fraction, "lr-find"}) == ProgressAction::Stop)
            return finish(timer.seconds(), Status::cancelled());
    }
    return finish(timer.seconds(), Status::ok());
}

Result<LrFindResult> OnePassFinder::train(const ModelSpec &spec, const TrainingData &data,
                                          const CancellationToken *token, const ProgressSink &sink)
{
    const Timer timer;
    ModelSpec seeded = spec;
    seeded.seed = m_options.seed;
    auto session = TrainingSession::create(seeded, data);
    if (!session.isOk())
        return session.status();
    Trainer &trainer = session.value()->trainer();
    trainer.setValidationData(nullptr);
    const std::int64_t stepsPerEpoch = (data.train.size() + trainer.batchSize() - 1) / trainer.batchSize();
    const std::int64_t iterations = m_options.iterations > 0 ? m_options.iterations : stepsPerEpoch;
    if (Status status = trainer.setEpochs(static_cast<int>((iterations + stepsPerEpoch - 1) / stepsPerEpoch));
        !status.isOk())
        return status;
    begin(iterations);
    FinderCallback callback(*this, iterations);
    trainer.addCallback(callback);
    trainer.setCancellationToken(token);
    if (sink) {
        trainer.setProgressHook([&sink, iterations](const TrainProgress &progress) {
            const double fraction = static_cast<double>(progress.globalStep) / static_cast<double>(iterations);
            return sink(Progress{fraction, "lr-find"});
        });
    }
    const TrainResult fitted = trainer.fit(data.train);
    if (fitted.stopReason == StopReason::Cancelled)
        return finish(timer.seconds(), Status::cancelled());
    if (fitted.stopReason == StopReason::Failed)
        return fitted.status;
    return finish(timer.seconds(), Status::ok());
}

} // namespace loupe
