#include "core/train/TrainingObjective.h"

#include "core/search/RandomSampler.h"
#include "core/train/TrainingSession.h"

#include <cmath>

namespace loupe {

std::optional<TrainingLoss> trainingLossFromName(const std::string &name)
{
    if (name == "val_loss")
        return TrainingLoss::ValidationLoss;
    if (name == "val_accuracy" || name == "val_acc")
        return TrainingLoss::ValidationAccuracy;
    return std::nullopt;
}

std::string trainingLossName(TrainingLoss loss)
{
    return loss == TrainingLoss::ValidationLoss ? "val_loss" : "val_accuracy";
}

TrainingObjective::TrainingObjective(const SearchSpace &space, const TrainingData &data, TrainingLoss loss)
    : m_space(space), m_data(data), m_loss(loss)
{
}

Result<ModelSpec> TrainingObjective::specFor(const SearchSpace &space, const TrialParams &params)
{
    const nlohmann::json instantiated = space.instantiate(params);
    auto spec = ModelSpec::parse(instantiated.dump());
    if (!spec.isOk())
        return Status::invalidInput("template instantiated with " + params.valuesJson(space).dump() + ": "
                                    + spec.message());
    return spec;
}

Result<ModelSpec> TrainingObjective::referenceSpec(const SearchSpace &space)
{
    for (const SearchParameter &parameter : space.parameters()) {
        if (parameter.path == "scaling")
            return Status::invalidInput("scaling: the data is scaled once for the whole study (fitted on its "
                                        "training rows); give one method, not a distribution");
    }
    const RandomSampler prior(0);
    return specFor(space, prior.sample(space, {}, 0));
}

Result<double> TrainingObjective::evaluate(const TrialParams &params, const CancellationToken &cancellation)
{
    auto spec = specFor(m_space, params);
    if (!spec.isOk())
        return Status::error(StatusCode::Failed, spec.message());
    auto session = TrainingSession::create(spec.value(), m_data);
    if (!session.isOk())
        return Status::error(StatusCode::Failed, "the spec does not fit the data: " + session.message());
    session.value()->setCancellationToken(&cancellation);
    const TrainingOutcome outcome = session.value()->run();
    session.value()->setCancellationToken(nullptr);
    if (m_onTrained)
        m_onTrained(spec.value(), outcome);
    if (outcome.cancelled())
        return Status::cancelled();
    if (!outcome.succeeded())
        return Status::error(StatusCode::Failed, outcome.result.status.message());
    if (outcome.epochs.empty())
        return Status::error(StatusCode::Failed, "no epoch completed");
    const EpochStats &last = outcome.epochs.back();
    if (!last.hasValidation())
        return Status::error(StatusCode::Failed, "no validation data to score the trial (validation_split is 0)");
    const double value = m_loss == TrainingLoss::ValidationLoss ? last.valLoss : -last.valAccuracy;
    if (!std::isfinite(value))
        return Status::error(StatusCode::Failed, trainingLossName(m_loss) + " is not finite");
    return value;
}

} // namespace loupe
