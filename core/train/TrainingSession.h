#pragma once
// One training run of a ModelSpec on TrainingData, as loupe-cli train and the Train page run it:
// checks that the spec fits the data, builds the model, optimizer and loss (ModelFactory), trains
// with the prepared validation set, then measures the test set.
//
// Callbacks: the spec's schedule first (a LearningRateScheduler, per epoch or per step as the
// schedule's "per" says, so the rate every epoch and step reports is the scheduled one), then
// TerminateOnNaN, then a DivergenceGuard (a finite loss that exploded ends the run
// as diverged too), then a History, then the caller's, in the order added.
// Class weights: the data's (TrainingData::classBalance) are set on the loss, so training, validation
// and test losses are the weighted loss.
// Threading: run() on one thread; only the cancellation token may be set from elsewhere.

#include "core/train/ClassificationMetrics.h"
#include "core/train/ModelSpec.h"
#include "core/nn/Sequential.h"
#include "core/train/TrainingData.h"
#include "core/train/DivergenceGuard.h"
#include "core/train/History.h"
#include "core/train/LearningRateScheduler.h"
#include "core/train/TerminateOnNaN.h"
#include "core/train/Trainer.h"

#include <memory>
#include <optional>
#include <vector>

namespace loupe {

struct TrainingOutcome {
    TrainResult result;               // status, stop reason, epochs and steps done
    std::vector<EpochStats> epochs;   // every completed epoch
    std::vector<double> stepLosses;   // every completed step's training loss, in step order
    std::vector<double> stepLearningRates; // the rate each of those steps used
    std::optional<Evaluation> test;   // when training ended normally and there is a test set
    // Classification, training ended normally: per-class recall, balanced accuracy, PR-AUC on the
    // test rows (else the validation rows; nullopt when neither).
    std::optional<ClassificationMetrics> metrics;

    bool diverged() const { return result.stopReason == StopReason::Diverged; }
    bool cancelled() const { return result.stopReason == StopReason::Cancelled; }
    // Completed or stopped early by a callback such as EarlyStopping.
    bool succeeded() const { return result.status.isOk(); }
};

class TrainingSession {
public:
    // requires: data outlives the session.
    // InvalidInput starting with the JSON path of what does not fit: "loss: ..." (a cross-entropy
    // loss on a regression target), "layers[i].units: ..." (output width vs classes),
    // "input.features: ..." (feature count).
    static Result<std::unique_ptr<TrainingSession>> create(const ModelSpec &spec, const TrainingData &data);

    ~TrainingSession();
    TrainingSession(const TrainingSession &) = delete;
    TrainingSession &operator=(const TrainingSession &) = delete;

    // The validation fraction the spec asks for: validation_split when given (0: none), else 0.1.
    static double defaultValidationFraction(const ModelSpec &spec);
    // SingleColumn when the spec's last dense layer has one unit (sigmoid + binary cross-entropy).
    static BinaryTargets binaryTargetsFor(const ModelSpec &spec);

    const ModelSpec &spec() const { return m_spec; }
    Sequential &model() { return m_model; }
    Trainer &trainer() { return *m_trainer; }
    const History &history() const { return m_history; }

    void setCancellationToken(const CancellationToken *token) { m_trainer->setCancellationToken(token); }
    void setProgressHook(TrainProgressHook hook) { m_trainer->setProgressHook(std::move(hook)); }
    // Not owned; must outlive run().
    void addCallback(Callback &callback) { m_trainer->addCallback(callback); }

    // Trains, then evaluates the test set when training succeeded.
    TrainingOutcome run();

private:
    TrainingSession(const ModelSpec &spec, const TrainingData &data, Sequential model);

    ModelSpec m_spec;
    const TrainingData &m_data;
    Sequential m_model;
    std::unique_ptr<Trainer> m_trainer;
    std::unique_ptr<LearningRateScheduler> m_scheduler; // when the spec has a schedule
    TerminateOnNaN m_terminateOnNaN;
    DivergenceGuard m_divergenceGuard;
    History m_history;
};

} // namespace loupe
