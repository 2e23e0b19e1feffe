#include "core/train/TrainingSession.h"

#include "core/train/ModelFactory.h"

namespace loupe {

namespace {

// Index of the spec's last dense layer (the one whose units are the model's outputs).
std::optional<std::size_t> lastDenseLayer(const ModelSpec &spec)
{
    for (std::size_t i = spec.layers.size(); i > 0; --i) {
        if (spec.layers[i - 1].kind == LayerKind::Dense)
            return i - 1;
    }
    return std::nullopt;
}

std::string joined(const std::vector<std::string> &labels, std::size_t limit)
{
    std::string text;
    for (std::size_t i = 0; i < labels.size() && i < limit; ++i)
        text += (i ? ", " : "") + labels[i];
    if (labels.size() > limit)
        text += ", ...";
    return text;
}

Status checkLoss(const ModelSpec &spec, const TrainingData &data)
{
    if (data.task == TaskKind::Regression && spec.loss != LossKind::MeanSquaredError) {
        return Status::invalidInput("loss: \"" + lossName(spec.loss) + "\" needs class targets, but the target is a "
                                    "number (regression); use \"mse\"");
    }
    return Status::ok();
}

Status checkOutputs(const ModelSpec &spec, const TrainingData &data, const Sequential &model)
{
    const Index targets = data.train.targetCount();
    if (model.outputFeatures() == targets)
        return Status::ok();
    const auto last = lastDenseLayer(spec);
    const std::string path = last ? "layers[" + std::to_string(*last) + "].units" : std::string("layers");
    std::string what = data.task == TaskKind::Regression
                           ? "1 target value (regression)"
                           : std::to_string(data.classLabels.size()) + " classes (" + joined(data.classLabels, 6) + ")";
    if (data.task == TaskKind::Classification && data.classLabels.size() == 2)
        what += "; use 2 units with softmax, or 1 unit with sigmoid and binary_crossentropy";
    return Status::invalidInput(path + ": the model outputs " + std::to_string(model.outputFeatures())
                                + " values, but the data has " + what);
}

} // namespace

TrainingSession::TrainingSession(const ModelSpec &spec, const TrainingData &data, Sequential model)
    : m_spec(spec)
    , m_data(data)
    , m_model(std::move(model))
{
    std::unique_ptr<Loss> loss = ModelFactory::buildLoss(spec);
    if (data.classBalance && !data.classBalance->weights.empty() && spec.loss != LossKind::MeanSquaredError)
        loss->setClassWeights(data.classBalance->weights);
    m_trainer = std::make_unique<Trainer>(m_model, ModelFactory::buildOptimizer(spec.optimizer), std::move(loss));
}

TrainingSession::~TrainingSession() = default;

double TrainingSession::defaultValidationFraction(const ModelSpec &spec)
{
    return spec.validationSplit.value_or(0.1);
}

BinaryTargets TrainingSession::binaryTargetsFor(const ModelSpec &spec)
{
    const auto last = lastDenseLayer(spec);
    return last && spec.layers[*last].units == 1 ? BinaryTargets::SingleColumn : BinaryTargets::OneHot;
}

Result<std::unique_ptr<TrainingSession>> TrainingSession::create(const ModelSpec &spec, const TrainingData &data)
{
    if (data.train.size() == 0)
        return Status::invalidInput("training data: no rows");
    if (Status status = checkLoss(spec, data); !status.isOk())
        return status;
    auto model = ModelFactory::buildModel(spec, data.train.featureCount());
    if (!model.isOk())
        return model.status();
    if (Status status = checkOutputs(spec, data, model.value()); !status.isOk())
        return status;
    std::unique_ptr<TrainingSession> session(new TrainingSession(spec, data, model.takeValue()));
    Trainer &trainer = *session->m_trainer;
    if (Status status = ModelFactory::configureTrainer(spec, trainer); !status.isOk())
        return status;
    // The validation rows were split off by the data preparation; the trainer must not split again.
    (void)trainer.setValidationSplit(0.0);
    trainer.setValidationData(data.validation.size() > 0 ? &data.validation : nullptr);
    if (spec.schedule) {
        if (Status status = spec.schedule->validate(); !status.isOk())
            return Status::invalidInput("schedule." + status.message());
        std::shared_ptr<const Schedule> schedule = spec.schedule->build();
        session->m_scheduler = std::make_unique<LearningRateScheduler>(
            spec.schedule->unit == ScheduleUnit::Step
                ? LearningRateScheduler::perStep(
                    [schedule](std::int64_t step) { return schedule->learningRate(static_cast<double>(step)); })
                : LearningRateScheduler::perEpoch(
                    [schedule](int epoch, double) { return schedule->learningRate(static_cast<double>(epoch)); }));
        trainer.addCallback(*session->m_scheduler);
    }
    trainer.addCallback(session->m_terminateOnNaN);
    trainer.addCallback(session->m_divergenceGuard);
    trainer.addCallback(session->m_history);
    return session;
}

TrainingOutcome TrainingSession::run()
{
    TrainingOutcome outcome;
    outcome.result = m_trainer->fit(m_data.train);
    outcome.epochs = m_history.epochs();
    outcome.stepLosses = m_history.stepLosses();
    outcome.stepLearningRates = m_history.stepLearningRates();
    if (outcome.succeeded() && m_data.test.size() > 0)
        outcome.test = m_trainer->evaluate(m_data.test);
    if (outcome.succeeded() && m_data.task == TaskKind::Classification && m_data.classLabels.size() >= 2) {
        const bool onTest = m_data.test.size() > 0;
        const TrainingSet &rows = onTest ? m_data.test : m_data.validation;
        if (rows.size() > 0) {
            outcome.metrics = ClassificationMetrics::measure(m_model, rows, m_data.classLabels);
            outcome.metrics->evaluatedOn = onTest ? "test" : "validation";
        }
    }
    return outcome;
}

} // namespace loupe
