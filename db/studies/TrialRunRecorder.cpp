#include "db/studies/TrialRunRecorder.h"

#include "db/store/StoredJson.h"

#include "core/train/TrainingObjective.h"
#include "core/train/TrainingReport.h"
#include "core/train/TrainingSession.h"
#include "db/runs/EpochMetrics.h"
#include "db/runs/RunRepository.h"
#include "db/studies/SqlTrialStore.h"
#include "db/store/Store.h"
#include "db/runs/TrainRunRecorder.h"
#include "db/store/Transaction.h"
#include "db/studies/TrialRepository.h"

#include <nlohmann/json.hpp>

namespace loupe {

namespace {

EpochMetrics metricsOf(const EpochStats &stats, TaskKind task)
{
    const bool classification = task == TaskKind::Classification;
    EpochMetrics metrics;
    metrics.epoch = stats.epoch + 1;
    metrics.loss = stats.loss;
    if (classification)
        metrics.accuracy = stats.accuracy;
    if (stats.hasValidation()) {
        metrics.valLoss = stats.valLoss;
        if (classification)
            metrics.valAccuracy = stats.valAccuracy;
    }
    metrics.learningRate = stats.learningRate;
    metrics.seconds = stats.seconds;
    return metrics;
}

std::vector<StepMetric> stepsOf(const TrainingOutcome &outcome)
{
    std::vector<StepMetric> steps;
    steps.reserve(outcome.stepLosses.size());
    for (std::size_t i = 0; i < outcome.stepLosses.size(); ++i) {
        const double rate = i < outcome.stepLearningRates.size() ? outcome.stepLearningRates[i] : 0.0;
        steps.push_back(StepMetric{qint64(i + 1), outcome.stepLosses[i], rate});
    }
    return steps;
}


} // namespace

TrialRunRecorder::TrialRunRecorder(TrainingObjective &objective, SqlTrialStore &store, const TrainingData &data)
    : m_objective(objective), m_store(store), m_data(data)
{
    m_objective.setTrainedCallback([this](const ModelSpec &spec, const TrainingOutcome &outcome) {
        const Result<qint64> recorded = record(spec, outcome);
        if (!recorded.isOk()) {
            std::lock_guard lock(m_mutex);
            if (m_firstError.isOk())
                m_firstError = recorded.status();
        }
    });
}

TrialRunRecorder::~TrialRunRecorder()
{
    m_objective.setTrainedCallback({});
}

Result<qint64> TrialRunRecorder::record(const ModelSpec &spec, const TrainingOutcome &outcome)
{
    const std::optional<SqlTrialStore::ReservedTrial> trial = m_store.currentTrial();
    if (!trial)
        return Status::invalidInput("no trial is being evaluated on this thread to record a training run for");
    auto store = m_store.connection();
    if (!store.isOk())
        return store.status();
    std::vector<EpochMetrics> epochs;
    epochs.reserve(outcome.epochs.size());
    for (const EpochStats &stats : outcome.epochs)
        epochs.push_back(metricsOf(stats, m_data.task));
    nlohmann::ordered_json summary = TrainingReport::summaryJson(outcome, m_data);
    summary.erase("feature_plan"); // the same for every trial: stored once, with the study's objective
    summary["search"] = {{"study_id", m_store.studyId()}, {"trial", trial->number}};

    auto transaction = Transaction::begin(*store.value());
    if (!transaction.isOk())
        return transaction.status();
    RunRepository runs(*store.value());
    auto run = runs.createRun(RunKind::Train, std::nullopt, QString::fromStdString(spec.toJsonText()));
    if (!run.isOk())
        return run.status();
    if (!epochs.empty()) {
        if (Status added = runs.addEpochMetrics(run.value(), epochs); !added.isOk())
            return added;
    }
    if (!outcome.stepLosses.empty()) {
        if (Status added = runs.addStepMetrics(run.value(), stepsOf(outcome)); !added.isOk())
            return added;
    }
    const QString error = outcome.result.status.isOk() ? QString()
                                                       : QString::fromStdString(outcome.result.status.message());
    if (Status finished = runs.finishRun(run.value(), TrainRunRecorder::statusFor(outcome.result.stopReason),
                                         outcome.result.seconds, storedJson(summary), error);
        !finished.isOk())
        return finished;
    if (Status linked = TrialRepository(*store.value()).linkRun(trial->id, run.value()); !linked.isOk())
        return linked;
    if (Status committed = transaction.value().commit(); !committed.isOk())
        return committed;
    std::lock_guard lock(m_mutex);
    m_runs[trial->number] = run.value();
    return run.value();
}

std::optional<qint64> TrialRunRecorder::runOf(int number) const
{
    std::lock_guard lock(m_mutex);
    const auto found = m_runs.find(number);
    return found == m_runs.end() ? std::nullopt : std::optional<qint64>(found->second);
}

Status TrialRunRecorder::firstError() const
{
    std::lock_guard lock(m_mutex);
    return m_firstError;
}

} // namespace loupe
