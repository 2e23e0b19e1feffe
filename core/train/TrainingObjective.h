#pragma once
// TrainingObjective: a hyperparameter-search objective that trains a model spec template
// (SearchSpace::fromTemplate of a model spec whose values may be distributions, as hyperas'
// {{choice(...)}} templates) on prepared data. Per trial: instantiate the template with the
// trial's params, parse it as a ModelSpec, train it with TrainingSession, and return
//   ValidationLoss:      the last epoch's validation loss, or
//   ValidationAccuracy:  minus the last epoch's validation accuracy (hyperas' {'loss': -acc}).
// A spec that does not parse or fit the data, a diverged run (NaN / exploded loss) or a missing
// validation set is a Failed status with the reason; cancellation gives Status::cancelled().
// evaluate() is safe from several threads at once (each trial has its own model; the data is
// only read).

#include "core/train/ModelSpec.h"
#include "core/search/Objective.h"
#include "core/search/SearchSpace.h"
#include "core/train/TrainingData.h"

#include <functional>
#include <optional>
#include <string>

namespace loupe {

struct TrainingOutcome;

enum class TrainingLoss { ValidationLoss, ValidationAccuracy };

// "val_loss" / "val_accuracy" (also "val_acc"); nullopt otherwise.
std::optional<TrainingLoss> trainingLossFromName(const std::string &name);
std::string trainingLossName(TrainingLoss loss);

class TrainingObjective : public Objective {
public:
    // requires: space and data outlive the objective.
    TrainingObjective(const SearchSpace &space, const TrainingData &data, TrainingLoss loss);

    Result<double> evaluate(const TrialParams &params, const CancellationToken &cancellation) override;

    // Called after each trained trial with the instantiated spec and the training outcome (from
    // the evaluating thread), e.g. to record the run's curves. Set before the search starts.
    using TrainedCallback = std::function<void(const ModelSpec &, const TrainingOutcome &)>;
    void setTrainedCallback(TrainedCallback callback) { m_onTrained = std::move(callback); }

    // The template instantiated with `params`, as a ModelSpec.
    // ensures: InvalidInput "template instantiated with {params}: <ModelSpec error>" on failure.
    static Result<ModelSpec> specFor(const SearchSpace &space, const TrialParams &params);
    // The spec used to prepare the data (split seed, validation share, binary targets): the
    // template with every distribution at a fixed prior draw. Searched values should not change
    // the data preparation (seed, validation_split, the output layer's width). InvalidInput when
    // "scaling" is searched (the data is scaled once per study), or as specFor().
    static Result<ModelSpec> referenceSpec(const SearchSpace &space);

private:
    const SearchSpace &m_space;
    const TrainingData &m_data;
    TrainingLoss m_loss;
    TrainedCallback m_onTrained;
};

} // namespace loupe
