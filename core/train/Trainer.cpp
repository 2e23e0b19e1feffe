#include "core/train/Trainer.h"

#include "core/util/NumberText.h"

#include "core/nn/FlushDenormals.h"
#include "core/nn/Metrics.h"
#include "core/util/RandomGenerator.h"
#include "core/util/WorkSplit.h"
#include "core/train/TerminateOnNaN.h"
#include "core/util/Timer.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <numeric>

namespace loupe {

namespace {
constexpr Index s_evaluationChunk = 1024;
constexpr std::uint64_t s_shuffleStream = 0x53485546464C45ull; // decorrelates shuffling from initialization

} // namespace

struct Trainer::RunState {
    const TrainingSet *data = nullptr;
    Index trainRows = 0;
    std::optional<ConstMatrixView> validationFeatures;
    std::optional<ConstMatrixView> validationTargets;
    std::vector<Index> order;
    RandomGenerator rng{0};
    int stepsPerEpoch = 0;
    std::int64_t totalSteps = 0;
    std::int64_t globalStep = 0;
    int epochsCompleted = 0;
    StopReason stopReason = StopReason::Completed;
    Status status;
    bool stopping = false;
    std::optional<EpochStats> lastEpoch;
    double epochLossSum = 0.0;
    Index epochCorrect = 0;
    Index epochRows = 0;
    Timer timer;
};

Trainer::Trainer(Sequential &model, std::unique_ptr<Optimizer> optimizer, std::unique_ptr<Loss> loss)
    : m_model(model)
    , m_optimizer(std::move(optimizer))
    , m_loss(std::move(loss))
{
    assert(m_optimizer && m_loss);
}

Trainer::~Trainer() = default;

Status Trainer::setEpochs(int epochs)
{
    if (epochs < 1)
        return Status::invalidInput("epochs: expected a positive integer, got " + std::to_string(epochs));
    m_epochs = epochs;
    return Status::ok();
}

Status Trainer::setBatchSize(int batchSize)
{
    if (batchSize < 1)
        return Status::invalidInput("batch_size: expected a positive integer, got " + std::to_string(batchSize));
    m_batchSize = batchSize;
    return Status::ok();
}

Status Trainer::setValidationSplit(double fraction)
{
    if (!(fraction >= 0.0 && fraction < 1.0))
        return Status::invalidInput("validation_split: expected a number in [0, 1), got " + numberText("%g", fraction));
    m_validationSplit = fraction;
    return Status::ok();
}

Status Trainer::setLearningRate(double learningRate)
{
    if (!(std::isfinite(learningRate) && learningRate >= 0.0 && learningRate <= 3.0e38))
        return Status::invalidInput("learning_rate: expected a finite number >= 0, got " + numberText("%g", learningRate));
    m_optimizer->setLearningRate(static_cast<float>(learningRate));
    return Status::ok();
}

double Trainer::learningRate() const { return m_optimizer->learningRate(); }
void Trainer::setSeed(std::uint64_t seed) { m_seed = seed; }
void Trainer::setShuffle(Shuffle shuffle) { m_shuffle = shuffle; }
void Trainer::setValidationData(const TrainingSet *validation) { m_validation = validation; }
void Trainer::setCancellationToken(const CancellationToken *token) { m_token = token; }
void Trainer::setProgressHook(TrainProgressHook hook) { m_progressHook = std::move(hook); }
void Trainer::addCallback(Callback &callback) { m_callbacks.push_back(&callback); }
void Trainer::clearCallbacks() { m_callbacks.clear(); }

void Trainer::stopWith(Status status, StopReason reason)
{
    if (!m_stopStatus) {
        m_stopStatus = std::move(status);
        m_stopReason = reason;
    }
}

Status Trainer::checkData(const TrainingSet &data, Index &trainRows) const
{
    if (data.size() == 0)
        return Status::invalidInput("training data: no rows");
    if (m_model.isBuilt() && data.featureCount() != m_model.inputFeatures()) {
        return Status::invalidInput("training data: " + std::to_string(data.featureCount())
                                    + " features, the model expects " + std::to_string(m_model.inputFeatures()));
    }
    trainRows = data.size();
    if (m_validation) {
        if (m_validation->size() == 0 || m_validation->featureCount() != data.featureCount()
            || m_validation->targetCount() != data.targetCount()) {
            return Status::invalidInput("validation data: expected rows of " + std::to_string(data.featureCount())
                                        + " features and " + std::to_string(data.targetCount()) + " targets");
        }
    } else if (m_validationSplit > 0.0) {
        // Keras: the first int(n * (1 - split)) rows train, the rest validate (before shuffling).
        trainRows = static_cast<Index>(static_cast<double>(data.size()) * (1.0 - m_validationSplit));
        if (trainRows == 0 || trainRows == data.size()) {
            return Status::invalidInput("validation_split: " + numberText("%g", m_validationSplit) + " of "
                                        + std::to_string(data.size()) + " rows leaves no "
                                        + (trainRows == 0 ? "training" : "validation") + " rows");
        }
    }
    return Status::ok();
}

TrainResult Trainer::fit(const TrainingSet &data)
{
    RunState run;
    run.data = &data;
    m_stopStatus.reset();
    Status status = checkData(data, run.trainRows);
    if (status.isOk() && !m_model.isBuilt())
        status = m_model.build(data.featureCount(), m_seed);
    if (status.isOk() && data.targetCount() != m_model.outputFeatures()) {
        status = Status::invalidInput("training data: " + std::to_string(data.targetCount())
                                      + " targets per row, the model outputs " + std::to_string(m_model.outputFeatures()));
    }
    if (!status.isOk()) {
        TrainResult result;
        result.status = status;
        result.stopReason = StopReason::Failed;
        return result;
    }
    if (m_validation) {
        run.validationFeatures.emplace(m_validation->features());
        run.validationTargets.emplace(m_validation->targets());
    } else if (run.trainRows < data.size()) {
        const Index rows = data.size() - run.trainRows;
        run.validationFeatures.emplace(data.features().data() + run.trainRows * data.featureCount(), rows, data.featureCount());
        run.validationTargets.emplace(data.targets().data() + run.trainRows * data.targetCount(), rows, data.targetCount());
    }
    run.order.resize(static_cast<std::size_t>(run.trainRows));
    std::iota(run.order.begin(), run.order.end(), Index(0));
    run.rng = RandomGenerator(RandomGenerator::mix(m_seed ^ s_shuffleStream));
    run.stepsPerEpoch = static_cast<int>((run.trainRows + m_batchSize - 1) / m_batchSize);
    run.totalSteps = static_cast<std::int64_t>(run.stepsPerEpoch) * m_epochs;

    const Index batchRows = std::min<Index>(m_batchSize, run.trainRows);
    m_model.reserveRows(batchRows);
    m_batchFeatures.resize(batchRows, data.featureCount());
    m_batchTargets.resize(batchRows, data.targetCount());
    m_lossGradient.resize(batchRows, m_model.outputFeatures());

    const FlushDenormals flushDenormals;
    for (Callback *callback : m_callbacks) {
        if (stopRequested(run, callback->onTrainBegin(*this)))
            return finish(run);
    }
    for (int epoch = 0; epoch < m_epochs && !run.stopping; ++epoch) {
        if (!runEpoch(run, epoch))
            break;
    }
    return finish(run);
}

bool Trainer::stopRequested(RunState &run, CallbackAction action)
{
    if (m_stopStatus) {
        run.status = *m_stopStatus;
        run.stopReason = m_stopReason;
        run.stopping = true;
    } else if (action == CallbackAction::Stop) {
        run.stopReason = StopReason::StoppedByCallback;
        run.stopping = true;
    }
    return run.stopping;
}

bool Trainer::runEpoch(RunState &run, int epoch)
{
    Timer epochTimer;
    for (Callback *callback : m_callbacks) {
        if (stopRequested(run, callback->onEpochBegin(*this, epoch)))
            return false;
    }
    if (m_shuffle == Shuffle::EachEpoch) {
        for (std::size_t i = run.order.size(); i > 1; --i)
            std::swap(run.order[i - 1], run.order[run.rng.below(i)]);
    }
    run.epochLossSum = 0.0;
    run.epochCorrect = 0;
    run.epochRows = 0;
    for (int step = 0; step < run.stepsPerEpoch; ++step) {
        const Index begin = static_cast<Index>(step) * m_batchSize;
        const Index rows = std::min<Index>(m_batchSize, run.trainRows - begin);
        if (!runBatch(run, epoch, step, begin, rows))
            return false;
    }
    EpochStats stats;
    stats.epoch = epoch;
    stats.steps = run.stepsPerEpoch;
    stats.loss = run.epochLossSum / static_cast<double>(run.epochRows);
    stats.accuracy = static_cast<double>(run.epochCorrect) / static_cast<double>(run.epochRows);
    if (run.validationFeatures) {
        const Evaluation validation = evaluate(*run.validationFeatures, *run.validationTargets);
        stats.valLoss = validation.loss;
        stats.valAccuracy = validation.accuracy;
    }
    stats.learningRate = learningRate();
    stats.seconds = epochTimer.seconds();
    run.lastEpoch = stats;
    run.epochsCompleted = epoch + 1;
    for (Callback *callback : m_callbacks) {
        if (stopRequested(run, callback->onEpochEnd(*this, stats)))
            return false;
    }
    return true;
}

void Trainer::gatherBatch(RunState &run, Index begin, Index rows)
{
    const Index features = run.data->featureCount();
    const Index targets = run.data->targetCount();
    const float *x = run.data->features().data();
    const float *y = run.data->targets().data();
    // Rows come from all over the data set: several threads keep more cache misses in flight,
    // and each gathers the rows the first layer's GEMM will give it (WorkSplit pieces).
    const int threads = WorkSplit::threadsFor(rows, 4.0 * double(rows) * double(features));
#pragma omp parallel num_threads(threads) if (threads > 1)
    {
        const auto part = WorkSplit::piece(rows, omp_get_num_threads(), omp_get_thread_num());
        for (Index r = part.begin; r < part.end; ++r) {
            const Index source = run.order[static_cast<std::size_t>(begin + r)];
            std::memcpy(m_batchFeatures.data() + r * features, x + source * features, sizeof(float) * features);
            std::memcpy(m_batchTargets.data() + r * targets, y + source * targets, sizeof(float) * targets);
        }
    }
}

bool Trainer::runBatch(RunState &run, int epoch, int step, Index begin, Index rows)
{
    if (m_token && m_token->isCancelled()) {
        stopWith(Status::cancelled(), StopReason::Cancelled);
        return !stopRequested(run, CallbackAction::Continue);
    }
    for (Callback *callback : m_callbacks) {
        if (stopRequested(run, callback->onBatchBegin(*this, epoch, step, run.globalStep)))
            return false;
    }
    gatherBatch(run, begin, rows);
    const ConstMatrixView x = topRows(std::as_const(m_batchFeatures), rows);
    const ConstMatrixView y = topRows(std::as_const(m_batchTargets), rows);
    MatrixView gradient = topRows(m_lossGradient, rows);

    BatchStats stats;
    stats.epoch = epoch;
    stats.step = step;
    stats.globalStep = run.globalStep;
    stats.rows = rows;
    stats.learningRate = learningRate();
    const ConstMatrixView output = m_model.forward(x, Mode::Training);
    stats.loss = m_loss->valueAndGradient(output, y, gradient);
    const Index correct = Metrics::correctCount(output, y, m_loss->decisionThreshold());
    stats.accuracy = static_cast<double>(correct) / static_cast<double>(rows);
    const bool finite = std::isfinite(stats.loss);
    if (finite) {
        m_model.backward(x, constView(gradient));
        m_optimizer->step(m_model.parameterBlocks());
    }
    ++run.globalStep;
    run.epochLossSum += stats.loss * static_cast<double>(rows);
    run.epochCorrect += correct;
    run.epochRows += rows;

    CallbackAction action = CallbackAction::Continue;
    for (Callback *callback : m_callbacks) {
        if (callback->onBatchEnd(*this, stats) == CallbackAction::Stop)
            action = CallbackAction::Stop;
    }
    if (!finite)
        stopWith(Status::error(StatusCode::Failed, TerminateOnNaN::message(epoch, step, stats.loss)), StopReason::Diverged);
    if (stopRequested(run, action))
        return false;
    if (m_progressHook) {
        TrainProgress progress;
        progress.epoch = epoch;
        progress.epochs = m_epochs;
        progress.step = step;
        progress.stepsPerEpoch = run.stepsPerEpoch;
        progress.globalStep = run.globalStep;
        progress.totalSteps = run.totalSteps;
        progress.batchLoss = stats.loss;
        progress.fraction = static_cast<double>(run.globalStep) / static_cast<double>(run.totalSteps);
        if (m_progressHook(progress) == ProgressAction::Stop) {
            stopWith(Status::cancelled(), StopReason::Cancelled);
            return !stopRequested(run, CallbackAction::Continue);
        }
    }
    return true;
}

TrainResult Trainer::finish(RunState &run)
{
    TrainResult result;
    result.status = run.status;
    result.stopReason = run.stopReason;
    result.epochsCompleted = run.epochsCompleted;
    result.stepsCompleted = run.globalStep;
    result.lastEpoch = run.lastEpoch;
    result.seconds = run.timer.seconds();
    for (Callback *callback : m_callbacks)
        callback->onTrainEnd(*this, result);
    m_stopStatus.reset();
    return result;
}

Evaluation Trainer::evaluate(ConstMatrixView features, ConstMatrixView targets)
{
    assert(m_model.isBuilt() && features.rows() == targets.rows());
    Evaluation evaluation;
    if (features.rows() == 0)
        return evaluation;
    double lossSum = 0.0;
    Index correct = 0;
    for (Index begin = 0; begin < features.rows(); begin += s_evaluationChunk) {
        const Index rows = std::min(s_evaluationChunk, features.rows() - begin);
        const ConstMatrixView x(features.data() + begin * features.cols(), rows, features.cols());
        const ConstMatrixView y(targets.data() + begin * targets.cols(), rows, targets.cols());
        const ConstMatrixView output = m_model.forward(x, Mode::Inference);
        lossSum += m_loss->value(output, y) * static_cast<double>(rows);
        correct += Metrics::correctCount(output, y, m_loss->decisionThreshold());
    }
    evaluation.loss = lossSum / static_cast<double>(features.rows());
    evaluation.accuracy = static_cast<double>(correct) / static_cast<double>(features.rows());
    return evaluation;
}

} // namespace loupe
